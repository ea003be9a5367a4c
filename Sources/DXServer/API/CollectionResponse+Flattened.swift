extension CollectionResponse {
    /// A collection whose items hold a table of their own (a question and its options): JSON
    /// pages the items, CSV flattens them into one row per nested entry. Both go through the
    /// shared `make`, so paging, the envelope, `Link` and CSV headers stay the same as for
    /// every other collection; only what one CSV row is differs.
    public static func make<T: Encodable, Row: Encodable & CSVRepresentable>(
        _ items: [T], request: Request, key: (T) -> String, csvRows: (T) -> [Row], rowKey: (Row) -> String,
        meta extra: [String: JSONValue] = [:], csvName: String
    ) throws -> HTTPResponse {
        if request.format == .csv {
            return try make(items.flatMap(csvRows), request: request, key: rowKey, meta: extra, csvName: csvName)
        }
        return try make(items.map { JSONOnly(value: $0) }, request: request, key: { key($0.value) }, meta: extra, csvName: csvName)
    }
}

/// An item served as JSON only; its CSV side is never asked for, since the CSV request takes
/// the rows path above.
private struct JSONOnly<T: Encodable>: Encodable, CSVRepresentable {
    let value: T

    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }

    static var csvHeader: [String] { [] }
    var csvRow: [String] { [] }
}

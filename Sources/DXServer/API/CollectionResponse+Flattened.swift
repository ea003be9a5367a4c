import DXCore

extension CollectionResponse {
    /// A collection whose items hold a table of their own (a question and its options): JSON
    /// pages the items, CSV pages the rows they flatten into, each in its own natural order
    /// with its own cursors. Both go through the shared `make`, so paging, the envelope,
    /// `Link` and CSV headers stay the same as for every other collection; only what one CSV
    /// row is differs.
    public static func make<T: Encodable & NaturallyOrdered, Row: Encodable & CSVRepresentable & NaturallyOrdered>(
        _ items: [T], request: Request, csvRows: (T) -> [Row], meta extra: [String: JSONValue] = [:], csvName: String
    ) throws -> HTTPResponse {
        if request.format == .csv {
            return try make(items.flatMap(csvRows), request: request, meta: extra, csvName: csvName)
        }
        let page = try pageRequest(request, order: T.naturalOrder)
        let items = KeysetPage(paging: items, order: T.naturalOrder, position: \.sortPosition, request: page)
        return try make(items.map { JSONOnly(value: $0) }, of: page, request: request, meta: extra, csvName: csvName)
    }
}

/// An item served as JSON only; its CSV side is never asked for, since the CSV request takes
/// the rows path above.
private struct JSONOnly<T: Encodable>: Encodable, CSVRepresentable {
    let value: T

    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }

    static var csvHeader: [String] { [] }
    static var csvJapaneseLabels: [String: String] { [:] }
    var csvRow: [String] { [] }
}

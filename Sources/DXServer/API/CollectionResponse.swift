import DXCore
import Foundation

/// The one path every collection takes: filtering is the route's business; paging, the
/// envelope, the `Link` header and the CSV representation happen here, the same for all.
public enum CollectionResponse {
    public static let defaultLimit = 50
    public static let maxLimit = 500

    struct Envelope<T: Encodable>: Encodable {
        var data: [T]
        var meta: Meta
    }

    struct Meta: Encodable {
        var total: Int
        var count: Int
        var limit: Int
        var nextCursor: String?
        var extra: [String: JSONValue]

        enum CodingKeys: String, CodingKey { case total, count, limit, nextCursor = "next_cursor" }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: DynamicKey.self)
            try c.encode(total, forKey: DynamicKey("total"))
            try c.encode(count, forKey: DynamicKey("count"))
            try c.encode(limit, forKey: DynamicKey("limit"))
            if let nextCursor { try c.encode(nextCursor, forKey: DynamicKey("next_cursor")) }
            for (k, v) in extra { try c.encode(v, forKey: DynamicKey(k)) }
        }
    }

    /// Reads `?limit` and `?cursor` for a collection listed in `order`.
    ///
    /// JSON pages hold `defaultLimit` rows unless `?limit` says otherwise; CSV holds every row
    /// after the cursor unless `?limit` is given (a spreadsheet user wants the whole table).
    /// An empty `?cursor=` is the same as none: the first page. A cursor that does not decode,
    /// or one made for another order (`sort`), is a 400 naming `cursor`.
    public static func pageRequest(_ request: Request, order: KeysetOrder) throws(APIError) -> PageRequest {
        // Checked on every collection, JSON too, so a typo is an error wherever it is sent.
        _ = try csvHeader(request)
        let explicitLimit = try request.query.int("limit", in: 1...maxLimit)
        let limit = explicitLimit ?? (request.format == .csv ? nil : defaultLimit)
        guard let raw = request.query["cursor"], !raw.isEmpty else { return PageRequest(limit: limit) }
        do throws(KeysetCursorError) {
            return PageRequest(limit: limit, after: try KeysetCursor(decoding: raw, for: order))
        } catch {
            throw APIError.badRequest(error.description, parameter: "cursor")
        }
    }

    /// `?header=en|ja`: the language of the CSV header row (English keys by default).
    public static func csvHeader(_ request: Request) throws(APIError) -> CSVHeaderLanguage {
        guard let raw = request.query["header"] else { return .en }
        guard let language = CSVHeaderLanguage(rawValue: raw) else {
            throw APIError.badRequest("The query parameter 'header' must be one of: en, ja.", parameter: "header")
        }
        return language
    }

    /// Whether a CSV request is answered by `stream`: an export of every row after the cursor
    /// (no `?limit`) of a collection whose size is not fixed. A page with `?limit` stays a
    /// whole body, with its ETag and `Link`.
    public static func streams(_ request: Request, _ page: PageRequest) -> Bool {
        request.format == .csv && page.limit == nil
    }

    /// The CSV of every row after the page's cursor, streamed (`KeysetCSVStream`); `fetch`
    /// reads one piece. No ETag, no `Content-Length`: see `HTTPResponse.stream`.
    public static func stream<T: CSVRepresentable & Sendable>(
        _ page: PageRequest, request: Request, csvName: String, fetch: @escaping @Sendable (PageRequest) throws -> KeysetPage<T>
    ) throws -> HTTPResponse {
        let body = try KeysetCSVStream<T>(after: page.after, bom: request.wantsBOM, header: try csvHeader(request), fetch: fetch)
        var response = HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "text/csv; charset=utf-8; header=present")]))
        response.headers.add("Content-Disposition", "inline; filename=\"\(csvName).csv\"")
        response.stream = body
        return response
    }

    /// A fixed collection held in memory, paged in its natural order (see `NaturallyOrdered`).
    public static func make<T: Encodable & CSVRepresentable & NaturallyOrdered>(
        _ items: [T], request: Request, meta extra: [String: JSONValue] = [:], csvName: String
    ) throws -> HTTPResponse {
        let page = try pageRequest(request, order: T.naturalOrder)
        return try make(
            KeysetPage(paging: items, order: T.naturalOrder, position: \.sortPosition, request: page), of: page,
            request: request, meta: extra, csvName: csvName)
    }

    /// One page as the envelope (JSON) or a table (CSV). When another page follows, both
    /// carry `Link: <…>; rel="next"` (RFC 8288) and JSON also `meta.next_cursor`.
    public static func make<T: Encodable & CSVRepresentable>(
        _ page: KeysetPage<T>, of pageRequest: PageRequest, request: Request, meta extra: [String: JSONValue] = [:],
        csvName: String
    ) throws -> HTTPResponse {
        let nextCursor = page.next?.encoded
        var response: HTTPResponse
        if request.format == .csv {
            response = HTTPResponse(status: 200, contentType: "text/csv; charset=utf-8; header=present",
                                    body: CSVWriter.write(page.items, bom: request.wantsBOM, header: try csvHeader(request)))
            response.headers.add("Content-Disposition", "inline; filename=\"\(csvName).csv\"")
        } else {
            let meta = Meta(total: page.total, count: page.items.count, limit: pageRequest.limit ?? defaultLimit,
                            nextCursor: nextCursor, extra: extra)
            response = HTTPResponse(status: 200, contentType: "application/json; charset=utf-8",
                                    body: try JSONBody.encode(Envelope(data: page.items, meta: meta)))
        }
        if let nextCursor {
            response.headers.add("Link", "<\(nextURL(request, cursor: nextCursor))>; rel=\"next\"")
        }
        return response
    }

    /// Absolute, as RFC 8288 readers expect, from `request.baseURL` (the public URL or the
    /// validated authority, never a raw header); the query keeps every parameter but the cursor.
    static func nextURL(_ request: Request, cursor: String) -> String {
        var pairs = request.query.pairs.filter { $0.name != "cursor" }.map { "\(QueryParameters.encode($0.name))=\(QueryParameters.encode($0.value))" }
        pairs.append("cursor=\(cursor)")
        return "\(request.baseURL)\(request.path)?\(pairs.joined(separator: "&"))"
    }
}

struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension JSONValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case let .bool(b): try c.encode(b)
        case let .number(n): if let whole = WholeNumber.exact(n) { try c.encode(whole) } else { try c.encode(n) }
        case let .string(s): try c.encode(s)
        case let .array(a): try c.encode(a)
        case let .object(o): try c.encode(o)
        }
    }
}

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

    /// `items` are the whole filtered collection in its order; `key` identifies an item
    /// stably, so a cursor names the last item seen rather than an offset that shifts when
    /// rows are added (keyset paging over the ordered list).
    public static func make<T: Encodable & CSVRepresentable>(
        _ items: [T], request: Request, key: (T) -> String, meta extra: [String: JSONValue] = [:], csvName: String
    ) throws -> HTTPResponse {
        let explicitLimit = try request.query.int("limit", in: 1...maxLimit)
        var start = 0
        // An empty `cursor=` is no cursor (the first page): the document allows the empty string.
        if let cursor = request.query["cursor"], !cursor.isEmpty {
            guard let last = decodeCursor(cursor), let index = items.firstIndex(where: { key($0) == last }) else {
                throw APIError.badRequest("The cursor is invalid or no longer matches this collection.", parameter: "cursor")
            }
            start = index + 1
        }
        if request.format == .csv {
            // A spreadsheet user wants the whole table; paging applies only when asked for.
            let slice = explicitLimit.map { Array(items[start..<min(items.count, start + $0)]) } ?? Array(items[start...])
            var response = HTTPResponse(status: 200, contentType: "text/csv; charset=utf-8; header=present",
                                        body: CSVWriter.write(slice, bom: request.wantsBOM))
            response.headers.add("Content-Disposition", "inline; filename=\"\(csvName).csv\"")
            return response
        }
        let limit = explicitLimit ?? defaultLimit
        let end = min(items.count, start + limit)
        let page = Array(items[start..<end])
        let nextCursor = end < items.count && !page.isEmpty ? encodeCursor(key(page[page.count - 1])) : nil
        let envelope = Envelope(data: page, meta: Meta(total: items.count, count: page.count, limit: limit, nextCursor: nextCursor, extra: extra))
        var response = HTTPResponse(status: 200, contentType: "application/json; charset=utf-8", body: try JSONBody.encode(envelope))
        if let nextCursor {
            response.headers.add("Link", "<\(nextURL(request, cursor: nextCursor))>; rel=\"next\"")
        }
        return response
    }

    /// Absolute, as RFC 8288 readers expect; the query keeps every parameter but the cursor.
    static func nextURL(_ request: Request, cursor: String) -> String {
        let host = request.headers["Host"] ?? "localhost"
        let scheme = request.headers["X-Forwarded-Proto"] == "https" ? "https" : "http"
        var pairs = request.query.pairs.filter { $0.name != "cursor" }.map { "\(QueryParameters.encode($0.name))=\(QueryParameters.encode($0.value))" }
        pairs.append("cursor=\(cursor)")
        return "\(scheme)://\(host)\(request.path)?\(pairs.joined(separator: "&"))"
    }

    static func encodeCursor(_ key: String) -> String {
        Data(key.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decodeCursor(_ cursor: String) -> String? {
        var b64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard let data = Data(base64Encoded: b64) else { return nil }
        return String(data: data, encoding: .utf8)
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
        case let .number(n): if n == n.rounded() && abs(n) < 1e15 { try c.encode(Int64(n)) } else { try c.encode(n) }
        case let .string(s): try c.encode(s)
        case let .array(a): try c.encode(a)
        case let .object(o): try c.encode(o)
        }
    }
}

extension HTTPResponse {
    /// A single resource: the bare object (the contract's convention), UTF-8 JSON.
    public static func json<T: Encodable>(_ value: T, status: Int = 200) throws -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: try JSONBody.encode(value))
    }

    public static func json(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: value.serialized())
    }
}

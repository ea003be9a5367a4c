import DXCore

extension Request {
    /// An integer path parameter (see `CanonicalInteger`): the raw text for messages, and its
    /// value, nil when it is not canonical decimal (the route answers 404). A control
    /// character is still the 400 of `parameter(_:)`.
    public func integerParameter(_ name: String) throws(APIError) -> (raw: String, value: Int?) {
        let raw = try parameter(name)
        return (raw, CanonicalInteger.parse(raw))
    }
}

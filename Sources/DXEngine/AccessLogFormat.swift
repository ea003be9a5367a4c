/// How an access-log line is written (`--log-format`, `DX_LOG_FORMAT`).
public enum AccessLogFormat: String, Sendable, CaseIterable {
    /// `2026-11-30T18:00:00.123Z client=192.0.2.0 method=GET path=/ status=200 bytes=5 user_agent=curl/8.5.0 duration_ms=0.120 request_id=…`
    /// (`-` for a field the request did not give: no known client, no user agent).
    case text
    /// One JSON object per line for log shippers, the fields of `text` in its order (`null`
    /// for `-`): `{"time":"…","client":"192.0.2.0","method":"GET","path":"/","status":200,
    /// "bytes":5,"user_agent":"curl/8.5.0","duration_ms":0.120,"request_id":"…"}`.
    case json
}

/// How an access-log line is written (`--log-format`, `DX_LOG_FORMAT`).
public enum AccessLogFormat: String, Sendable, CaseIterable {
    /// `2026-11-30T18:00:00.123Z client=192.0.2.0 method=GET path=/ status=200 bytes=5 duration_ms=0.120 request_id=…`
    case text
    /// One JSON object per line for log shippers, keys in the order of `text` plus
    /// `user_agent`: `{"time":"…","client":"192.0.2.0","method":"GET","path":"/","status":200,
    /// "bytes":5,"user_agent":"curl/8.5.0","duration_ms":0.120,"request_id":"…"}`.
    case json
}

/// The fields every HTML page carries, whatever its status.
enum HTMLResponse {
    /// Only what the pages use: the self-hosted stylesheet and icon (`img-src` covers the
    /// favicon), forms that submit to this origin. No script, no inline style, no frames
    /// (CSP Level 3 §6; `frame-ancestors` does what X-Frame-Options did).
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static func page(_ body: [UInt8], status: Int = 200) -> HTTPResponse {
        var response = HTTPResponse(status: status, contentType: "text/html; charset=utf-8", body: body)
        addSecurityFields(to: &response.headers)
        return response
    }

    static func addSecurityFields(to headers: inout HTTPHeaders) {
        headers.add("Content-Security-Policy", contentSecurityPolicy)
        // Fetch §3.5: no MIME sniffing of a page or the stylesheet into something else.
        headers.add("X-Content-Type-Options", "nosniff")
        // Links to other sites learn the origin only, never the path and filters read.
        headers.add("Referrer-Policy", "strict-origin-when-cross-origin")
    }
}

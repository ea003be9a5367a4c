import DXCore
@testable import DXServer
import Foundation

/// The whole API on a fresh, migrated database, answered in-process: the request bytes go
/// through the real `HTTPParser` and `HTTPService` as the engine drives them (cache path
/// first, then the full responder), and the response through the real `HTTPResponseEncoder`
/// with the fields the connection adds, with no socket. Use it for API behaviour; keep live
/// servers (`withAPIServer`, same methods) for what needs a connection.
/// `publicURL` is the server's `--public-url`; `catalog` the DCAT catalog's configuration.
/// `abuse` the trusted proxies and limits; `peer` the address every request comes from.
func withAPIService<T>(publicURL: PublicURL? = nil, catalog: CatalogConfiguration = .miyakonojo,
                       abuse: AbuseControl = AbuseControl(), peer: IPAddress? = nil,
                       today: @escaping @Sendable () -> CalendarDate = { .todayInJapan() },
                       _ body: (InProcessAPI) throws -> T) throws -> T {
    try withMigratedContext(catalog: catalog, today: today) { context in
        let metrics = Metrics()
        let service = HTTPService(router: APIRouter.make(context: context, metrics: metrics), metrics: metrics,
                                  dataVersion: context.cacheVersion, publicURL: publicURL, abuse: abuse)
        return try body(InProcessAPI(service: service, context: context, peer: peer))
    }
}

enum InProcessAPIError: Error {
    case incompleteRequest(String)
    case malformedResponse(String)
}

struct InProcessAPI: APIHarness {
    let service: HTTPService
    let context: AppContext
    /// The peer address the engine would have accepted the requests from.
    var peer: IPAddress?

    var authority: String { "localhost" }

    /// Raw request bytes, parsed as the engine parses them; a parse error is answered the way
    /// the engine answers it (`errorResponse`, then close).
    func send(_ raw: [UInt8]) throws -> HTTPResponse {
        try Self.answer(raw, with: service, peer: peer)
    }

    /// The same harness, its requests from `peer`.
    func from(_ peer: String) -> InProcessAPI {
        InProcessAPI(service: service, context: context, peer: IPAddress(parsing: peer))
    }

    /// `raw` through a fresh `HTTPParser` and `service` (the cache path first, as the engine
    /// tries it, then the full responder), and the response as the engine writes it.
    static func answer(_ raw: [UInt8], with service: HTTPService, peer: IPAddress? = nil) throws -> HTTPResponse {
        var parser = HTTPParser()
        parser.append(raw)
        while true {
            let event: HTTPParserEvent?
            do {
                event = try parser.next()
            } catch {
                return try wire(service.errorResponse(status: error.status, detail: error.detail, instance: parser.partialHead?.path), method: "-", keepAlive: false, version: .http11)
            }
            guard let event else { throw InProcessAPIError.incompleteRequest(String(decoding: raw.prefix(200), as: UTF8.self)) }
            if case var .message(request) = event {
                request.head.peer = peer
                let response = service.respondWithoutBlocking(to: request) ?? service.respond(to: request)
                let head = request.head
                return try wire(response, method: head.method, keepAlive: head.keepAlive, version: head.version)
            }
        }
    }

    /// The response as `Connection.complete` writes it (head from `HTTPResponseEncoder`, no
    /// body for HEAD or a status without content), read back with a strict parser.
    static func wire(_ response: HTTPResponse, method: String, keepAlive: Bool, version: HTTPVersion) throws -> HTTPResponse {
        let date = HTTPDate.format(epochSeconds: Int(Date().timeIntervalSince1970))
        var bytes = HTTPResponseEncoder.head(of: response, date: date, keepAlive: keepAlive, version: version)
        let sendBody = HTTPStatus.allowsBody(response.status) && method != "HEAD"
        if let stream = response.stream {
            // A streamed body is pulled whole here, as the engine would send it (its chunk
            // framing is the encoder's); `stream` stays set so a test can tell it was streamed.
            var parsed = try parse(bytes, bodyExpected: false)
            if sendBody {
                while let chunk = try stream.nextChunk() { parsed.body += chunk }
            }
            parsed.stream = stream
            return parsed
        }
        if sendBody { bytes += response.body }
        return try parse(bytes, bodyExpected: sendBody)
    }

    /// Status line, fields and a body of exactly `Content-Length` bytes; anything else throws.
    static func parse(_ bytes: [UInt8], bodyExpected: Bool) throws -> HTTPResponse {
        let crlfcrlf: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: crlfcrlf) }) else {
            throw InProcessAPIError.malformedResponse("no end of head")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count == 3, statusParts[0] == "HTTP/1.1", let status = Int(statusParts[1]) else {
            throw InProcessAPIError.malformedResponse(lines[0])
        }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw InProcessAPIError.malformedResponse(line) }
            headers.add(String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let body = Array(bytes[(end + 4)...])
        if bodyExpected {
            guard let length = headers["Content-Length"].flatMap({ Int($0) }), length == body.count else {
                throw InProcessAPIError.malformedResponse("Content-Length \(headers["Content-Length"] ?? "none") for \(body.count) bytes")
            }
        } else if !body.isEmpty {
            throw InProcessAPIError.malformedResponse("\(body.count) bytes after a head that allows none")
        }
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}

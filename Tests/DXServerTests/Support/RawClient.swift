import DXServer
import Foundation
import Glibc

enum RawClientError: Error {
    case connectFailed(Int32)
    case writeFailed(Int32)
    case noResponse
    case malformed(String)
}

/// A response as read off the wire by the tests' own small parser.
struct RawResponse {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    /// The body came in chunks (RFC 9112 §7.1); `chunkCount` data chunks, and `complete` when
    /// the last-chunk arrived (false: the connection ended first, a truncated message).
    var chunkCount = 0
    var complete = true

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
    var text: String { String(decoding: body, as: UTF8.self) }
    var closesConnection: Bool { header("Connection")?.lowercased() == "close" }

    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body)) }
}

/// A blocking TCP client with read timeouts: tests talk bytes, not a client library, so they
/// can send exactly what they mean (bad framing included).
final class RawClient {
    private(set) var fd: Int32
    private var buffer: [UInt8] = []
    private(set) var peerClosed = false

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if rc != 0 {
            let e = errno
            // deinit still runs for a fully initialised object whose init throws, so the
            // descriptor is closed once, there; closing it here too would close whatever
            // socket another test opened under the same number meanwhile.
            throw RawClientError.connectFailed(e)
        }
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    func write(_ text: String) throws { try write(Array(text.utf8)) }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { throw RawClientError.writeFailed(errno) }
            offset += n
        }
    }

    func shutdownWrite() { Glibc.shutdown(fd, Int32(SHUT_WR)) }

    /// Reads more bytes; false on timeout or end of stream.
    private func fill(deadline: Date) -> Bool {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0, !peerClosed else { return false }
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, Int32(remaining * 1000) + 1) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 {
            peerClosed = true
            return false
        }
        buffer.append(contentsOf: chunk[0..<n])
        return true
    }

    /// True when the server closes the connection within `timeout` (after any pending bytes).
    func waitForClose(timeout: Double = 2) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !peerClosed {
            if !fill(deadline: deadline) && !peerClosed { return false }
        }
        return true
    }

    /// Reads whatever arrives until `timeout` passes quietly; for tests that expect nothing.
    func readRaw(timeout: Double) -> [UInt8] {
        let deadline = Date().addingTimeInterval(timeout)
        while fill(deadline: deadline) {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// Reads one response; `headRequest` means no body follows whatever Content-Length says.
    /// Interim 1xx responses are returned like any other.
    func readResponse(timeout: Double = 2, headRequest: Bool = false) throws -> RawResponse? {
        let deadline = Date().addingTimeInterval(timeout)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = findHeadEnd()
            if headEnd == nil && !fill(deadline: deadline) { return nil }
        }
        let headBytes = Array(buffer[0..<headEnd!])
        let lines = String(decoding: headBytes, as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw RawClientError.malformed(lines[0])
        }
        var headers: [(String, String)] = []
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw RawClientError.malformed(line) }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        buffer.removeFirst(headEnd! + 4)
        var response = RawResponse(status: status, headers: headers, body: [])
        let noBody = headRequest || status < 200 || status == 204 || status == 304
        if !noBody {
            if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
                try readChunkedBody(into: &response, deadline: deadline)
            } else if let lengthText = response.header("Content-Length"), let length = Int(lengthText) {
                while buffer.count < length {
                    if !fill(deadline: deadline) { throw RawClientError.malformed("short body") }
                }
                response.body = Array(buffer[0..<length])
                buffer.removeFirst(length)
            } else {
                while fill(deadline: deadline) {}
                response.body = buffer
                buffer.removeAll()
            }
        }
        return response
    }

    /// RFC 9112 §7.1: `size CRLF data CRLF` …, `0 CRLF`, trailer lines, CRLF. The end of the
    /// connection before the last-chunk leaves `complete` false.
    private func readChunkedBody(into response: inout RawResponse, deadline: Date) throws {
        func line() throws -> String? {
            while true {
                if let end = buffer.indices.dropLast().first(where: { buffer[$0] == 13 && buffer[$0 + 1] == 10 }) {
                    let text = String(decoding: buffer[0..<end], as: UTF8.self)
                    buffer.removeFirst(end + 2)
                    return text
                }
                if !fill(deadline: deadline) { return nil }
            }
        }
        response.complete = false
        while let sizeLine = try line() {
            guard let size = Int(sizeLine.split(separator: ";").first.map(String.init) ?? "", radix: 16), size >= 0 else {
                throw RawClientError.malformed("chunk size line '\(sizeLine)'")
            }
            if size == 0 {
                while let trailer = try line(), !trailer.isEmpty {}
                response.complete = true
                return
            }
            while buffer.count < size + 2 {
                if !fill(deadline: deadline) { return }
            }
            guard buffer[size] == 13, buffer[size + 1] == 10 else { throw RawClientError.malformed("chunk data not followed by CRLF") }
            response.body += buffer[0..<size]
            response.chunkCount += 1
            buffer.removeFirst(size + 2)
        }
    }

    private func findHeadEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for i in 0...(buffer.count - 4) where buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 {
            return i
        }
        return nil
    }
}

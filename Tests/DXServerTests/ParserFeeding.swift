import Testing
@testable import DXServer

/// Everything a parser produced from some bytes: its events, then the error that stopped it.
struct ParseOutcome: Equatable, CustomStringConvertible {
    var events: [HTTPParserEvent] = []
    var error: HTTPParseError?
    /// The parser looped without consuming input (a bug); the feeding was cut short.
    var stalled = false

    var messages: [HTTPRequest] {
        events.compactMap { if case .message(let m) = $0 { m } else { nil } }
    }

    var heads: [HTTPRequestHead] {
        events.compactMap { if case .head(let h) = $0 { h } else { nil } }
    }

    var description: String {
        let names = events.map { event -> String in
            switch event {
            case .head(let h): "head(\(h.method) \(h.target))"
            case .message(let m): "message(\(m.head.method) \(m.head.target), \(m.body.count) body bytes)"
            }
        }
        return "events: \(names), error: \(error.map { "\($0)" } ?? "none")\(stalled ? ", STALLED" : "")"
    }
}

enum ParserFeeder {
    /// Appends each piece in turn and drains the parser after each one, as a server does.
    static func feed(_ pieces: [ArraySlice<UInt8>], limits: HTTPParser.Limits = .init()) -> ParseOutcome {
        var parser = HTTPParser(limits: limits)
        var outcome = ParseOutcome()
        let total = pieces.reduce(0) { $0 + $1.count }
        // Every message needs bytes, so more events than this means the parser spins.
        var budget = 2 * total + 8
        for piece in pieces {
            parser.append(piece)
            while true {
                budget -= 1
                if budget < 0 { outcome.stalled = true; return outcome }
                do {
                    guard let event = try parser.next() else { break }
                    outcome.events.append(event)
                } catch {
                    outcome.error = error
                    // A failed parser must keep failing the same way.
                    parser.append([0x41])
                    do {
                        _ = try parser.next()
                        outcome.stalled = true
                    } catch let again {
                        if again != error { outcome.stalled = true }
                    }
                    return outcome
                }
            }
        }
        return outcome
    }

    static func whole(_ bytes: [UInt8], limits: HTTPParser.Limits = .init()) -> ParseOutcome {
        feed([bytes[...]], limits: limits)
    }

    static func byteAtATime(_ bytes: [UInt8], limits: HTTPParser.Limits = .init()) -> ParseOutcome {
        feed(bytes.indices.map { bytes[$0...$0] }, limits: limits)
    }

    static func split(_ bytes: [UInt8], at offset: Int, limits: HTTPParser.Limits = .init()) -> ParseOutcome {
        feed([bytes[..<offset], bytes[offset...]], limits: limits)
    }
}

/// Parses `text` whole, one byte at a time and split in two at every offset (for inputs
/// over 2 KiB, at about a thousand evenly spread offsets), expects the
/// same outcome from all of them, and returns it.
@discardableResult
func parse(
    _ text: String, limits: HTTPParser.Limits = .init(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> ParseOutcome {
    parse(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
}

@discardableResult
func parse(
    _ bytes: [UInt8], limits: HTTPParser.Limits = .init(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> ParseOutcome {
    let whole = ParserFeeder.whole(bytes, limits: limits)
    #expect(!whole.stalled, "parser stalled", sourceLocation: sourceLocation)
    let bytewise = ParserFeeder.byteAtATime(bytes, limits: limits)
    #expect(bytewise == whole, "byte at a time differs: \(bytewise) vs whole: \(whole)", sourceLocation: sourceLocation)
    // Every offset for ordinary requests; a spread of offsets for the huge limit fixtures.
    let stride = max(1, bytes.count / 1024)
    for offset in Swift.stride(from: 0, through: bytes.count, by: stride) {
        let split = ParserFeeder.split(bytes, at: offset, limits: limits)
        if split != whole {
            Issue.record("split at \(offset) differs: \(split) vs whole: \(whole)", sourceLocation: sourceLocation)
            break
        }
    }
    return whole
}

/// Expects `text` to be refused with exactly `error`, after `messages` complete requests.
func expectRejection(
    _ text: String, _ error: HTTPParseError, afterMessages messages: Int = 0,
    limits: HTTPParser.Limits = .init(), sourceLocation: SourceLocation = #_sourceLocation
) {
    let outcome = parse(text, limits: limits, sourceLocation: sourceLocation)
    #expect(outcome.error == error, "\(outcome)", sourceLocation: sourceLocation)
    #expect(outcome.messages.count == messages, "\(outcome)", sourceLocation: sourceLocation)
}

/// Expects `text` to parse into exactly one request, with no error, and returns it.
func expectSingleRequest(
    _ text: String, limits: HTTPParser.Limits = .init(), sourceLocation: SourceLocation = #_sourceLocation
) -> HTTPRequest? {
    let outcome = parse(text, limits: limits, sourceLocation: sourceLocation)
    #expect(outcome.error == nil, "\(outcome)", sourceLocation: sourceLocation)
    #expect(outcome.messages.count == 1, "\(outcome)", sourceLocation: sourceLocation)
    #expect(outcome.heads.count == outcome.messages.count, sourceLocation: sourceLocation)
    return outcome.messages.first
}

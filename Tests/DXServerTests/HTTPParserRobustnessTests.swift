import Testing
@testable import DXServer

/// The parser must survive any input: no trap, no endless loop, and the same outcome however
/// the bytes are split. Mutated corpus cases get near the interesting edges faster than
/// random noise; a fixed seed keeps failures reproducible.
@Suite struct HTTPParserRobustnessTests {
    /// SplitMix64: tiny, seedable, good enough to pick mutations.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Bytes that matter to the grammar, so mutations hit delimiters more often than noise.
    static let interestingBytes: [UInt8] = Array("\r\n \t:;,=\"\\%#?/*0aFz-".utf8) + [0x00, 0x7F, 0x80, 0xFF]

    static func mutate(_ input: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            let byte = Bool.random(using: &rng)
                ? interestingBytes.randomElement(using: &rng) ?? 0
                : UInt8.random(in: 0...255, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !bytes.isEmpty: bytes[position] = byte
            case 1: bytes.insert(byte, at: position)
            case 2 where !bytes.isEmpty: bytes.remove(at: position)
            case 3: bytes.removeSubrange(position...)
            case 4 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...40, using: &rng))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            default:
                bytes.insert(contentsOf: Array("\r\n".utf8), at: position)
            }
        }
        return bytes
    }

    @Test func mutatedCorpusCasesTerminateAndAgreeWholeAndBytewise() throws {
        var rng = SeededGenerator(state: 0xD5_5E12_7E)
        let limitSets = [
            HTTPParser.Limits(),
            HTTPParser.Limits(maxRequestLine: 24, maxHeaderSection: 64, maxHeaderFields: 3, maxBody: 8),
        ]
        var outcomes = 0
        for testCase in try ConformanceCorpus.load() {
            for round in 0..<30 {
                let bytes = Self.mutate(testCase.sendBytes, using: &rng)
                let limits = limitSets[round % limitSets.count]
                let whole = ParserFeeder.whole(bytes, limits: limits)
                #expect(!whole.stalled, "\(testCase) mutant \(bytes)")
                let bytewise = ParserFeeder.byteAtATime(bytes, limits: limits)
                #expect(bytewise == whole, "\(testCase) mutant \(bytes)")
                let cut = Int.random(in: 0...bytes.count, using: &rng)
                #expect(ParserFeeder.split(bytes, at: cut, limits: limits) == whole, "\(testCase) mutant \(bytes) cut \(cut)")
                outcomes += 1
            }
        }
        #expect(outcomes == 123 * 30)
    }

    @Test func randomNoiseTerminates() {
        var rng = SeededGenerator(state: 42)
        for _ in 0..<500 {
            let count = Int.random(in: 0..<300, using: &rng)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &rng)
                    ? Self.interestingBytes.randomElement(using: &rng) ?? 0
                    : UInt8.random(in: 0...255, using: &rng)
            }
            let whole = ParserFeeder.whole(bytes)
            #expect(!whole.stalled)
            #expect(ParserFeeder.byteAtATime(bytes) == whole)
        }
    }

    @Test func endlessEmptyLinesNeverBuffer() throws {
        var parser = HTTPParser()
        let crlf = [UInt8](repeating: 0, count: 10_000).indices.flatMap { _ in Array("\r\n".utf8) }
        parser.append(crlf)
        #expect(try parser.next() == nil)
        #expect(parser.isIdle)
    }
}

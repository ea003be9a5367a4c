import DXEngine
import Testing

@Suite("Connection output buffer")
struct OutputBufferTests {
    private func unsent(_ buffer: OutputBuffer) -> [UInt8] { buffer.withUnsentBytes { Array($0) } }

    @Test func partsQueueInOrderAndConsumeAdvances() {
        var buffer = OutputBuffer()
        buffer.append(Array("head".utf8))
        buffer.append(Array("body".utf8))
        buffer.append([])
        #expect(buffer.count == 8)
        buffer.consume(3)
        #expect(unsent(buffer) == Array("dbody".utf8))
        buffer.consume(100)  // more than queued: clamped
        #expect(buffer.isEmpty)
    }

    @Test func anEmptiedBufferKeepsNoStorage() {
        var buffer = OutputBuffer()
        buffer.append([UInt8](repeating: 1, count: 100_000))
        buffer.append([2])
        buffer.consume(100_001)
        #expect(buffer.isEmpty)
        #expect(buffer.capacity == 0)
    }

    @Test func theSentPrefixIsDroppedOnceItDominates() {
        var buffer = OutputBuffer()
        buffer.append([UInt8](repeating: 1, count: 100_000))
        buffer.consume(OutputBuffer.compactionThreshold + 10)
        let left = buffer.count
        buffer.append([2, 3])
        #expect(buffer.count == left + 2)
        #expect(unsent(buffer).suffix(2) == [2, 3])
    }

    @Test func negativeConsumeIsIgnored() {
        var buffer = OutputBuffer()
        buffer.append([1, 2])
        buffer.consume(-5)
        #expect(unsent(buffer) == [1, 2])
    }
}

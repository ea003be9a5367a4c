import CZlib
import DXSync

public enum GzipError: Error, Sendable, Equatable {
    case zlib(call: String, code: Int32)
}

/// A zlib deflate stream set up for gzip once and reset for each use: `deflateInit2` allocates
/// about 256 KiB of state, which a cache miss should not pay every time. The `z_stream` lives at
/// a fixed address because zlib keeps a pointer back to it.
// @unchecked: one thread at a time uses it, between taking it from the pool and putting it back.
final class Deflater: @unchecked Sendable {
    let level: Int32
    private let stream: UnsafeMutablePointer<z_stream>

    init(level: Int32) throws(GzipError) {
        self.level = level
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let rc = dx_deflate_init_gzip(stream, level)
        guard rc == Z_OK else {
            stream.deallocate()
            throw .zlib(call: "deflateInit2", code: rc)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    func compress(_ input: [UInt8]) throws(GzipError) -> [UInt8] {
        var rc = deflateReset(stream)
        guard rc == Z_OK else { throw .zlib(call: "deflateReset", code: rc) }
        let bound = Int(deflateBound(stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let produced: Int = input.withUnsafeBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inRaw.bindMemory(to: Bytef.self).baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = outRaw.bindMemory(to: Bytef.self).baseAddress
                stream.pointee.avail_out = uInt(bound)
                rc = deflate(stream, Z_FINISH)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
                return bound - Int(stream.pointee.avail_out)
            }
        }
        guard rc == Z_STREAM_END else { throw .zlib(call: "deflate", code: rc) }
        output.removeSubrange(produced...)
        return output
    }
}

/// gzip (RFC 1952) through zlib, one shot: responses are compressed once and cached.
public enum Gzip {
    /// Streams kept for reuse across cache misses (a few: misses run on the worker pool).
    private static let idle = Locked<[Deflater]>([])
    private static let keptStreams = 4

    public static func compress(_ input: [UInt8], level: Int32 = 6) throws(GzipError) -> [UInt8] {
        let reused = idle.withLock { pool -> Deflater? in
            guard let index = pool.firstIndex(where: { $0.level == level }) else { return nil }
            return pool.remove(at: index)
        }
        let deflater: Deflater
        if let reused { deflater = reused } else { deflater = try Deflater(level: level) }
        defer {
            idle.withLock { pool in if pool.count < keptStreams { pool.append(deflater) } }
        }
        return try deflater.compress(input)
    }

    /// Used by tests and by request bodies a client sends compressed; bounded so a small
    /// bomb cannot expand without limit.
    public static func decompress(_ input: [UInt8], maxOutput: Int = 64 << 20) throws(GzipError) -> [UInt8] {
        var stream = z_stream()
        var rc = dx_inflate_init_gzip(&stream)
        guard rc == Z_OK else { throw .zlib(call: "inflateInit2", code: rc) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var failure: GzipError?
        input.withUnsafeBytes { (inRaw: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: inRaw.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBytes { outRaw in
                    stream.next_out = outRaw.bindMemory(to: Bytef.self).baseAddress
                    stream.avail_out = uInt(outRaw.count)
                    rc = inflate(&stream, Z_NO_FLUSH)
                    return outRaw.count - Int(stream.avail_out)
                }
                guard rc == Z_OK || rc == Z_STREAM_END else { failure = .zlib(call: "inflate", code: rc); return }
                output.append(contentsOf: chunk[0..<produced])
                if output.count > maxOutput { failure = .zlib(call: "inflate", code: Z_BUF_ERROR); return }
                // Input exhausted before the end of the stream: truncated.
                if rc == Z_OK && produced == 0 && stream.avail_in == 0 { failure = .zlib(call: "inflate", code: Z_DATA_ERROR); return }
            } while rc != Z_STREAM_END
        }
        if let failure { throw failure }
        return output
    }
}

import DXHTTP
import FuzzDriver

/// Parses the input as a byte stream of requests, whole and then split in two at a point the
/// first byte chooses (the engine sees reads of any size); errors are fine, traps are not.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzHTTPParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    drain(pieces: [bytes[...]])
    if let first = bytes.first, bytes.count > 1 {
        let cut = Int(first) % bytes.count
        drain(pieces: [bytes[..<cut], bytes[cut...]])
    }
    return 0
}

/// Appends each piece and takes every event until the parser wants more or fails.
func drain(pieces: [ArraySlice<UInt8>]) {
    var parser = HTTPParser(limits: .init(maxRequestLine: 1024, maxHeaderSection: 4096, maxHeaderFields: 32, maxBody: 4096))
    for piece in pieces {
        parser.append(piece)
        // Each event consumes input, so this ends; the bound is a guard against a parser bug
        // that loops, which libFuzzer then reports as a timeout.
        for _ in 0..<100_000 {
            do {
                guard try parser.next() != nil else { break }
            } catch {
                return
            }
        }
    }
}

runLibFuzzer(fuzzHTTPParser)

import DXServer
import FuzzDriver

/// Parses the input as a query string and reads it the ways routes do (lists, ranged
/// integers, one-of); an `APIError` (a 400) is fine, a trap is not.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzQueryParameters(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let raw = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    guard let query = try? QueryParameters(parsing: raw) else { return 0 }
    for pair in query.pairs {
        _ = try? query.list(pair.name, splittingCommas: true)
        _ = try? query.int(pair.name, in: Int.min...Int.max)
        _ = try? query.int(pair.name, in: 1...500)
        _ = try? query.oneOf(pair.name, ["asc", "desc"])
        _ = QueryParameters.encode(pair.value)
    }
    return 0
}

runLibFuzzer(fuzzQueryParameters)

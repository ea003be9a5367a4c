import DXServer
import FuzzDriver

/// Reads the input as a JSON request body, BOM and all; a `Failure` is fine, a trap is not.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzJSONReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = try? JSONReader.read(fuzzBytes(data, size))
    return 0
}

runLibFuzzer(fuzzJSONReader)

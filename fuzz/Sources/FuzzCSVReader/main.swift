import DXCore
import FuzzDriver

/// Reads the input as an import CSV file; a `CSVReaderError` is fine, a trap is not.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCSVReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = try? CSVReader.read(fuzzBytes(data, size))
    return 0
}

runLibFuzzer(fuzzCSVReader)

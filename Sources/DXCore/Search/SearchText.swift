import CSQLite
import Foundation

/// The form text takes for matching, never for storage or display: Unicode NFKC (half-width
/// katakana become full-width, NFD sequences are composed, full-width Latin letters and digits
/// become ASCII, U+3000 becomes a space), then lower case, so that `ＡＩ`, `AI` and `ai` match.
///
/// Queries are folded by `SearchQuery`; the indexed text by the SQL function
/// `dx_search_fold(text)`, which `Database` registers on every connection and the FTS
/// triggers call (migration 0006), so both sides always use this one function.
public enum SearchText {
    public static let sqlFunctionName = "dx_search_fold"

    public static func fold(_ text: String) -> String {
        // The final canonical composition is not redundant: Foundation on Linux leaves the
        // half-width voiced mark of ﾃﾞ as テ + U+3099 after compatibility mapping, which Swift's
        // == calls equal to デ but SQLite, comparing bytes, does not.
        text.precomposedStringWithCompatibilityMapping.lowercased().precomposedStringWithCanonicalMapping
    }

    /// Registers `dx_search_fold` on `connection`: one argument; NULL stays NULL, anything
    /// else is read as text and folded.
    static func register(on connection: OpaquePointer) -> Int32 {
        sqlite3_create_function_v2(
            connection, sqlFunctionName, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nil,
            { context, argc, argv in
                guard argc == 1, let argument = argv?[0], sqlite3_value_type(argument) != SQLITE_NULL else {
                    sqlite3_result_null(context)
                    return
                }
                let count = Int(sqlite3_value_bytes(argument))
                let text = sqlite3_value_text(argument).map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
                } ?? ""
                var folded = SearchText.fold(text)
                folded.withUTF8 { bytes in
                    // An empty buffer may have no address; SQLite wants a pointer for "".
                    guard let base = bytes.baseAddress else {
                        sqlite3_result_text(context, "", 0, dx_sqlite_transient())
                        return
                    }
                    let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                    sqlite3_result_text64(context, pointer, sqlite3_uint64(bytes.count), dx_sqlite_transient(), UInt8(SQLITE_UTF8))
                }
            }, nil, nil, nil)
    }
}

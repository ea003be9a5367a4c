import Foundation

/// The one JSON encoder, built once: sorted keys make equal data give equal bytes, and so
/// equal ETags across restarts.
public enum JSONBody {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    // JSONEncoder copies its options at the start of each encode, so concurrent encodes on
    // the shared instance are safe; it is never mutated after creation.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        Array(try encoder.encode(value))
    }

    private static let decoder = JSONDecoder()

    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try decoder.decode(type, from: Data(bytes))
    }
}

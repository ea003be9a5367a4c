import Foundation

/// A position in a sort order: the key values of the last row a page showed and the order
/// they belong to. The next page starts strictly after that position, so a row that was
/// edited, moved or archived meanwhile neither repeats nor hides the rows after it.
///
/// Encoded opaquely as base64url (RFC 4648 §5, no padding) of a small versioned JSON object,
/// `{"k":[…],"o":"-updated_at","v":1}`. Clients must treat it as opaque.
public struct KeysetCursor: Sendable, Equatable {
    /// The format version written by `encoded`; others are refused.
    public static let version = 1
    /// A cursor longer than this is refused before any decoding (a title key is at most 200
    /// characters, so real cursors stay far below).
    public static let maxEncodedLength = 2048

    /// The name of the order the position belongs to (`KeysetOrder.name`).
    public var order: String
    public var values: [SortValue]

    public init(order: String, values: [SortValue]) {
        self.order = order
        self.values = values
    }

    public init(order: KeysetOrder, values: [SortValue]) {
        self.init(order: order.name, values: values)
    }

    private struct Wire: Codable {
        var k: [SortValue]
        var o: String
        var v: Int
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The opaque text form, using only `A–Z a–z 0–9 - _`, so it needs no escaping in a URL.
    public var encoded: String {
        // Encoding strings and integers into JSON cannot fail; an empty cursor, which no
        // decoder accepts, would be the only result if it ever did.
        guard let json = try? Self.encoder.encode(Wire(k: values, o: order, v: Self.version)) else { return "" }
        return json.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a cursor made for `order`.
    ///
    /// - Throws: `KeysetCursorError.malformed` when the text is not a cursor this server
    ///   wrote (bad base64url, bad JSON, another version, values that do not fit the order's
    ///   columns, or a non-canonical encoding); `.otherOrder` when it is a valid cursor of
    ///   another order (a cursor kept across a change of `sort`).
    public init(decoding text: String, for order: KeysetOrder) throws(KeysetCursorError) {
        guard text.utf8.count <= Self.maxEncodedLength else { throw .malformed("it is longer than \(Self.maxEncodedLength) characters") }
        guard text.utf8.allSatisfy(Self.isBase64URL), text.utf8.count % 4 != 1 else { throw .malformed("it is not base64url text") }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let json = Data(base64Encoded: base64) else { throw .malformed("it is not base64url text") }
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: json)
        } catch {
            throw .malformed("its content is not a cursor")
        }
        guard wire.v == Self.version else { throw .malformed("its version \(wire.v) is not \(Self.version)") }
        guard wire.o == order.name else { throw .otherOrder(cursor: wire.o, expected: order.name) }
        guard order.fits(wire.k) else { throw .malformed("its values do not fit the order \(order.name)") }
        self.init(order: wire.o, values: wire.k)
        // One text per position: anything but what this server writes (reordered members,
        // other whitespace, trailing bits) is refused rather than half-understood.
        guard encoded == text else { throw .malformed("it is not in canonical form") }
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}

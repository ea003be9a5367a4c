/// A token's public facts: never the token, never its hash.
public struct TokenInfo: Sendable, Equatable {
    public let name: String
    public let createdAt: String
    /// The last use this process recorded: written at a token's first use and then at most
    /// once a minute, so it may be up to a minute old.
    public let lastUsedAt: String?
    public let revokedAt: String?
}

public enum TokenStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidName(String)
    case nameInUse(String)
    case notFound(String)
    case database(SQLiteError)

    public var description: String {
        switch self {
        case let .invalidName(name): "'\(name)' is not a valid token name: use 1–64 of A-Z a-z 0-9 . _ -"
        case let .nameInUse(name): "a live token named '\(name)' exists; revoke it first"
        case let .notFound(name): "no live token named '\(name)'"
        case let .database(error): "database error: \(error)"
        }
    }
}

/// Admin tokens: created at random, stored as SHA-256 hashes, checked on every write request
/// (so a token made or revoked from the CLI counts at the next request, with no cache).
public struct TokenStore: Sendable {
    public let pool: DatabasePool
    /// Shared by the copies of this store: `last_used_at` is written at most once a minute
    /// per token (`TokenUseThrottle`).
    private let useThrottle: TokenUseThrottle

    public init(pool: DatabasePool) {
        self.pool = pool
        self.useThrottle = TokenUseThrottle()
    }


    /// Returns the new token; this is the only time it exists outside the caller's hands.
    public func create(name: String) throws(TokenStoreError) -> String {
        guard Self.isValidName(name) else { throw .invalidName(name) }
        let token = Self.generate()
        do {
            try pool.write { db in
                try db.run("INSERT INTO api_tokens (name, token_hash, created_at) VALUES (?, ?, ?)",
                           .text(name), .text(Digest.sha256Hex(Array(token.utf8))), .text(Timestamp.now()))
            }
        } catch let error as SQLiteError where error.isUniqueViolation {
            throw .nameInUse(name)
        } catch let error as SQLiteError {
            throw .database(error)
        } catch {
            throw .database(SQLiteError(extendedCode: 1, message: "\(error)", sql: nil))
        }
        return token
    }

    public func list() throws -> [TokenInfo] {
        try pool.read { db in
            try db.rows("SELECT name, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY created_at, id") { row in
                TokenInfo(name: row.string(at: 0), createdAt: row.string(at: 1),
                          lastUsedAt: row.optionalString(at: 2), revokedAt: row.optionalString(at: 3))
            }
        }
    }

    public func revoke(name: String) throws(TokenStoreError) {
        let changed: Int
        do {
            changed = try pool.write { db in
                try db.run("UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", .text(Timestamp.now()), .text(name))
                return db.changes
            }
        } catch let error as SQLiteError {
            throw .database(error)
        } catch {
            throw .database(SQLiteError(extendedCode: 1, message: "\(error)", sql: nil))
        }
        if changed == 0 { throw .notFound(name) }
    }

    /// The name of the live token equal to `token`, or nil. Every live hash is compared in
    /// full, so the time taken does not tell how close a guess came.
    public func authenticate(token: String) throws -> String? {
        let presented = Digest.sha256(Array(token.utf8))
        let live = try pool.read { db in
            try db.rows("SELECT id, name, token_hash FROM api_tokens WHERE revoked_at IS NULL") { row in
                (id: row.int64(at: 0), name: row.string(at: 1), hash: row.string(at: 2))
            }
        }
        var match: (id: Int64, name: String)?
        for candidate in live {
            if Self.constantTimeEquals(presented, Self.bytes(fromHex: candidate.hash)) { match = (candidate.id, candidate.name) }
        }
        guard let match else { return nil }
        // Last use is bookkeeping: it must not fail a request that was otherwise fine, and no
        // public response shows it, so it must not invalidate cached public responses either.
        // Written at most once a minute per token: each write is a durable commit of its own.
        if useThrottle.shouldRecord(id: match.id) {
            do {
                try pool.writeBookkeeping { db in
                    try db.run("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", .text(Timestamp.now()), .integer(match.id))
                }
            } catch {
                useThrottle.forget(id: match.id)
            }
        }
        return match.name
    }

    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64 && name.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
    }

    /// 256 bits from the system's secure generator (getrandom), base64url without padding,
    /// prefixed so a leaked token is recognisable in a scan.
    static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return "dxt_" + base64URL(bytes)
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var out = ""
        var i = 0
        while i + 2 < bytes.count {
            let n = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])
            out.append(alphabet[n >> 18 & 63]); out.append(alphabet[n >> 12 & 63])
            out.append(alphabet[n >> 6 & 63]); out.append(alphabet[n & 63])
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = Int(bytes[i]) << 16
            out.append(alphabet[n >> 18 & 63]); out.append(alphabet[n >> 12 & 63])
        } else if rest == 2 {
            let n = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8
            out.append(alphabet[n >> 18 & 63]); out.append(alphabet[n >> 12 & 63]); out.append(alphabet[n >> 6 & 63])
        }
        return out
    }

    static func bytes(fromHex hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = hex.utf8.makeIterator()
        while let h = it.next(), let l = it.next() {
            out.append(UInt8(hexDigit(h) << 4 | hexDigit(l)))
        }
        return out
    }

    private static func hexDigit(_ c: UInt8) -> UInt8 {
        c <= UInt8(ascii: "9") ? c - UInt8(ascii: "0") : c - UInt8(ascii: "a") + 10
    }

    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<a.count { diff |= a[i] ^ b[i] }
        return diff == 0
    }
}

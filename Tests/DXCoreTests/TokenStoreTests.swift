import Foundation
import Testing
@testable import DXCore

@Suite("Admin tokens")
struct TokenStoreTests {
    @Test("a created token authenticates as its name, and only its hash is stored")
    func createAndAuthenticate() throws {
        try withMigratedPool { pool in
            let store = TokenStore(pool: pool)
            let token = try store.create(name: "alice")
            #expect(token.hasPrefix("dxt_"))
            #expect(token.count == 4 + 43)  // 256 bits in unpadded base64url
            #expect(try store.authenticate(token: token) == "alice")
            let stored = try pool.read { db in try db.rows("SELECT token_hash FROM api_tokens") { $0.string(at: 0) } }
            #expect(stored == [Digest.sha256Hex(Array(token.utf8))])
            #expect(!stored.contains(token))
        }
    }

    @Test("two tokens are never the same")
    func tokensAreRandom() throws {
        try withMigratedPool { pool in
            let store = TokenStore(pool: pool)
            let a = try store.create(name: "a")
            let b = try store.create(name: "b")
            #expect(a != b)
        }
    }

    @Test("wrong, truncated and empty tokens are refused")
    func wrongTokens() throws {
        try withMigratedPool { pool in
            let store = TokenStore(pool: pool)
            let token = try store.create(name: "alice")
            #expect(try store.authenticate(token: String(token.dropLast())) == nil)
            #expect(try store.authenticate(token: token + "x") == nil)
            #expect(try store.authenticate(token: "") == nil)
        }
    }

    @Test("a revoked token stops working; the name can then be reused")
    func revoke() throws {
        try withMigratedPool { pool in
            let store = TokenStore(pool: pool)
            let old = try store.create(name: "alice")
            #expect(throws: TokenStoreError.nameInUse("alice")) { _ = try store.create(name: "alice") }
            try store.revoke(name: "alice")
            #expect(try store.authenticate(token: old) == nil)
            #expect(throws: TokenStoreError.notFound("alice")) { try store.revoke(name: "alice") }
            let new = try store.create(name: "alice")
            #expect(try store.authenticate(token: new) == "alice")
        }
    }

    @Test("list shows names and times, marks use and revocation, never a token")
    func list() throws {
        try withMigratedPool { pool in
            let store = TokenStore(pool: pool)
            let token = try store.create(name: "alice")
            _ = try store.create(name: "bob")
            _ = try store.authenticate(token: token)
            try store.revoke(name: "bob")
            let infos = try store.list()
            #expect(infos.map(\.name) == ["alice", "bob"])
            #expect(infos[0].lastUsedAt != nil && infos[0].revokedAt == nil)
            #expect(infos[1].lastUsedAt == nil && infos[1].revokedAt != nil)
        }
    }

    @Test("names outside A-Z a-z 0-9 . _ - are refused, by the store and by the schema")
    func names() throws {
        try withMigratedPool { pool in
            let store = TokenStore(pool: pool)
            for bad in ["", "a b", "名前", String(repeating: "x", count: 65), "a;drop"] {
                #expect(throws: TokenStoreError.invalidName(bad)) { _ = try store.create(name: bad) }
            }
            #expect(throws: SQLiteError.self) {
                try pool.write { db in
                    try db.run("INSERT INTO api_tokens (name, token_hash, created_at) VALUES ('a b', ?, '2026')", .text(String(repeating: "0", count: 64)))
                }
            }
        }
    }

    @Test("constant-time comparison agrees with ==")
    func constantTime() {
        #expect(TokenStore.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!TokenStore.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!TokenStore.constantTimeEquals([1, 2, 3], [1, 2]))
    }
}

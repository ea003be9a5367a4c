@testable import DXCore
import Foundation
import Testing

/// Issue 8 item 15: a token's `last_used_at` is bookkeeping no public response shows, so
/// recording it must not bump the data version (which empties the public response cache),
/// while every other commit, from this process or another, still does.
@Suite("Token bookkeeping and the data version")
struct TokenBookkeepingTests {
    @Test func tokenUseDoesNotBumpTheDataVersion() throws {
        try withMigratedPool { pool in
            let tokens = TokenStore(pool: pool)
            let token = try tokens.create(name: "admin")
            let before = pool.dataVersion
            #expect(try tokens.authenticate(token: token) == "admin")
            #expect(pool.dataVersion == before)
            // The timer's check that runs every second must not mistake it for another
            // process's commit either.
            #expect(pool.externalChangeCheck() == false)
            #expect(pool.dataVersion == before)
            // It was recorded all the same.
            #expect(try tokens.list().first?.lastUsedAt != nil)
        }
    }

    @Test func anotherProcessCommitIsStillNoticedAroundABookkeepingWrite() throws {
        try withMigratedPool { pool in
            let tokens = TokenStore(pool: pool)
            let token = try tokens.create(name: "admin")
            let other = try Database(path: pool.path)

            // A commit from elsewhere, then a token use before the watcher ran.
            try other.run("INSERT INTO api_tokens (name, token_hash, created_at) VALUES ('other', ?, '2024-01-01T00:00:00Z')",
                          .text(String(repeating: "a", count: 64)))
            _ = try tokens.authenticate(token: token)
            let before = pool.dataVersion
            #expect(pool.externalChangeCheck() == true)
            #expect(pool.dataVersion > before)

            // A token use, then a commit from elsewhere.
            _ = try tokens.authenticate(token: token)
            try other.run("DELETE FROM api_tokens WHERE name = 'other'")
            #expect(pool.externalChangeCheck() == true)
        }
    }

    @Test func ownPublicWritesStillBumpTheDataVersion() throws {
        try withMigratedPool { pool in
            let before = pool.dataVersion
            _ = try TokenStore(pool: pool).create(name: "admin")
            #expect(pool.dataVersion > before)
        }
    }
}

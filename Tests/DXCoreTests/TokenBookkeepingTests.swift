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

/// Issue 9: each recorded use is a durable commit of its own, so a token's use is written at its
/// first use and then at most once a minute (`TokenUseThrottle`), not on every request.
@Suite("Token last use: throttled")
struct TokenUseThrottleTests {
    @Test func tokenUseIsRecordedAtFirstUseAndNotAgainWithinTheInterval() throws {
        try withMigratedPool { pool in
            let tokens = TokenStore(pool: pool)
            let token = try tokens.create(name: "admin")
            #expect(try tokens.authenticate(token: token) == "admin")
            #expect(try tokens.list().first?.lastUsedAt != nil)
            try pool.write { db in try db.run("UPDATE api_tokens SET last_used_at = NULL") }
            // Still authenticated, but not written again within the minute.
            #expect(try tokens.authenticate(token: token) == "admin")
            #expect(try tokens.list().first?.lastUsedAt == nil)
        }
    }

    @Test func throttleAdmitsEachTokenOncePerIntervalAndAgainAfterIt() {
        let throttle = TokenUseThrottle(intervalSeconds: 60)
        let second: UInt64 = 1_000_000_000
        #expect(throttle.shouldRecord(id: 1, now: 100 * second))
        #expect(!throttle.shouldRecord(id: 1, now: 159 * second))
        #expect(throttle.shouldRecord(id: 2, now: 159 * second), "another token has its own interval")
        #expect(throttle.shouldRecord(id: 1, now: 160 * second))
        throttle.forget(id: 1)
        #expect(throttle.shouldRecord(id: 1, now: 161 * second), "a forgotten token (failed write) is written at its next use")
    }
}

import Foundation
import Testing
@testable import DXCore

/// Cursors are positions in a sort order, written opaquely and read back strictly.
@Suite("Keyset paging: cursors and orders")
struct KeysetCursorTests {
    static let byTitle = KeysetOrder(name: "title", columns: [KeysetOrder.Column("p.title", .text), KeysetOrder.Column("p.id", .integer)])
    static let newestFirst = KeysetOrder(
        name: "-updated_at", columns: [KeysetOrder.Column("p.updated_at", .text), KeysetOrder.Column("p.id", .integer)],
        direction: .descending)

    @Test(arguments: [
        [SortValue.text("都城市DX推進計画 ～①（）&amp;/+?=\""), .integer(7)],
        [.text(""), .integer(Int64.max)],
        [.text("a\u{0}b"), .integer(-1)],
    ])
    func aCursorDecodesToThePositionItWasMadeFrom(values: [SortValue]) throws {
        let cursor = KeysetCursor(order: Self.byTitle, values: values)
        let text = cursor.encoded
        #expect(text.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
        #expect(try KeysetCursor(decoding: text, for: Self.byTitle) == cursor)
    }

    @Test func aCursorOfAnotherOrderIsRefusedAsSuch() throws {
        let text = KeysetCursor(order: Self.newestFirst, values: [.text("2025-01-01T00:00:00.000Z"), .integer(3)]).encoded
        #expect(throws: KeysetCursorError.otherOrder(cursor: "-updated_at", expected: "title")) {
            try KeysetCursor(decoding: text, for: Self.byTitle)
        }
    }

    static func base64url(_ json: String) -> String {
        Data(json.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    @Test(arguments: [
        "bogus!", "a", "%%%", "YQ==", base64url("[]"), base64url("not json"), base64url(#"{"k":["t",1],"o":"title"}"#),
        base64url(#"{"k":["t",1],"o":"title","v":2}"#), base64url(#"{"k":[1,"t"],"o":"title","v":1}"#),
        base64url(#"{"k":["t"],"o":"title","v":1}"#), base64url(#"{"k":["t",1,2],"o":"title","v":1}"#),
        base64url(#"{"k":["t",1.5],"o":"title","v":1}"#), base64url(#"{"k":["t",null],"o":"title","v":1}"#),
        base64url(#"{"k":["t",1e300],"o":"title","v":1}"#), base64url(#"{"v":1,"o":"title","k":["t",1]}"#),
        base64url(#"{"k":["t",1],"o":"title","v":1}"#) + "==", String(repeating: "A", count: 4096),
    ])
    func aTextThatIsNotACursorOfThisServerIsMalformed(text: String) {
        #expect {
            try KeysetCursor(decoding: text, for: Self.byTitle)
        } throws: { error in
            if case KeysetCursorError.malformed = error { true } else { false }
        }
    }

    @Test func theCanonicalFormIsAccepted() throws {
        // The form the server writes, built by hand: members sorted, no spaces.
        let text = Self.base64url(#"{"k":["t",1],"o":"title","v":1}"#)
        #expect(try KeysetCursor(decoding: text, for: Self.byTitle).values == [.text("t"), .integer(1)])
    }

    @Test func theRowsAfterAPositionAreARowValueComparisonInTheOrdersDirection() {
        let after = Self.newestFirst.after([.text("2025"), .integer(4)])
        #expect(after.sql == "(p.updated_at, p.id) < (?, ?)")
        #expect(after.arguments == [.text("2025"), .integer(4)])
        #expect(Self.newestFirst.orderBy == "p.updated_at DESC, p.id DESC")
        #expect(Self.byTitle.after([.text("t"), .integer(4)]).sql == "(p.title, p.id) > (?, ?)")
        #expect(Self.byTitle.orderBy == "p.title, p.id")
    }

    @Test func sortValuesOrderAsSQLiteOrdersTheSameValues() throws {
        // Canonically equivalent (é composed and decomposed) and width variants: Swift's
        // String comparison would call the first two equal, SQLite's BINARY collation does not.
        let texts = ["e\u{301}", "\u{E9}", "z", "ｚ", "A", "", "都城", "都", "10", "9"]
        try withDatabase { db in
            try db.execute("CREATE TABLE t (v TEXT NOT NULL)")
            for text in texts { try db.run("INSERT INTO t (v) VALUES (?)", .text(text)) }
            let sqlite = try db.rows("SELECT v FROM t ORDER BY v") { $0.string(at: 0) }
            #expect(texts.map(SortValue.text).sorted().map { if case .text(let s) = $0 { s } else { "" } }.map { Array($0.utf8) }
                == sqlite.map { Array($0.utf8) })
        }
        #expect(SortValue.text("e\u{301}") != SortValue.text("\u{E9}"))
        #expect(SortValue.integer(Int64.max) < SortValue.text(""))
    }

    @Test func anInMemoryPageStartsAfterThePositionEvenWhenItsRowIsGone() {
        let order = KeysetOrder(name: "n", columns: [KeysetOrder.Column("n", .integer)])
        let rows = [1, 2, 4, 5, 7, 8]
        // The cursor names 3, a row no longer there: the page continues at 4.
        let page = KeysetPage(paging: rows, order: order, position: { [SortValue($0)] },
                              request: PageRequest(limit: 2, after: KeysetCursor(order: order, values: [.integer(3)])))
        #expect(page.items == [4, 5])
        #expect(page.total == 6)
        #expect(page.next == KeysetCursor(order: order, values: [.integer(5)]))
        let last = KeysetPage(paging: rows, order: order, position: { [SortValue($0)] },
                              request: PageRequest(limit: 2, after: page.next.map { _ in KeysetCursor(order: order, values: [.integer(6)]) }))
        #expect(last.items == [7, 8])
        #expect(last.next == nil)
    }
}

@Suite("Keyset paging: projects in SQL")
struct ProjectKeysetPagingTests {
    /// Projects with tied titles and tied update times, so ids break the ties.
    static func seed(_ store: ProjectStore, count: Int) throws {
        for index in 0..<count {
            _ = try store.createProject(newProjectPatch(title: "事業 \(index % 3)"))
        }
        try store.pool.write { db in
            try db.run("UPDATE projects SET created_at = '2024-01-01T00:00:00.000Z', updated_at = '2025-01-0' || (1 + id % 4) || 'T00:00:00.000Z'")
        }
    }

    @Test(arguments: ProjectSort.allCases, [1, 2, 5])
    func walkingEveryPageInSQLMatchesTheFullOrder(sort: ProjectSort, limit: Int) throws {
        try withProjectStore { store in
            try Self.seed(store, count: 11)
            let query = ProjectQuery(sort: sort)
            let full = try store.projects(query).map(\.id)
            var seen: [Int] = []
            var cursor: KeysetCursor?
            repeat {
                let page = try store.projectsPage(query, page: PageRequest(limit: limit, after: cursor))
                #expect(page.total == 11)
                seen += page.items.map(\.id)
                cursor = page.next
            } while cursor != nil
            #expect(seen == full)
        }
    }

    @Test func aPositionWhoseRowWasArchivedStillContinuesThePage() throws {
        try withProjectStore { store in
            try Self.seed(store, count: 6)
            let query = ProjectQuery(sort: .title)
            let first = try store.projectsPage(query, page: PageRequest(limit: 3))
            let full = try store.projects(query).map(\.id)
            _ = try store.archive(id: try #require(first.items.last).id, actor: "alice")
            let second = try store.projectsPage(query, page: PageRequest(limit: 3, after: first.next))
            #expect(second.items.map(\.id) == Array(full[3...]))
            #expect(second.total == 5)
        }
    }
}

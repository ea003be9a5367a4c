import Foundation
import Testing
@testable import DXCore

// Issue 8 item 7: the query and the indexed text are folded the same way (NFKC, then lower
// case), so every Unicode spelling of a word finds the same rows, while the stored and served
// text stays exactly as written.

@Suite("Search: Unicode normalisation")
struct SearchNormalizationTests {
    func codes(_ query: String) throws -> [String] {
        try withPlanStore { store in try store.measures(query: query).map(\.code) }
    }

    static let nfd = "デジタル".decomposedStringWithCanonicalMapping
    static let halfWidth = "ﾃﾞｼﾞﾀﾙ"

    @Test("デジタル in NFD and in half-width katakana finds the same measures as the canonical form (the issue's example)")
    func nfdAndHalfWidthKatakanaFindTheSameMeasures() throws {
        #expect(Self.nfd.unicodeScalars.count == 6, "テ + U+3099, シ + U+3099: really decomposed")
        let canonical = try codes("デジタル")
        #expect(canonical.count == 13)
        #expect(try codes(Self.nfd) == canonical)
        #expect(try codes(Self.halfWidth) == canonical)
    }

    @Test("full-width and either case of Latin letters find the same measures", arguments: ["AI", "ai", "ＡＩ", "ａｉ", "Ai"])
    func latinWidthAndCaseFindTheSameMeasures(query: String) throws {
        #expect(try codes(query) == ["1-7", "2-2"])
    }

    @Test("long Latin terms (trigram index) match across width and case", arguments: ["BPR", "bpr", "ＢＰＲ", "ｂｐｒ"])
    func longLatinTermsMatchAcrossWidthAndCase(query: String) throws {
        #expect(try codes(query) == ["1-3"])
    }

    @Test("titles are served exactly as stored, not folded")
    func servedTitlesAreUnchanged() throws {
        try withPlanStore { store in
            let found = try store.measures(query: Self.halfWidth)
            let all = try store.measures()
            for measure in found {
                #expect(measure.title == all.first { $0.code == measure.code }?.title)
                #expect(measure.title.contains("デジタル"))
                #expect(measure.title == measure.title.precomposedStringWithCanonicalMapping)
            }
        }
    }

    @Test("the fold: NFKC then lower case")
    func foldIsNFKCThenLowerCase() {
        // Compared by scalars: Swift's == would call NFD and NFC equal, SQLite would not.
        #expect(Array(SearchText.fold("ﾃﾞｼﾞﾀﾙ").unicodeScalars) == Array("デジタル".unicodeScalars))
        #expect(Array(SearchText.fold(Self.nfd).unicodeScalars) == Array("デジタル".unicodeScalars))
        #expect(SearchText.fold("ＡＩ・ＤＸ") == "ai・dx")
        #expect(SearchText.fold("①") == "1")
    }

    @Test("the SQL function folds as Swift does, so index and query agree; NULL stays NULL")
    func sqlFunctionFoldsAsSwiftDoes() throws {
        let folded = try withDatabase { db in
            [try db.scalar("SELECT dx_search_fold(?)", .text(Self.halfWidth)), try db.scalar("SELECT dx_search_fold(?)", .text("ＡＩ")),
             try db.scalar("SELECT dx_search_fold(NULL)"), try db.scalar("SELECT dx_search_fold('')")]
        }
        #expect(folded == [.text("デジタル"), .text("ai"), .null, .text("")])
    }
}

@Suite("Search: migration 0006 backfills rows written before it")
struct SearchFoldMigrationTests {
    @Test("projects and measures stored before 0006 are found by every spelling after it")
    func backfillFoldsExistingRows() throws {
        try withTemporaryDirectory { directory in
            // The repository's migrations up to 0005 first, as a database made before 0006 was.
            let early = directory.appendingPathComponent("early", isDirectory: true)
            try FileManager.default.createDirectory(at: early, withIntermediateDirectories: true)
            let files = try FileManager.default.contentsOfDirectory(atPath: migrationsDirectory.path).filter { $0.hasSuffix(".sql") }.sorted()
            for file in files where file < "0006" {
                try FileManager.default.copyItem(at: migrationsDirectory.appendingPathComponent(file), to: early.appendingPathComponent(file))
            }
            let db = try Database(path: directory.appendingPathComponent("test.sqlite").path)
            _ = try Migrator(directory: early).migrate(db)
            try db.execute("""
                INSERT INTO projects (measure_code, title, department, start_fiscal_year, end_fiscal_year, created_at, updated_at)
                VALUES ('1-1', 'ﾃﾞｼﾞﾀﾙ窓口', '課', 2023, 2024, '2023-01-01T00:00:00Z', '2023-01-01T00:00:00Z')
                """)
            func count(_ table: String, _ term: String) throws -> SQLiteValue? {
                try db.scalar("SELECT count(*) FROM \(table) WHERE \(table) MATCH ?", .text(SearchQuery.quotedForFTS(term)))
            }
            #expect(try count("projects_fts", "デジタル") == .integer(0), "before 0006 the index holds the half-width text")
            #expect(try count("measures_fts", "ﾃﾞｼﾞﾀﾙ") == .integer(0))

            _ = try Migrator(directory: migrationsDirectory).migrate(db)
            #expect(try count("projects_fts", "デジタル") == .integer(1))
            #expect(try count("measures_fts", "デジタル") == .integer(13))
            #expect(try db.scalar("SELECT title FROM projects") == .text("ﾃﾞｼﾞﾀﾙ窓口"), "the stored text is untouched")
        }
    }
}

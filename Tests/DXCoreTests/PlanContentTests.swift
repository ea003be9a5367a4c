import Foundation
import Testing
@testable import DXCore

@Suite("Plan content (migration 0002)")
struct PlanContentTests {
    @Test("the repository's migrations apply cleanly and are all recorded")
    func migrationsApply() throws {
        try withMigratedPool { pool throws in
            let migrator = Migrator(directory: migrationsDirectory)
            #expect(migrator.readiness(of: pool) == .ready)
            let applied = try pool.read { db in try migrator.appliedMigrations(in: db) }
            #expect(applied.map(\.name).prefix(2) == ["0001_plan_schema.sql", "0002_plan_content.sql"])
        }
    }

    @Test("row counts: 6 concepts, 3 policies, 29 measures (11/10/8), 5 principles, 7 events, 4 bodies")
    func rowCounts() throws {
        try withPlanStore { store throws in
            #expect(try store.concepts().count == 6)
            #expect(try store.policies().map(\.measureCount) == [11, 10, 8])
            #expect(try store.measures().count == 29)
            #expect(try store.principles().count == 5)
            #expect(try store.timeline().count == 7)
            #expect(try store.timeline().filter { $0.scope == .national }.count == 4)
            #expect(try store.governance().bodies.count == 4)
        }
    }

    @Test("the plan's metadata")
    func planMetadata() throws {
        try withPlanStore { store throws in
            let plan = try #require(try store.plan())
            #expect(plan.title == "都城市DX推進計画")
            #expect(plan.subtitle == "～誰一人取り残されない、人に優しいデジタル化を目指して～")
            #expect(plan.volume == "基本計画")
            #expect(plan.period == Plan.Period(
                startFiscalYear: 2022, endFiscalYear: 2025, startLabel: "令和4年度（2022年度）",
                endLabel: "令和7年度（2025年度）", note: "※社会情勢や国の動向などの変化に応じて適宜見直しを行います。"))
            #expect(plan.purpose.hasPrefix("都城市では、我が国が直面する人口減少、"))
            #expect(plan.purpose.hasSuffix("個別事業については「実施計画」に記載します。"))
            #expect(plan.purpose.components(separatedBy: "\n\n").count == 2)
            #expect(plan.positioning.contains("官民データ活用推進基本法（平成28年法律第103号）第9条第3項"))
            #expect(plan.background.national.map(\.date) == ["2016-12", "2020-12", "2021-06", "2021-09"])
            #expect(plan.background.city.map(\.date) == ["2019-08", "2021-02", "2023-04"])
        }
    }

    @Test("sample texts are exact")
    func sampleTexts() throws {
        try withPlanStore { store throws in
            let concepts = try store.concepts()
            #expect(concepts.first == Concept(id: 1, question: "～デジタル化は市民目線になっているか～",
                statement: "デジタル化こそアナログで！市民に寄り添った支援を行い市民が使いやすい技術を活用する"))
            let policies = try store.policies()
            #expect(policies[0].title == "市民サービスにおけるデジタル化の推進")
            #expect(policies[0].goal == "市民の利便性向上を図りながら、住み良いまちを創ります。")
            #expect(try store.measure(code: "3-7")?.title == "農業のデジタル化")
            #expect(try store.measure(code: "2-2") == Measure(code: "2-2", policyID: 2, position: 2, title: "自治体のAI・RPAの利用促進", projectCount: 0))
            #expect(try store.measure(code: "4-1") == nil)
            let principles = try store.principles()
            #expect(principles.map(\.name) == [
                "Equity, Inclusion & Societal impact", "Transparency & Privacy",
                "Operational & Financial Sustainability", "Safety, Security & Resiliency", "Interoperability & Openness",
            ])
            let timeline = try store.timeline()
            #expect(timeline.contains(TimelineEvent(date: "2020-12", scope: .national, title: "総務省「自治体DX推進計画」策定")))
        }
    }

    @Test("governance: bodies, roles, members and the committee's five duties")
    func governance() throws {
        try withPlanStore { store throws in
            let bodies = try store.governance().bodies
            #expect(bodies.map(\.name) == ["都城市デジタル統括本部", "都城市デジタル統括委員会", "専門部会", "ワーキンググループ"])
            #expect(bodies[0].roles == [
                Governance.Role(title: "最高デジタル責任者（CDO）", holder: "市長"),
                Governance.Role(title: "副デジタル責任者（副CDO）", holder: "副市長（総括担当）"),
            ])
            #expect(bodies[0].members.count == 7)
            #expect(bodies[1].roles == [
                Governance.Role(title: "委員長", holder: "総合政策部長"),
                Governance.Role(title: "副委員長", holder: "総務部長"),
            ])
            #expect(bodies[1].duties.map(\.marker) == ["①", "②", "③", "④", "⑤"])
            #expect(bodies[1].duties[0].text == "デジタルに係る基本的な方針の策定に関すること")
            #expect(bodies[2].description == "実務者で実務的な課題を検討します。")
            #expect(bodies[3].description == "実務者で実務的な課題を検討します。")
        }
    }

    @Test("the measures match the seed's list line by line")
    func measuresMatchSeedList() throws {
        let seed = try decodedSeedText()
        // Lines like "- 1-1 マイナンバーカードの普及促進".
        let listed: [(code: String, title: String)] = seed.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, parts[0] == "-",
                parts[1].split(separator: "-").count == 2, parts[1].split(separator: "-").allSatisfy({ $0.allSatisfy(\.isNumber) })
            else { return nil }
            return (String(parts[1]), String(parts[2]))
        }
        try #require(listed.count == 29)
        try withPlanStore { store throws in
            let stored = try store.measures()
            try #require(stored.count == listed.count)
            for (measure, line) in zip(stored, listed) {
                #expect(measure.code == line.code)
                #expect(measure.title == line.title)
                #expect(measure.code == "\(measure.policyID)-\(measure.position)")
            }
        }
    }

    @Test("every text stored in the content tables appears verbatim in the seed")
    func everyTextIsFromTheSeed() throws {
        let seed = try decodedSeedText()
        try withMigratedPool { pool throws in
            // Columns holding identifiers or codes rather than transcribed text.
            let notTranscribed: Set<String> = ["timeline_events.date", "timeline_events.scope", "measures.code"]
            let texts: [(column: String, value: String)] = try pool.read { db in
                // The plan's tables only: later migrations (surveys, projects) hold data that is
                // derived or entered, and have tests of their own.
                let tables = try db.rows("""
                    SELECT name FROM sqlite_schema
                    WHERE type = 'table' AND (name IN ('plan', 'concepts', 'policies', 'measures', 'principles', 'timeline_events')
                      OR name LIKE 'governance%')
                    """) { $0.string(at: 0) }
                #expect(tables.count >= 10)
                var texts: [(String, String)] = []
                for table in tables {
                    // Table names come from sqlite_schema, not from input; quoting guards odd names.
                    let columns = try db.rows("SELECT name FROM pragma_table_info(?) WHERE type = 'TEXT'", [.text(table)]) { $0.string(at: 0) }
                    for column in columns where !notTranscribed.contains("\(table).\(column)") {
                        texts += try db.rows("SELECT \"\(column)\" FROM \"\(table)\"") { ("\(table).\(column)", $0.string(at: 0)) }
                    }
                }
                return texts
            }
            #expect(texts.count > 80)
            for text in texts {
                #expect(seed.contains(text.value), "\(text.column) is not in the seed: \(text.value)")
            }
        }
    }
}

import Foundation
import Testing
@testable import DXCore

@Suite("Read model JSON")
struct PlanJSONTests {
    func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("measures use snake_case keys")
    func measureJSON() throws {
        let measure = Measure(code: "1-7", policyID: 1, position: 7, title: "AIチャットボットの導入", projectCount: 0)
        #expect(try json(measure) == #"{"code":"1-7","policy_id":1,"position":7,"project_count":0,"status_counts":{"cancelled":0,"completed":0,"in_progress":0,"on_hold":0,"planned":0},"title":"AIチャットボットの導入"}"#)
    }

    @Test("a policy detail is the policy's fields plus its measures, and decodes back")
    func policyDetailJSON() throws {
        try withPlanStore { store throws in
            let detail = try #require(try store.policy(id: 3))
            let text = try json(detail)
            #expect(text.hasPrefix(#"{"goal":"産業振興や生活の質の向上を図ることで、豊かで持続可能なまちづくりを実現します。","id":3,"measure_count":8,"measures":[{"code":"3-1""#))
            #expect(text.contains(#""project_count":0,"status_counts":{"cancelled":0,"completed":0,"in_progress":0,"on_hold":0,"planned":0},"title":"地域社会におけるデジタル化の推進"}"#))
            let decoded = try JSONDecoder().decode(PolicyDetail.self, from: Data(text.utf8))
            #expect(decoded == detail)
            #expect(try store.policy(id: 4) == nil)
        }
    }

    @Test("the plan's period and timeline use the contract's field names")
    func planJSON() throws {
        try withPlanStore { store throws in
            let text = try json(try #require(try store.plan()))
            #expect(text.contains(#""period":{"end_fiscal_year":2025,"end_label":"令和7年度（2025年度）","note":"#))
            #expect(text.contains(#""start_fiscal_year":2022"#))
            #expect(text.contains(#"{"date":"2016-12","scope":"national","title":"官民データ活用推進基本法"}"#))
        }
    }

    @Test("governance roles and duties")
    func governanceJSON() throws {
        try withPlanStore { store throws in
            let text = try json(try store.governance())
            #expect(text.contains(#"{"holder":"市長","title":"最高デジタル責任者（CDO）"}"#))
            #expect(text.contains(#"{"marker":"⑤","number":5,"text":"前各号に掲げるもののほか、デジタル化の推進に必要な事項に関すること"}"#))
        }
    }
}

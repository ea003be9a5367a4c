import Testing

@testable import DXCore

@Suite("Competition ranking of options")
struct SurveyRankingTests {
    @Test("the highest count ranks 1")
    func highestFirst() {
        #expect(CompetitionRanking.ranks(of: [500, 235, 795]) == [2, 3, 1])
    }

    @Test("ties share a rank and the next rank skips (1224)")
    func ties() {
        #expect(CompetitionRanking.ranks(of: [10, 8, 8, 5]) == [1, 2, 2, 4])
    }

    @Test("question 1's two options at 158 share 4th place, so わからない at 139 is 6th")
    func seedTie() {
        let counts = [569, 660, 173, 158, 158, 112, 139, 23]
        #expect(CompetitionRanking.ranks(of: counts) == [2, 1, 3, 4, 4, 7, 6, 8])
    }

    @Test("no options, no ranks")
    func empty() {
        #expect(CompetitionRanking.ranks(of: []) == [])
    }
}

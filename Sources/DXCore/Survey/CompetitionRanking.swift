/// Standard competition ranking ("1224"): the highest count ranks 1, ties share a rank, and the
/// next distinct count skips the places the tie used. Survey reports speak this way
/// (two options at 158 are both 4位, the next is 6位).
public enum CompetitionRanking {
    /// Ranks aligned with `counts` (same order), highest first.
    public static func ranks(of counts: [Int]) -> [Int] {
        counts.map { count in 1 + counts.count(where: { $0 > count }) }
    }
}

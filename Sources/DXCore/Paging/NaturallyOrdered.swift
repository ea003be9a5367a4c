/// A row of a small, fixed collection that is always listed in one order (the plan's measures,
/// a survey's questions). Such collections page in memory (`KeysetPage(paging:…)`) through the
/// same cursors as SQL paging: a cursor records the row's key values, never its index.
public protocol NaturallyOrdered {
    /// The collection's order; its last column is unique.
    static var naturalOrder: KeysetOrder { get }
    /// This row's key values in `naturalOrder`.
    var sortPosition: [SortValue] { get }
}

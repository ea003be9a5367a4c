// The orders PlanStore lists the plan's collections in, as keyset positions. Each matches the
// ORDER BY of its query there.

extension Concept: NaturallyOrdered {
    public static let naturalOrder = KeysetOrder(name: "id", columns: [KeysetOrder.Column("id", .integer)])
    public var sortPosition: [SortValue] { [SortValue(id)] }
}

extension Policy: NaturallyOrdered {
    public static let naturalOrder = KeysetOrder(name: "id", columns: [KeysetOrder.Column("id", .integer)])
    public var sortPosition: [SortValue] { [SortValue(id)] }
}

extension Principle: NaturallyOrdered {
    public static let naturalOrder = KeysetOrder(name: "id", columns: [KeysetOrder.Column("id", .integer)])
    public var sortPosition: [SortValue] { [SortValue(id)] }
}

extension Measure: NaturallyOrdered {
    /// Plan order: by policy, then the measure's position in it (`1-2` before `1-10`).
    public static let naturalOrder = KeysetOrder(
        name: "policy_id,position", columns: [KeysetOrder.Column("policy_id", .integer), KeysetOrder.Column("position", .integer)])
    public var sortPosition: [SortValue] { [SortValue(policyID), SortValue(position)] }
}

extension TimelineEvent: NaturallyOrdered {
    /// Oldest first, national before city within a month, then by title.
    public static let naturalOrder = KeysetOrder(
        name: "date,scope,title",
        columns: [KeysetOrder.Column("date", .text), KeysetOrder.Column("scope_rank", .integer), KeysetOrder.Column("title", .text)])
    public var sortPosition: [SortValue] { [SortValue(date), SortValue(scope == .city ? 1 : 0), SortValue(title)] }
}

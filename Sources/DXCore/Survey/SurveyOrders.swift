// The orders SurveyStore lists the survey collections in, as keyset positions. Each matches
// the ORDER BY of its query in SurveyRows.

extension Survey: NaturallyOrdered {
    public static let naturalOrder = KeysetOrder(
        name: "edition,id", columns: [KeysetOrder.Column("edition", .integer), KeysetOrder.Column("id", .integer)])
    public var sortPosition: [SortValue] { [SortValue(edition), SortValue(id)] }
}

extension ProfileEntry: NaturallyOrdered {
    /// Gender before age, each in the report's order.
    public static let naturalOrder = KeysetOrder(
        name: "dimension,position",
        columns: [KeysetOrder.Column("dimension_rank", .integer), KeysetOrder.Column("position", .integer)])
    public var sortPosition: [SortValue] { [SortValue(dimension == .gender ? 0 : 1), SortValue(position)] }
}

extension SurveyQuestion: NaturallyOrdered {
    public static let naturalOrder = KeysetOrder(name: "number", columns: [KeysetOrder.Column("number", .integer)])
    public var sortPosition: [SortValue] { [SortValue(number)] }
}

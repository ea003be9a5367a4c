/// One value of a facet with how many rows of the filtered collection have it: what a sidebar
/// shows as "実施中 (12)". `value` is what the matching filter parameter takes; `label` is what
/// a person reads (a status's Japanese label, a measure's title, `2023年度（令和5年度）`).
public struct FacetCount: Sendable, Equatable, Encodable {
    public var value: SortValue
    public var label: String
    public var count: Int

    public init(value: SortValue, label: String, count: Int) {
        self.value = value
        self.label = label
        self.count = count
    }
}

/// The facets of one request: each named field with its values, in the field's natural order
/// (status in lifecycle order, measures in plan order, years ascending, names by code point).
/// Values no row has are left out.
public struct FacetCounts: Sendable, Equatable {
    public var fields: [(name: String, values: [FacetCount])]

    public init(_ fields: [(name: String, values: [FacetCount])] = []) { self.fields = fields }

    public static func == (lhs: FacetCounts, rhs: FacetCounts) -> Bool {
        lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.values == $1.values }
    }

    public subscript(name: String) -> [FacetCount]? { fields.first { $0.name == name }?.values }
}

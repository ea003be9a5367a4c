/// KPI writes as changes in the project's history. A project history row's `changes` maps a
/// field to its old and new value; a KPI's fields are named by path under `kpis/{id}/`
/// (`kpis/3/name`, `kpis/3/baseline/value`, `kpis/3/targets/2024`), a measurement's under
/// `kpis/{id}/measurements/{mid}/` (`date`, `value`, `note`). A create has every member with
/// `old` null, a deletion every member with `new` null, so a deleted measurement stays in the
/// history with all it said.
enum KPIHistory {
    static func values(of fields: KPIFields?, kpiID: Int) -> [String: HistoryValue] {
        guard let fields else { return [:] }
        let prefix = "kpis/\(kpiID)/"
        var result: [String: HistoryValue] = [
            prefix + "name": .string(fields.name), prefix + "unit": .string(fields.unit),
            prefix + "direction": .string(fields.direction.rawValue), prefix + "note": .string(fields.note),
            prefix + "baseline/value": fields.baseline.map { .number($0.value) } ?? .null,
            prefix + "baseline/date": fields.baseline.map { .string($0.date) } ?? .null,
        ]
        for target in fields.targets { result[prefix + "targets/\(target.fiscalYear)"] = .number(target.value) }
        return result
    }

    /// The members that differ between `old` and `new` (either may be nil: a create, a deletion).
    static func changes(from old: KPIFields?, to new: KPIFields?, kpiID: Int) -> [String: FieldChange] {
        diff(values(of: old, kpiID: kpiID), values(of: new, kpiID: kpiID), all: old == nil || new == nil)
    }

    static func measurement(_ m: KPIMeasurement, created: Bool) -> [String: FieldChange] {
        let prefix = "kpis/\(m.kpiID)/measurements/\(m.id)/"
        let values: [String: HistoryValue] = [prefix + "date": .string(m.date), prefix + "value": .number(m.value), prefix + "note": .string(m.note)]
        return created ? diff([:], values, all: true) : diff(values, [:], all: true)
    }

    static func diff(_ old: [String: HistoryValue], _ new: [String: HistoryValue], all: Bool) -> [String: FieldChange] {
        var result: [String: FieldChange] = [:]
        for key in Set(old.keys).union(new.keys) {
            let before = old[key] ?? .null
            let after = new[key] ?? .null
            if all || before != after { result[key] = FieldChange(old: before, new: after) }
        }
        return result
    }
}

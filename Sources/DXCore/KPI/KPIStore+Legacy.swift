/// The old single `kpi` of a project, written through to the project's first KPI, so a client
/// that still PATCHes `kpi` keeps its meaning (issue 12). Runs inside the project write's
/// transaction; the changes it returns go into that write's history row.
///
/// Member by member, only what the patch changed: `name`/`unit` rename the first KPI;
/// `target` sets the target of the project's end fiscal year; a new `actual` is recorded as a
/// measurement dated today (Japan), `actual: null` deletes the first KPI's measurements
/// ("nothing measured", as before); `kpi: null` deletes the first KPI. A project without KPIs
/// that gets a `kpi` gets a first KPI (increasing, no baseline) made from it.
extension KPIStore {
    static func writeThrough(
        projectID: Int, old: KPI?, new: KPI?, endFiscalYear: Int, actor: String, at now: String, _ db: Database
    ) throws -> [String: FieldChange] {
        guard old != new else { return [:] }
        let first = try firstKPI(projectID: projectID, db)
        var changes: [String: FieldChange] = [:]
        guard let new else {
            guard let first else { return [:] }
            changes = KPIHistory.changes(from: first.fields, to: nil, kpiID: first.id)
            for m in try measurementKeyset(kpiID: first.id).rows(PageRequest(limit: nil), in: db, row: measurementRow, total: 0).items {
                changes.merge(KPIHistory.measurement(m, created: false)) { $1 }
            }
            try db.run("DELETE FROM kpis WHERE id = ?", SQLiteValue(first.id))
            return changes
        }
        let kpiID: Int
        if let first {
            kpiID = first.id
            var fields = first.fields
            fields.name = new.name
            fields.unit = new.unit
            if old?.target != new.target {
                fields.targets.removeAll { $0.fiscalYear == endFiscalYear }
                fields.targets.append(KPITarget(fiscalYear: endFiscalYear, value: new.target))
                fields.targets.sort { $0.fiscalYear < $1.fiscalYear }
            }
            if fields != first.fields {
                try db.run("""
                    UPDATE kpis SET name = ?, unit = ?, direction = ?, baseline_value = ?, baseline_date = ?, targets = ?, note = ?,
                        version = version + 1, updated_at = max(updated_at, ?)
                    WHERE id = ?
                    """, arguments: try columnValues(fields) + [.text(now), SQLiteValue(kpiID)])
                changes = KPIHistory.changes(from: first.fields, to: fields, kpiID: kpiID)
            }
        } else {
            let fields = KPIFields(name: new.name, unit: new.unit, targets: [KPITarget(fiscalYear: endFiscalYear, value: new.target)])
            kpiID = try insertKPI(projectID: projectID, fields, at: now, db)
            changes = KPIHistory.changes(from: nil, to: fields, kpiID: kpiID)
        }
        if old?.actual != new.actual || (first == nil && new.actual != nil) {
            if let actual = new.actual {
                let m = try insertMeasurement(projectID: projectID, kpiID: kpiID, date: CalendarDate.todayInJapan().iso, value: actual, note: "",
                                              recordedBy: actor, recordedAt: now, db)
                changes.merge(KPIHistory.measurement(m, created: true)) { $1 }
            } else {
                for m in try measurementKeyset(kpiID: kpiID).rows(PageRequest(limit: nil), in: db, row: measurementRow, total: 0).items {
                    changes.merge(KPIHistory.measurement(m, created: false)) { $1 }
                }
                try db.run("DELETE FROM kpi_measurements WHERE kpi_id = ?", SQLiteValue(kpiID))
            }
            if first != nil { try bumpVersion(kpiID: kpiID, at: now, db) }
        }
        return changes
    }
}

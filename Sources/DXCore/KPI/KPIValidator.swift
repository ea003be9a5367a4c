/// Checks a KPI or a measurement, collecting every problem.
///
/// Ranges: values (`baseline.value`, `targets[].value`, a measurement's `value`) finite, from
/// −1e15 to 1e15; `targets[].fiscal_year` 2000–2100, each year at most once, at most 101
/// targets; dates `YYYY-MM-DD`, real calendar days from 2000-01-01 to 2100-12-31. Targets lie
/// on the improving side of the baseline: ≥ it for an `increase` KPI, ≤ it for `decrease`.
/// Lengths in characters: `name` 1–100, `unit` 0–100, `note` 0–2,000 (the only multi-line one).
public enum KPIValidator {
    public static let values = ProjectValidator.kpiValues
    public static let fiscalYears = ProjectValidator.fiscalYears
    public static let maxTargets = 101
    public static let dates = "2000-01-01"..."2100-12-31"
    public static let valueMessage = "must be a finite number from -1e15 to 1e15"

    public static func apply(_ patch: KPIFieldsPatch, to base: KPIFields?) -> Result<KPIFields, ValidationFailure> {
        var issues = patch.issues
        let rejected = Set(patch.issues.map(\.field))
        var name = base?.name
        switch patch.name {
        case .set(let text): name = text
        case .null: issues.append(FieldIssue(field: "name", message: "is required and cannot be null"))
        case .absent: if name == nil && !rejected.contains("name") { issues.append(FieldIssue(field: "name", message: "is required")) }
        }
        var unit = base?.unit ?? ""
        if case .set(let text) = patch.unit { unit = text } else if case .null = patch.unit { unit = "" }
        var note = base?.note ?? ""
        if case .set(let text) = patch.note { note = text } else if case .null = patch.note { note = "" }
        var direction = base?.direction ?? .increase
        switch patch.direction {
        case .set(let raw):
            if let parsed = KPIDirection(rawValue: raw) { direction = parsed } else {
                issues.append(FieldIssue(field: "direction", message: "must be increase or decrease"))
            }
        case .null: issues.append(FieldIssue(field: "direction", message: "cannot be null; use increase or decrease"))
        case .absent: break
        }
        var baseline = base?.baseline
        switch patch.baseline {
        case .set(let value): baseline = value
        case .null: baseline = nil
        case .absent: break
        }
        var targets = base?.targets ?? []
        switch patch.targets {
        case .set(let list): targets = list
        case .null: targets = []
        case .absent: break
        }

        if let name { ProjectValidator.check(text: name, field: "name", max: ProjectValidator.maxKPITextLength, required: true, issues: &issues) }
        ProjectValidator.check(text: unit, field: "unit", max: ProjectValidator.maxKPITextLength, required: false, issues: &issues)
        ProjectValidator.check(text: note, field: "note", max: ProjectValidator.maxNoteLength, required: false, lines: .multi, issues: &issues)
        if let baseline {
            if !values.contains(baseline.value) { issues.append(FieldIssue(field: "baseline.value", message: valueMessage)) }
            if let problem = dateProblem(baseline.date) { issues.append(FieldIssue(field: "baseline.date", message: problem)) }
        }
        if targets.count > maxTargets {
            issues.append(FieldIssue(field: "targets", message: "must hold at most \(maxTargets) targets, one per fiscal year"))
        }
        var seen: Set<Int> = []
        for (index, target) in targets.enumerated() {
            if !fiscalYears.contains(target.fiscalYear) {
                issues.append(FieldIssue(field: "targets[\(index)].fiscal_year",
                                         message: "must be from \(fiscalYears.lowerBound) to \(fiscalYears.upperBound)"))
            } else if !seen.insert(target.fiscalYear).inserted {
                issues.append(FieldIssue(field: "targets[\(index)].fiscal_year", message: "fiscal year \(target.fiscalYear) has a target already"))
            }
            if !values.contains(target.value) {
                issues.append(FieldIssue(field: "targets[\(index)].value", message: valueMessage))
            } else if let baseline, values.contains(baseline.value) {
                if direction == .increase && target.value < baseline.value {
                    issues.append(FieldIssue(field: "targets[\(index)].value", message: "must not be below the baseline (\(baseline.value)) of an increasing KPI"))
                } else if direction == .decrease && target.value > baseline.value {
                    issues.append(FieldIssue(field: "targets[\(index)].value", message: "must not be above the baseline (\(baseline.value)) of a decreasing KPI"))
                }
            }
        }
        guard issues.isEmpty, let name else { return .failure(ValidationFailure(issues: issues)) }
        return .success(KPIFields(name: name, unit: unit, direction: direction, baseline: baseline,
                                  targets: targets.sorted { $0.fiscalYear < $1.fiscalYear }, note: note))
    }

    /// A measurement's date, value and note, or every problem.
    public static func measurement(_ input: MeasurementInput) -> Result<(date: String, value: Double, note: String), ValidationFailure> {
        var issues = input.issues
        let rejected = Set(input.issues.map(\.field))
        // A field the caller already rejected (a CSV cell with a control or bidi character, a
        // JSON member of the wrong type) is reported once, by the caller.
        if let date = input.date {
            if !rejected.contains("date"), let problem = dateProblem(date) { issues.append(FieldIssue(field: "date", message: problem)) }
        } else if !rejected.contains("date") {
            issues.append(FieldIssue(field: "date", message: "is required"))
        }
        if let value = input.value {
            if !values.contains(value) { issues.append(FieldIssue(field: "value", message: valueMessage)) }
        } else if !rejected.contains("value") {
            issues.append(FieldIssue(field: "value", message: "is required"))
        }
        let note = input.note ?? ""
        if !rejected.contains("note") {
            ProjectValidator.check(text: note, field: "note", max: ProjectValidator.maxNoteLength, required: false, lines: .multi, issues: &issues)
        }
        guard issues.isEmpty, let date = input.date, let value = input.value else { return .failure(ValidationFailure(issues: issues)) }
        return .success((date, value, note))
    }

    /// Nil for a real `YYYY-MM-DD` day in range; else what is wrong.
    public static func dateProblem(_ text: String) -> String? {
        guard let date = CalendarDate(iso: text), date.iso == text else { return "must be a date written YYYY-MM-DD" }
        return dates.contains(text) ? nil : "must be from \(dates.lowerBound) to \(dates.upperBound)"
    }
}

/// Applies a patch to a project's fields and checks every resulting value, collecting all
/// problems rather than stopping at the first.
///
/// Ranges: `progress` 0–100, `start_fiscal_year`/`end_fiscal_year` 2000–2100 (start ≤ end),
/// `kpi.target`/`kpi.actual` −1e15–1e15; integers may be written `10`, `10.0` or `1e1` (a
/// whole number, as JSON Schema's `integer`), never `10.5`. Lengths in characters: title 200,
/// department 100, description 10,000, note 2,000, kpi name and unit 100. What needs the database (does the measure
/// exist, is the status change allowed) is the store's part.
public enum ProjectValidator {
    public static let fiscalYears = 2000...2100
    public static let maxTitleLength = 200
    public static let maxDescriptionLength = 10_000
    public static let maxDepartmentLength = 100
    public static let maxNoteLength = 2_000
    public static let maxKPITextLength = 100
    /// `kpi.target` and `kpi.actual`: finite, and small enough that every integer in the range
    /// is exact in a Double (NaN and infinities, as `1e400` reads, fall outside).
    public static let kpiValues: ClosedRange<Double> = -1e15...1e15
    static let kpiValueMessage = "must be a finite number from -1e15 to 1e15"

    /// The fields after `patch`, or every problem found. `base` nil means a create: required
    /// fields must be given and the rest take their defaults.
    public static func apply(_ patch: ProjectPatch, to base: ProjectFields?) -> Result<ProjectFields, ValidationFailure> {
        var issues = patch.issues
        // A field the reader already rejected is not reported a second time as missing.
        let rejected = Set(patch.issues.map(\.field))

        func required(_ name: String, _ value: PatchValue<String>, current: String?) -> String? {
            switch value {
            case .set(let text): return text
            case .null:
                issues.append(FieldIssue(field: name, message: "is required and cannot be null"))
                return nil
            case .absent:
                if current == nil && !rejected.contains(name) { issues.append(FieldIssue(field: name, message: "is required")) }
                return current
            }
        }
        func requiredInt(_ name: String, _ value: PatchValue<Int>, current: Int?) -> Int? {
            switch value {
            case .set(let number): return number
            case .null:
                issues.append(FieldIssue(field: name, message: "is required and cannot be null"))
                return nil
            case .absent:
                if current == nil && !rejected.contains(name) { issues.append(FieldIssue(field: name, message: "is required")) }
                return current
            }
        }

        let measureCode = required("measure_code", patch.measureCode, current: base?.measureCode)
        let title = required("title", patch.title, current: base?.title)
        let department = required("department", patch.department, current: base?.department)
        let startYear = requiredInt("start_fiscal_year", patch.startFiscalYear, current: base?.startFiscalYear)
        let endYear = requiredInt("end_fiscal_year", patch.endFiscalYear, current: base?.endFiscalYear)

        var description = base?.description ?? ""
        switch patch.description {
        case .set(let text): description = text
        case .null: description = ""
        case .absent: break
        }

        var progress = base?.progress ?? 0
        switch patch.progress {
        case .set(let value): progress = value
        case .null: issues.append(FieldIssue(field: "progress", message: "cannot be null; use 0"))
        case .absent: break
        }

        var status = base?.status ?? .planned
        switch patch.status {
        case .set(let raw):
            if let parsed = ProjectStatus(rawValue: raw) {
                status = parsed
            } else {
                issues.append(FieldIssue(field: "status", message: "must be one of \(ProjectStatus.rawValues.joined(separator: ", "))"))
            }
        case .null: issues.append(FieldIssue(field: "status", message: "cannot be null"))
        case .absent: break
        }

        var kpi = base?.kpi
        switch patch.kpi {
        case .set(let changes): kpi = merge(changes, into: base?.kpi, rejected: rejected, issues: &issues)
        case .null: kpi = nil
        case .absent: break
        }

        if let measureCode, !isMeasureCode(measureCode) {
            issues.append(FieldIssue(field: "measure_code", message: "must be a measure code like 1-1"))
        }
        if let title { check(text: title, field: "title", max: maxTitleLength, required: true, issues: &issues) }
        if let department { check(text: department, field: "department", max: maxDepartmentLength, required: true, issues: &issues) }
        check(text: description, field: "description", max: maxDescriptionLength, required: false, lines: .multi, issues: &issues)
        if !(0...100).contains(progress) { issues.append(FieldIssue(field: "progress", message: "must be from 0 to 100")) }
        if let startYear, !fiscalYears.contains(startYear) {
            issues.append(FieldIssue(field: "start_fiscal_year", message: "must be from \(fiscalYears.lowerBound) to \(fiscalYears.upperBound)"))
        }
        if let endYear, !fiscalYears.contains(endYear) {
            issues.append(FieldIssue(field: "end_fiscal_year", message: "must be from \(fiscalYears.lowerBound) to \(fiscalYears.upperBound)"))
        }
        if let startYear, let endYear, fiscalYears.contains(startYear), fiscalYears.contains(endYear), startYear > endYear {
            issues.append(FieldIssue(field: "end_fiscal_year", message: "must not be before start_fiscal_year (\(startYear))"))
        }
        if let note = patch.note { issues += noteIssues(note) }

        guard issues.isEmpty, let measureCode, let title, let department, let startYear, let endYear else {
            return .failure(ValidationFailure(issues: issues))
        }
        return .success(ProjectFields(
            measureCode: measureCode, title: title, description: description, department: department, status: status,
            progress: progress, startFiscalYear: startYear, endFiscalYear: endYear, kpi: kpi))
    }

    /// RFC 7396 on the nested object: members given replace, `null` removes; `name` and
    /// `target` cannot be removed, so a KPI is always complete.
    static func merge(_ patch: KPIPatch, into base: KPI?, rejected: Set<String> = [], issues: inout [FieldIssue]) -> KPI? {
        var name = base?.name
        var unit = base?.unit ?? ""
        var target = base?.target
        var actual = base?.actual
        let before = issues.count
        // A member the reader already rejected makes the KPI incomplete without a second report.
        let incomplete = rejected.contains("kpi.name") || rejected.contains("kpi.target")
        switch patch.name {
        case .set(let value): name = value
        case .null: issues.append(FieldIssue(field: "kpi.name", message: "is required and cannot be null"))
        case .absent: if name == nil && !rejected.contains("kpi.name") { issues.append(FieldIssue(field: "kpi.name", message: "is required")) }
        }
        switch patch.unit {
        case .set(let value): unit = value
        case .null: unit = ""
        case .absent: break
        }
        switch patch.target {
        case .set(let value): target = value
        case .null: issues.append(FieldIssue(field: "kpi.target", message: "is required and cannot be null"))
        case .absent: if target == nil && !rejected.contains("kpi.target") { issues.append(FieldIssue(field: "kpi.target", message: "is required")) }
        }
        switch patch.actual {
        case .set(let value): actual = value
        case .null: actual = nil
        case .absent: break
        }
        if let name { check(text: name, field: "kpi.name", max: maxKPITextLength, required: true, issues: &issues) }
        check(text: unit, field: "kpi.unit", max: maxKPITextLength, required: false, issues: &issues)
        if let target, !kpiValues.contains(target) { issues.append(FieldIssue(field: "kpi.target", message: kpiValueMessage)) }
        if let actual, !kpiValues.contains(actual) { issues.append(FieldIssue(field: "kpi.actual", message: kpiValueMessage)) }
        guard issues.count == before, !incomplete, let name, let target else { return nil }
        return KPI(name: name, unit: unit, target: target, actual: actual)
    }

    /// `<policy>-<position>`, both positive integers without leading zeros.
    public static func isMeasureCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.first != "0" && part.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }

    /// What is wrong with a history note (of any write, an archive included), if anything.
    public static func noteIssues(_ note: String) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        check(text: note, field: "note", max: maxNoteLength, required: false, lines: .multi, issues: &issues)
        return issues
    }

    /// Lengths in Unicode scalars, which is what SQLite's length() and the CHECKs count.
    ///
    /// Control characters (U+0000–U+001F, U+007F–U+009F) are refused in every text field. Only
    /// `description` and `note` are multi-line and may hold TAB, LF, CR, U+2028 and U+2029
    /// (`ControlCharacters`); `title`,
    /// `department`, `measure_code`, `status`, `kpi.name` and `kpi.unit` are one line.
    static func check(text: String, field: String, max: Int, required: Bool, lines: ControlCharacters.Lines = .single,
                      issues: inout [FieldIssue]) {
        if let problem = ControlCharacters.problem(in: text, lines: lines) {
            issues.append(FieldIssue(field: field, message: problem))
        } else if required && BlankText.isBlank(text) {
            issues.append(FieldIssue(field: field, message: "must not be empty"))
        } else if text.unicodeScalars.count > max {
            issues.append(FieldIssue(field: field, message: "must be at most \(max) characters"))
        }
    }
}

/// Every problem found in one input, in the order found.
public struct ValidationFailure: Error, Sendable, Equatable {
    public var issues: [FieldIssue]
    public init(issues: [FieldIssue]) { self.issues = issues }
}

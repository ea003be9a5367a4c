import DXCore

/// Reads the JSON bodies of KPI and measurement writes. Only a body that is not JSON, or not
/// an object, is refused here (415, 400); every member of the wrong type, unknown or
/// read-only goes into the input's issues, so that validation answers one 422 listing every bad field.
enum KPIRequestBody {
    static let readOnlyKPIFields: Set<String> = [
        "id", "project_id", "latest", "achievement", "on_track", "achievement_fiscal_year", "fiscal_year_elapsed", "version",
        "created_at", "updated_at",
    ]
    static let readOnlyMeasurementFields: Set<String> = ["id", "kpi_id", "project_id", "recorded_by", "recorded_at"]

    static func kpi(from members: [String: JSONValue]) -> KPIFieldsPatch {
        var patch = KPIFieldsPatch()
        var issues: [FieldIssue] = []
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            switch name {
            case "name": patch.name = ProjectRequestBody.string(value, name, &issues)
            case "unit": patch.unit = ProjectRequestBody.string(value, name, &issues)
            case "direction": patch.direction = ProjectRequestBody.string(value, name, &issues)
            case "note": patch.note = ProjectRequestBody.string(value, name, &issues)
            case "baseline": patch.baseline = baseline(value, &issues)
            case "targets": patch.targets = targets(value, &issues)
            default:
                let message = readOnlyKPIFields.contains(name) ? "is set by the server and cannot be written" : "is not a KPI field"
                issues.append(FieldIssue(field: name, message: message))
            }
        }
        patch.issues = issues
        return patch
    }

    /// `{"value": number, "date": "YYYY-MM-DD"}`, both required, or null.
    static func baseline(_ value: JSONValue, _ issues: inout [FieldIssue]) -> PatchValue<KPIBaseline> {
        switch value {
        case .null: return .null
        case .object(let members):
            var number: Double?
            var date: String?
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                switch name {
                case "value": if case .set(let v) = ProjectRequestBody.number(member, "baseline.value", &issues) { number = v }
                case "date": if case .set(let d) = ProjectRequestBody.string(member, "baseline.date", &issues) { date = d }
                default: issues.append(FieldIssue(field: "baseline.\(name)", message: "is not a baseline field; use value and date"))
                }
            }
            let before = issues.map(\.field)
            if members["value"] == nil || members["value"] == .null, !before.contains("baseline.value") {
                issues.append(FieldIssue(field: "baseline.value", message: "is required"))
            }
            if members["date"] == nil || members["date"] == .null, !before.contains("baseline.date") {
                issues.append(FieldIssue(field: "baseline.date", message: "is required"))
            }
            guard let number, let date else {
                // The validator sees no baseline when one half was refused here, so the other
                // half's range is checked now: one 422 lists every bad member.
                if let number, !KPIValidator.values.contains(number) {
                    issues.append(FieldIssue(field: "baseline.value", message: KPIValidator.valueMessage))
                }
                if let date, let problem = KPIValidator.dateProblem(date) { issues.append(FieldIssue(field: "baseline.date", message: problem)) }
                return .absent
            }
            return .set(KPIBaseline(value: number, date: date))
        default:
            issues.append(FieldIssue(field: "baseline", message: "must be an object with value and date, or null"))
            return .absent
        }
    }

    /// `[{"fiscal_year": integer, "value": number}, …]` or null (no targets).
    static func targets(_ value: JSONValue, _ issues: inout [FieldIssue]) -> PatchValue<[KPITarget]> {
        switch value {
        case .null: return .null
        case .array(let items):
            var result: [KPITarget] = []
            var parsed: [(prefix: String, year: Int?, number: Double?)] = []
            var complete = true
            for (index, item) in items.enumerated() {
                let prefix = "targets[\(index)]"
                guard case .object(let members) = item else {
                    issues.append(FieldIssue(field: prefix, message: "must be an object with fiscal_year and value"))
                    complete = false
                    continue
                }
                var year: Int?
                var number: Double?
                for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                    switch name {
                    case "fiscal_year":
                        if case .set(let y) = ProjectRequestBody.integer(member, "\(prefix).fiscal_year", &issues) { year = y }
                    case "value":
                        if case .set(let v) = ProjectRequestBody.number(member, "\(prefix).value", &issues) { number = v }
                    default: issues.append(FieldIssue(field: "\(prefix).\(name)", message: "is not a target field; use fiscal_year and value"))
                    }
                }
                for (field, present) in [("fiscal_year", year != nil), ("value", number != nil)] where !present {
                    if !issues.contains(where: { $0.field == "\(prefix).\(field)" }) {
                        issues.append(FieldIssue(field: "\(prefix).\(field)", message: "is required"))
                    }
                }
                if let year, let number { result.append(KPITarget(fiscalYear: year, value: number)) } else { complete = false }
                parsed.append((prefix, year, number))
            }
            guard complete else {
                // The validator sees no targets when a member was refused here, so the ranges
                // of those that were read are checked now: one 422 lists every bad member.
                for (prefix, year, number) in parsed {
                    if let year, !KPIValidator.fiscalYears.contains(year) {
                        issues.append(FieldIssue(field: "\(prefix).fiscal_year",
                                                 message: "must be from \(KPIValidator.fiscalYears.lowerBound) to \(KPIValidator.fiscalYears.upperBound)"))
                    }
                    if let number, !KPIValidator.values.contains(number) {
                        issues.append(FieldIssue(field: "\(prefix).value", message: KPIValidator.valueMessage))
                    }
                }
                return .absent
            }
            return .set(result)
        default:
            issues.append(FieldIssue(field: "targets", message: "must be an array of {fiscal_year, value}, or null"))
            return .absent
        }
    }

    static func measurement(from members: [String: JSONValue]) -> MeasurementInput {
        var input = MeasurementInput()
        var issues: [FieldIssue] = []
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            switch name {
            case "date":
                if case .set(let text) = ProjectRequestBody.string(value, name, &issues) { input.date = text }
            case "value":
                if case .set(let number) = ProjectRequestBody.number(value, name, &issues) { input.value = number }
            case "note":
                if case .set(let text) = ProjectRequestBody.string(value, name, &issues) { input.note = text }
            default:
                let message = readOnlyMeasurementFields.contains(name) ? "is set by the server and cannot be written" : "is not a measurement field"
                issues.append(FieldIssue(field: name, message: message))
            }
        }
        input.issues = issues
        return input
    }

    /// A DELETE may carry `{"note": "…"}` for the history, and nothing else.
    static func deletionNote(_ request: Request) throws(APIError) -> String? {
        try ProjectRequestBody.deletionNote(from: request, otherMember: "cannot be sent with a deletion; only a note can")
    }
}

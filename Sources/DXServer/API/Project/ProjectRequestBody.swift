import DXCore

/// Reads a project write's JSON body (create or merge patch) into a `ProjectPatch`. Only a
/// body that is not JSON, or not an object, is refused here (415, 400); every member of the
/// wrong type, unknown or read-only is recorded in the patch's issues, so that validation
/// answers one 422 listing every bad field.
enum ProjectRequestBody {
    /// The body of a DELETE: empty, or `{"note": "…"}` for the history and nothing else. Every
    /// other member is a 422 field error saying `otherMember`; a bad note lists its own issues.
    static func deletionNote(from request: Request, otherMember: String) throws(APIError) -> String? {
        guard !request.body.isEmpty else { return nil }
        var errors: [FieldError] = []
        var note: String?
        for (name, value) in try object(from: request).sorted(by: { $0.key < $1.key }) {
            switch (name, value) {
            case ("note", .string(let text)):
                note = text
                errors += ProjectValidator.noteIssues(text).map { FieldError(field: $0.field, message: $0.message) }
            case ("note", .null): break
            case ("note", _): errors.append(FieldError(field: "note", message: "must be a string"))
            default: errors.append(FieldError(field: name, message: otherMember))
            }
        }
        if !errors.isEmpty { throw APIError.invalidFields(errors) }
        return note
    }

    static let readOnlyFields: Set<String> = ["id", "policy_id", "status_label", "version", "created_at", "updated_at", "archived_at"]
    static let kpiFields: Set<String> = ["name", "unit", "target", "actual"]

    /// The body as a JSON object.
    static func object(from request: Request) throws(APIError) -> [String: JSONValue] {
        if let problem = JSONRequestBody.mediaTypeProblem(request.headers) { throw problem }
        guard case .object(let members) = try JSONRequestBody.value(of: request) else { throw .badRequest("The body must be a JSON object.") }
        return members
    }

    static func patch(from members: [String: JSONValue]) -> ProjectPatch {
        var patch = ProjectPatch()
        var issues: [FieldIssue] = []
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            switch name {
            case "measure_code": patch.measureCode = string(value, name, &issues)
            case "title": patch.title = string(value, name, &issues)
            case "description": patch.description = string(value, name, &issues)
            case "department": patch.department = string(value, name, &issues)
            case "status": patch.status = string(value, name, &issues)
            case "progress": patch.progress = integer(value, name, &issues)
            case "start_fiscal_year": patch.startFiscalYear = integer(value, name, &issues)
            case "end_fiscal_year": patch.endFiscalYear = integer(value, name, &issues)
            case "kpi": patch.kpi = kpi(value, &issues)
            case "note":
                switch string(value, name, &issues) {
                case .set(let note): patch.note = note
                default: break
                }
            default:
                let message = readOnlyFields.contains(name) ? "is set by the server and cannot be written" : "is not a project field"
                issues.append(FieldIssue(field: name, message: message))
            }
        }
        patch.issues = issues
        return patch
    }

    static func string(_ value: JSONValue, _ field: String, _ issues: inout [FieldIssue]) -> PatchValue<String> {
        switch value {
        case .string(let text): return .set(text)
        case .null: return .null
        default:
            issues.append(FieldIssue(field: field, message: "must be a string"))
            return .absent
        }
    }

    static func integer(_ value: JSONValue, _ field: String, _ issues: inout [FieldIssue]) -> PatchValue<Int> {
        switch value {
        // Whole numbers only (`10`, `10.0`, `1e1`). The field's own range is checked by the
        // validator: every integer field's lies within ±2^53, so a larger one (`1e300`, or
        // `1e400` read as infinity) is clamped to 2^53, where the conversion cannot trap and the
        // validator's message names the range ("must be from 2000 to 2100").
        case .number(let number) where number == number.rounded():
            let bound = JSONRequestBody.largestExactInteger
            return .set(Int(max(-bound, min(bound, number))))
        case .number:
            issues.append(FieldIssue(field: field, message: "must be an integer, not a fraction"))
            return .absent
        case .null: return .null
        default:
            issues.append(FieldIssue(field: field, message: "must be an integer"))
            return .absent
        }
    }

    static func number(_ value: JSONValue, _ field: String, _ issues: inout [FieldIssue]) -> PatchValue<Double> {
        switch value {
        case .number(let number): return .set(number)
        case .null: return .null
        default:
            issues.append(FieldIssue(field: field, message: "must be a number"))
            return .absent
        }
    }

    static func kpi(_ value: JSONValue, _ issues: inout [FieldIssue]) -> PatchValue<KPIPatch> {
        switch value {
        case .null: return .null
        case .object(let members):
            var patch = KPIPatch()
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                let field = "kpi.\(name)"
                switch name {
                case "name": patch.name = string(member, field, &issues)
                case "unit": patch.unit = string(member, field, &issues)
                case "target": patch.target = number(member, field, &issues)
                case "actual": patch.actual = number(member, field, &issues)
                default: issues.append(FieldIssue(field: field, message: "is not a KPI field; use name, unit, target, actual"))
                }
            }
            return .set(patch)
        default:
            issues.append(FieldIssue(field: "kpi", message: "must be an object with name, unit, target, actual, or null"))
            return .absent
        }
    }
}

import DXCore

/// Reads evaluation and budget bodies into drafts. Only a body that is not JSON, or not an
/// object, is refused here (415, 400); every member of the wrong type, unknown or read-only is
/// recorded in the draft's issues, so validation answers one 422 listing every bad field.
enum TrackingRequestBody {
    static let evaluationReadOnly: Set<String> = [
        "project_id", "period_label", "fiscal_year", "rating_label", "evaluated_by", "evaluated_at", "version", "updated_at",
    ]
    static let budgetReadOnly: Set<String> = ["project_id", "fiscal_year", "fiscal_year_label", "version", "created_at", "updated_at"]

    /// `POST …/evaluations` and `PATCH …/evaluations/{period}`: `period`, `rating`, `comment`, `note`.
    static func evaluation(from request: Request) throws(APIError) -> EvaluationDraft {
        var draft = EvaluationDraft()
        var issues: [FieldIssue] = []
        for (name, value) in try ProjectRequestBody.object(from: request).sorted(by: { $0.key < $1.key }) {
            switch name {
            case "period": draft.period = text(value, name, nullMeans: nil, &issues)
            case "rating": draft.rating = text(value, name, nullMeans: "", &issues)
            case "comment": draft.comment = text(value, name, nullMeans: "", &issues)
            case "note": draft.note = text(value, name, nullMeans: nil, &issues)
            default:
                let message = evaluationReadOnly.contains(name) ? "is set by the server and cannot be written" : "is not an evaluation field; use period, rating, comment, note"
                issues.append(FieldIssue(field: name, message: message))
            }
        }
        draft.issues = issues
        return draft
    }

    /// `PUT …/budget/{fiscal_year}`: `planned_yen`, `actual_yen` (null: not settled), `note`.
    static func budget(from request: Request) throws(APIError) -> BudgetDraft {
        var draft = BudgetDraft()
        var issues: [FieldIssue] = []
        for (name, value) in try ProjectRequestBody.object(from: request).sorted(by: { $0.key < $1.key }) {
            switch name {
            case "planned_yen":
                if case .set(let yen) = ProjectRequestBody.integer(value, name, &issues) { draft.plannedYen = yen }
            case "actual_yen":
                if case .set(let yen) = ProjectRequestBody.integer(value, name, &issues) { draft.actualYen = yen }
            case "note": draft.note = text(value, name, nullMeans: nil, &issues)
            default:
                let message = budgetReadOnly.contains(name) ? "is set by the server and cannot be written" : "is not a budget field; use planned_yen, actual_yen, note"
                issues.append(FieldIssue(field: name, message: message))
            }
        }
        draft.issues = issues
        return draft
    }

    /// A string member; `null` stands for `nullMeans`.
    static func text(_ value: JSONValue, _ field: String, nullMeans: String?, _ issues: inout [FieldIssue]) -> String? {
        switch ProjectRequestBody.string(value, field, &issues) {
        case .set(let text): return text
        case .null: return nullMeans
        case .absent: return nil
        }
    }
}

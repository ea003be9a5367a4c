/// The filters of `GET /api/v1/projects/{id}/history`, ANDed; several values of one filter
/// match any of them.
public struct ProjectHistoryQuery: Sendable, Equatable {
    public var actions: [ProjectHistoryEntry.Action]
    /// Token names.
    public var actors: [String]

    public init(actions: [ProjectHistoryEntry.Action] = [], actors: [String] = []) {
        self.actions = actions
        self.actors = actors
    }

    func conditions(projectID: Int, ignoring facet: ProjectHistoryFacet? = nil) -> [SQLFragment] {
        var result = [SQLFragment("h.project_id = ?", [SQLiteValue(projectID)])]
        if facet != .action, !actions.isEmpty { result.append(ProjectQuery.oneOf("h.action", actions.map { .text($0.rawValue) })) }
        if facet != .actor, !actors.isEmpty { result.append(ProjectQuery.oneOf("h.actor", actors.map { .text($0) })) }
        return result
    }
}

/// A field of a project's history that `?facets=` can count: who wrote, and what kind of write.
public enum ProjectHistoryFacet: String, Sendable, CaseIterable {
    case action
    case actor

    static func counts(_ facets: [ProjectHistoryFacet], query: ProjectHistoryQuery, projectID: Int, in db: Database) throws -> FacetCounts {
        var result = FacetCounts()
        for facet in facets {
            let conditions = query.conditions(projectID: projectID, ignoring: facet)
            let column = facet == .action ? "h.action" : "h.actor"
            let rows = try db.rows(
                "SELECT \(column), count(*) FROM project_history h\(KeysetQuery.whereClause(conditions)) GROUP BY \(column) ORDER BY \(column)",
                conditions.flatMap(\.arguments)) { ($0.string(at: 0), $0.int(at: 1)) }
            let values: [FacetCount] = switch facet {
            case .actor: rows.map { FacetCount(value: .text($0.0), label: $0.0, count: $0.1) }
            case .action:
                // In the order of a project's life, not alphabetically.
                ProjectHistoryEntry.Action.allCases.compactMap { action in
                    rows.first { $0.0 == action.rawValue }.map { FacetCount(value: .text(action.rawValue), label: action.label, count: $0.1) }
                }
            }
            result.fields.append((name: facet.rawValue, values: values))
        }
        return result
    }
}

extension ProjectHistoryEntry.Action {
    /// The Japanese label a facet shows.
    public var label: String {
        switch self {
        case .create: "登録"
        case .update: "更新"
        case .archive: "アーカイブ"
        }
    }
}

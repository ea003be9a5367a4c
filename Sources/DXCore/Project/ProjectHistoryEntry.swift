import Foundation

/// A value as history records it: any project field before or after a change.
public enum HistoryValue: Sendable, Equatable, Codable {
    case null
    case integer(Int)
    case number(Double)
    case string(String)
    case kpi(KPI)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let value = try? c.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? c.decode(Double.self) {
            self = .number(value)
        } else if let value = try? c.decode(String.self) {
            self = .string(value)
        } else {
            self = .kpi(try c.decode(KPI.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .integer(let value): try c.encode(value)
        case .number(let value): try c.encode(value)
        case .string(let value): try c.encode(value)
        case .kpi(let value): try c.encode(value)
        }
    }
}

/// One field's change in a history row.
public struct FieldChange: Sendable, Equatable, Codable {
    public var old: HistoryValue
    public var new: HistoryValue

    public init(old: HistoryValue, new: HistoryValue) {
        self.old = old
        self.new = new
    }
}

/// One write to a project: who (the token's name), when, what changed and why.
public struct ProjectHistoryEntry: Sendable, Equatable, Encodable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        case create, update, archive
    }

    public var id: Int
    public var projectID: Int
    public var at: String
    public var actor: String
    public var action: Action
    /// Field name → old and new value. A create lists every field with `old` null.
    public var changes: [String: FieldChange]
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, changes, note
        case projectID = "project_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(projectID, forKey: .projectID)
        try c.encode(at, forKey: .at)
        try c.encode(actor, forKey: .actor)
        try c.encode(action, forKey: .action)
        try c.encode(changes, forKey: .changes)
        try c.encode(note, forKey: .note)
    }
}

extension ProjectFields {
    /// Each field under its API name, as history records it.
    var historyValues: [(String, HistoryValue)] {
        [
            ("measure_code", .string(measureCode)), ("title", .string(title)), ("description", .string(description)),
            ("department", .string(department)), ("status", .string(status.rawValue)), ("progress", .integer(progress)),
            ("start_fiscal_year", .integer(startFiscalYear)), ("end_fiscal_year", .integer(endFiscalYear)),
            ("kpi", kpi.map(HistoryValue.kpi) ?? .null),
        ]
    }

    /// The fields that differ from `other`, with their values there (old) and here (new).
    func changes(from other: ProjectFields?) -> [String: FieldChange] {
        let before = Dictionary(uniqueKeysWithValues: other?.historyValues ?? [])
        var result: [String: FieldChange] = [:]
        for (name, value) in historyValues {
            let old = before[name] ?? .null
            if other == nil || old != value { result[name] = FieldChange(old: old, new: value) }
        }
        return result
    }
}

/// One member of a JSON merge patch (RFC 7396): left alone, removed with `null`, or set.
public enum PatchValue<Value: Sendable & Equatable>: Sendable, Equatable {
    case absent
    case null
    case set(Value)
}

/// A problem with one input field, named as the client wrote it (`kpi.target`).
public struct FieldIssue: Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// Changes to a KPI: a patch's `kpi` object is merged into the current KPI, member by member,
/// as RFC 7396 merges nested objects.
public struct KPIPatch: Sendable, Equatable {
    public var name: PatchValue<String> = .absent
    public var unit: PatchValue<String> = .absent
    public var target: PatchValue<Double> = .absent
    public var actual: PatchValue<Double> = .absent

    public init(name: PatchValue<String> = .absent, unit: PatchValue<String> = .absent,
                target: PatchValue<Double> = .absent, actual: PatchValue<Double> = .absent) {
        self.name = name
        self.unit = unit
        self.target = target
        self.actual = actual
    }
}

/// What a create or an update asks for, already type-checked by whoever read it (the JSON
/// body, a CSV row). Values are not yet validated: `ProjectValidator` does that against the
/// current state. `issues` carries what the reader already found wrong (a string where a
/// number belongs), so that one answer lists every bad field.
public struct ProjectPatch: Sendable, Equatable {
    public var measureCode: PatchValue<String> = .absent
    public var title: PatchValue<String> = .absent
    public var description: PatchValue<String> = .absent
    public var department: PatchValue<String> = .absent
    /// Raw, so that an unknown status is reported like any other bad value.
    public var status: PatchValue<String> = .absent
    public var progress: PatchValue<Int> = .absent
    public var startFiscalYear: PatchValue<Int> = .absent
    public var endFiscalYear: PatchValue<Int> = .absent
    public var kpi: PatchValue<KPIPatch> = .absent
    /// Not a field of the project: kept with the history row of this write.
    public var note: String?
    public var issues: [FieldIssue] = []

    public init() {}
}

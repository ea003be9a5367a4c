/// A KPI create or merge patch (RFC 7396), already type-checked by its reader (the JSON body);
/// `KPIValidator` checks the values. `baseline` and `targets` are replaced whole.
public struct KPIFieldsPatch: Sendable, Equatable {
    public var name: PatchValue<String> = .absent
    public var unit: PatchValue<String> = .absent
    /// Raw, so that an unknown direction is reported like any other bad value.
    public var direction: PatchValue<String> = .absent
    public var baseline: PatchValue<KPIBaseline> = .absent
    public var targets: PatchValue<[KPITarget]> = .absent
    public var note: PatchValue<String> = .absent
    /// What the reader already found wrong, so one answer lists every bad field.
    public var issues: [FieldIssue] = []

    public init() {}
}

/// A measurement to record: `date` `YYYY-MM-DD`, `value`, optional `note`; type-checked by its
/// reader, validated by `KPIValidator.measurement`.
public struct MeasurementInput: Sendable, Equatable {
    public var date: String?
    public var value: Double?
    public var note: String?
    public var issues: [FieldIssue] = []

    public init(date: String? = nil, value: Double? = nil, note: String? = nil, issues: [FieldIssue] = []) {
        self.date = date
        self.value = value
        self.note = note
        self.issues = issues
    }
}

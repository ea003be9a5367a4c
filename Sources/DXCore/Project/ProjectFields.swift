/// Everything an administrator can set on a project: the state a create produces and a patch
/// changes. `id`, `version` and the timestamps are the store's.
public struct ProjectFields: Sendable, Equatable {
    public var measureCode: String
    public var title: String
    public var description: String
    public var department: String
    public var status: ProjectStatus
    public var progress: Int
    public var startFiscalYear: Int
    public var endFiscalYear: Int
    public var kpi: KPI?

    public init(measureCode: String, title: String, description: String = "", department: String,
                status: ProjectStatus = .planned, progress: Int = 0, startFiscalYear: Int, endFiscalYear: Int, kpi: KPI? = nil) {
        self.measureCode = measureCode
        self.title = title
        self.description = description
        self.department = department
        self.status = status
        self.progress = progress
        self.startFiscalYear = startFiscalYear
        self.endFiscalYear = endFiscalYear
        self.kpi = kpi
    }
}

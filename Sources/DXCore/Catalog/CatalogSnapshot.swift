/// What a DCAT catalog reads from the data: when the data behind each published dataset last
/// changed (`dct:modified`), the surveys stored, and the plan's period. Read by `CatalogStore` in
/// one snapshot.
public struct CatalogSnapshot: Sendable, Equatable {
    /// The latest migration's `applied_at` (RFC 3339 UTC, `Timestamp` format). Plan content
    /// (the plan, concepts, policies, measures, principles, timeline, governance) is only ever
    /// written by migrations, so no later change to it can exist; a migration that did not
    /// touch it moves this forward too, which only costs a harvester one needless re-read.
    public var migrations: String
    /// The latest `updated_at`, `archived_at` or history `at` of any project, archived ones
    /// included (archiving removes a row from the listings, a change to the data); nil when
    /// no project was ever written.
    public var projects: String?
    /// The latest history row's `at`; nil when there is none.
    public var history: String?
    /// Every stored survey, oldest edition first.
    public var surveys: [SurveyDates]
    /// The plan's period in Japanese fiscal years (2022...2025: April 2022 to March 2026);
    /// nil before the plan is loaded.
    public var planFiscalYears: ClosedRange<Int>?

    public init(migrations: String, projects: String?, history: String?, surveys: [SurveyDates],
                planFiscalYears: ClosedRange<Int>?) {
        self.planFiscalYears = planFiscalYears
        self.migrations = migrations
        self.projects = projects
        self.history = history
        self.surveys = surveys
    }
}

/// One survey's identity and the dates of its data. Surveys record no write time, and their
/// counts never change once stored, so a survey's data is as of the end of its fieldwork.
public struct SurveyDates: Sendable, Equatable {
    public var id: Int
    public var title: String
    /// ISO dates, `YYYY-MM-DD`.
    public var periodStart: String
    public var periodEnd: String

    public init(id: Int, title: String, periodStart: String, periodEnd: String) {
        self.id = id
        self.title = title
        self.periodStart = periodStart
        self.periodEnd = periodEnd
    }
}

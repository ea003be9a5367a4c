import DXCore

/// One dataset the API publishes, as the catalog describes it: titles, descriptions and
/// keywords in Japanese and English, where its data is served, and which stored change
/// dates its `dct:modified` follows.
public struct CatalogDataset: Sendable, Equatable {
    /// Which stored dates a dataset's data follows (see `CatalogSnapshot`).
    public enum Changes: Sendable, Equatable {
        /// Plan content only: written by migrations.
        case plan
        /// Plan content plus project counts (policies and measures carry `project_count`,
        /// progress rolls projects up): the later of the migrations and the projects.
        case planAndProjects
        /// The project history rows.
        case history
        /// Every stored survey: the latest fieldwork end.
        case surveys
        /// One survey: the end of its fieldwork.
        case survey(id: Int)
    }

    /// Where the data is served, relative to the server's base URL.
    public enum Access: Sendable, Equatable {
        /// The collection or document at this path (JSON); with `csv`, also at path + ".csv".
        case path(String, csv: Bool)
        /// One collection per project, at `/api/v1/projects/{id}/history` (+ `.csv`): no single
        /// URL downloads it, so the distributions give the project list, from which each
        /// project's id leads to its history, as their access URL (DCAT 3 §6.8.3).
        case perProject(list: String, pattern: String)
    }

    /// Stable, unique within the catalog: the dataset's `dct:identifier` and IRI fragment.
    public var identifier: String
    public var title: LocalizedText
    public var description: LocalizedText
    public var keywords: [LocalizedText]
    public var access: Access
    public var changes: Changes
    /// `dct:temporal`; nil: the plan's period.
    public var period: Period?

    /// A period of time as two ISO dates, `YYYY-MM-DD`, both days included.
    public struct Period: Sendable, Equatable {
        public var start: String
        public var end: String

        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    public init(identifier: String, title: LocalizedText, description: LocalizedText, keywords: [LocalizedText],
                access: Access, changes: Changes, period: Period? = nil) {
        self.identifier = identifier
        self.title = title
        self.description = description
        self.keywords = keywords
        self.access = access
        self.changes = changes
        self.period = period
    }

    /// Whether a CSV distribution exists: every collection is also CSV (the API contract).
    public var hasCSV: Bool {
        switch access {
        case .path(_, let csv): csv
        case .perProject: true
        }
    }
}

extension CatalogDataset {
    static let base = "/api/v1"
    static let plan = LocalizedText(ja: "都城市DX推進計画", en: "Miyakonojo City DX promotion plan")
    static let dx = LocalizedText(ja: "DX", en: "DX")
    static let digital = LocalizedText(ja: "デジタルトランスフォーメーション", en: "digital transformation")
    static let city = LocalizedText(ja: "都城市", en: "Miyakonojo")

    /// The datasets whose content does not depend on what is stored: the plan's parts, the
    /// projects and their history, the progress roll-up and the survey list.
    public static let fixed: [CatalogDataset] = [
        CatalogDataset(
            identifier: "plan",
            title: LocalizedText(ja: "都城市DX推進計画 基本計画の概要", en: "Miyakonojo City DX promotion plan: overview"),
            description: LocalizedText(
                ja: "都城市DX推進計画（基本計画）の名称、副題、計画期間（令和4年度～令和7年度）、目的、位置付けと背景。",
                en: "Title, subtitle, period (FY2022 to FY2025), purpose, positioning and background of the basic plan of Miyakonojo City's DX promotion plan, in Japanese as published."),
            keywords: [plan, dx, digital, city, LocalizedText(ja: "計画", en: "plan")],
            access: .path("\(base)/plan", csv: false), changes: .plan),
        CatalogDataset(
            identifier: "concepts",
            title: LocalizedText(ja: "DX推進の基本的考え方", en: "Basic concepts of DX promotion"),
            description: LocalizedText(
                ja: "計画が掲げる6つの基本的考え方（問いかけの見出しと本文）。",
                en: "The plan's six basic concepts, each a question-style heading with its statement, in Japanese as published."),
            keywords: [plan, dx, city, LocalizedText(ja: "基本的考え方", en: "basic concepts")],
            access: .path("\(base)/concepts", csv: true), changes: .plan),
        CatalogDataset(
            identifier: "policies",
            title: LocalizedText(ja: "DX推進の基本方針", en: "Basic policies of DX promotion"),
            description: LocalizedText(
                ja: "3つの基本方針と目標、施策数と個別事業数。",
                en: "The plan's three basic policies with their goals and their numbers of measures and projects."),
            keywords: [plan, dx, city, LocalizedText(ja: "基本方針", en: "basic policies")],
            access: .path("\(base)/policies", csv: true), changes: .planAndProjects),
        CatalogDataset(
            identifier: "measures",
            title: LocalizedText(ja: "DX推進の施策", en: "Measures of DX promotion"),
            description: LocalizedText(
                ja: "基本方針ごとの29の施策（コード1-1～3-8）と個別事業数。",
                en: "The plan's 29 measures (codes 1-1 to 3-8) under the basic policies, with their numbers of projects."),
            keywords: [plan, dx, city, LocalizedText(ja: "施策", en: "measures")],
            access: .path("\(base)/measures", csv: true), changes: .planAndProjects),
        CatalogDataset(
            identifier: "principles",
            title: LocalizedText(ja: "スマートシティ原則", en: "Smart city principles"),
            description: LocalizedText(
                ja: "計画が踏まえる5つのスマートシティ原則とその解釈。",
                en: "The five smart city principles the plan follows, with their interpretation."),
            keywords: [plan, city, LocalizedText(ja: "スマートシティ", en: "smart city")],
            access: .path("\(base)/principles", csv: true), changes: .plan),
        CatalogDataset(
            identifier: "timeline",
            title: LocalizedText(ja: "計画策定の背景（国と市の動き）", en: "Background events (national and city)"),
            description: LocalizedText(
                ja: "計画の背景となった国と都城市の主な出来事の年表。",
                en: "Timeline of the national and city events that form the plan's background."),
            keywords: [plan, dx, city, LocalizedText(ja: "年表", en: "timeline")],
            access: .path("\(base)/timeline", csv: true), changes: .plan),
        CatalogDataset(
            identifier: "governance",
            title: LocalizedText(ja: "DX推進体制", en: "DX promotion structure"),
            description: LocalizedText(
                ja: "計画の推進体制：組織、役割、構成員と所掌。",
                en: "How the plan is promoted: the bodies, their roles, members and duties."),
            keywords: [plan, dx, city, LocalizedText(ja: "推進体制", en: "governance")],
            access: .path("\(base)/governance", csv: false), changes: .plan),
        CatalogDataset(
            identifier: "projects",
            title: LocalizedText(ja: "DX推進計画 実施計画の個別事業", en: "Implementation-plan projects"),
            description: LocalizedText(
                ja: "施策ごとの個別事業：担当部署、状況、進捗率、実施年度、KPI。市が随時更新します。",
                en: "The projects implementing each measure: department, status, progress, fiscal years and KPI, kept up to date by the city."),
            keywords: [plan, dx, city, LocalizedText(ja: "個別事業", en: "projects"), LocalizedText(ja: "進捗", en: "progress")],
            access: .path("\(base)/projects", csv: true), changes: .planAndProjects),
        CatalogDataset(
            identifier: "project-history",
            title: LocalizedText(ja: "個別事業の変更履歴", en: "Project change history"),
            description: LocalizedText(
                ja: "個別事業ごとの全変更（作成・更新・アーカイブ）：日時、変更者、変更内容、メモ。事業ごとに /api/v1/projects/{id}/history で提供します。",
                en: "Every change to each project (creation, update, archiving): when, by whom, what changed, and the note. Served per project at /api/v1/projects/{id}/history."),
            keywords: [dx, city, LocalizedText(ja: "個別事業", en: "projects"), LocalizedText(ja: "変更履歴", en: "change history")],
            access: .perProject(list: "\(base)/projects", pattern: "\(base)/projects/{id}/history"), changes: .history),
        CatalogDataset(
            identifier: "progress",
            title: LocalizedText(ja: "DX推進計画の進捗状況", en: "Progress of the DX promotion plan"),
            description: LocalizedText(
                ja: "基本方針・施策ごとの状況別事業数と平均進捗率。",
                en: "Per basic policy and per measure: projects by status and mean progress."),
            keywords: [plan, dx, city, LocalizedText(ja: "進捗", en: "progress")],
            access: .path("\(base)/progress", csv: false), changes: .planAndProjects),
        CatalogDataset(
            identifier: "surveys",
            title: LocalizedText(ja: "都城市市民意識調査", en: "Miyakonojo citizen surveys"),
            description: LocalizedText(
                ja: "市民意識調査の一覧：回次、実施年度、対象、標本数、回答者数、回収率、調査期間と方法。",
                en: "The citizen surveys: edition, fiscal year, population, sample size, respondents, response rate, fieldwork period and method."),
            keywords: [city, LocalizedText(ja: "市民意識調査", en: "citizen survey"), LocalizedText(ja: "アンケート", en: "questionnaire")],
            access: .path("\(base)/surveys", csv: true), changes: .surveys),
    ]

    /// A survey's two tables, its questions with answers and its respondent profile, as
    /// datasets of their own (their URLs hold the survey's id).
    public static func datasets(of survey: SurveyDates) -> [CatalogDataset] {
        let path = "\(base)/surveys/\(survey.id)"
        let period = Period(start: survey.periodStart, end: survey.periodEnd)
        let surveyKeyword = LocalizedText(ja: "市民意識調査", en: "citizen survey")
        return [
            CatalogDataset(
                identifier: "survey-\(survey.id)-questions",
                title: LocalizedText(ja: "\(survey.title) 設問と回答", en: "Citizen survey no. \(survey.id): questions and answers"),
                description: LocalizedText(
                    ja: "\(survey.title)の各設問の選択肢ごとの回答数、割合、95%信頼区間（Wilson）、無回答と市の考え方。",
                    en: "Each question of citizen survey no. \(survey.id) with every option's count, ratio and 95 % Wilson interval, the no-answer row, and the city's response where given."),
                keywords: [city, surveyKeyword, LocalizedText(ja: "設問", en: "questions")],
                access: .path("\(path)/questions", csv: true), changes: .survey(id: survey.id), period: period),
            CatalogDataset(
                identifier: "survey-\(survey.id)-respondents",
                title: LocalizedText(ja: "\(survey.title) 回答者属性", en: "Citizen survey no. \(survey.id): respondent profile"),
                description: LocalizedText(
                    ja: "\(survey.title)の回答者の性別・年代別の人数と割合。",
                    en: "Respondents of citizen survey no. \(survey.id) by gender and by age: count and ratio."),
                keywords: [city, surveyKeyword, LocalizedText(ja: "回答者属性", en: "respondents")],
                access: .path("\(path)/respondents", csv: true), changes: .survey(id: survey.id), period: period),
        ]
    }
}

/// An HTML page for a status other than 200, in the same design as the others: 404 for a
/// path or an id that names nothing, 400 for a filter the project list cannot read, 410 for
/// an archived project. `/api` paths never get one; they answer problem+json.
struct ErrorPage: Sendable {
    let layout: PageLayout
    let status: Int
    let heading: String
    let explanation: String
    /// The server's reason in English, as the API's problem `detail` gives it; nil for a
    /// path that names nothing.
    let detail: String?

    init(status: Int, detail: String?, site: PageSite, latestSurveyID: Int?) {
        self.status = status
        (heading, explanation) = switch status {
        case 404: ("ページが見つかりません", "お探しのページは見つかりませんでした。アドレスに誤りがないかご確認ください。")
        case 410: ("この事業は終了し、公開を取り下げました", "事業の変更履歴はオープンデータ（API）で引き続きご覧いただけます。")
        case 400: ("条件を読み取れませんでした", "検索や絞り込みの条件に誤りがあります。条件を見直して、もう一度お試しください。")
        default: ("ページを表示できませんでした", "しばらくしてから、もう一度お試しください。")
        }
        self.detail = detail
        layout = PageLayout(title: heading, section: .none, site: site, latestSurveyID: latestSurveyID)
    }
}

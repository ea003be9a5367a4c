@testable import DXCore

/// The 2021 survey as an administrator would POST it; tests break one thing at a time.
enum SurveyInputFixture {
    static func survey2021() -> SurveyInput {
        SurveyInput(
            id: 15, edition: 15, title: "第15回都城市市民意識調査", fiscalYear: 2021, fiscalYearLabel: "令和3年度",
            summary: nil, area: "都城市全域", target: "市民から無作為抽出", sampleSize: 3000, respondents: 1201,
            method: "郵送自署式もしくはWeb回答方式",
            period: .init(start: "2021-06-08", end: "2021-07-16", label: "令和3年（2021年）6月8日（火）～7月16日（金）"),
            profile: [
                .init(dimension: "gender", label: "男性", count: 441),
                .init(dimension: "gender", label: "女性", count: 736),
                .init(dimension: "gender", label: "その他", count: 24),
                .init(dimension: "age", label: "10代", count: 5),
                .init(dimension: "age", label: "20代", count: 74),
                .init(dimension: "age", label: "30代", count: 133),
                .init(dimension: "age", label: "40代", count: 182),
                .init(dimension: "age", label: "50代", count: 195),
                .init(dimension: "age", label: "60代", count: 292),
                .init(dimension: "age", label: "70代以上", count: 304),
                .init(dimension: "age", label: "その他", count: 16),
            ],
            questions: [
                .init(
                    number: 1, text: "デジタル化が進むにあたり、市役所に期待することは何ですか。", multipleAnswers: true,
                    options: [
                        .init(number: 1, label: "市民サービスの向上", count: 569),
                        .init(number: 2, label: "行政手続きの簡素化", count: 660),
                        .init(number: 3, label: "地域産業の活性化", count: 173),
                        .init(number: 4, label: "教育分野のデジタル化", count: 158),
                        .init(number: 5, label: "キャッシュレスの推進", count: 158),
                        .init(number: 6, label: "特にない", count: 112),
                        .init(number: 7, label: "わからない", count: 139),
                        .init(number: 8, label: "その他", count: 23),
                    ],
                    noAnswer: .init(label: "無回答", count: 26),
                    responses: [
                        .init(
                            rank: 1, heading: "1位「行政手続きの簡素化」", text: "3原則に沿って…", optionNumber: 2,
                            items: ["①行政手続きの電子化の徹底（デジタルファースト原則）"])
                    ]),
                .init(
                    number: 2, text: "デジタル化が進むにあたり、不安に思うことは何ですか。", multipleAnswers: true,
                    options: [
                        .init(number: 1, label: "デジタル機器(技術)への適応", count: 500),
                        .init(number: 2, label: "人とのふれあいが無くなる", count: 235),
                        .init(number: 3, label: "個人情報やプライバシー保護", count: 795),
                        .init(number: 4, label: "特にない", count: 82),
                        .init(number: 5, label: "わからない", count: 89),
                        .init(number: 6, label: "その他", count: 31),
                    ],
                    noAnswer: .init(label: "無回答", count: 13), responses: []),
            ])
    }
}

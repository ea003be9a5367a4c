import Foundation

/// The survey appendix of the seed plan, read straight from the fixture text so that tests
/// compare stored data against the source rather than against a second transcription.
struct SurveySeedFixture {
    struct Row: Equatable {
        var number: Int?
        var label: String
        var count: Int
        /// The seed's percentage, one decimal, as text ("47.4").
        var percent: String
    }

    struct Response: Equatable {
        var heading: String
        /// With the seed's leading 「⇒」.
        var paragraph: String
        var items: [String]
    }

    struct Question: Equatable {
        var number: Int
        /// As printed, 「(複数回答可)」 included.
        var line: String
        var options: [Row]
        var noAnswer: Row?
        var total: Int?
        var responses: [Response]
    }

    var fields: [String: String] = [:]
    var respondentsLine = ""
    var gender: [Row] = []
    var age: [Row] = []
    var questions: [Question] = []

    enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        case missingAppendix
        case malformed(line: String)

        var description: String {
            switch self {
            case .unreadable(let path): "cannot read \(path)"
            case .missingAppendix: "seed has no survey appendix"
            case .malformed(let line): "unexpected line: \(line)"
            }
        }
    }

    static func load(from url: URL = seedPlanURL) throws -> SurveySeedFixture {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw Failure.unreadable(url.path) }
        return try SurveySeedFixture(text: text)
    }

    init(text: String) throws {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = all.firstIndex(of: "## 参考. 本市におけるデジタル化の調査") else { throw Failure.missingAppendix }
        var table: String?  // which profile table is being read
        for line in all[(start + 1)...] {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if line.isEmpty {
                table = nil
                continue
            }
            if questions.isEmpty, line.contains("：") {
                // 調査区域：都城市全域<TAB>調査対象者：市民から無作為抽出
                for cell in cells {
                    let pair = cell.split(separator: "：", maxSplits: 1).map(String.init)
                    if pair.count == 2 { fields[pair[0]] = pair[1] }
                }
            } else if cells.count == 2 && cells[0] == "調査期間" {
                fields[cells[0]] = cells[1]
            } else if line.hasSuffix("）") && line.contains("回答率") {
                respondentsLine = line
            } else if cells == ["性別", "回答者", "比率"] {
                table = "gender"
            } else if cells == ["年代", "回答者", "比率"] {
                table = "age"
            } else if let current = table {
                let row = try Self.row(number: nil, cells: cells, line: line)
                if current == "gender" { gender.append(row) } else { age.append(row) }
            } else if line.hasPrefix("("), line.hasSuffix("(複数回答可)"), cells.count == 1,
                let number = Int(line.dropFirst().prefix { $0 != ")" })
            {
                questions.append(Question(number: number, line: line, options: [], noAnswer: nil, total: nil, responses: []))
            } else if !questions.isEmpty {
                try questionLine(line, cells: cells)
            }
        }
    }

    private mutating func questionLine(_ line: String, cells: [String]) throws {
        let q = questions.count - 1
        if cells.count == 4, cells[0].hasPrefix("("), let number = Int(cells[0].dropFirst().dropLast()) {
            questions[q].options.append(try Self.row(number: number, cells: Array(cells[1...]), line: line))
        } else if cells.count == 4, cells[0].isEmpty, cells[1] == "無回答" {
            questions[q].noAnswer = try Self.row(number: nil, cells: Array(cells[1...]), line: line)
        } else if cells.count == 4, cells[0].isEmpty, cells[1] == "計" {
            questions[q].total = Int(cells[2].replacingOccurrences(of: ",", with: ""))
        } else if line.hasPrefix("### ") {
            questions[q].responses.append(Response(heading: String(line.dropFirst(4)), paragraph: "", items: []))
        } else if line.hasPrefix("⇒"), !questions[q].responses.isEmpty {
            questions[q].responses[questions[q].responses.count - 1].paragraph = line
        } else if line.hasPrefix("- "), !questions[q].responses.isEmpty {
            questions[q].responses[questions[q].responses.count - 1].items.append(String(line.dropFirst(2)))
        } else if cells.first == "" && cells.contains("回答数") {
            return  // the table's header row
        } else {
            throw Failure.malformed(line: line)
        }
    }

    private static func row(number: Int?, cells: [String], line: String) throws -> Row {
        guard cells.count >= 3, let count = Int(cells[1].replacingOccurrences(of: ",", with: "")),
            cells[2].hasSuffix("%")
        else { throw Failure.malformed(line: line) }
        return Row(number: number, label: cells[0], count: count, percent: String(cells[2].dropLast()))
    }
}

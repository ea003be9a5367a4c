import DXCore
import Foundation
import Testing

@testable import DXServer

#if canImport(FoundationXML)
    import FoundationXML
#endif

// The survey endpoints, in-process (see `APIHarness`), over a freshly migrated database: the 2021 survey
// (id 15) as the migrations seed it.

private typealias JSONObject = [String: Any]

private func object(_ response: HTTPResponse) throws -> JSONObject {
    try #require(try PreciseJSON.parse(response.body) as? JSONObject, "body is not a JSON object: \(response.text)")
}

private func data(_ response: HTTPResponse) throws -> [JSONObject] {
    try #require(try object(response)["data"] as? [JSONObject])
}

private func double(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }
private func int(_ value: Any?) -> Int? { (value as? NSNumber)?.intValue }

/// Every public GET carries these, whatever it serves.
private func expectPublicRead(_ response: HTTPResponse, contentType: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(response.status == 200, "status", sourceLocation: sourceLocation)
    #expect(response.header("Content-Type") == contentType, sourceLocation: sourceLocation)
    #expect(response.header("ETag")?.hasPrefix("\"") == true, "a strong ETag", sourceLocation: sourceLocation)
    #expect(response.header("Access-Control-Allow-Origin") == "*", sourceLocation: sourceLocation)
}

/// A CSV document as its header and its rows keyed by column name.
private func csvTable(_ text: String) throws -> (header: [String], rows: [[String: String]]) {
    let records = CSVTestReader.parse(text)
    let header = try #require(records.first, "no header row")
    for record in records { #expect(record.count == header.count, "every record has as many fields as the header") }
    return (header, records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
}

private let json = "application/json; charset=utf-8"
private let csv = "text/csv; charset=utf-8; header=present"

@Suite("Survey API: reading")
struct SurveyReadAPITests {
    @Test("the surveys collection lists the 2021 survey as id 15, in the collection envelope")
    func surveysCollection() throws {
        try withAPIService { server in
            let response = try server.get("/api/v1/surveys")
            expectPublicRead(response, contentType: json)
            let items = try data(response)
            #expect(items.map { int($0["id"]) } == [15])
            let meta = try #require(try object(response)["meta"] as? JSONObject)
            #expect(int(meta["total"]) == 1 && int(meta["count"]) == 1)
        }
    }

    @Test("a survey is the bare object with sample size, respondents and the unrounded response rate")
    func oneSurvey() throws {
        try withAPIService { server in
            let response = try server.get("/api/v1/surveys/15")
            expectPublicRead(response, contentType: json)
            let survey = try object(response)
            #expect(survey["data"] == nil)
            #expect(int(survey["sample_size"]) == 3000)
            #expect(int(survey["respondents"]) == 1201)
            #expect(double(survey["response_rate"]) == 1201.0 / 3000.0)
            #expect(survey["title"] as? String == "第15回都城市市民意識調査")
            let period = try #require(survey["period"] as? JSONObject)
            #expect(period["start"] as? String == "2021-06-08" && period["end"] as? String == "2021-07-16")
            #expect(survey["method"] as? String == "郵送自署式もしくはWeb回答方式")
            #expect(survey["area"] as? String == "都城市全域")
        }
    }

    @Test("the respondent profile lists gender then age, each with count and ratio of 1,201")
    func respondents() throws {
        try withAPIService { server in
            let response = try server.get("/api/v1/surveys/15/respondents")
            expectPublicRead(response, contentType: json)
            let entries = try data(response)
            #expect(entries.count == 11)
            #expect(entries.prefix(3).map { $0["label"] as? String } == ["男性", "女性", "その他"])
            #expect(entries.prefix(3).allSatisfy { $0["dimension"] as? String == "gender" })
            #expect(entries.dropFirst(3).allSatisfy { $0["dimension"] as? String == "age" })
            for entry in entries {
                #expect(double(entry["ratio"]) == Double(int(entry["count"]) ?? -1) / 1201)
            }
        }
    }

    @Test("?dimension= keeps one dimension; any other value is a 400 naming the parameter")
    func respondentsByDimension() throws {
        try withAPIService { server in
            let gender = try data(server.get("/api/v1/surveys/15/respondents?dimension=gender"))
            #expect(gender.map { int($0["count"]) } == [441, 736, 24])
            let age = try data(server.get("/api/v1/surveys/15/respondents?dimension=age"))
            #expect(age.compactMap { int($0["count"]) }.reduce(0, +) == 1201)

            let bad = try server.get("/api/v1/surveys/15/respondents?dimension=income")
            #expect(bad.status == 400)
            #expect(bad.header("Content-Type") == "application/problem+json; charset=utf-8")
            #expect(try object(bad)["parameter"] as? String == "dimension")
        }
    }

    @Test("questions carry options with count, unrounded ratio, Wilson ci95, rank, and the no-answer row")
    func questions() throws {
        try withAPIService { server in
            let response = try server.get("/api/v1/surveys/15/questions")
            expectPublicRead(response, contentType: json)
            let questions = try data(response)
            #expect(questions.map { int($0["number"]) } == [1, 2])
            for question in questions {
                #expect(question["multiple_answers"] as? Bool == true)
                let options = try #require(question["options"] as? [JSONObject])
                for option in options {
                    let count = try #require(int(option["count"]))
                    #expect(double(option["ratio"]) == Double(count) / 1201)
                    let ci = try #require(option["ci95"] as? [Any])
                    let wilson = try Wilson.interval(successes: count, trials: 1201)
                    #expect(ci.count == 2)
                    #expect(double(ci.first) == wilson.low && double(ci.last) == wilson.high)
                }
                // Several answers each: the shares add up to more than everyone.
                #expect(options.compactMap { double($0["ratio"]) }.reduce(0, +) > 1)
                let none = try #require(question["no_answer"] as? JSONObject)
                #expect(none["label"] as? String == "無回答")
            }
            let first = try #require(questions.first?["options"] as? [JSONObject])
            #expect(first.map { int($0["rank"]) } == [2, 1, 3, 4, 4, 7, 6, 8])
        }
    }

    @Test("a ratio is written with every digit of the Double, not rounded")
    func fullPrecision() throws {
        try withAPIService { server in
            let text = try server.get("/api/v1/surveys/15/questions/1").text
            #expect(text.contains("\"ratio\":\(569.0 / 1201)"))
            let wilson = try Wilson.interval(successes: 569, trials: 1201)
            #expect(text.contains("\"ci95\":[\(wilson.low),\(wilson.high)]"))
        }
    }

    @Test("one question is the bare object, the same as in the collection")
    func oneQuestion() throws {
        try withAPIService { server in
            let response = try server.get("/api/v1/surveys/15/questions/2")
            expectPublicRead(response, contentType: json)
            let question = try object(response)
            #expect(int(question["number"]) == 2)
            #expect(question["text"] as? String == "デジタル化が進むにあたり、不安に思うことは何ですか。")
            let fromCollection = try data(server.get("/api/v1/surveys/15/questions"))[1]
            #expect(NSDictionary(dictionary: question).isEqual(to: fromCollection))
        }
    }

    @Test(
        "an unknown survey or question, or one that is not an integer, is a 404 problem",
        arguments: [
            "/api/v1/surveys/99", "/api/v1/surveys/abc", "/api/v1/surveys/+15", "/api/v1/surveys/015",
            "/api/v1/surveys/99/respondents", "/api/v1/surveys/99/questions", "/api/v1/surveys/99/questions.csv",
            "/api/v1/surveys/99/questions/1", "/api/v1/surveys/15/questions/9", "/api/v1/surveys/15/questions/x",
            "/api/v1/surveys/15/questions/9.csv", "/api/v1/surveys/15/questions/9/chart.svg",
            "/api/v1/surveys/99/questions/1/chart.svg", "/api/v1/surveys/99999999999999999999",
        ])
    func notFound(path: String) throws {
        try withAPIService { server in
            let response = try server.get(path)
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
            #expect(response.header("Access-Control-Allow-Origin") == "*")
            let problem = try object(response)
            #expect(int(problem["status"]) == 404)
            #expect(problem["type"] as? String == "/problems/not-found")
            #expect((problem["detail"] as? String)?.isEmpty == false)
        }
    }

    @Test("the 404 for a missing question says the survey exists")
    func missingQuestionDetail() throws {
        try withAPIService { server in
            let problem = try object(server.get("/api/v1/surveys/15/questions/9"))
            #expect(problem["detail"] as? String == "Survey 15 has no question 9.")
        }
    }

    @Test("a representation unchanged since the client's ETag is a 304")
    func conditionalGet() throws {
        try withAPIService { server in
            for path in ["/api/v1/surveys/15/questions", "/api/v1/surveys/15/questions/1/chart.svg"] {
                let first = try server.get(path)
                let etag = try #require(first.header("ETag"))
                let again = try server.get(path, headers: [("If-None-Match", etag)])
                #expect(again.status == 304, "\(path)")
                #expect(again.body.isEmpty)
            }
        }
    }

    @Test("collections page with limit and an absolute next link")
    func paging() throws {
        try withAPIService { server in
            let first = try server.get("/api/v1/surveys/15/questions?limit=1")
            #expect(try data(first).map { int($0["number"]) } == [1])
            let link = try #require(first.header("Link"))
            #expect(link.hasPrefix("<\(server.baseURL)/api/v1/surveys/15/questions?limit=1&cursor="))
            #expect(link.hasSuffix(">; rel=\"next\""))
            let next = try #require(link.split(separator: "<").last?.split(separator: ">").first)
            let target = String(next.dropFirst("\(server.baseURL)".count))
            let second = try server.get(target)
            #expect(try data(second).map { int($0["number"]) } == [2])
            #expect(second.header("Link") == nil)
        }
    }

    @Test("a cross-origin preflight for the surveys is answered")
    func preflight() throws {
        try withAPIService { server in
            let response = try server.request(
                "OPTIONS", "/api/v1/surveys/15/questions",
                headers: [("Origin", "https://www.city.miyakonojo.miyazaki.jp"), ("Access-Control-Request-Method", "GET")])
            #expect(response.status == 204)
            #expect(response.header("Access-Control-Allow-Origin") == "*")
            #expect(response.header("Access-Control-Allow-Methods")?.contains("GET") == true)
        }
    }
}

@Suite("Survey API: CSV")
struct SurveyCSVAPITests {
    @Test("surveys.csv reads back to the same values as the JSON")
    func surveysRoundTrip() throws {
        try withAPIService { server in
            let response = try server.get("/api/v1/surveys.csv")
            expectPublicRead(response, contentType: csv)
            let table = try csvTable(response.text)
            #expect(table.header == Survey.csvHeader)
            let items = try data(server.get("/api/v1/surveys"))
            try #require(table.rows.count == items.count)
            for (row, item) in zip(table.rows, items) {
                let period = try #require(item["period"] as? JSONObject)
                for key in ["title", "fiscal_year_label", "summary", "area", "target", "method"] {
                    #expect(row[key] == item[key] as? String, "\(key)")
                }
                for key in ["id", "edition", "fiscal_year", "sample_size", "respondents"] {
                    #expect(row[key].flatMap(Int.init) == int(item[key]), "\(key)")
                }
                #expect(row["response_rate"].flatMap(Double.init) == double(item["response_rate"]))
                #expect(row["period_start"] == period["start"] as? String)
                #expect(row["period_end"] == period["end"] as? String)
                #expect(row["period_label"] == period["label"] as? String)
            }
        }
    }

    @Test("respondents.csv reads back to the same values as the JSON, filter included")
    func respondentsRoundTrip() throws {
        try withAPIService { server in
            for query in ["", "?dimension=age"] {
                let response = try server.get("/api/v1/surveys/15/respondents.csv" + query)
                expectPublicRead(response, contentType: csv)
                let table = try csvTable(response.text)
                #expect(table.header == ["dimension", "label", "count", "ratio"])
                let items = try data(server.get("/api/v1/surveys/15/respondents" + query))
                try #require(table.rows.count == items.count)
                for (row, item) in zip(table.rows, items) {
                    #expect(row["dimension"] == item["dimension"] as? String)
                    #expect(row["label"] == item["label"] as? String)
                    #expect(row["count"].flatMap(Int.init) == int(item["count"]))
                    #expect(row["ratio"].flatMap(Double.init) == double(item["ratio"]))
                }
            }
        }
    }

    @Test("questions.csv is one row per option plus each no-answer row, every value as in the JSON")
    func questionsRoundTrip() throws {
        try withAPIService { server in
            let response = try server.get("/api/v1/surveys/15/questions.csv")
            expectPublicRead(response, contentType: csv)
            #expect(response.header("Content-Disposition") == "inline; filename=\"survey-15-questions.csv\"")
            let table = try csvTable(response.text)
            #expect(table.header == [
                "question_number", "question_text", "option_number", "label", "count", "ratio", "ci95_low", "ci95_high",
                "rank", "no_answer",
            ])
            let questions = try data(server.get("/api/v1/surveys/15/questions"))
            let expected = try questions.flatMap(expectedRows)
            #expect(table.rows.count == 8 + 1 + 6 + 1)
            #expect(table.rows == expected)
        }
    }

    @Test("one question as CSV (.csv suffix or Accept: text/csv) is the table of its options")
    func oneQuestionRoundTrip() throws {
        try withAPIService { server in
            let question = try object(server.get("/api/v1/surveys/15/questions/1"))
            let bySuffix = try server.get("/api/v1/surveys/15/questions/1.csv")
            expectPublicRead(bySuffix, contentType: csv)
            #expect(try csvTable(bySuffix.text).rows == expectedRows(question))
            let byAccept = try server.get("/api/v1/surveys/15/questions/1", headers: [("Accept", "text/csv")])
            expectPublicRead(byAccept, contentType: csv)
            #expect(byAccept.body == bySuffix.body)
        }
    }

    @Test("?bom=1 starts the CSV with a UTF-8 BOM for spreadsheet programs")
    func bom() throws {
        try withAPIService { server in
            let response = try server.get("/api/v1/surveys/15/questions.csv?bom=1")
            #expect(Array(response.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        }
    }

    /// What the CSV must say for a question, computed from its JSON with the JSON's own
    /// numbers: parsing the CSV cells back must give the same Doubles.
    private func expectedRows(_ question: JSONObject) throws -> [[String: String]] {
        let number = String(try #require(int(question["number"])))
        let text = try #require(question["text"] as? String)
        func cell(_ value: Any?) -> String { int(value).map(String.init) ?? "" }
        var rows: [[String: String]] = []
        for option in try #require(question["options"] as? [JSONObject]) {
            let ci = try #require(option["ci95"] as? [Any])
            rows.append([
                "question_number": number, "question_text": text, "option_number": cell(option["number"]),
                "label": try #require(option["label"] as? String), "count": cell(option["count"]),
                "ratio": "\(try #require(double(option["ratio"])))", "ci95_low": "\(try #require(double(ci.first)))",
                "ci95_high": "\(try #require(double(ci.last)))", "rank": cell(option["rank"]), "no_answer": "false",
            ])
        }
        if let none = question["no_answer"] as? JSONObject {
            rows.append([
                "question_number": number, "question_text": text, "option_number": "",
                "label": try #require(none["label"] as? String), "count": cell(none["count"]),
                "ratio": "\(try #require(double(none["ratio"])))", "ci95_low": "", "ci95_high": "", "rank": "",
                "no_answer": "true",
            ])
        }
        return rows
    }
}

/// Counts the bars of a chart while checking it parses as XML.
private final class BarCounter: NSObject, XMLParserDelegate {
    var root: String?
    var bars: [String] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil { root = elementName }
        if elementName == "rect", let cssClass = attributes["class"], cssClass.split(separator: " ").contains("bar") {
            bars.append(cssClass)
        }
    }
}

@Suite("Survey API: chart")
struct SurveyChartAPITests {
    @Test("chart.svg is well-formed SVG with one bar per option and one for no answer", arguments: [(1, 8), (2, 6)])
    func chart(question: Int, options: Int) throws {
        try withAPIService { server in
            let response = try server.get("/api/v1/surveys/15/questions/\(question)/chart.svg")
            expectPublicRead(response, contentType: "image/svg+xml; charset=utf-8")
            let parser = XMLParser(data: Data(response.body))
            let counter = BarCounter()
            parser.delegate = counter
            #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
            #expect(counter.root == "svg")
            #expect(counter.bars.count == options + 1)
            #expect(counter.bars.last == "bar no-answer")
        }
    }

    @Test("the chart is compressed for clients that accept gzip")
    func gzip() throws {
        try withAPIService { server in
            let response = try server.get("/api/v1/surveys/15/questions/1/chart.svg", headers: [("Accept-Encoding", "gzip")])
            #expect(response.header("Content-Encoding") == "gzip")
            #expect(response.header("Vary") == "Accept-Encoding")
        }
    }
}

import DXCore
import Glibc

extension Project {
    /// Strong, from the version every write bumps: cheap to compare inside the write
    /// transaction, and it changes exactly when the project does.
    public var entityTag: String { Self.entityTag(id: id, version: version) }

    public static func entityTag(id: Int, version: Int) -> String { "\"p\(id)-v\(version)\"" }

    public var location: String { "/api/v1/projects/\(id)" }

    /// `updated_at` in epoch seconds, for `Last-Modified` (HTTP dates have whole seconds, so
    /// the milliseconds are dropped); nil if the stored text is not the store's format.
    public var lastModified: Int? { Self.epochSeconds(updatedAt) }

    /// `updated_at` at full precision, in epoch milliseconds: what the date preconditions
    /// compare against (RFC 9110 §13.1.3, §13.1.4), so that two changes within one second are
    /// told apart; nil if the stored text is not the store's format.
    public var modifiedAt: Int? { Self.epochMilliseconds(updatedAt) }

    /// `YYYY-MM-DDTHH:MM:SS[.fff]Z` to epoch milliseconds (fraction digits past the third are
    /// dropped, so the time never moves later than stored).
    static func epochMilliseconds(_ timestamp: String) -> Int? {
        guard let seconds = epochSeconds(timestamp) else { return nil }
        let u = Array(timestamp.utf8)
        var millis = 0
        if u.count > 20 {
            guard u[19] == UInt8(ascii: "."), u.count > 21 else { return nil }
            var scale = 100
            for b in u[20..<(u.count - 1)] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                millis += Int(b - 0x30) * scale
                scale /= 10
            }
        }
        return seconds * 1000 + millis
    }

    /// `YYYY-MM-DDTHH:MM:SS[.mmm]Z` (the store's `Timestamp`) to epoch seconds.
    static func epochSeconds(_ timestamp: String) -> Int? {
        let u = Array(timestamp.utf8)
        guard u.count >= 20, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"), u[10] == UInt8(ascii: "T"),
              u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"), u.last == UInt8(ascii: "Z")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in u[range] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var tm = tm()
        tm.tm_year = Int32(year - 1900)
        tm.tm_mon = Int32(month - 1)
        tm.tm_mday = Int32(day)
        tm.tm_hour = Int32(hour)
        tm.tm_min = Int32(minute)
        tm.tm_sec = Int32(second)
        return Int(timegm(&tm))
    }
}

extension Project: CSVRepresentable {
    public static let csvHeader = [
        "id", "measure_code", "policy_id", "title", "description", "department", "status", "status_label", "progress",
        "start_fiscal_year", "end_fiscal_year", "kpi_name", "kpi_unit", "kpi_target", "kpi_actual", "version", "created_at", "updated_at",
    ]
    public static let csvJapaneseLabels = [
        "id": "事業ID", "measure_code": "施策コード", "policy_id": "基本方針", "title": "名称", "description": "概要",
        "department": "担当部署", "status": "状況コード", "status_label": "状況", "progress": "進捗率",
        "start_fiscal_year": "開始年度", "end_fiscal_year": "終了年度", "kpi_name": "KPI名", "kpi_unit": "KPI単位",
        "kpi_target": "KPI目標値", "kpi_actual": "KPI実績値", "version": "版", "created_at": "登録日時", "updated_at": "更新日時",
    ]
    public static let csvNumberColumns: Set<String> = ["id", "policy_id", "progress", "start_fiscal_year", "end_fiscal_year", "kpi_target", "kpi_actual", "version"]

    public var csvRow: [String] {
        [
            String(id), fields.measureCode, String(policyID), fields.title, fields.description, fields.department,
            fields.status.rawValue, fields.status.label, String(fields.progress), String(fields.startFiscalYear),
            String(fields.endFiscalYear), fields.kpi?.name ?? "", fields.kpi?.unit ?? "",
            fields.kpi.map { Self.csvNumber($0.target) } ?? "", fields.kpi?.actual.map(Self.csvNumber) ?? "",
            String(version), createdAt, updatedAt,
        ]
    }

    /// A KPI value as an administrator would type it: `12000`, not `12000.0`.
    static func csvNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : CSVNumber.format(value)
    }
}

extension ProjectHistoryEntry: CSVRepresentable {
    public static let csvHeader = ["id", "project_id", "at", "actor", "action", "changes", "note"]
    public static let csvNumberColumns: Set<String> = ["id", "project_id"]
    public static let csvJapaneseLabels = [
        "id": "履歴ID", "project_id": "事業ID", "at": "日時", "actor": "操作者", "action": "操作", "changes": "変更内容", "note": "備考",
    ]

    /// `changes` stays a JSON object in its cell: its shape varies by row.
    public var csvRow: [String] {
        let changesJSON = (try? JSONBody.encode(changes)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return [String(id), String(projectID), at, actor, action.rawValue, changesJSON, note ?? ""]
    }
}

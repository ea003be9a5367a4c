@testable import DXServer
import Testing

/// RFC 4180 as the writer applies it, byte for byte, in both flavours (the formula triggers
/// one by one are in `CSVInjectionTests`).
@Suite("CSV writer")
struct CSVWriterTests {
    func csv(_ rows: [[String]], header: [String] = ["a", "b"], bom: Bool = false, numberColumns: Set<Int> = []) -> String {
        String(decoding: CSVWriter.write(header: header, rows: rows, bom: bom, numberColumns: numberColumns), as: UTF8.self)
    }

    @Test func everyRecordEndsInCRLFTheLastToo() {
        #expect(csv([["1", "2"], ["3", "4"]]) == "a,b\r\n1,2\r\n3,4\r\n")
    }

    @Test func noRowsIsTheHeaderAlone() {
        #expect(csv([]) == "a,b\r\n")
    }

    @Test func plainTextIsNotQuoted() {
        #expect(csv([["デジタル化", "x y"]]) == "a,b\r\nデジタル化,x y\r\n")
    }

    @Test(arguments: [("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("l1\nl2", "\"l1\nl2\""), ("l1\r\nl2", "\"l1\r\nl2\""), ("\r", "\"\r\"")])
    func aFieldWithACommaQuoteCROrLFIsQuotedWithQuotesDoubled(field: String, written: String) {
        #expect(csv([[field, "x"]]) == "a,b\r\n\(written),x\r\n")
    }

    @Test func anEmptyFieldIsEmptyNotQuoted() {
        #expect(csv([["", ""]]) == "a,b\r\n,\r\n")
    }

    @Test func theHeaderIsQuotedByTheSameRule() {
        #expect(csv([], header: ["a,b", "c"]) == "\"a,b\",c\r\n")
    }

    @Test func theSpreadsheetFlavourStartsWithTheUTF8BOMAndThePlainOneNever() {
        let spreadsheet = CSVWriter.write(header: ["a"], rows: [["1"]], bom: true)
        #expect(Array(spreadsheet.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: spreadsheet.dropFirst(3), as: UTF8.self) == "a\r\n1\r\n")
        #expect(CSVWriter.write(header: ["a"], rows: [["1"]], bom: false).first == UInt8(ascii: "a"))
    }

    @Test func thePlainFlavourKeepsFormulaLookingCellsByteForByte() {
        #expect(csv([["=1+1", "-3"]]) == "a,b\r\n=1+1,-3\r\n")
    }

    @Test func theSpreadsheetFlavourPrefixesAFormulaLookingTextCellWithAQuote() {
        #expect(csv([["=1+1", "@x"]], bom: true).dropFirst() == "a,b\r\n'=1+1,'@x\r\n")
    }

    @Test func theSpreadsheetFlavourLeavesNumberColumnsAlone() {
        #expect(csv([["-3", "-3"]], bom: true, numberColumns: [1]).dropFirst() == "a,b\r\n'-3,-3\r\n")
    }

    @Test func theSpreadsheetFlavourNeutralisesAHeaderCellLikeAnyTextCell() {
        #expect(csv([], header: ["=a", "b"], bom: true).dropFirst() == "'=a,b\r\n")
        #expect(csv([], header: ["=a", "b"], bom: false) == "=a,b\r\n")
    }

    @Test func aNeutralisedCellIsStillQuotedWhenItNeedsIt() {
        #expect(csv([["=HYPERLINK(\"x\",\"y\")", "1"]], bom: true).dropFirst() == "a,b\r\n\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",1\r\n")
    }

    @Test func aCellStartingWithCRIsNeutralisedThenQuoted() {
        #expect(csv([["\r=1", "1"]], bom: true).dropFirst() == "a,b\r\n\"'\r=1\",1\r\n")
    }

    @Test func rowTypesWriteTheirHeaderAndMapNumberColumnsByName() {
        struct Row: CSVRepresentable {
            static var csvHeader: [String] { ["name", "count"] }
            static var csvNumberColumns: Set<String> { ["count"] }
            static var csvJapaneseLabels: [String: String] { ["name": "名前", "count": "件数"] }
            var csvRow: [String] { ["-x", "-1"] }
        }
        let bytes = CSVWriter.write([Row()], bom: true)
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == "name,count\r\n'-x,-1\r\n")
    }
}

import DXCore
import Testing

// The spreadsheet flavour's formula guard and its undoing by the imports (issue 12's round trip).

@Suite("Spreadsheet cell guard")
struct SpreadsheetCellTests {
    @Test("restoring a guarded cell gives back exactly the cell, whatever quotes it started with",
          arguments: ["=SUM(1)", "+1", "-3 は誤記", "@メモ", "\tx", "\r=1", "'=そのまま", "''=二重", "'引用", "'", "", "普通の備考", "a=b"])
    func restoredUndoesNeutralized(cell: String) {
        #expect(SpreadsheetCell.restored(SpreadsheetCell.neutralized(cell)) == cell)
    }

    @Test("only formula-like cells get the guard; plain text with a leading quote is left alone")
    func guardOnlyFormulaLikeCells() {
        #expect(SpreadsheetCell.neutralized("=1") == "'=1")
        #expect(SpreadsheetCell.neutralized("'=1") == "''=1")
        #expect(SpreadsheetCell.neutralized("'quoted") == "'quoted")
        #expect(SpreadsheetCell.restored("'quoted") == "'quoted")
    }
}

// results.xlsx: typed cells, frozen header, README sheet, Excel's sheet-name rules, same bytes.
import Foundation
import Testing
import ZIPFoundation
@testable import H2IO

@Suite struct WorkbookTests {
    func table() throws -> CSVWriter {
        var t = CSVWriter(name: "stations.csv", header: ["node", "capacity_kg_per_day", "note"])
        try t.appendRow([.text("520100"), .number(1.5), .empty])
        try t.appendRow([.text("a,\"b\" & <c>"), .integer(12), .text("贵阳市")])
        return t
    }

    func part(_ bytes: [UInt8], _ path: String) throws -> String {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let entry = try #require(archive[path])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func cellsKeepTheirType() throws {
        let bytes = try Workbook.render(about: [("scenario", "x")], files: ["stations.csv", "map.svg"],
                                        sheets: [.init(fileName: "stations.csv", table: try table())])
        let sheet = try part(bytes, "xl/worksheets/sheet2.xml")
        // An id of digits stays text; numbers are numeric cells with the CSV's digits.
        #expect(sheet.contains("<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">520100</t></is></c>"))
        #expect(sheet.contains("<c r=\"B2\"><v>1.5</v></c>"))
        #expect(!sheet.contains("r=\"C2\""))  // empty cell left out
        #expect(sheet.contains("<v>12</v>"))
        #expect(sheet.contains("a,&quot;b&quot; &amp; &lt;c&gt;"))
        #expect(sheet.contains("贵阳市"))
        #expect(sheet.contains("state=\"frozen\"") && sheet.contains("ySplit=\"1\""))
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\">"))  // bold header
        let readme = try part(bytes, "xl/worksheets/sheet1.xml")
        #expect(readme.contains(">map.svg<") && readme.contains(">stations<") && !readme.contains("frozen"))
        let workbook = try part(bytes, "xl/workbook.xml")
        #expect(workbook.contains("name=\"README\" sheetId=\"1\"") && workbook.contains("name=\"stations\" sheetId=\"2\""))
    }

    @Test func sameTablesSameBytes() throws {
        let sheets: [Workbook.Sheet] = [.init(fileName: "stations.csv", table: try table())]
        let a = try Workbook.render(about: [], files: ["stations.csv"], sheets: sheets)
        let b = try Workbook.render(about: [], files: ["stations.csv"], sheets: sheets)
        #expect(a == b)
        #expect(a.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a ZIP local file header
    }

    @Test func columnLettersAndSheetNames() {
        #expect(Workbook.columnLetters(0) == "A" && Workbook.columnLetters(25) == "Z")
        #expect(Workbook.columnLetters(26) == "AA" && Workbook.columnLetters(701) == "ZZ" && Workbook.columnLetters(702) == "AAA")
        #expect(Workbook.uniqueSheetName(for: "summary.csv", taken: ["README"]) == "summary")
        #expect(Workbook.uniqueSheetName(for: "readme.csv", taken: ["README"]) == "readme_2")
        let long = Workbook.uniqueSheetName(for: String(repeating: "x", count: 40) + ".csv", taken: [])
        #expect(long.count == 31)
        #expect(Workbook.uniqueSheetName(for: "a[b]:c.csv", taken: []) == "a_b__c")
    }

    @Test func numericBitsFollowTheCells() throws {
        let t = try table()
        #expect(t.rowCount == 2)
        #expect(!t.isNumber(row: 0, column: 0) && t.isNumber(row: 0, column: 1) && !t.isNumber(row: 0, column: 2))
        #expect(!t.isNumber(row: 1, column: 0) && t.isNumber(row: 1, column: 1))
        var failing = CSVWriter(name: "x.csv", header: ["a", "b"])
        #expect(throws: OutputError.self) { try failing.appendRow([.number(1), .number(.nan)]) }
        try failing.appendRow([.text("t"), .text("u")])
        #expect(failing.rowCount == 1 && !failing.isNumber(row: 0, column: 0))
    }
}

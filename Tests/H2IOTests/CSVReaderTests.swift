import Foundation
import Testing
@testable import H2IO

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsDoubledQuotesCommasAndNewlines() throws {
        let text = "id,name,note\nGY,\"Guiyang, 贵阳\",\"says \"\"hi\"\"\"\nZY,Zunyi,\"two\nlines\"\nAS,Anshun,\n"
        let table = try CSVTable(parsing: text, file: "t.csv")
        #expect(table.header == ["id", "name", "note"])
        #expect(table.rows == [
            ["GY", "Guiyang, 贵阳", "says \"hi\""],
            ["ZY", "Zunyi", "two\nlines"],
            ["AS", "Anshun", ""],
        ])
        // physical lines: the quoted line break pushes the third record to line 5
        #expect(table.lineOfRow == [2, 3, 5])
    }

    @Test func crlfAndLfGiveTheSameTable() throws {
        let lf = try CSVTable(parsing: "a,b\n1,2\n3,\"x\ny\"\n", file: "t.csv")
        let crlf = try CSVTable(parsing: "a,b\r\n1,2\r\n3,\"x\ny\"\r\n", file: "t.csv")
        #expect(lf.rows == crlf.rows)
        #expect(lf.lineOfRow == crlf.lineOfRow)
    }

    @Test func byteOrderMarkIsStripped() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("id,lat\nGY,26.65\n".utf8))
        let table = try CSVTable.read(from: path)
        #expect(table.header == ["id", "lat"])
        #expect(try table.double(0, "lat") == 26.65)
        #expect(try CSVTable(parsing: "\u{FEFF}id\nx\n", file: "t.csv").header == ["id"])
    }

    @Test func trailingAndMissingFinalNewlineAndBlankLines() throws {
        let a = try CSVTable(parsing: "a,b\n1,2", file: "t.csv")
        let b = try CSVTable(parsing: "a,b\n1,2\n\n", file: "t.csv")
        let c = try CSVTable(parsing: "\na,b\n\n1,2\n", file: "t.csv")
        #expect(a.rows == [["1", "2"]] && b.rows == a.rows && c.rows == a.rows)
        #expect(c.headerLine == 2 && c.lineOfRow == [4])
        #expect(try CSVTable(parsing: "a,b\n1,\n", file: "t.csv").rows == [["1", ""]])
    }

    @Test func headerNamesAreTrimmed() throws {
        let table = try CSVTable(parsing: " id , lat\nx,1\n", file: "t.csv")
        #expect(table.header == ["id", "lat"])
    }

    @Test func raggedRowNamesItsPhysicalLine() throws {
        let text = "id,name,km\nA,\"multi\nline\",3\nB,b\nC,c,1\n"
        let error = #expect(throws: InputError.self) { try CSVTable(parsing: text, file: "edges.csv") }
        #expect(error?.line == 4)
        #expect(error?.row == 2)
        #expect(error?.message.contains("2 values but the header has 3 columns") == true)
        #expect(error?.description.hasPrefix("edges.csv:4 (row 2)") == true)
    }

    @Test func tooManyValuesSuggestsQuoting() throws {
        let error = #expect(throws: InputError.self) { try CSVTable(parsing: "id,name\nGY,Guiyang, Guizhou\n", file: "n.csv") }
        #expect(error?.line == 2)
        #expect(error?.fix.contains("quote values that contain commas") == true)
    }

    @Test func duplicateHeaderIsAnError() throws {
        let error = #expect(throws: InputError.self) { try CSVTable(parsing: "id,lat,lon,lat\n1,2,3,4\n", file: "n.csv") }
        #expect(error?.line == 1)
        #expect(error?.field == "lat")
        #expect(error?.message.contains("columns 2 and 4") == true)
    }

    @Test func emptyHeaderNameIsAnError() throws {
        let error = #expect(throws: InputError.self) { try CSVTable(parsing: "id,lat,\n1,2,\n", file: "n.csv") }
        #expect(error?.message.contains("column 3") == true)
    }

    @Test(arguments: ["", "\n\n", "\u{FEFF}"])
    func emptyFileIsAnError(text: String) throws {
        let error = #expect(throws: InputError.self) { try CSVTable(parsing: text, file: "n.csv") }
        #expect(error?.message == "the file is empty")
    }

    @Test func headerWithoutRowsIsAnErrorUnlessAllowed() throws {
        let error = #expect(throws: InputError.self) { try CSVTable(parsing: "id,lat\n", file: "n.csv") }
        #expect(error?.message.contains("no data rows") == true)
        #expect(try CSVTable(parsing: "id,lat\n", file: "n.csv", allowEmpty: true).rowCount == 0)
    }

    @Test func unterminatedQuoteNamesTheLineWhereItOpens() throws {
        let error = #expect(throws: InputError.self) { try CSVTable(parsing: "id,name\nA,a\nB,\"b\nC,c\n", file: "n.csv") }
        #expect(error?.line == 3)
        #expect(error?.message.contains("never closed") == true)
    }

    @Test func quoteInsideUnquotedValueIsAnError() throws {
        let error = #expect(throws: InputError.self) { try CSVTable(parsing: "id,name\nA,5\"x\n", file: "n.csv") }
        #expect(error?.line == 2)
    }

    @Test func textAfterClosingQuoteIsAnError() throws {
        let error = #expect(throws: InputError.self) { try CSVTable(parsing: "id,name\nA,\"a\"b\n", file: "n.csv") }
        #expect(error?.line == 2)
        #expect(error?.message.contains("follows the closing quote") == true)
    }

    @Test func missingFileNamesThePath() throws {
        let error = #expect(throws: InputError.self) { try CSVTable.read(from: "Models/nowhere/nodes.csv") }
        #expect(error?.file == "Models/nowhere/nodes.csv")
        #expect(error?.description.hasPrefix("Models/nowhere/nodes.csv: file not found") == true)
    }

    @Test func folderInsteadOfFileIsAnError() throws {
        let folder = TemporaryDirectory()
        let error = #expect(throws: InputError.self) { try CSVTable.read(from: folder.path) }
        #expect(error?.message.contains("folder") == true)
    }

    @Test func nonUTF8FileNamesTheLine() throws {
        let folder = TemporaryDirectory()
        // "贵阳" in GBK is B9 F3 D1 F4: not valid UTF-8
        let path = folder.write("gbk.csv", bytes: Array("id,name\nGY,".utf8) + [0xB9, 0xF3, 0xD1, 0xF4] + [0x0A])
        let error = #expect(throws: InputError.self) { try CSVTable.read(from: path) }
        #expect(error?.line == 2)
        #expect(error?.message.contains("UTF-8") == true)
        #expect(error?.fix.contains("CSV UTF-8") == true)
    }

    @Test func readsAReferenceTableWithQuotedQuotes() throws {
        // three lines of reference/data/cities_guizhou.csv, verbatim
        let text = """
            id,name_en,name_zh,type,lat,lon,coord_source
            GZ_GY,Guiyang,贵阳市,prefecture-level city (provincial capital),26.6500,106.6300,"pyecharts city_coordinates.json (github.com/pyecharts/pyecharts, pyecharts/datasets/city_coordinates.json, commit 5228492) key ""贵阳市\"""
            GZ_ZY,Zunyi,遵义市,prefecture-level city,27.7300,106.9200,"pyecharts city_coordinates.json (github.com/pyecharts/pyecharts, pyecharts/datasets/city_coordinates.json, commit 5228492) key ""遵义市\"""

            """
        let table = try CSVTable(parsing: text, file: "cities_guizhou.csv")
        try table.requireColumns(["id", "lat", "lon"])
        #expect(table.rowCount == 2)
        #expect(try table.string(1, "name_zh") == "遵义市")
        #expect(try table.double(0, "lon", allowNegative: false) == 106.63)
        #expect(try table.string(0, "coord_source").hasSuffix("key \"贵阳市\""))
    }

    @Test func largeTableParsesCompletely() throws {
        var text = "id,lat,lon,name\n"
        for i in 0..<100_000 { text += "N\(i),\(Double(i) * 0.001),\(i),\"n, \(i)\"\n" }
        let table = try CSVTable(parsing: text, file: "big.csv")
        #expect(table.rowCount == 100_000)
        #expect(try table.double(99_999, "lat") == 99.999)
        #expect(table.lineOfRow.last == 100_001)
    }
}

import Testing
import H2Numerics
@testable import H2IO

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhenNeededAndWritesLF() throws {
        var writer = CSVWriter(name: "stations.csv", header: ["node", "name", "lcoh_cny_per_kg", "count", "note"])
        try writer.appendRow(["GY", "贵阳", 35.0, 3, .empty])
        try writer.appendRow(["ZY, north", "say \"hi\"", .number(1e-7), .integer(-2), "two\nlines"])
        try writer.appendRow([.text(""), "x\ry", .optional(nil), 0, " padded "])
        let expected = "node,name,lcoh_cny_per_kg,count,note\n"
            + "GY,贵阳,35,3,\n"
            + "\"ZY, north\",\"say \"\"hi\"\"\",1e-7,-2,\"two\nlines\"\n"
            + ",\"x\ry\",,0, padded \n"
        #expect(writer.csvText == expected)
    }

    @Test func byteOrderMarkOnRequest() throws {
        var writer = CSVWriter(name: "a.csv", header: ["name"])
        try writer.appendRow(["贵阳"])
        #expect(writer.bytes(withBOM: true).starts(with: [0xEF, 0xBB, 0xBF, UInt8(ascii: "n")]))
        #expect(writer.bytes().first == UInt8(ascii: "n"))
        let table = try CSVTable(parsing: String(decoding: writer.bytes(withBOM: true), as: UTF8.self), file: "a.csv")
        #expect(table.header == ["name"] && table.rows == [["贵阳"]])
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbersAreRefused(value: Double) throws {
        var writer = CSVWriter(name: "summary.csv", header: ["lcoh_cny_per_kg"])
        let error = #expect(throws: OutputError.self) { try writer.appendRow([.number(value)]) }
        #expect(error?.kind == .nonFiniteNumber)
        #expect(error?.message.contains("lcoh_cny_per_kg") == true)
        #expect(writer.csvText == "lcoh_cny_per_kg\n")  // nothing half-appended
    }

    @Test func oneColumnTableKeepsEmptyRows() throws {
        var writer = CSVWriter(name: "a.csv", header: ["node"])
        try writer.appendRow(["A"])
        try writer.appendRow([.empty])
        try writer.appendRow([""])
        let table = try CSVTable(parsing: writer.csvText, file: "a.csv")
        #expect(table.rows == [["A"], [""], [""]])
    }

    /// Random text with every character that needs care: write, read back, same cells.
    @Test func randomTablesRoundTrip() throws {
        var generator = SplitMix64(seed: 7)
        let alphabet: [String] = ["a", "Z", "1", " ", ",", "\"", "\n", "\r", "\r\n", "贵", "阳", ".", "-", "é", "\t"]
        for _ in 0..<200 {
            let columns = Int(generator.next() % 5) + 1
            let header = (0..<columns).map { "c\($0)" }
            var writer = CSVWriter(name: "r.csv", header: header)
            var expected: [[String]] = []
            for _ in 0..<Int(generator.next() % 20 + 1) {
                let row = (0..<columns).map { _ in
                    (0..<Int(generator.next() % 6)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
                }
                try writer.appendRow(row.map(CSVCell.text))
                expected.append(row)
            }
            let table = try CSVTable(parsing: writer.csvText, file: "r.csv")
            #expect(table.header == header)
            #expect(table.rows == expected)
        }
    }

    @Test func numbersRoundTripThroughAFile() throws {
        var generator = SplitMix64(seed: 99)
        var writer = CSVWriter(name: "n.csv", header: ["id", "value"])
        var values: [Double] = []
        for i in 0..<5_000 {
            var value = Double(bitPattern: generator.next())
            if !value.isFinite { value = Double(i) }
            values.append(value)
            try writer.appendRow([.integer(i), .number(value)])
        }
        let folder = TemporaryDirectory()
        let path = folder.write("n.csv", bytes: writer.bytes())
        let table = try CSVTable.read(from: path)
        for i in values.indices {
            #expect(try table.double(i, "value", allowNegative: true) == values[i])
            #expect(try table.int(i, "id") == i)
        }
    }
}

import Testing
import H2Numerics
@testable import H2IO

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhenNeededAndWritesLF() throws {
        var writer = CSVWriter(name: "stations.csv", header: ["node", "name", "ratio", "count", "note"])
        try writer.appendRow(["GY", "贵阳", 35.0, 3, .empty])
        try writer.appendRow(["ZY, north", "say \"hi\"", .number(1e-7), .integer(-2), "two\nlines"])
        try writer.appendRow([.text(""), "x\ry", .optional(nil), 0, " padded "])
        let expected = "node,name,ratio,count,note\n"
            + "GY,贵阳,35,3,\n"
            + "\"ZY, north\",\"say \"\"hi\"\"\",1e-7,-2,\"two\nlines\"\n"
            + ",\"x\ry\",,0, padded \n"
        #expect(writer.csvText == expected)
    }

    /// Quantities with a unit suffix are written at that unit's resolution, so float noise never
    /// reaches a file and one quantity has the same digits everywhere; other columns keep the
    /// shortest round-trip form.
    @Test func resolutionByUnitSuffix() throws {
        var writer = CSVWriter(name: "x.csv", header: ["distance_km", "kg_per_day", "total_cny_per_kg", "capital_cny", "capex_mcny",
                                                       "truck_km_per_day", "trips_per_day", "value", "utilisation_pct"])
        try writer.appendRow([.number(153.60000000000002), .number(5100.000000000001), .number(37.01413862472457), .number(29271364.4),
                              .number(25.27136380993477), .number(1915.388510223954), .number(6.234988640051933), .number(0.1 + 0.2),
                              .number(-0.00001)])
        try writer.appendRow([.number(-2.25), .number(0.0005), .number(-0.00004), .number(-0.5), .number(1e-7), .number(0.05),
                              .number(1), .number(1e-7), .number(85)])
        #expect(writer.csvText == "distance_km,kg_per_day,total_cny_per_kg,capital_cny,capex_mcny,truck_km_per_day,trips_per_day,value,utilisation_pct\n"
            + "153.6,5100,37.0141,29271364,25.271364,1915.4,6.234989,0.30000000000000004,0\n"
            + "-2.3,0.001,0,-1,0,0.1,1,1e-7,85\n")
        #expect(NumberResolution.decimals(forColumn: "km") == 1 && NumberResolution.decimals(forColumn: "lat") == nil)
        #expect(NumberResolution.decimals(forColumn: "network_average_before_tax_cny_per_kg") == 4)
        #expect(NumberResolution.decimals(forColumn: "annualised_cost_cny_per_year") == 0)
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

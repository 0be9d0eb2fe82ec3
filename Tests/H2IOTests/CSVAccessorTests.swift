import Testing
@testable import H2IO

@Suite struct CSVAccessorTests {
    /// A nodes table whose sixth data row (line 7) holds `value` in column "lat".
    func table(lat value: String) throws -> CSVTable {
        var text = "id,lat,lon\n"
        for i in 1...5 { text += "N\(i),26.\(i),106.\(i)\n" }
        text += "N6,\(value),106.6\n"
        return try CSVTable(parsing: text, file: "Models/x/nodes.csv")
    }

    @Test func theBriefsExampleMessage() throws {
        let nodes = try table(lat: "abc")
        let error = #expect(throws: InputError.self) { try nodes.double(5, "lat") }
        #expect(error?.description
            == "Models/x/nodes.csv:7 (row 6, field \"lat\"): \"abc\" is not a number. Fix: write a decimal number with \".\" as separator, e.g. 26.65")
    }

    @Test(arguments: [
        ("26.65", 26.65), ("  1e3 ", 1000), ("+5", 5), (".5", 0.5), ("5.", 5), ("0", 0), ("1.5E-3", 0.0015),
        ("106.6300", 106.63),
    ])
    func acceptsPlainDecimals(text: String, expected: Double) throws {
        #expect(try table(lat: text).double(5, "lat") == expected)
    }

    @Test(arguments: [
        ("nan", "not a finite number"), ("NaN", "not a finite number"), ("inf", "not a finite number"),
        ("-Infinity", "not a finite number"), ("#DIV/0!", "not a finite number"),
        ("\"1,000\"", "thousands separator"), ("\"12,345,678.5\"", "thousands separator"),
        ("\"1,5\"", "decimal separator"), ("", "empty"), ("8%", "percent"), ("１２", "full-width"),
        ("1 000", "space"), ("abc", "not a number"), ("0x1p3", "not a number"), ("1e400", "too large"),
        ("1e", "not a number"), ("-", "not a number"), (".", "not a number"),
    ])
    func rejectsWithAReason(text: String, reason: String) throws {
        let nodes = try table(lat: text)
        let error = #expect(throws: InputError.self) { try nodes.double(5, "lat", allowNegative: true) }
        #expect(error?.line == 7)
        #expect(error?.row == 6)
        #expect(error?.field == "lat")
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "nil")")
        #expect(error?.fix.isEmpty == false)
    }

    @Test func thousandsFixShowsTheNumberWithoutSeparators() throws {
        let error = #expect(throws: InputError.self) { try table(lat: "\"1,000\"").double(5, "lat") }
        #expect(error?.fix.contains("1000") == true)
        let decimal = #expect(throws: InputError.self) { try table(lat: "\"1,5\"").double(5, "lat") }
        #expect(decimal?.fix.contains("1.5") == true)
    }

    @Test func negativeAndZeroOnlyWhenAllowed() throws {
        let nodes = try table(lat: "-3.5")
        let error = #expect(throws: InputError.self) { try nodes.double(5, "lat") }
        #expect(error?.message == "-3.5 is negative")
        #expect(try nodes.double(5, "lat", allowNegative: true) == -3.5)
        let zero = try table(lat: "0")
        #expect(throws: InputError.self) { try zero.double(5, "lat", allowZero: false) }
        #expect(try zero.double(5, "lat") == 0)
        #expect(throws: InputError.self) { try zero.int(5, "lat", allowZero: false) }
    }

    @Test func integers() throws {
        #expect(try table(lat: "12").int(5, "lat") == 12)
        #expect(try table(lat: "3.0").int(5, "lat") == 3)
        #expect(try table(lat: "-4").int(5, "lat", allowNegative: true) == -4)
        let error = #expect(throws: InputError.self) { try table(lat: "2.5").int(5, "lat") }
        #expect(error?.message.contains("not a whole number") == true)
        #expect(throws: InputError.self) { try table(lat: "-4").int(5, "lat") }
        #expect(throws: InputError.self) { try table(lat: "twelve").int(5, "lat") }
    }

    @Test func optionalValues() throws {
        let nodes = try table(lat: "")
        #expect(try nodes.optionalDouble(5, "lat") == nil)
        #expect(try nodes.optionalDouble(5, "elevation_m") == nil)  // absent column
        #expect(try nodes.optionalDouble(0, "lat") == 26.1)
        #expect(throws: InputError.self) { try table(lat: "x").optionalDouble(5, "lat") }
        #expect(nodes.optionalString(5, "lat") == nil)
        #expect(try nodes.optionalInt(5, "lat") == nil)
    }

    @Test func stringsAreTrimmedAndEmptyIsAnError() throws {
        let table = try CSVTable(parsing: "id,name\n GY ,\n", file: "n.csv")
        #expect(try table.string(0, "id") == "GY")
        let error = #expect(throws: InputError.self) { try table.string(0, "name") }
        #expect(error?.message == "the value is empty")
        #expect(try table.string(0, "name", allowEmpty: true) == "")
    }

    @Test func booleans() throws {
        let table = try CSVTable(parsing: "a,b,c,d\nTrue,no,1,maybe\n", file: "n.csv")
        #expect(try table.bool(0, "a") == true)
        #expect(try table.bool(0, "b") == false)
        #expect(try table.bool(0, "c") == true)
        #expect(throws: InputError.self) { try table.bool(0, "d") }
    }

    @Test func missingColumnListsWhatExistsAndSuggests() throws {
        let table = try CSVTable(parsing: "id,latt,lon\nA,1,2\n", file: "n.csv")
        let error = #expect(throws: InputError.self) { try table.requireColumns(["id", "lat", "lon"]) }
        #expect(error?.line == 1)
        #expect(error?.message == "missing column \"lat\"")
        #expect(error?.fix.contains("id,latt,lon") == true)
        #expect(error?.fix.contains("\"latt\" → \"lat\"") == true)
        let cellError = #expect(throws: InputError.self) { try table.double(0, "lat") }
        #expect(cellError?.message == "missing column \"lat\"")
    }

    @Test func unknownColumnsRejectedOnlyWhenAsked() throws {
        let table = try CSVTable(parsing: "id,lat,lon,elevaton_m\nA,1,2,3\n", file: "n.csv")
        try table.requireColumns(["id", "lat", "lon"])
        let error = #expect(throws: InputError.self) {
            try table.requireColumns(["id", "lat", "lon"], optional: ["elevation_m"], allowOtherColumns: false)
        }
        #expect(error?.message == "unknown column \"elevaton_m\"")
        #expect(error?.fix.contains("\"elevaton_m\" → \"elevation_m\"") == true)
        try table.requireColumns(["id", "lat", "lon"], optional: ["elevaton_m"], allowOtherColumns: false)
    }

    @Test func callerLocatedErrors() throws {
        let table = try table(lat: "1")
        let error = table.error(row: 2, column: "id", "duplicate id \"N3\"", fix: "make ids unique")
        #expect(error.description == "Models/x/nodes.csv:4 (row 3, field \"id\"): duplicate id \"N3\". Fix: make ids unique")
    }
}

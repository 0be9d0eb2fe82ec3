import Testing
@testable import H2IO

@Suite struct TOMLFileTests {
    let scenario = """
        # Guizhou 2025
        name = "guizhou-2025"
        price_year = 2023

        [finance]
        discount_rate = 0.08   # real
        life_years = 20
        mode = "annuity"
        "tax.rate" = 0.25
        debt.share = 0.6

        [station]
        sizes_kg_per_day = [500, 1000,
                            2000]  # multi-line array
        note = \"\"\"
        [not_a_table]
        fake = 1
        \"\"\"
        subsidy = { construction_cny = 4000000, per_kg_cny = 9 }

        [[fleet]]
        class = "bus"
        count = 300

        [[fleet]]
        class = 'truck'
        count = 700
        ramp = [0.3, 0.6, 1.0]

        [[fleet.stop]]
        node = "GY"

        [policy."城市"]
        "贵阳" = 1
        """

    @Test func flattensInFileOrderWithLines() throws {
        let file = try TOMLFile(parsing: scenario, file: "scenario.toml")
        let keys = file.entries.map(\.dottedKey)
        #expect(keys == [
            "name", "price_year",
            "finance.discount_rate", "finance.life_years", "finance.mode", "finance.\"tax.rate\"", "finance.debt.share",
            "station.sizes_kg_per_day", "station.note", "station.subsidy.construction_cny", "station.subsidy.per_kg_cny",
            "fleet[0].class", "fleet[0].count",
            "fleet[1].class", "fleet[1].count", "fleet[1].ramp",
            "fleet[1].stop[0].node",
            "policy.\"城市\".\"贵阳\"",
        ])
        let lines = Dictionary(uniqueKeysWithValues: file.entries.map { ($0.dottedKey, $0.line) })
        #expect(lines["name"] == 2)
        #expect(lines["finance.discount_rate"] == 6)
        #expect(lines["finance.\"tax.rate\""] == 9)
        #expect(lines["finance.debt.share"] == 10)
        #expect(lines["station.sizes_kg_per_day"] == 13)
        #expect(lines["station.note"] == 15)
        #expect(lines["station.subsidy.per_kg_cny"] == 19)
        #expect(lines["fleet[0].count"] == 23)
        #expect(lines["fleet[1].count"] == 27)
        #expect(lines["fleet[1].ramp"] == 28)
        #expect(lines["fleet[1].stop[0].node"] == 31)
        #expect(lines["policy.\"城市\".\"贵阳\""] == 34)
    }

    /// Independent check of every line number: the line must contain the key's last part.
    @Test func everyLineHoldsItsKey() throws {
        let file = try TOMLFile(parsing: scenario, file: "scenario.toml")
        let lines = scenario.split(separator: "\n", omittingEmptySubsequences: false)
        for entry in file.entries {
            let line = try #require(entry.line)
            let leaf = TOMLKeyPath.leaf(of: entry.dottedKey).replacingOccurrences(of: "\"", with: "")
            let bare = leaf.split(separator: ".").last.map(String.init) ?? leaf
            #expect(lines[line - 1].contains(bare), "\(entry.dottedKey) at line \(line): \(lines[line - 1])")
        }
    }

    @Test func valuesAreTyped() throws {
        let file = try TOMLFile(parsing: scenario, file: "scenario.toml")
        #expect(file["price_year"]?.value == .number(2023))  // an integer literal is a number
        #expect(try file.require("finance.life_years").number() == 20)
        #expect(try file.require("finance.life_years").integer() == 20)
        #expect(try file.require("finance.discount_rate").number() == 0.08)
        #expect(try file.require("finance.mode").string() == "annuity")
        #expect(try file.require("station.sizes_kg_per_day").numbers() == [500, 1000, 2000])
        #expect(try file.require("station.note").string() == "[not_a_table]\nfake = 1\n")
        #expect(file["station.subsidy.construction_cny"]?.value == .number(4_000_000))
    }

    @Test func arraysOfTablesBecomeRecords() throws {
        let file = try TOMLFile(parsing: scenario, file: "scenario.toml")
        let fleets = file.records("fleet")
        #expect(fleets.count == 2)
        #expect(fleets.map(\.line) == [21, 25])
        #expect(try fleets[1].require("class").string() == "truck")
        #expect(try fleets[0].require("count").integer() == 300)
        #expect(fleets[1].fields == ["class", "count", "ramp", "stop[0].node"])
        #expect(file.records("fleet[1].stop").map { $0["node"]?.value } == [.string("GY")])
        #expect(file.records("nothing").isEmpty)
        let missing = #expect(throws: InputError.self) { try fleets[0].require("ramp", example: "[1.0]") }
        #expect(missing?.line == 21)
        #expect(missing?.field == "fleet[0].ramp")
        #expect(missing?.fix.contains("below this [[fleet]] header") == true)
    }

    @Test func inlineArrayOfTablesIsRecordsToo() throws {
        let text = """
            fleet = [
              { class = "bus", count = 3 },
              { class = "truck", count = 4 },
            ]
            """
        let file = try TOMLFile(parsing: text, file: "s.toml")
        let fleets = file.records("fleet")
        #expect(fleets.count == 2)
        #expect(fleets[1]["count"]?.value == .number(4))
        #expect(fleets[1]["count"]?.line == 3)
        #expect(fleets[0].line == 2)
    }

    @Test func emptyRecordStillCounts() throws {
        let file = try TOMLFile(parsing: "[[fleet]]\n[[fleet]]\ncount = 1\n", file: "s.toml")
        #expect(file.records("fleet").count == 2)
        #expect(file.records("fleet")[0].entries.isEmpty)
    }

    @Test func syntaxErrorCarriesLineAndColumn() throws {
        let text = "[finance]\ndiscount_rate = 0.08\nsubsidy = 1,000\n"
        let errors = #expect(throws: InputErrors.self) { try TOMLFile(parsing: text, file: "Models/g/scenario.toml") }
        #expect(errors?.count == 1)
        let error = try #require(errors?.first)
        #expect(error.line == 3)
        #expect(error.column != nil)
        #expect(error.description.hasPrefix("Models/g/scenario.toml:3:"))
        #expect(error.message.hasPrefix("TOML syntax error"))
    }

    @Test func chineseKeyWithoutQuotesGetsAHint() throws {
        let errors = #expect(throws: InputErrors.self) { try TOMLFile(parsing: "[policy]\n贵阳 = 1\n", file: "s.toml") }
        #expect(errors?.first?.line == 2)
        #expect(errors?.first?.fix.contains("\"贵阳\" = 1") == true, "\(errors?.first?.description ?? "")")
    }

    @Test func duplicateKeyIsASyntaxError() throws {
        let errors = #expect(throws: InputErrors.self) { try TOMLFile(parsing: "a = 1\nb = 2\na = 3\n", file: "s.toml") }
        #expect(errors?.first?.line == 3)
    }

    @Test func nonFiniteAndDatesAreAllReported() throws {
        let text = "a = nan\nb = 1\nc = inf\nd = 2024-01-01\n"
        let errors = #expect(throws: InputErrors.self) { try TOMLFile(parsing: text, file: "s.toml") }
        #expect(errors?.map(\.line) == [1, 3, 4])
        #expect(errors?.map(\.field) == ["a", "c", "d"])
    }

    @Test func wrongKindsExplainTheFix() throws {
        let file = try TOMLFile(parsing: "[finance]\nrate = \"8\"\nshare = \"60%\"\nlife = 2.5\nn = -1\n", file: "s.toml")
        let quoted = #expect(throws: InputError.self) { try file.require("finance.rate").number() }
        #expect(quoted?.line == 2)
        #expect(quoted?.message == "expected a number, found a string \"8\"")
        #expect(quoted?.fix == "remove the quotes: rate = 8")
        let percent = #expect(throws: InputError.self) { try file.require("finance.share").number() }
        #expect(percent?.fix.contains("% sign") == true)
        let fraction = #expect(throws: InputError.self) { try file.require("finance.life").integer() }
        #expect(fraction?.message.contains("not a whole number") == true)
        #expect(throws: InputError.self) { try file.require("finance.n").number() }
        #expect(try file.require("finance.n").number(allowNegative: true) == -1)
        #expect(throws: InputError.self) { try file.require("finance.rate").bool() }
    }

    @Test func missingKeyPointsAtItsTable() throws {
        let file = try TOMLFile(parsing: "name = \"x\"\n\n[finance]\nrate = 0.08\n", file: "s.toml")
        let error = #expect(throws: InputError.self) { try file.require("finance.life_years", example: "20") }
        #expect(error?.line == 3)
        #expect(error?.fix == "add the line life_years = 20 in the [finance] table")
        let top = file.missingKeyError("price_year", example: "2023")
        #expect(top.line == nil)
        #expect(top.fix.contains("at the top of the file"))
    }

    @Test func readsFilesWithBOMAndReportsMissingOnes() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("s.toml", bytes: [0xEF, 0xBB, 0xBF] + Array("a = 1\n".utf8))
        #expect(try TOMLFile.read(from: path).entries.map(\.value) == [.number(1)])
        let errors = #expect(throws: InputErrors.self) { try TOMLFile.read(from: folder.file("none.toml")) }
        #expect(errors?.first?.message == "file not found")
        #expect(errors?.first?.file == folder.file("none.toml"))
    }

    @Test func unknownKeysSuggestTheClosestKnownKey() throws {
        let text = """
            [finance]
            discount_rat = 0.08
            life_years = 20

            [[fleet]]
            cout = 3

            [station]
            discount_rate = 0.1
            zzz = 1
            """
        let file = try TOMLFile(parsing: text, file: "s.toml")
        let known: Set<String> = ["finance.discount_rate", "finance.life_years", "fleet[].count", "fleet[].class"]
        let errors = file.rejectUnknownKeys(known: known)
        #expect(errors.map(\.field) == ["finance.discount_rat", "fleet[0].cout", "station.discount_rate", "station.zzz"])
        #expect(errors.map(\.line) == [2, 6, 9, 10])
        #expect(errors[0].fix.hasPrefix("did you mean \"finance.discount_rate\"?"))
        #expect(errors[1].fix.hasPrefix("did you mean \"fleet[0].count\"?"))
        #expect(errors[2].fix.hasPrefix("did you mean \"finance.discount_rate\"?"))  // right key, wrong table
        #expect(!errors[3].fix.contains("did you mean"))
        #expect(errors[0].description.contains("s.toml:2 (field \"finance.discount_rat\"): unknown key"))
        let none = file.rejectUnknownKeys(isKnown: { _ in true }, candidates: [])
        #expect(none.isEmpty)
    }

    @Test(arguments: [
        ("kitten", "sitting", 3), ("", "abc", 3), ("rate", "rate", 0), ("ratse", "rates", 1), ("贵阳", "贵州", 1),
        ("discount_rat", "discount_rate", 1), ("ab", "ba", 1),
    ])
    func editDistances(a: String, b: String, expected: Int) {
        #expect(editDistance(a, b) == expected)
        #expect(editDistance(b, a) == expected)
    }

    @Test func keyPathHelpers() {
        #expect(TOMLKeyPath.blankingIndices("fleet[2].stop[10].node") == "fleet[].stop[].node")
        #expect(TOMLKeyPath.fillingIndices(of: "fleet[].stop[].node", from: "fleet[2].stop[10].nod") == "fleet[2].stop[10].node")
        #expect(TOMLKeyPath.parentKey(of: "a.\"b.c\".d") == "a.\"b.c\"")
        #expect(TOMLKeyPath.parentKey(of: "fleet[2]") == "fleet")
        #expect(TOMLKeyPath.parentKey(of: "fleet") == nil)
        #expect(TOMLKeyPath.render("a b") == "\"a b\"")
    }
}

@Suite struct TOMLLineIndexTests {
    /// Strings that look like syntax, comments with brackets, nested inline tables in arrays.
    let tricky = #"""
        title = "a # not a comment ] [x]"   # but this is [a comment]
        path = 'C:\data\[x]'
        text = """
        quote: \""" still inside
        key = 1
        """
        raw = '''
        [[fleet]]
        '''
        list = [ "a, b", "]", # comment ]
          'c' ]

        [ "quoted table" . inner ]
        x = 1
        nested = [ { a = { b = 2 } }, { a = { b = 3 } } ]

        [a]
        b.c = 1
        "d e".f = 2

        [[route]]
        from = "GY"
        [route.options]
        via = ["ZY"]
        [[route]]
        from = "AS"
        """#

    @Test func linesInTrickyText() throws {
        let file = try TOMLFile(parsing: tricky, file: "t.toml")
        let lines = Dictionary(uniqueKeysWithValues: file.entries.map { ($0.dottedKey, $0.line) })
        #expect(file.entries.map(\.dottedKey) == [
            "title", "path", "text", "raw", "list",
            "\"quoted table\".inner.x",
            "\"quoted table\".inner.nested[0].a.b", "\"quoted table\".inner.nested[1].a.b",
            "a.b.c", "a.\"d e\".f",
            "route[0].from", "route[0].options.via", "route[1].from",
        ])
        #expect(lines["title"] == 1)
        #expect(lines["path"] == 2)
        #expect(lines["text"] == 3)
        #expect(lines["raw"] == 7)
        #expect(lines["list"] == 10)
        #expect(lines["\"quoted table\".inner.x"] == 14)
        #expect(lines["\"quoted table\".inner.nested[1].a.b"] == 15)
        #expect(lines["a.b.c"] == 18)
        #expect(lines["a.\"d e\".f"] == 19)
        #expect(lines["route[0].from"] == 22)
        #expect(lines["route[0].options.via"] == 24)
        #expect(lines["route[1].from"] == 26)
        #expect(file.records("route").map(\.line) == [21, 25])
        #expect(try file.require("text").string() == "quote: \"\"\" still inside\nkey = 1\n")
        #expect(file.records("\"quoted table\".inner.nested").count == 2)
    }
}

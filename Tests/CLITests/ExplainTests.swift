// `explain`: every catalogue parameter once, with its origin (catalogue, file:line, --set),
// basis and filters (DESIGN §4, §2.8).
import Foundation
import Testing

/// `table.key` → line for every parameter line of a scenario.toml, found by reading the file
/// as text (independent of the TOML reader). [scenario] and [cost] are not parameters.
/// Parameter keys set in a scenario.toml (tables that are not the run's own settings), by line.
func parameterLines(_ scenarioFolder: String) throws -> [String: Int] {
    let text = try String(contentsOfFile: scenarioFolder + "/scenario.toml", encoding: .utf8)
    var table = ""
    var lines: [String: Int] = [:]
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("[") {
            table = String(line.dropFirst().prefix { $0 != "]" })
        } else if !line.hasPrefix("#"), let equals = line.firstIndex(of: "="), !["scenario", "cost", "placement", "plan"].contains(table) {
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            lines["\(table).\(key)"] = index + 1
        }
    }
    return lines
}

func explain(_ arguments: [String], in folder: TemporaryFolder? = nil) throws -> (CLIResult, CSVRows) {
    let result = try CLI.run(["explain"] + arguments, in: folder)
    return (result, CSVRows(result.stdout))
}

@Suite("explain")
struct ExplainTests {
    static let header = ["key", "value", "unit", "origin", "basis", "low", "high", "ref", "description", "source"]

    /// The `ref` column joins to the reference dataset: every ref names a row of
    /// Notebooks-data/cost_parameters.csv, and most catalogue values have one.
    @Test func refJoinsTheReferenceDataset() throws {
        let (result, catalogue) = try explain(["none"])
        #expect(result.exitCode == 0)
        let dataset = CSVRows(try String(contentsOfFile: CLI.packageRoot.path + "/Notebooks-data/cost_parameters.csv", encoding: .utf8))
        let rows = Set(dataset.values("parameter"))
        let refs = catalogue.values("ref").filter { !$0.isEmpty }
        #expect(refs.count >= 70, "only \(refs.count) parameters carry a ref")
        for ref in refs { #expect(rows.contains(ref), "ref \(ref) is not a row of cost_parameters.csv") }
    }

    @Test(arguments: ["guizhou-2025", "zhejiang-2025", "fujian-2025", "yunnan-2025"])
    func everyParameterOnceWithItsOrigin(_ name: String) throws {
        let (catalogueRun, catalogue) = try explain(["none"])
        #expect(catalogueRun.exitCode == 0)
        #expect(catalogue.header == Self.header)
        #expect(catalogue.rows.count > 100, "the catalogue has \(catalogue.rows.count) parameters")
        #expect(catalogue.values("origin").allSatisfy { $0 == "catalogue" })

        let folder = CLI.model(name)
        let (result, scenario) = try explain([folder])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(scenario.header == Self.header)
        let keys = scenario.values("key")
        #expect(keys == catalogue.values("key"), "same parameters in the same order as the catalogue")
        #expect(Set(keys).count == keys.count, "a key is listed twice")
        #expect(scenario.rows.allSatisfy { $0.count == Self.header.count })

        let set = try parameterLines(folder)
        #expect(!set.isEmpty)
        for row in scenario.rows {
            let key = row[0], origin = row[3]
            if let line = set[key] {
                #expect(origin == "\(folder)/scenario.toml:\(line)", "\(key)")
            } else {
                #expect(origin == "catalogue", "\(key) has origin \(origin) but the scenario does not set it")
            }
        }
        #expect(Set(set.keys).isSubset(of: Set(keys)), "scenario keys missing from explain: \(Set(set.keys).subtracting(keys))")
        #expect(Set(scenario.values("basis")).isSubset(of: ["REPORTED", "DERIVED", "ESTIMATE"]))
    }

    @Test func guizhouGridPricePointsAtItsLine() throws {
        let folder = CLI.model("guizhou-2025")
        let text = try String(contentsOfFile: folder + "/scenario.toml", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("grid_price_cny_per_kwh") }) + 1
        let (_, csv) = try explain([folder, "--key", "electricity.grid_price_cny_per_kwh"])
        let row = try #require(csv.row(where: "key", is: "electricity.grid_price_cny_per_kwh"))
        #expect(row["origin"] == "\(folder)/scenario.toml:\(line)")
        #expect(row["value"] == "0.45")
        #expect(row["basis"] == "ESTIMATE", "the scenario states its basis")
        #expect(row["source"]?.hasPrefix("A.electricity_price_guizhou_industrial") == true)
    }

    @Test func setShowsItsOrigin() throws {
        let (result, csv) = try explain([CLI.model("guizhou-2025"), "--set", "electricity.grid_price_cny_per_kwh=0.5",
                                         "--set", "finance.discount_rate_pct=6"])
        #expect(result.exitCode == 0)
        #expect(csv.row(where: "key", is: "electricity.grid_price_cny_per_kwh")?["origin"] == "--set")
        #expect(csv.row(where: "key", is: "electricity.grid_price_cny_per_kwh")?["value"] == "0.5")
        #expect(csv.row(where: "key", is: "finance.discount_rate_pct")?["origin"] == "--set")
        #expect(csv.values("origin").filter { $0 == "--set" }.count == 2)
    }

    @Test func overrideFileShowsItsOrigin() throws {
        let file = CLI.fixture("overrides/high-ammonia.toml")
        let (result, csv) = try explain([CLI.model("guizhou-2025"), "--overrides", file])
        #expect(result.exitCode == 0)
        #expect(csv.row(where: "key", is: "ammonia.price_cny_per_t")?["origin"] == "\(file):2")
        #expect(csv.row(where: "key", is: "ammonia.price_cny_per_t")?["value"] == "4500")
    }

    @Test(arguments: ["ESTIMATE", "REPORTED", "DERIVED", "estimate"])
    func basisFilterKeepsOnlyThatBasis(_ basis: String) throws {
        let folder = CLI.model("zhejiang-2025")
        let (_, all) = try explain([folder])
        let (result, filtered) = try explain([folder, "--basis", basis])
        #expect(result.exitCode == 0)
        #expect(filtered.header == Self.header)
        #expect(!filtered.rows.isEmpty)
        #expect(filtered.values("basis").allSatisfy { $0 == basis.uppercased() })
        #expect(filtered.rows == all.rows.filter { $0[4] == basis.uppercased() })
    }

    @Test(arguments: ["electricity.", "finance.", "station.capex", "ammonia.price_cny_per_t"])
    func keyFilterKeepsThePrefix(_ prefix: String) throws {
        let folder = CLI.model("guizhou-2025")
        let (_, all) = try explain([folder])
        let (result, filtered) = try explain([folder, "--key", prefix])
        #expect(result.exitCode == 0)
        #expect(!filtered.rows.isEmpty)
        #expect(filtered.rows == all.rows.filter { $0[0].hasPrefix(prefix) })
    }

    @Test func unknownPrefixIsAUsageError() throws {
        let folder = TemporaryFolder()
        let (result, _) = try explain([CLI.model("guizhou-2025"), "--key", "electricty.", "--out", "explain.csv"], in: folder)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("\"electricty.\""))
        #expect(folder.listing.isEmpty)
    }

    @Test func unknownBasisIsAUsageError() throws {
        let folder = TemporaryFolder()
        let (result, _) = try explain([CLI.model("guizhou-2025"), "--basis", "GUESSED", "--out", "explain.csv"], in: folder)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("--basis GUESSED"))
        #expect(result.stderr.contains("REPORTED, DERIVED or ESTIMATE"))
        #expect(folder.listing.isEmpty)
    }

    /// A prefix that exists combined with a basis none of its keys has is an empty answer, not
    /// "no parameter starts with …" (which is false).
    @Test func validFiltersThatSelectNothingGiveAnEmptyTable() throws {
        let (all, _) = try explain(["none", "--key", "finance.nominal"])
        #expect(all.exitCode == 0)
        let (result, csv) = try explain(["none", "--key", "finance.nominal", "--basis", "REPORTED"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(csv.header == Self.header)
        #expect(csv.rows.isEmpty)
    }

    @Test func outFileAndBOM() throws {
        let folder = TemporaryFolder()
        let (toStdout, _) = try explain([CLI.model("zhejiang-2025")])
        let (toFile, _) = try explain([CLI.model("zhejiang-2025"), "--out", "explain.csv", "--bom"], in: folder)
        #expect(toFile.exitCode == 0 && toFile.stdoutBytes.isEmpty)
        #expect(folder.read("explain.csv") == [0xEF, 0xBB, 0xBF] + toStdout.stdoutBytes)
    }

    /// Layers from weakest to strongest: scenario, override file, --set. A relative override
    /// path is taken from the working folder and shown as written.
    @Test func strongerLayersWinAndSayWhere() throws {
        let folder = TemporaryFolder()
        folder.write("dear-power.toml", "# planner's override\n[electricity]\ngrid_price_cny_per_kwh = 0.7\n")
        let scenario = CLI.model("guizhou-2025")
        let (fileRun, fileWins) = try explain([scenario, "--overrides", "dear-power.toml", "--key", "electricity.grid"], in: folder)
        #expect(fileRun.exitCode == 0, "\(fileRun.stderr)")
        #expect(fileWins.row(where: "key", is: "electricity.grid_price_cny_per_kwh")?["origin"] == "dear-power.toml:3")
        #expect(fileWins.row(where: "key", is: "electricity.grid_price_cny_per_kwh")?["value"] == "0.7")
        let (_, setWins) = try explain([scenario, "--overrides", "dear-power.toml", "--key", "electricity.grid",
                                        "--set", "electricity.grid_price_cny_per_kwh=0.8"], in: folder)
        #expect(setWins.row(where: "key", is: "electricity.grid_price_cny_per_kwh")?["origin"] == "--set")
        #expect(setWins.row(where: "key", is: "electricity.grid_price_cny_per_kwh")?["value"] == "0.8")
        #expect(folder.listing == ["dear-power.toml"], "explain to stdout writes no file")
    }
}

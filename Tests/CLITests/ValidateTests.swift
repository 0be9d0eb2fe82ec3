// `validate` checks a scenario and lists every problem at once (DESIGN §4).
import Foundation
import Testing

@Suite("validate")
struct ValidateTests {
    @Test(arguments: ["guizhou-2025", "zhejiang-2025", "fujian-2025", "yunnan-2025"])
    func flagshipScenariosAreValid(_ name: String) throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["validate", CLI.model(name)], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("valid"))
        #expect(result.stderr.isEmpty)
        #expect(folder.listing.isEmpty, "validate runs nothing and writes nothing")
    }

    /// Each fixture and the number of mistakes planted in it.
    @Test(arguments: [
        ("unknown-key", 1), ("wrong-type", 1), ("negative-value", 1), ("nan-value", 1), ("syntax-error", 1),
        ("unknown-basis", 1), ("unknown-production", 1), ("tou-hours", 1), ("no-scenario-file", 1), ("three-mistakes", 3),
    ])
    func everyProblemIsListed(_ fixture: String, mistakes: Int) throws {
        let result = try CLI.run(["validate", CLI.fixture(fixture)])
        #expect(result.exitCode == 65)
        let file = CLI.fixture(fixture + "/scenario.toml")
        let problemLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix(file) }
        #expect(problemLines.count == mistakes, "\(result.stderr)")
        // Each fixture holds only scenario.toml: the five required tables are missing too.
        let missingTables = ["nodes.csv", "edges.csv", "vehicle_classes.csv", "fleets.csv", "sources.csv"]
        for table in missingTables {
            #expect(result.stderr.contains(CLI.fixture(fixture + "/" + table) + ": file not found"), "\(result.stderr)")
        }
        let summary = "\(mistakes + missingTables.count) problems found."
        #expect(result.stderr.hasSuffix(summary + "\n"), "\(result.stderr)")
    }

    /// The three mistakes are on lines 6, 7 and 10, each with its field and a fix.
    @Test func threeMistakesAreEachLocated() throws {
        let result = try CLI.run(["validate", CLI.fixture("three-mistakes")])
        let file = CLI.fixture("three-mistakes/scenario.toml")
        let expected = [
            ("\(file):6 (field \"electricity.grid_prise_cny_per_kwh\")", "did you mean \"electricity.grid_price_cny_per_kwh\"?"),
            ("\(file):7 (field \"electricity.surplus_price_cny_per_kwh\")", "Fix: write a number without quotes"),
            ("\(file):10 (field \"ammonia.price_cny_per_t\")", "Fix: give a value ≥ 0"),
        ]
        let lines = result.stderr.split(separator: "\n").map(String.init)
        for (place, fix) in expected {
            let line = lines.first { $0.hasPrefix(place) }
            #expect(line != nil, "no problem reported at \(place):\n\(result.stderr)")
            #expect(line?.contains(fix) == true, "\(line ?? "")")
        }
    }

    /// An override file that is fine is counted in the summary; a bad one fails the scenario.
    @Test func overrideFilesAreValidatedToo() throws {
        let good = try CLI.run(["validate", CLI.model("guizhou-2025"), "--overrides", CLI.fixture("overrides/high-ammonia.toml")])
        #expect(good.exitCode == 0, "\(good.stderr)")
        #expect(good.stdout.contains("10 files read"), "\(good.stdout)")  // scenario.toml, the override and the 8 tables (existing_stations.csv too)
        let bad = try CLI.run(["validate", CLI.model("guizhou-2025"), "--overrides", CLI.fixture("overrides/bad-key.toml")])
        #expect(bad.exitCode == 65)
    }

    @Test func quietValidatePrintsNothing() throws {
        let result = try CLI.run(["validate", CLI.model("zhejiang-2025"), "--quiet"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
    }
}

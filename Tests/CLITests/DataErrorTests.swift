// Exit code 65 (DESIGN §4, §6 Reliability): a bad scenario or override file is reported with
// file, line, field and fix, by every command that reads it, and nothing is written.
import Foundation
import Testing

/// A scenario (and override files) with a deliberate mistake, from Tests/CLITests/Fixtures.
struct DataCase: Sendable, CustomTestStringConvertible {
    var name: String
    var scenario: String
    var overrides: [String] = []
    /// Fragments the message must contain: place (file:line, field) and fix.
    var mentions: [String]
    var testDescription: String { name }

    var scenarioArguments: [String] { overrides.flatMap { ["--overrides", CLI.fixture($0)] } }
}

let dataCases: [DataCase] = [
    DataCase(name: "unknown key", scenario: CLI.fixture("unknown-key"),
             mentions: [CLI.fixture("unknown-key/scenario.toml") + ":6", "electricity.grid_prise_cny_per_kwh",
                        "did you mean \"electricity.grid_price_cny_per_kwh\"?"]),
    DataCase(name: "text where a number belongs", scenario: CLI.fixture("wrong-type"),
             mentions: [CLI.fixture("wrong-type/scenario.toml") + ":6", "electricity.grid_price_cny_per_kwh",
                        "expected a number", "cheap", "Fix: write a number without quotes"]),
    DataCase(name: "negative value", scenario: CLI.fixture("negative-value"),
             mentions: [CLI.fixture("negative-value/scenario.toml") + ":6", "ammonia.price_cny_per_t", "-3600",
                        "must be at least 0", "Fix: give a value ≥ 0"]),
    DataCase(name: "nan", scenario: CLI.fixture("nan-value"),
             mentions: [CLI.fixture("nan-value/scenario.toml") + ":6", "electricity.grid_price_cny_per_kwh", "nan",
                        "Fix: write the actual value"]),
    DataCase(name: "TOML syntax error", scenario: CLI.fixture("syntax-error"),
             mentions: [CLI.fixture("syntax-error/scenario.toml") + ":6:", "syntax error", "Fix: correct this line"]),
    DataCase(name: "unknown basis", scenario: CLI.fixture("unknown-basis"),
             mentions: [CLI.fixture("unknown-basis/scenario.toml") + ":6", "electricity.grid_price_cny_per_kwh.basis",
                        "GUESSED", "Fix: write REPORTED, DERIVED or ESTIMATE"]),
    DataCase(name: "unknown cost.production", scenario: CLI.fixture("unknown-production"),
             mentions: [CLI.fixture("unknown-production/scenario.toml") + ":6", "cost.production", "fusion",
                        "Fix: use one of byproduct"]),
    DataCase(name: "time-of-use hours not 24", scenario: CLI.fixture("tou-hours"),
             mentions: [CLI.fixture("tou-hours/scenario.toml"), "26 h, not 24 h", "electricity.tou_flat_hours"]),
    DataCase(name: "missing scenario folder", scenario: CLI.fixture("does-not-exist"),
             mentions: [CLI.fixture("does-not-exist/scenario.toml"), "not found", "Fix: check the name and folder"]),
    DataCase(name: "folder without scenario.toml", scenario: CLI.fixture("no-scenario-file"),
             mentions: [CLI.fixture("no-scenario-file/scenario.toml"), "not found", "Fix: check the name and folder"]),
    DataCase(name: "override file with a bad key", scenario: CLI.model("guizhou-2025"), overrides: ["overrides/bad-key.toml"],
             mentions: [CLI.fixture("overrides/bad-key.toml") + ":3", "ammonia.prize_cny_per_t",
                        "did you mean \"ammonia.price_cny_per_t\"?"]),
    DataCase(name: "two override files set one key", scenario: CLI.model("guizhou-2025"),
             overrides: ["overrides/high-ammonia.toml", "overrides/low-ammonia.toml"],
             mentions: [CLI.fixture("overrides/high-ammonia.toml") + ":2", CLI.fixture("overrides/low-ammonia.toml") + ":2",
                        "ammonia.price_cny_per_t", "set twice", "Fix: keep one"]),
    DataCase(name: "missing override file", scenario: CLI.model("guizhou-2025"), overrides: ["overrides/absent.toml"],
             mentions: [CLI.fixture("overrides/absent.toml"), "not found"]),
]

/// The commands that read a scenario, with the arguments that name it.
let scenarioCommands: [String] = ["cost", "validate", "explain"]

func commandLine(_ command: String, _ c: DataCase) -> [String] {
    switch command {
    case "cost": ["cost", "--scenario", c.scenario, "--out", "result.csv"] + c.scenarioArguments
    case "explain": ["explain", c.scenario, "--out", "result.csv"] + c.scenarioArguments
    default: [command, c.scenario] + c.scenarioArguments
    }
}

@Suite("Data errors exit 65")
struct DataErrorTests {
    @Test(arguments: dataCases, scenarioCommands)
    func badInputIsReportedWithPlaceAndFix(_ c: DataCase, command: String) throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(commandLine(command, c), in: folder)
        #expect(result.exitCode == 65, "\(result.stderr)")
        for fragment in c.mentions {
            #expect(result.stderr.contains(fragment), "stderr lacks \"\(fragment)\":\n\(result.stderr)")
        }
        // validate reads the whole folder as run does: a fixture folder holding only
        // scenario.toml also lacks the five required tables.
        let tablesMissing = command == "validate" && c.scenario.hasPrefix(CLI.fixture("")) && c.name != "missing scenario folder"
        let summary = tablesMissing ? "6 problems found.\n" : "1 problem found.\n"
        #expect(result.stderr.hasSuffix(summary), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(folder.listing.isEmpty, "a failed run wrote \(folder.listing)")
    }

    /// A cross-parameter problem should point at the line that makes the sum wrong
    /// (tou_flat_hours = 8 on line 6), as a single-value problem does.
    @Test func timeOfUseProblemNamesTheLine() throws {
        let result = try CLI.run(["validate", CLI.fixture("tou-hours")])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains(CLI.fixture("tou-hours/scenario.toml") + ":6"))
        #expect(result.stderr.contains("field \"electricity.tou_flat_hours\""))
    }
}

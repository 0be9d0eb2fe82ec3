// `init` writes a scenario that validates and runs; `validate` refuses each planted mistake
// with file, row and field (issue 10), and fails exactly when `run` fails on its input.
import Foundation
import Testing

/// One mistake planted in the `init` scenario: the edit, and where the message must point.
struct ScenarioMistake: Sendable, CustomTestStringConvertible {
    var name: String
    /// File to edit (relative to the scenario folder) and its new text; nil removes the file.
    var file: String
    var edit: @Sendable (String) -> String?
    /// Fragments the message must contain besides the file's path: row, field, fix.
    var mentions: [String]
    var testDescription: String { name }
}

/// Replaces the first occurrence of `old` in a file's text (the test fails if it is absent,
/// because the message check then finds nothing).
func replacing(_ old: String, _ new: String) -> @Sendable (String) -> String? {
    { text in text.replacingOccurrences(of: old, with: new) }
}

let scenarioMistakes: [ScenarioMistake] = [
    ScenarioMistake(name: "empty folder", file: "", edit: { _ in nil }, mentions: ["scenario.toml", "nodes.csv", "fleets.csv", "not found", "6 problems found."]),
    ScenarioMistake(name: "missing scenario.toml", file: "scenario.toml", edit: { _ in nil }, mentions: ["not found", "Fix:"]),
    ScenarioMistake(name: "missing nodes.csv", file: "nodes.csv", edit: { _ in nil }, mentions: ["not found", "Fix:"]),
    ScenarioMistake(name: "missing edges.csv", file: "edges.csv", edit: { _ in nil }, mentions: ["not found", "Fix:"]),
    ScenarioMistake(name: "missing vehicle_classes.csv", file: "vehicle_classes.csv", edit: { _ in nil }, mentions: ["not found", "Fix:"]),
    ScenarioMistake(name: "missing fleets.csv", file: "fleets.csv", edit: { _ in nil }, mentions: ["not found", "Fix:"]),
    ScenarioMistake(name: "missing sources.csv", file: "sources.csv", edit: { _ in nil }, mentions: ["not found", "Fix:"]),
    ScenarioMistake(name: "unknown node in edges.csv", file: "edges.csv", edit: replacing("GZ_AS,GZ_LZ,61.1", "GZ_AS,GZ_XX,61.1"),
                    mentions: ["row 4", "from/to", "GZ_XX"]),
    ScenarioMistake(name: "unknown node in fleets.csv", file: "fleets.csv", edit: replacing("60,GZ_GY,", "60,GZ_GYY,"),
                    mentions: ["row 1", "field \"home\"", "unknown node \"GZ_GYY\"", "did you mean \"GZ_GY\"?"]),
    ScenarioMistake(name: "unknown node in sources.csv", file: "sources.csv", edit: replacing(",GZ_LZ,byproduct", ",GZ_L,byproduct"),
                    mentions: ["row 1", "field \"node\"", "unknown node \"GZ_L\""]),
    ScenarioMistake(name: "unknown node in candidates.csv", file: "candidates.csv", edit: { _ in "node\nGZ_GY\nGZ_NOWHERE\n" },
                    mentions: ["row 2", "field \"node\"", "unknown node \"GZ_NOWHERE\""]),
    ScenarioMistake(name: "unknown node in existing_stations.csv", file: "existing_stations.csv", edit: { _ in "id,node,opened\nold-1,GZ_QQ,2022\n" },
                    mentions: ["row 1", "field \"node\"", "unknown node \"GZ_QQ\""]),
    ScenarioMistake(name: "negative edge length", file: "edges.csv", edit: replacing("GZ_GY,GZ_QZ,25.3", "GZ_GY,GZ_QZ,-25.3"),
                    mentions: ["row 2", "field \"km\""]),
    ScenarioMistake(name: "zero edge length", file: "edges.csv", edit: replacing("GZ_GY,GZ_QZ,25.3", "GZ_GY,GZ_QZ,0"),
                    mentions: ["row 2", "field \"km\""]),
    ScenarioMistake(name: "unknown vehicle class", file: "fleets.csv", edit: replacing("depot,bus_12m,", "depot,bus_13m,"),
                    mentions: ["row 1", "field \"vehicle_class\"", "unknown vehicle class \"bus_13m\"", "did you mean \"bus_12m\"?"]),
    ScenarioMistake(name: "zero range", file: "vehicle_classes.csv", edit: replacing("7.6,25,306,35", "7.6,25,0,35"),
                    mentions: ["row 1", "field \"range_km\""]),
    ScenarioMistake(name: "unknown pathway", file: "sources.csv", edit: replacing(",grid-electrolysis,500", ",fusion,500"),
                    mentions: ["row 2", "field \"pathway\"", "\"fusion\" is not a source pathway", "Fix: use one of byproduct"]),
    ScenarioMistake(name: "unknown objective", file: "scenario.toml", edit: replacing("objective = \"least-cost\"", "objective = \"least-cots\""),
                    mentions: ["field \"placement.objective\"", "unknown objective \"least-cots\"", "Fix: write least-cost"]),
    ScenarioMistake(name: "non-numeric cell", file: "fleets.csv", edit: replacing("depot,bus_12m,60,", "depot,bus_12m,sixty,"),
                    mentions: ["row 1", "field \"vehicles\"", "sixty"]),
    ScenarioMistake(name: "empty table", file: "sources.csv", edit: { text in String(text.prefix { $0 != "\n" }) + "\n" },
                    mentions: ["no data rows"]),
    ScenarioMistake(name: "unknown basis tag", file: "edges.csv", edit: replacing(",DERIVED,", ",GUESSED,"),
                    mentions: ["row 1", "field \"basis\"", "Fix: write REPORTED, DERIVED or ESTIMATE"]),
]

@Suite("init, validate and run agree")
struct ScenarioCheckTests {
    /// `init DIR`, `validate DIR`, `run DIR --out OUT`, all in a temporary folder.
    @Test func initScenarioValidatesAndRuns() throws {
        let folder = TemporaryFolder()
        let made = try CLI.run(["init", "draft", "--province", "Fujian"], in: folder)
        #expect(made.exitCode == 0, "\(made.stderr)")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.file("draft"))) ?? []
        #expect(Set(files).isSuperset(of: ["scenario.toml", "nodes.csv", "edges.csv", "vehicle_classes.csv", "fleets.csv", "sources.csv"]), "\(files)")
        let valid = try CLI.run(["validate", "draft", "--strict"], in: folder)
        #expect(valid.exitCode == 0, "\(valid.stderr)")
        #expect(valid.stdout.contains("valid (6 files read"), "\(valid.stdout)")
        #expect(valid.stderr.isEmpty, "no warnings: \(valid.stderr)")
        let run = try CLI.run(["run", "draft", "--out", "out"], in: folder, timeout: 120)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let summary = String(decoding: folder.read("out/summary.csv") ?? [], as: UTF8.self)
        let rows = summary.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 2, "\(summary)")
        if rows.count == 2, let status = rows[0].firstIndex(of: "status"), let unserved = rows[0].firstIndex(of: "unserved_fleets"),
           let vehicles = rows[0].firstIndex(of: "vehicles") {
            #expect(rows[1][status] == "optimal")
            #expect(rows[1][unserved] == "0", "both fleets served")
            #expect(rows[1][vehicles] == "135", "60 buses and 30 trucks, ×1.5 by 2030")
        }
        // The province given is the scenario's; a folder that exists is not overwritten.
        let toml = String(decoding: folder.read("draft/scenario.toml") ?? [], as: UTF8.self)
        #expect(toml.contains("province = \"Fujian\""))
        let again = try CLI.run(["init", "draft"], in: folder)
        #expect(again.exitCode == 64, "\(again.stderr)")
    }

    /// Each planted mistake: validate exits 65 naming the file, the row and the field; run
    /// fails the same way, so validate's all-clear is never false and never too strict.
    @Test(arguments: scenarioMistakes)
    func validateAndRunRefuseEachMistake(_ m: ScenarioMistake) throws {
        let folder = TemporaryFolder()
        let scenario = try plant(m, in: folder)
        let validate = try CLI.run(["validate", scenario], in: folder)
        #expect(validate.exitCode == 65, "\(validate.stderr)")
        if !m.file.isEmpty {
            #expect(validate.stderr.contains(scenario + "/" + m.file), "names the file: \(validate.stderr)")
        }
        for fragment in m.mentions {
            #expect(validate.stderr.contains(fragment), "stderr lacks \"\(fragment)\":\n\(validate.stderr)")
        }
        let run = try CLI.run(["run", scenario, "--out", "out"], in: folder, timeout: 120)
        #expect(run.exitCode == validate.exitCode, "validate \(validate.exitCode), run \(run.exitCode): \(run.stderr)")
        #expect(run.stderr == validate.stderr, "run and validate report the same problems")
        #expect(!folder.listing.contains("out"), "a refused run writes nothing")
    }

    /// The converse: on a scenario validate accepts (with a warning), run does not fail on input.
    @Test func aWarningIsNotAFailure() throws {
        let folder = TemporaryFolder()
        let m = ScenarioMistake(name: "tariff in CNY/MWh", file: "scenario.toml",
                                edit: replacing("grid_price_cny_per_kwh = { value = 0.5,", "grid_price_cny_per_kwh = { value = 500,"), mentions: [])
        let scenario = try plant(m, in: folder)
        let validate = try CLI.run(["validate", scenario], in: folder)
        #expect(validate.exitCode == 0, "\(validate.stderr)")
        #expect(validate.stderr.contains("warning: ") && validate.stderr.contains("electricity.grid_price_cny_per_kwh")
                && validate.stderr.contains("more than 3 times above the catalogue's high"), "\(validate.stderr)")
        let strict = try CLI.run(["validate", scenario, "--strict"], in: folder)
        #expect(strict.exitCode == 65, "\(strict.stderr)")
        #expect(strict.stderr.contains("electricity.grid_price_cny_per_kwh"), "\(strict.stderr)")
        let run = try CLI.run(["run", scenario, "--out", "out", "--strict"], in: folder, timeout: 120)
        #expect(run.exitCode == 65, "run --strict refuses what validate --strict refuses: \(run.stderr)")
    }

    /// Other plausibility warnings: a design year before 2000, an empty scenario.toml, a
    /// column the loader does not read (with the column it was probably meant to be).
    @Test(arguments: [
        ("scenario.toml", "periods = [2025, 2030]", "design_year = 1995", "design year 1995 is before 2000"),
        ("fleets.csv", ",basis,reasoning", ",basis,reasonning", "column \"reasonning\" is not read by h2corridor. Fix: did you mean \"reasoning\"?"),
    ])
    func plausibilityWarnings(file: String, old: String, new: String, message: String) throws {
        let folder = TemporaryFolder()
        let scenario = try plant(ScenarioMistake(name: message, file: file, edit: replacing(old, new), mentions: []), in: folder)
        let validate = try CLI.run(["validate", scenario], in: folder)
        #expect(validate.stderr.contains(message), "\(validate.stderr)")
        if file == "scenario.toml" {
            #expect(validate.exitCode == 0, "\(validate.stderr)")
            #expect(try CLI.run(["validate", scenario, "--strict"], in: folder).exitCode == 65)
        }
    }

    @Test func anEmptyScenarioTomlIsAWarning() throws {
        let folder = TemporaryFolder()
        let scenario = try plant(ScenarioMistake(name: "empty", file: "scenario.toml", edit: { _ in "" }, mentions: []), in: folder)
        let validate = try CLI.run(["validate", scenario], in: folder)
        #expect(validate.exitCode == 0, "\(validate.stderr)")
        #expect(validate.stderr.contains("scenario.toml is empty"), "\(validate.stderr)")
        #expect(try CLI.run(["validate", scenario, "--strict"], in: folder).exitCode == 65)
    }

    /// The minimal complete scenario of docs/SCENARIO.md, as printed there, validates and runs.
    @Test func theReferencesMinimalScenarioRuns() throws {
        let doc = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/SCENARIO.md"), encoding: .utf8)
        let section = try #require(doc.components(separatedBy: "## A minimal complete scenario").last)
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("mini"), withIntermediateDirectories: true)
        // Each file is a line "`name`:" followed by a fenced block.
        let lines = section.components(separatedBy: "\n")
        var written: [String] = []
        var i = 0
        while i < lines.count {
            if lines[i].hasPrefix("`"), lines[i].hasSuffix("`:"), i + 2 < lines.count, lines[i + 2].hasPrefix("```") {
                let name = String(lines[i].dropFirst().dropLast(2))
                var body: [String] = []
                var j = i + 3
                while j < lines.count, !lines[j].hasPrefix("```") { body.append(lines[j]); j += 1 }
                folder.write("mini/" + name, body.joined(separator: "\n") + "\n")
                written.append(name)
                i = j
            }
            i += 1
        }
        #expect(Set(written) == ["scenario.toml", "nodes.csv", "edges.csv", "vehicle_classes.csv", "fleets.csv", "sources.csv"], "\(written)")
        let valid = try CLI.run(["validate", "mini", "--strict"], in: folder)
        #expect(valid.exitCode == 0, "\(valid.stderr)")
        let run = try CLI.run(["run", "mini", "--out", "out", "--no-xlsx"], in: folder, timeout: 120)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(String(decoding: folder.read("out/summary.csv") ?? [], as: UTF8.self).contains(",optimal,"))
    }

    /// Writes the init scenario into `folder/s` and applies the mistake; returns the scenario path.
    func plant(_ m: ScenarioMistake, in folder: TemporaryFolder) throws -> String {
        let made = try CLI.run(["init", "s"], in: folder)
        try #require(made.exitCode == 0, "\(made.stderr)")
        let scenario = folder.file("s")
        if m.file.isEmpty {
            for name in try FileManager.default.contentsOfDirectory(atPath: scenario) { try FileManager.default.removeItem(atPath: scenario + "/" + name) }
            return scenario
        }
        let path = scenario + "/" + m.file
        let old = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if let new = m.edit(old) {
            try #require(new != old || old.isEmpty, "the edit of \(m.file) changed nothing")
            try Data(new.utf8).write(to: URL(fileURLWithPath: path))
        } else {
            try FileManager.default.removeItem(atPath: path)
        }
        return scenario
    }
}

// `--help` with examples (DESIGN §4), and the list of subcommands pinned in one place.
import Foundation
import Testing

/// The subcommands the root help must list, in order. Adding a command is one line here.
let expectedSubcommands = [
    "run",
    "cost",
    "place",
    "validate",
    "explain",
    "sweep",
    "tornado",
    "montecarlo",
    "sobol",
    "merge",
    "verify",
]

/// The names in the SUBCOMMANDS section of a help text.
func listedSubcommands(_ help: String) -> [String] {
    let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("SUBCOMMANDS:") }) else { return [] }
    var names: [String] = []
    for line in lines[(start + 1)...] {
        if line.isEmpty || !line.hasPrefix(" ") { if !names.isEmpty { break } else { continue } }
        // A command line is indented by two spaces; wrapped abstracts are indented further.
        guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
        names.append(String(line.dropFirst(2).prefix { $0 != " " }))
    }
    return names.filter { $0 != "help" }
}

@Suite("help")
struct HelpTests {
    @Test func rootHelpListsTheSubcommandsAndExamples() throws {
        let result = try CLI.run(["--help"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("Examples"))
        #expect(result.stdout.contains("Exit codes"))
        #expect(listedSubcommands(result.stdout) == expectedSubcommands, "\(result.stdout)")
    }

    @Test(arguments: expectedSubcommands)
    func subcommandHelpHasExamples(_ command: String) throws {
        let result = try CLI.run([command, "--help"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("Examples"), "\(command) --help has no examples")
        #expect(result.stdout.contains("h2corridor \(command)"), "examples show the command itself")
        #expect(result.stderr.isEmpty)
    }

    @Test func costHelpNamesEveryOption() throws {
        let result = try CLI.run(["cost", "--help"])
        for option in ["--production", "--delivery", "--distance-km", "--station-kg-per-day", "--utilization",
                       "--pressure-mpa", "--finance", "--compare", "--out", "--set", "--overrides", "--quiet", "--bom"] {
            #expect(result.stdout.contains(option), "cost --help lacks \(option)")
        }
    }

    @Test func versionPrints() throws {
        let result = try CLI.run(["--version"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.split(separator: ".").count == 3, "\(result.stdout)")
    }
}

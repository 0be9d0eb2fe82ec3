// `h2corridor validate`: read a scenario exactly as `run` reads it and report every problem;
// run nothing. Valid here means `run` will not fail on its input (it may still find that the
// demand cannot be served: that is a result, exit 3, not an input error).
import ArgumentParser
import H2IO
import H2Model

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario folder and report every problem with file, line and field.",
        discussion: """
        Reads every file of the scenario (scenario.toml, override files, nodes, edges, vehicle \
        classes, fleets, sources, candidates, existing stations, policies) with the loader `run` \
        uses, and lists every problem of every file at once. Plausibility warnings (a value more \
        than 3 times outside the catalogue's range, a design year before 2000, an empty \
        scenario.toml, a column h2corridor does not read) go to stderr and leave the exit code 0; \
        --strict makes them errors. docs/SCENARIO.md describes every file.

        Exit code 0 when the scenario is valid, 65 when a file has problems, 64 for a bad option.

        Examples:
          h2corridor validate Models/guizhou-2025
          h2corridor validate Models/zhejiang-2025 --overrides high-electricity.toml --strict
        """)

    @Argument(help: ArgumentHelp("Scenario folder.", valueName: "scenario"), completion: .directory)
    var scenario = "Models/guizhou-2025"

    @OptionGroup var overrides: ScenarioOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try loadScenario(scenario, overrides, content: .everything, quiet: output.quiet)
        if !output.quiet {
            let count = loaded.parameters.overridden.count
            let warnings = loaded.warnings.isEmpty ? "" : ", \(loaded.warnings.count) warning\(loaded.warnings.count == 1 ? "" : "s")"
            print("\(scenario): valid (\(loaded.inputs.count) files read, \(count) parameter\(count == 1 ? "" : "s") overridden\(warnings))")
        }
    }
}

// `h2corridor validate`: check a scenario and report every problem; run nothing.
import ArgumentParser
import Foundation
import H2IO
import H2Model

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario folder and report every problem with file, line and field.",
        discussion: """
        Exit code 0 when the scenario is valid, 65 when a file has problems, 64 for a bad option.

        Examples:
          h2corridor validate Models/guizhou-2025
          h2corridor validate Models/zhejiang-2025 --overrides high-electricity.toml
        """)

    @Argument(help: ArgumentHelp("Scenario folder.", valueName: "scenario"), completion: .directory)
    var scenario = "Models/guizhou-2025"

    @OptionGroup var overrides: ScenarioOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var loaded = try loadScenario(scenario, overrides)
        // A planning scenario's tables (nodes, edges, fleets, sources, policies) are checked too.
        if FileManager.default.fileExists(atPath: scenario + "/nodes.csv") {
            do { _ = try ScenarioLoader.loadPlanning(directory: scenario, scenario: &loaded) } catch {
                printError(error.description)
                throw ExitCode(Exit.dataError)
            }
        }
        if !output.quiet {
            let count = loaded.parameters.overridden.count
            print("\(scenario): valid (\(loaded.inputs.count) files read, \(count) parameter\(count == 1 ? "" : "s") overridden)")
        }
    }
}

// `h2corridor init DIR`: write a small, complete, commented scenario that validate accepts and
// run solves, as the starting point for a new province.
import ArgumentParser
import H2IO

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a small, commented starting scenario (5 nodes, two fleets, two sources) into a new folder.",
        discussion: """
        The folder must not exist or be empty. Then edit the files (docs/SCENARIO.md describes \
        each), check them with `h2corridor validate DIR` and run `h2corridor run DIR`.

        Examples:
          h2corridor init Models/fujian-draft --province Fujian
          h2corridor validate Models/fujian-draft
        """)

    @Argument(help: ArgumentHelp("Folder to create.", valueName: "dir"), completion: .directory)
    var directory: String

    @Option(help: ArgumentHelp("Province the scenario is for ([scenario] province; policies scoped to the province use it).", valueName: "name"))
    var province = "Guizhou"

    @OptionGroup var output: OutputOptions

    func run() throws {
        var trimmed = directory
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        let name = String(trimmed.split(separator: "/").last ?? "scenario")
        guard !province.isEmpty, !province.contains("\"") else {
            printError("error: --province \(province): give the province's English name, e.g. --province Fujian")
            throw ExitCode(Exit.usage)
        }
        var writer: RunWriter
        do { writer = try RunWriter(directory: directory) } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.code(for: error))
        }
        for file in ScenarioTemplate.files(name: name, province: province) {
            writer.add(file.name, text: file.text)
        }
        do { try writer.commit() } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.code(for: error))
        }
        if !output.quiet {
            printError("wrote a starting scenario for \(province) to \(directory); next: h2corridor validate \(directory), then h2corridor run \(directory)")
        }
    }
}

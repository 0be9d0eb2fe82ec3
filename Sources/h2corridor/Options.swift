// Options shared by the commands, and the one place errors become exit codes.
import ArgumentParser
import H2IO
import H2Model
import Foundation

/// The scenario and the overrides applied on top of it.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp("Override one parameter: dotted.key=value (repeatable).", valueName: "key=value"))
    var sets: [String] = []

    @Option(name: .customLong("overrides"), help: ArgumentHelp("A TOML file of parameter overrides (repeatable; two files setting the same key is an error).", valueName: "file"), completion: .file(extensions: ["toml"]))
    var overrideFiles: [String] = []

    @Flag(help: "Treat plausibility warnings (a value far outside the catalogue's range, a design year before 2000, an empty scenario.toml, an unread column) as errors: exit 65.")
    var strict = false
}

struct OutputOptions: ParsableArguments {
    @Flag(help: "Print nothing on stderr but errors.")
    var quiet = false

    @Flag(help: "Write a UTF-8 byte-order mark at the start of CSV files (Excel and WPS need it to show Chinese names).")
    var bom = false
}

/// Exit codes of DESIGN §4.
enum Exit {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let infeasible: Int32 = 3
    static let failure: Int32 = 1
    /// Stopped by SIGINT (Ctrl-C) or SIGTERM: 128 + the signal number, as shells report it.
    static let interrupted: Int32 = 130
    static let terminated: Int32 = 143

    /// One code per output condition, wherever it is found (at the start or at commit): the
    /// folder exists without --force, or cannot be written, is a usage error (64) — choose
    /// another --out; a write that fails midway (a full disk) is a failure (1).
    static func code(for error: OutputError) -> Int32 {
        switch error.kind {
        case .alreadyExists, .notWritable: usage
        case .fileSystem, .nonFiniteNumber, .internalError: failure
        }
    }
}

/// Prints `message` on stderr.
func printError(_ message: String) {
    var text = message
    if !text.hasSuffix("\n") { text += "\n" }
    FileHandle.standardError.write(Data(text.utf8))
}

/// Loads a scenario folder (nil: catalogue only) with overrides, the whole folder with
/// `content: .everything`; errors become exit codes. Plausibility warnings go to stderr (not
/// with `quiet`) and the command goes on, or, with `--strict`, they are errors (exit 65).
func loadScenario(_ directory: String?, _ options: ScenarioOptions, content: ScenarioContent = .parameters,
                  quiet: Bool = false) throws -> Scenario {
    let scenario: Scenario
    do {
        scenario = try ScenarioLoader.load(directory: directory, overrideFiles: options.overrideFiles, sets: options.sets, content: content)
    } catch .usage(let message) {
        printError("error: \(message)")
        throw ExitCode(Exit.usage)
    } catch .data(let errors) {
        printError(errors.description)
        throw ExitCode(Exit.dataError)
    }
    if options.strict, !scenario.warnings.isEmpty {
        printError("--strict: plausibility warnings are errors")
        printError(InputErrors(scenario.warnings).description)
        throw ExitCode(Exit.dataError)
    }
    if !quiet {
        for warning in scenario.warnings { printError("warning: \(warning)") }
    }
    return scenario
}

/// The scenario argument: a folder, or "none" for the catalogue defaults alone.
func scenarioDirectory(_ argument: String) -> String? {
    argument == "none" ? nil : argument
}

/// Writes bytes to a file atomically or to stdout (`-`).
func writeOutput(_ bytes: [UInt8], to argument: String) throws {
    do {
        try OutputTarget(argument: argument).write(bytes)
    } catch {
        printError("error: \(error)")
        throw ExitCode(Exit.failure)
    }
}

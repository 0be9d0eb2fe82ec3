// `--help` with examples (DESIGN §4), and the list of subcommands pinned in one place.
import Foundation
import Testing

/// The subcommands the root help must list, in order. Adding a command is one line here.
let expectedSubcommands = [
    "run",
    "cost",
    "place",
    "validate",
    "init",
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

    /// At 80 columns no example wraps mid-command: every line of an Examples block fits, and a
    /// long command goes on after a trailing backslash, indented, so it can be pasted.
    @Test(arguments: [[String]()] + expectedSubcommands.map { [$0] })
    func examplesFitEightyColumns(_ command: [String]) throws {
        let result = try CLI.run(command + ["--help"])  // CLI.run fixes COLUMNS at 80
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Examples") }) else { return }
        var continued = false
        for line in lines[(start + 1)...] {
            if line.isEmpty || !line.hasPrefix(" ") { break }
            #expect(line.count <= 80, "\(command): \(line)")
            #expect(line.hasPrefix(continued ? "    " : "  h2corridor"), "\(command): \(line)")
            continued = line.hasSuffix(" \\")
        }
        #expect(!continued, "\(command): the last example ends with a continuation")
        #expect(!result.stdout.contains("--utilization"), "the American spelling stays hidden")
    }

    /// Bash completion offers scenario folders for the scenario argument and TOML files for
    /// --overrides (run in bash, from the package root, on the generated script).
    @Test func bashCompletionCompletesPaths() throws {
        let script = try CLI.run(["--generate-completion-script", "bash"])
        #expect(script.exitCode == 0)
        let folder = TemporaryFolder()
        let path = folder.file("h2corridor.bash")
        try Data(script.stdout.utf8).write(to: URL(fileURLWithPath: path))
        func complete(_ words: [String]) throws -> [String] {
            let line = words.joined(separator: " ")
            let driver = "source \(path); COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(words.count - 1); "
                + "COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}; _h2corridor h2corridor '\(words.last!)' '\(words[words.count - 2])'; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\""
            let bash = Process()
            bash.executableURL = URL(fileURLWithPath: "/bin/bash")
            bash.arguments = ["-c", driver]
            bash.currentDirectoryURL = CLI.packageRoot
            let pipe = Pipe()
            bash.standardOutput = pipe
            try bash.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            bash.waitUntilExit()
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        #expect(try complete(["h2corridor", "run", "Mod"]) == ["Models"])
        #expect(try complete(["h2corridor", "validate", "Models/gui"]) == ["Models/guizhou-2025"])
        #expect(try complete(["h2corridor", "run", "--out", "Res"]) == ["Results"])
    }

    @Test func costHelpNamesEveryOption() throws {
        let result = try CLI.run(["cost", "--help"])
        for option in ["--production", "--delivery", "--distance-km", "--station-kg-per-day", "--utilisation",
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

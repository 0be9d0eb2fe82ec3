// `h2corridor verify DIR`: the outputs of a run folder checked against the SHA-256 its
// manifest.json recorded.
import ArgumentParser
import H2IO

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that a result folder's files are the ones its manifest.json records.",
        discussion: """
        Every output listed in DIR/manifest.json is hashed again (SHA-256) and compared with the \
        recorded hash. Exit 0 when all match; 65 when a file was changed or is missing (each \
        named), or the manifest cannot be read.

        Examples:
          h2corridor verify Results/guizhou-2025
          h2corridor verify Results/guizhou-2025-montecarlo
        """)

    @Argument(help: ArgumentHelp("Result folders.", valueName: "dir"))
    var folders: [String] = []

    @Flag(help: "Print nothing on stderr but errors.")
    var quiet = false

    func validate() throws {
        if folders.isEmpty { throw ValidationError("name a result folder to verify") }
    }

    func run() throws {
        var bad = 0
        for folder in folders {
            let findings: [ManifestCheck.Finding]
            do { findings = try ManifestCheck.check(folder: folder) } catch {
                printError("error: \(error)")
                bad += 1
                continue
            }
            for f in findings where !f.matches {
                bad += 1
                if let actual = f.actual {
                    printError("error: \(folder)/\(f.file): changed since it was written (SHA-256 \(actual), manifest.json records \(f.recorded)). Fix: rerun the command that wrote \(folder)")
                } else {
                    printError("error: \(folder)/\(f.file): missing or unreadable (manifest.json lists it). Fix: rerun the command that wrote \(folder)")
                }
            }
            if !quiet && findings.allSatisfy(\.matches) { printError("\(folder): \(findings.count) files match manifest.json") }
        }
        if bad > 0 { throw ExitCode(Exit.dataError) }
    }
}

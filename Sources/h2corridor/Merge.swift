// `h2corridor merge`: the shard folders of one sensitivity run combined into exactly what the
// unsharded run writes.
import ArgumentParser
import H2IO

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the shard folders of a sensitivity run into the output of the whole run.",
        discussion: """
        Each folder must hold a shard.json and the rows written by sweep, tornado, montecarlo or \
        sobol run with --shard k/N. The shards must come from the same command line (same \
        scenario files, overrides, seed, samples, sampler and parameters) and together cover \
        every slice once; otherwise nothing is written and the exit code is 65. The result is \
        byte for byte what the run without --shard writes.

        Examples:
          h2corridor merge shards/1 shards/2 shards/3 --out Results/gz-mc
          h2corridor merge shards/* --out Results/gz-mc --force
        """)

    @Argument(help: ArgumentHelp("Shard folders (in any order).", valueName: "dir"))
    var folders: [String] = []

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String

    @Flag(help: "Replace an existing output folder.")
    var force = false

    @Flag(help: "Print nothing on stderr but errors.")
    var quiet = false

    func validate() throws {
        if folders.isEmpty { throw ValidationError("name the shard folders to merge") }
    }

    func run() throws {
        var writer: RunWriter
        do { writer = try RunWriter(directory: out, force: force) } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.code(for: error))
        }
        let record: SensitivityRecord
        do { record = try SensitivityMerge.record(fromShardFolders: folders) } catch {
            printError(error.description)
            throw ExitCode(Exit.dataError)
        }
        do {
            for file in try SensitivityOutputs.files(for: record) { writer.add(file.name, bytes: file.bytes) }
        } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.dataError)
        }
        do { try writer.commit() } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.code(for: error))
        }
        if !quiet { printError("merged \(folders.count) shards, \(record.rows.count) rows of \(record.command?.rawValue ?? "?"); written to \(out)") }
    }
}

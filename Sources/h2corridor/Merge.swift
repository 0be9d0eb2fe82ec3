// `h2corridor merge`: the shard folders of one sensitivity run combined into exactly what the
// unsharded run writes.
import ArgumentParser
import H2IO
import H2Model

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

    @Argument(help: ArgumentHelp("Shard folders (in any order).", valueName: "dir"), completion: .directory)
    var folders: [String] = []

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"), completion: .directory)
    var out: String

    @Flag(help: "Replace an existing output folder.")
    var force = false

    @Flag(help: "Print nothing on stderr but errors.")
    var quiet = false

    func validate() throws {
        if folders.isEmpty { throw ValidationError("name the shard folders to merge") }
    }

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Refuse merges estimated to need more memory than this (default 2G; K, M, G, T suffixes).", valueName: "size"))
    var maxMemory: String?

    func run() throws {
        if let maxMemory, WorkLimits.parseBytes(maxMemory) == nil {
            printError("error: --max-memory \(maxMemory): give a size such as 4G or 512M")
            throw ExitCode(Exit.usage)
        }
        let limit = maxMemory.flatMap(WorkLimits.parseBytes) ?? WorkLimits.defaultMemoryBytes
        let plan: SensitivityMerge.Plan
        do { plan = try SensitivityMerge.plan(fromShardFolders: folders) } catch {
            printError(error.description)
            throw ExitCode(Exit.dataError)
        }
        // Rows are streamed; the summaries' pass holds one column (montecarlo) or, for sobol,
        // what the indices need; a tornado is small and merged in memory.
        let cells = plan.header.count
        let estimate: WorkEstimate
        switch plan.command {
        case .sobol: estimate = WorkLimits.sobol(rows: plan.totalRows, parameters: max(0, cells - 2), outputs: 1)
        case .montecarlo: estimate = WorkLimits.monteCarlo(rows: plan.totalRows, parameters: cells - 1, outputs: 0, whole: true)
        case .sweep, .tornado: estimate = WorkLimits.sweep(rows: plan.totalRows, parameters: cells, outputs: 0, designBytes: 0)
        }
        if estimate.bytes > limit {
            printError("error: merge of \(WorkLimits.formatCount(plan.totalRows)) rows needs about \(WorkLimits.formatBytes(estimate.bytes)) of memory, over the limit of \(WorkLimits.formatBytes(limit)); raise it with --max-memory")
            throw ExitCode(Exit.usage)
        }
        if plan.command == .tornado { try mergeInMemory(); return }
        let writer: StreamingRunWriter
        do { writer = try StreamingRunWriter(directory: out, force: force) } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.code(for: error))
        }
        do throws(any Error) {
            let rows = try writer.rows(plan.command.rowsFile, header: plan.header, withBOM: plan.fingerprint.bom,
                                       keeping: SensitivityOutputs.keptColumns(plan.fingerprint))
            for file in plan.rowsFiles {
                var first = true
                try SensitivityMerge.forEachLine(file.path) { line in
                    if first { first = false; return }
                    // Rows of numbers: no cell is quoted (the writer quotes only commas,
                    // quotes and line breaks), so a comma always separates cells.
                    try rows.append(line.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
                }
            }
            try writer.added(rows)
            try SensitivityOutputs.commitStreamed(plan.fingerprint, rows: rows, to: writer)
            try writer.commit()
        } catch let error as OutputError {
            writer.abandon()
            printError("error: \(error)")
            throw ExitCode(Exit.code(for: error))
        } catch let error as InputErrors {
            writer.abandon()
            printError(error.description)
            throw ExitCode(Exit.dataError)
        } catch {
            writer.abandon()
            printError("error: \(error)")
            throw ExitCode(Exit.dataError)
        }
        if !quiet { printError("merged \(folders.count) shards, \(plan.totalRows) rows of \(plan.command.rawValue); written to \(out)") }
    }

    /// Tornado shards: the whole record in memory (twice the parameter count of rows).
    func mergeInMemory() throws {
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
        if !quiet { printError("merged \(folders.count) shards, \(record.rows.count) rows of \(record.command.rawValue); written to \(out)") }
    }
}

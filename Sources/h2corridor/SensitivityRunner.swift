// The one course of every sensitivity command (sweep, tornado, montecarlo, sobol). A command
// brings its design, its settings for the fingerprint and its rows; the runner does the rest:
// checks --out before any work, loads the scenario and plans it once, then computes this
// shard's rows behind a progress bar and writes, atomically, either the whole run's outputs
// (rows, summaries, charts, manifest.json) or a shard's rows and shard.json. Any failure
// removes the temporary folder (as Ctrl-C does, through TemporaryFolders) and becomes its exit
// code in one place.
import ArgumentParser
import H2IO
import H2Model

struct SensitivityRunner {
    let command: SensitivityCommand
    let options: SensitivityOptions
    let output: OutputOptions
    let context: SensitivityContext

    /// Checks --out, then loads and plans the scenario (exit 64/65 for bad input, 3 when the
    /// base plan is infeasible). Specifications read from files (a cases or distributions
    /// file) are checked by the command before this, so they fail before the planning.
    init(_ command: SensitivityCommand, scenario: String, options: SensitivityOptions, overrides: ScenarioOptions, output: OutputOptions) throws {
        try checkOutputEarly(options)
        self.command = command
        self.options = options
        self.output = output
        context = try sensitivityContext(scenario, overrides, memoryLimit: options.memoryLimit)
    }

    var shard: ShardSpec { options.shardSpec }
    var language: OutputLanguage { options.lang ?? context.scenario.language ?? .en }
    var directory: String { options.out ?? "Results/\(context.scenario.name)-\(command.rawValue)" }

    /// The model of the base plan at the options' depth (--reoptimize) and output (--output).
    func model(perStation: Bool) -> SensitivityModel {
        var model = SensitivityModel(scenario: context.planning, basePlan: context.basePlan, depth: options.depth, perStation: perStation)
        model.output = options.quantity
        return model
    }

    /// The run's fingerprint: the shared members, the command's `settings`, the whole run's
    /// row count.
    func fingerprint(_ settings: SensitivitySettings, rows: Int) -> SensitivityFingerprint {
        SensitivityFingerprint(command, scenario: context.scenario, folder: context.folder, depth: options.depth, basePlan: context.basePlan,
                               settings: settings, rows: rows, bom: output.bom, language: language)
    }

    /// Computes and writes the run. `produce` gets this shard's slice of the run's rows, the
    /// progress bar's callback and `emit`, which it calls with each row in index order.
    /// Rows are streamed to disk as they come (`streamed`: runs of up to millions of rows) or
    /// held for the summaries (a tornado, twice its parameter count). `summary` is the line
    /// printed at the end (after `produce`, so it may use what that counted).
    func run(_ fingerprint: SensitivityFingerprint, header: [String], streamed: Bool,
             produce: (_ slice: Range<Int>, _ progress: @escaping @Sendable (Int) -> Void, _ emit: (SensitivityRow) throws -> Void) throws -> Void,
             summary: () -> String) throws {
        let slice = shard.rows(of: fingerprint.rows)
        let progress = ProgressBar(total: slice.count, label: command.rawValue, quiet: output.quiet)
        if streamed {
            let writer: StreamingRunWriter = try exitingOnError { try StreamingRunWriter(directory: directory, force: options.force) }
            try exitingOnError(abandon: writer.abandon) {
                let kept = shard.count == 1 ? SensitivityOutputs.keptColumns(fingerprint) : []
                let rows = try writer.rows(command.rowsFile, header: header, withBOM: fingerprint.bom, keeping: kept)
                do {
                    defer { progress.finish() }
                    let outputs = Set(fingerprint.outputs)
                    try produce(slice, progress.callback) { row in try rows.append(row.cells(header: header, outputs: outputs)) }
                }
                try writer.added(rows)
                if shard.count == 1 {
                    try SensitivityOutputs.commitStreamed(fingerprint, rows: rows, to: writer)
                } else {
                    try writer.add("shard.json", bytes: try SensitivityOutputs.shardInfo(fingerprint, shard: shard, rowsSHA256: writer.written[0].sha256))
                }
                try writer.commit()
            }
        } else {
            var writer: RunWriter = try exitingOnError { try RunWriter(directory: directory, force: options.force) }
            try exitingOnError {
                var rows: [SensitivityRow] = []
                do {
                    defer { progress.finish() }
                    try produce(slice, progress.callback) { rows.append($0) }
                }
                let record = SensitivityRecord(fingerprint: fingerprint, header: header, rows: rows)
                let files = shard.count == 1 ? try SensitivityOutputs.files(for: record) : try SensitivityOutputs.shardFiles(for: record, shard: shard)
                for file in files { writer.add(file.name, bytes: file.bytes) }
                try writer.commit()
            }
        }
        if !output.quiet {
            let part = shard.count == 1 ? "" : " (shard \(shard): rows \(slice); combine with h2corridor merge)"
            printError("\(summary())\(part); written to \(directory)")
        }
    }
}

/// Runs `body`; an error becomes its exit code after `abandon` (the temporary folder of a
/// streamed run is removed): an ExitCode passes through, an output error gets the code of its
/// kind (Exit.code(for:)), anything else is a failure (1). The one place a sensitivity command's
/// work or writing fails.
func exitingOnError<T>(abandon: () -> Void = {}, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as ExitCode {
        abandon()
        throw error
    } catch let error as OutputError {
        abandon()
        printError("error: \(error)")
        throw ExitCode(Exit.code(for: error))
    } catch {
        abandon()
        printError("error: \(error)")
        throw ExitCode(Exit.failure)
    }
}

/// Rows per block of a streamed run: one block's results are all that memory holds (a few
/// MB), and each block is spread over --jobs threads.
let streamBlockSize = 4096

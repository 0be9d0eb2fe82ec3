// Options and the common course of every sensitivity command (sweep, tornado, montecarlo,
// sobol): load the scenario, plan it once, evaluate this shard's rows on --jobs threads, then
// write the whole run's outputs (or a shard's rows and shard.json) atomically.
import ArgumentParser
import Foundation
import H2IO
import H2Model
import H2Numerics

extension SensitivityOutput: ExpressibleByArgument {}

struct SensitivityOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output folder (default Results/<scenario name>-<command>).", valueName: "dir"), completion: .directory)
    var out: String?

    @Flag(help: "Replace an existing output folder.")
    var force = false

    @Option(help: ArgumentHelp("Threads to use (default: all cores). Results are the same for any number.", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Compute only slice k of N (1 ≤ k ≤ N) and write its rows with shard.json; combine the N folders with `h2corridor merge`.", valueName: "k/N"))
    var shard: String?

    @Option(name: .customLong("output"), help: "The output analysed: cost (network-average CNY/kg, the default) or co2 (network-average kg CO2e/kg).")
    var quantity: SensitivityOutput = .cost

    @Flag(name: .customLong("reoptimize"), help: "Re-optimise the placement for every evaluation (slow) instead of holding the base plan's stations and supply fixed.")
    var reoptimize = false

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Refuse runs estimated to need more memory than this (default 2G; K, M, G, T suffixes).", valueName: "size"))
    var maxMemory: String?

    func validate() throws {
        if let maxMemory, WorkLimits.parseBytes(maxMemory) == nil {
            throw ValidationError("--max-memory \(maxMemory): give a size such as 4G or 512M")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs \(jobs): give at least 1 thread") }
        if let shard, case .failure(let problem) = ShardSpec.parse(shard) { throw ValidationError(problem.message) }
    }

    /// Per-station outputs name the base plan's stations, so they need fixed placement.
    func checkPerStation(_ perStation: Bool) throws {
        if perStation && reoptimize { throw ValidationError("--per-station needs fixed placement: a re-optimised plan has other stations") }
    }

    var threadCount: Int { jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }
    var shardSpec: ShardSpec { shard.flatMap { try? ShardSpec.parse($0).get() } ?? .whole }
    var depth: SensitivityDepth { reoptimize ? .reoptimised : .fixedPlacement }
    var memoryLimit: Double { maxMemory.flatMap(WorkLimits.parseBytes) ?? WorkLimits.defaultMemoryBytes }

    /// Refuses (exit 64, nothing written) a request over the work limits, before computing.
    /// `planning`: the scenarios a --reoptimize run re-plans (their MILPs count too).
    func checkWork(_ what: String, _ estimate: WorkEstimate, totalRows: Int, planning: [PlanningScenario]) throws {
        let estimate = reoptimize ? estimate.replanning(planning, jobs: threadCount) : estimate
        if let problem = WorkLimits.problem(what, estimate, totalRows: totalRows, memoryLimit: memoryLimit) {
            printError("error: \(problem)")
            throw ExitCode(Exit.usage)
        }
    }
}

/// A scenario loaded and planned once, ready for a sensitivity command.
struct SensitivityContext {
    var scenario: Scenario
    var folder: String
    var planning: PlanningScenario
    var basePlan: CorridorPlan
    var base: Assumptions { scenario.parameters.assumptions }
    /// Keys pinned with --set: held at their value, never varied.
    var pinned: Set<String> { Set(scenario.parameters.overridden.filter { $0.origin == .commandLine }.map(\.spec.key)) }
}

/// Spec errors (from SensitivitySpecs) become exit 64 or 65 with the message.
func checked<T>(_ body: () throws(ScenarioError) -> T) throws -> T {
    do { return try body() } catch .usage(let message) {
        printError("error: \(message)")
        throw ExitCode(Exit.usage)
    } catch .data(let errors) {
        printError(errors.description)
        throw ExitCode(Exit.dataError)
    }
}

/// Loads and plans the scenario; exit 64/65 for bad input, 3 when the base plan is infeasible.
func sensitivityContext(_ folder: String, _ overrides: ScenarioOptions, memoryLimit: Double) throws -> SensitivityContext {
    let loaded = try loadScenario(folder, overrides, content: .everything)
    let planning = loaded.planning!
    try checkPlanningSize(planning, directory: folder, memoryLimit: memoryLimit)
    let plan: CorridorPlan
    do { plan = try CorridorPlanner.plan(planning.applyingEdgeAssumptions(loaded.parameters.assumptions), loaded.parameters.assumptions) } catch {
        printError("error: \(error)")
        throw ExitCode(Exit.dataError)
    }
    guard plan.status.hasSolution, plan.servedKgPerDay > 0 else {
        printError("error: the base plan has no feasible solution (solver status \(plan.status.word)); run `h2corridor run \(folder)` for what cannot be served")
        throw ExitCode(Exit.infeasible)
    }
    return SensitivityContext(scenario: loaded, folder: folder, planning: planning, basePlan: plan)
}

/// Checks the output folder before any work, so a run that could not be saved fails at once.
func sensitivityWriter(_ options: SensitivityOptions, _ context: SensitivityContext, command: SensitivityCommand) throws -> RunWriter {
    let directory = options.out ?? "Results/\(context.scenario.name)-\(command.rawValue)"
    do { return try RunWriter(directory: directory, force: options.force) } catch {
        printError("error: \(error)")
        throw ExitCode(Exit.code(for: error))
    }
}

/// The streaming writer of a command whose rows can be many (sweep, montecarlo): the target
/// and its writability are checked, and the temporary folder made, before any work.
func sensitivityStreamWriter(_ options: SensitivityOptions, _ context: SensitivityContext, command: SensitivityCommand) throws -> StreamingRunWriter {
    let directory = options.out ?? "Results/\(context.scenario.name)-\(command.rawValue)"
    do { return try StreamingRunWriter(directory: directory, force: options.force) } catch {
        printError("error: \(error)")
        throw ExitCode(Exit.code(for: error))
    }
}

/// Rows per block of a streamed run: one block's results are all that memory holds (a few
/// MB), and each block is spread over --jobs threads.
let streamBlockSize = 4096

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

/// The streamed course: `produce` appends this shard's rows in index order; then the
/// summaries come from a second pass over the kept columns (unsharded), or shard.json with the
/// rows' SHA-256 is written (sharded), and the folder is committed.
func streamSensitivity(_ command: SensitivityCommand, fingerprint: JSONValue, header: [String], shard: ShardSpec, writer: StreamingRunWriter,
                       quiet: Bool, produce: (RowStream) throws -> Void, summary: () -> String) throws {
    let kept = shard.count == 1 ? SensitivityOutputs.keptColumns(command, fingerprint: fingerprint) : []
    let withBOM = fingerprint["bom"] == .bool(true)
    try exitingOnError(abandon: writer.abandon) {
        let rows = try writer.rows(command.rowsFile, header: header, withBOM: withBOM, keeping: kept)
        try produce(rows)
        try writer.added(rows)
        if shard.count == 1 {
            try SensitivityOutputs.commitStreamed(fingerprint, rows: rows, to: writer)
        } else {
            try writer.add("shard.json", bytes: try SensitivityOutputs.shardInfo(fingerprint, shard: shard, rowsSHA256: writer.written[0].sha256))
        }
        try writer.commit()
    }
    if !quiet {
        let total = fingerprint["rows"]?.intValue ?? 0
        let part = shard.count == 1 ? "" : " (shard \(shard): rows \(shard.rows(of: total)); combine with h2corridor merge)"
        printError("\(summary())\(part); written to \(writer.directory)")
    }
}

/// Writes the record: a shard's rows and shard.json, or the whole run's outputs.
func writeSensitivity(_ record: SensitivityRecord, shard: ShardSpec, writer: RunWriter, quiet: Bool, summary: String) throws {
    var writer = writer
    try exitingOnError {
        let files = shard.count == 1 ? try SensitivityOutputs.files(for: record) : try SensitivityOutputs.shardFiles(for: record, shard: shard)
        for file in files { writer.add(file.name, bytes: file.bytes) }
        try writer.commit()
    }
    if !quiet {
        let part = shard.count == 1 ? "" : " (shard \(shard): rows \(shard.rows(of: record.totalRows)); combine with h2corridor merge)"
        printError("\(summary)\(part); written to \(writer.directory)")
    }
}

/// JSON for a parameter's distribution in a fingerprint.
func distributionJSON(_ p: UncertainParameter) -> JSONValue {
    var members = [JSONMember("key", .string(p.key)), JSONMember("unit", .string(p.spec.unit))]
    switch p.distribution {
    case let .triangular(low, mode, high):
        members += [JSONMember("distribution", "triangular"), JSONMember("low", .number(low)), JSONMember("mode", .number(mode)), JSONMember("high", .number(high))]
    case let .uniform(low, high):
        members += [JSONMember("distribution", "uniform"), JSONMember("low", .number(low)), JSONMember("high", .number(high))]
    case let .normal(mean, sd):
        members += [JSONMember("distribution", "normal"), JSONMember("mean", .number(mean)), JSONMember("sd", .number(sd))]
    case let .lognormal(median, sigma):
        members += [JSONMember("distribution", "lognormal"), JSONMember("median", .number(median)), JSONMember("sigma", .number(sigma))]
    }
    return .object(members)
}

/// Rows of sample results: sample index, inputs, outputs (empty where there is no answer).
func sampleRows(_ results: [SampleResult], outputCount: Int) -> [[String]] {
    results.map { sampleRow($0, outputCount: outputCount) }
}

func sampleRow(_ r: SampleResult, outputCount: Int) -> [String] {
    [String(r.index)] + r.inputs.map(formatNumber) + (r.outputs.map { $0.map(formatNumber) } ?? Array(repeating: "", count: outputCount))
}

/// With `--out` given, its target is checked before the base plan is computed (a phased plan
/// takes seconds to minutes): an unwritable folder is refused at once, not after the planning.
func checkOutputEarly(_ options: SensitivityOptions) throws {
    guard let out = options.out else { return }
    do { _ = try RunWriter(directory: out, force: options.force) } catch {
        printError("error: \(error)")
        throw ExitCode(Exit.code(for: error))
    }
}

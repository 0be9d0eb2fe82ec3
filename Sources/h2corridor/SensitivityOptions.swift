// Options of every sensitivity command (sweep, tornado, montecarlo, sobol) and the scenario
// loaded and planned once for them; the course they share is SensitivityRunner.
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

    @Option(help: ArgumentHelp("Language of the charts (tornado.svg, histogram.svg): en or zh, titled with scenario.title_zh (default: the scenario's scenario.language, else en).", valueName: "en|zh"))
    var lang: OutputLanguage?

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

/// A varied parameter as the fingerprint records it.
func drawnParameter(_ p: UncertainParameter) -> SensitivitySettings.DrawnParameter {
    SensitivitySettings.DrawnParameter(key: p.key, unit: p.spec.unit, distribution: p.distribution)
}

/// A sample's row: its index, inputs, outputs (nil where there is no answer).
func sampleRow(_ r: SampleResult, outputCount: Int) -> SensitivityRow {
    SensitivityRow(labels: [String(r.index)], values: r.inputs.map { Optional($0) } + (r.outputs ?? Array(repeating: nil, count: outputCount)))
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

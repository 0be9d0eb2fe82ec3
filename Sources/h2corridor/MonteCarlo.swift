// `h2corridor montecarlo`: the uncertain parameters drawn together, many times; the spread of
// the network-average nozzle price (and more outputs) that results.
import ArgumentParser
import H2IO
import H2Model
import H2Numerics

extension Sampler: ExpressibleByArgument {}

struct MonteCarlo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "montecarlo",
        abstract: "Draw every uncertain parameter together, many times, and report the spread of the results.",
        discussion: """
        Each catalogued parameter with a low and a high value is drawn from triangular(low, value, \
        high), where value is the scenario's; parameters pinned with --set stay fixed. \
        --distributions FILE.csv (columns key,distribution,p1,p2[,p3]) chooses triangular \
        (low,mode,high), uniform (low,high), normal (mean,sd) or lognormal (median,sigma) per \
        parameter. Sample i depends only on --seed and i: any --jobs and any --shard split give \
        the same samples. By default the base plan's stations and supply are held fixed and each \
        station's break-even price is re-solved; --reoptimize re-plans every sample.

        Writes samples.csv (one row per sample: inputs, then outputs), percentiles.csv (P5, P50, \
        P95 and mean per output), histogram.svg and manifest.json.

        Examples:
          h2corridor montecarlo Models/guizhou-2025 --samples 100000 --seed 7 \\
            --out Results/gz-mc
          h2corridor montecarlo Models/guizhou-2025 --samples 1000 --reoptimize \\
            --out Results/gz-mc-replan
          h2corridor montecarlo Models/guizhou-2025 --samples 100000 --shard 2/4 \\
            --out shards/2
        """)

    @Argument(help: ArgumentHelp("Scenario folder.", valueName: "scenario"), completion: .directory)
    var scenario = "Models/guizhou-2025"

    @Option(help: ArgumentHelp("Number of samples.", valueName: "n"))
    var samples = 1000

    @Option(help: ArgumentHelp("Seed of the random numbers.", valueName: "s"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("mt (Mersenne Twister) or sobol (quasi-random; at most 40 parameters; the seed is then unused).", valueName: "sampler"))
    var sampler: Sampler = .mt

    @Option(help: ArgumentHelp("CSV of distributions: key,distribution,p1,p2[,p3].", valueName: "file"), completion: .file(extensions: ["csv"]))
    var distributions: String?

    @Option(help: ArgumentHelp("Vary only these parameters (comma-separated keys); the rest stay at their values.", valueName: "keys"))
    var parameters: String?

    @Flag(name: .customLong("per-station"), help: "Add each station's break-even price as an output (fixed placement only).")
    var perStation = false

    @OptionGroup var sensitivity: SensitivityOptions
    @OptionGroup var overrides: ScenarioOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if samples < 1 { throw ValidationError("--samples \(samples): give at least 1 sample") }
        try sensitivity.checkPerStation(perStation)
    }

    func run() throws {
        let chosen = try distributions.map { path in try checked { () throws(ScenarioError) in try SensitivitySpecs.distributions(path) } } ?? [:]
        let only = try parameters.map { text in try checked { () throws(ScenarioError) in try SensitivitySpecs.parameterKeys(text) } }
        let runner = try SensitivityRunner(.montecarlo, scenario: scenario, options: sensitivity, overrides: overrides, output: output)
        let context = runner.context
        let uncertain = try uncertainParameters(context, chosen: chosen, only: only)
        let design: MonteCarloDesign
        do { design = try MonteCarloDesign(parameters: uncertain, samples: samples, seed: seed, sampler: sampler) } catch {
            printError("error: \(error.detail); choose fewer with --parameters or use --sampler mt")
            throw ExitCode(Exit.usage)
        }
        let model = runner.model(perStation: perStation)
        let slice = runner.shard.rows(of: samples)
        let outputs = model.outputNames
        try sensitivity.checkWork("montecarlo --samples \(samples)", WorkLimits.monteCarlo(rows: slice.count, parameters: uncertain.count, outputs: outputs.count, whole: runner.shard.count == 1),
                                  totalRows: samples, planning: [context.planning])
        let settings = SensitivitySettings.MonteCarlo(samples: samples, seed: seed, sampler: sampler.rawValue, parameters: uncertain.map(drawnParameter), outputs: outputs)
        var failed = 0
        // Draws clamped into a parameter's domain, counted per parameter and reported.
        var clamped = ClampTally(parameters: uncertain.count)
        try runner.run(runner.fingerprint(.montecarlo(settings), rows: samples), header: ["sample"] + uncertain.map(\.key) + outputs, streamed: true,
                       produce: { slice, progress, emit in
            try design.evaluate(model, base: context.base, rows: slice, jobs: sensitivity.threadCount, blockSize: streamBlockSize,
                                progress: progress) { block in
                for r in block {
                    if r.outputs == nil { failed += 1 }
                    clamped.add(r)
                    try emit(sampleRow(r, outputCount: outputs.count))
                }
            }
            for line in clamped.warnings(uncertain) { printError("warning: \(line)") }
        }, summary: { "montecarlo \(context.scenario.name): \(slice.count) samples of \(uncertain.count) parameters (\(model.depth.rawValue))\(failed > 0 ? ", \(failed) without an answer" : "")" })
    }
}

/// The parameters a montecarlo or sobol run varies: the catalogue's (with low and high) unless
/// pinned with --set, with --distributions replacing defaults, restricted to --parameters.
func uncertainParameters(_ context: SensitivityContext, chosen: [String: Distribution], only: [String]?) throws -> [UncertainParameter] {
    for key in chosen.keys.sorted() where context.pinned.contains(key) {
        printError("error: \(key) is pinned with --set and also given a distribution; drop one of the two")
        throw ExitCode(Exit.usage)
    }
    let list = UncertainParameter.catalogue(context.base, fixed: context.pinned, chosen: chosen, only: only)
    if let only {
        for key in only where !list.contains(where: { $0.key == key }) {
            let why = context.pinned.contains(key) ? "it is pinned with --set" : "the catalogue gives it no low and high; give it a distribution with --distributions"
            printError("error: --parameters: \(key) cannot vary: \(why)")
            throw ExitCode(Exit.usage)
        }
    }
    if list.isEmpty {
        printError("error: no parameter is left to vary")
        throw ExitCode(Exit.usage)
    }
    return list
}

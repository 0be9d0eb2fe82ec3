// `h2corridor sobol`: global Sobol indices of the network-average nozzle price — how much of
// its variance each parameter explains alone (first order) and with its interactions (total).
import ArgumentParser
import H2IO
import H2Model

extension SaltelliSampler: ExpressibleByArgument {}

struct Sobol: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Global sensitivity: first-order and total Sobol indices of the price, with confidence intervals.",
        discussion: """
        Saltelli sampling: --samples N base samples give N × (D + 2) model runs for D parameters; \
        first-order indices by Saltelli's 2010 estimator, total indices by Jansen's, intervals by \
        bootstrap over base samples. By default D = 15: the parameters with the largest tornado \
        swing (the Sobol sampler of a Saltelli design takes two of GSL's 40 dimensions per \
        parameter, so at most 20); --parameters key,key,... chooses them. Distributions as in \
        montecarlo (triangular low/value/high; --distributions to change). Use a power of two for \
        N with the sobol sampler.

        Writes samples.csv (one row per model run), sobol_indices.csv (ranked by total index) \
        and manifest.json.

        Examples:
          h2corridor sobol Models/guizhou-2025 --samples 1024 --seed 3 \\
            --out Results/gz-sobol
          h2corridor sobol Models/guizhou-2025 --samples 4096 \\
            --parameters electricity.grid_price_cny_per_kwh,finance.discount_rate_pct \\
            --out Results/gz-sobol2
        """)

    @Argument(help: ArgumentHelp("Scenario folder.", valueName: "scenario"), completion: .directory)
    var scenario = "Models/guizhou-2025"

    @Option(help: ArgumentHelp("Base samples N (model runs: N × (parameters + 2)).", valueName: "n"))
    var samples = 1024

    @Option(help: ArgumentHelp("Seed of the bootstrap (and of the mt sampler).", valueName: "s"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("sobol (quasi-random, at most 20 parameters) or mt.", valueName: "sampler"))
    var sampler: SaltelliSampler = .sobol

    @Option(help: ArgumentHelp("Parameters to analyse (comma-separated keys; default the 15 with the largest tornado swing).", valueName: "keys"))
    var parameters: String?

    @Option(help: ArgumentHelp("CSV of distributions: key,distribution,p1,p2[,p3].", valueName: "file"), completion: .file(extensions: ["csv"]))
    var distributions: String?

    @Option(help: ArgumentHelp("Bootstrap resamples for the confidence intervals.", valueName: "n"))
    var bootstrap = 1000

    @Option(help: ArgumentHelp("Confidence level of the intervals, in (0, 1).", valueName: "p"))
    var confidence = 0.95

    @OptionGroup var sensitivity: SensitivityOptions
    @OptionGroup var overrides: ScenarioOptions
    @OptionGroup var output: OutputOptions

    static let defaultParameterCount = 15

    func validate() throws {
        if samples < 2 { throw ValidationError("--samples \(samples): give at least 2 base samples (a few thousand for usable indices)") }
        if bootstrap < 1 { throw ValidationError("--bootstrap \(bootstrap): give at least 1 resample") }
        if !(confidence > 0 && confidence < 1) { throw ValidationError("--confidence \(confidence): give a level between 0 and 1, e.g. 0.95") }
    }

    func run() throws {
        let chosen = try distributions.map { path in try checked { () throws(ScenarioError) in try SensitivitySpecs.distributions(path) } } ?? [:]
        var only = try parameters.map { text in try checked { () throws(ScenarioError) in try SensitivitySpecs.parameterKeys(text) } }
        let runner = try SensitivityRunner(.sobol, scenario: scenario, options: sensitivity, overrides: overrides, output: output)
        let context = runner.context
        let model = runner.model(perStation: false)
        if only == nil {
            // The leaders of a tornado of the whole catalogue (plus any parameter given a distribution).
            let tornado = TornadoParameter.catalogue(context.base, fixed: context.pinned)
            try sensitivity.checkWork("sobol's choice of parameters (a tornado of \(tornado.count))", WorkLimits.tornado(rows: 2 * tornado.count, outputs: model.outputNames.count),
                                      totalRows: 2 * tornado.count, planning: [context.planning])
            let runs = try exitingOnError {
                try TornadoRun.evaluate(tornado, model: model, base: context.base, rows: 0..<(2 * tornado.count), jobs: sensitivity.threadCount)
            }
            only = GlobalSensitivityRun.leadingParameters(tornado, runs: runs, count: Self.defaultParameterCount)
        }
        let uncertain = try uncertainParameters(context, chosen: chosen, only: only)
        let design: SaltelliDesign
        do { design = try SaltelliDesign(parameters: uncertain.count, baseSamples: samples, seed: seed, sampler: sampler) } catch {
            printError("error: \(error); choose fewer with --parameters or use --sampler mt")
            throw ExitCode(Exit.usage)
        }
        let run = GlobalSensitivityRun(parameters: uncertain, design: design)
        let slice = runner.shard.rows(of: design.rowCount)
        let outputs = model.outputNames
        try sensitivity.checkWork("sobol --samples \(samples) (\(WorkLimits.formatCount(design.rowCount)) model runs for \(uncertain.count) parameters)",
                                  WorkLimits.sobol(rows: slice.count, parameters: uncertain.count, outputs: outputs.count), totalRows: design.rowCount,
                                  planning: [context.planning])
        // Draws clamped into a parameter's domain, counted per parameter and reported.
        var clamped = ClampTally(parameters: uncertain.count)
        let settings = SensitivitySettings.Sobol(baseSamples: samples, seed: seed, sampler: sampler, bootstrapResamples: bootstrap, confidenceLevel: confidence,
                                                 parameters: uncertain.map(drawnParameter), outputs: outputs)
        try runner.run(runner.fingerprint(.sobol(settings), rows: design.rowCount), header: ["sample"] + uncertain.map(\.key) + outputs, streamed: true,
                       produce: { slice, progress, emit in
            for r in try run.evaluate(model, base: context.base, rows: slice, jobs: sensitivity.threadCount, progress: progress) {
                clamped.add(r)
                try emit(sampleRow(r, outputCount: outputs.count))
            }
            for line in clamped.warnings(uncertain, what: "model runs' draws") { printError("warning: \(line)") }
        }, summary: { "sobol \(context.scenario.name): \(uncertain.count) parameters, \(samples) base samples, \(slice.count) model runs (\(model.depth.rawValue))" })
    }
}

// `h2corridor tornado`: each uncertain parameter alone at its low and high value; which move
// the network-average nozzle price most.
import ArgumentParser
import H2IO
import H2Model

struct Tornado: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move each parameter alone to its low and high value and rank them by how much the price moves.",
        discussion: """
        Every catalogued parameter with a low and a high value (except those pinned with --set) \
        is set to its catalogue low, then its high, with everything else at the scenario's \
        values. The change in the network-average break-even price (CNY/kg) ranks them. By \
        default the base plan's stations and supply are held fixed; --reoptimize re-plans each run.

        Writes tornado.csv (sorted, largest swing first), tornado.svg (the top 20), \
        tornado_runs.csv (every run), tornado_stations.csv with --per-station, and manifest.json.

        Examples:
          h2corridor tornado Models/guizhou-2025 --out Results/guizhou-tornado
          h2corridor tornado Models/zhejiang-2025 --per-station \\
            --out Results/zhejiang-tornado
        """)

    @Argument(help: ArgumentHelp("Scenario folder.", valueName: "scenario"), completion: .directory)
    var scenario = "Models/guizhou-2025"

    @Flag(name: .customLong("per-station"), help: "Also rank the parameters for each station's break-even price (fixed placement only).")
    var perStation = false

    @OptionGroup var sensitivity: SensitivityOptions
    @OptionGroup var overrides: ScenarioOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try sensitivity.checkPerStation(perStation)
    }

    func run() throws {
        let runner = try SensitivityRunner(.tornado, scenario: scenario, options: sensitivity, overrides: overrides, output: output)
        let context = runner.context
        let parameters = TornadoParameter.catalogue(context.base, fixed: context.pinned)
        let model = runner.model(perStation: perStation)
        try sensitivity.checkWork("tornado of \(parameters.count) parameters", WorkLimits.tornado(rows: runner.shard.rows(of: 2 * parameters.count).count,
                                  outputs: model.outputNames.count), totalRows: 2 * parameters.count, planning: [context.planning])
        guard let baseline = model.evaluate(context.base) else {
            printError("error: the scenario's own values give no break-even price")
            throw ExitCode(Exit.failure)
        }
        let outputs = model.outputNames
        let settings = SensitivitySettings.Tornado(parameters: parameters.map { p in
            SensitivitySettings.TornadoParameterValues(key: p.spec.key, unit: p.spec.unit, low: p.low, base: p.base, high: p.high)
        }, outputs: outputs, baseline: baseline)
        var runs: [TornadoRunResult] = []
        try runner.run(runner.fingerprint(.tornado(settings), rows: 2 * parameters.count), header: ["parameter", "side", "input"] + outputs, streamed: false,
                       produce: { slice, progress, emit in
            runs = try TornadoRun.evaluate(parameters, model: model, base: context.base, rows: slice, jobs: sensitivity.threadCount, progress: progress)
            for r in runs {
                try emit(SensitivityRow(labels: [parameters[r.parameter].spec.key, r.high ? "high" : "low"],
                                        values: [r.input] + (r.outputs ?? Array(repeating: nil, count: outputs.count))))
            }
        }, summary: {
            var summary = "tornado \(context.scenario.name): \(parameters.count) parameters, baseline \(formatNumber((baseline[0] * 100).rounded() / 100)) CNY/kg"
            if runner.shard.count == 1 {
                let bars = TornadoBar.sorted(parameters.indices.compactMap { p in
                    guard let low = runs[2 * p].outputs?.first, let high = runs[2 * p + 1].outputs?.first else { return nil }
                    return TornadoBar(key: parameters[p].spec.key, lowInput: parameters[p].low, highInput: parameters[p].high, lowOutput: low, highOutput: high)
                })
                summary += "; largest swings: " + bars.prefix(3).map { "\($0.key) \(formatNumber(($0.swing * 100).rounded() / 100))" }.joined(separator: ", ")
            }
            return summary
        })
    }
}

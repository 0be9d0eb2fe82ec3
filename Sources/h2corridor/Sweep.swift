// `h2corridor sweep`: the scenario evaluated over a grid or a table of cases; one summary row
// per case.
import ArgumentParser
import H2IO
import H2Model

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate the scenario for every case of a grid or a case table; one row per case.",
        discussion: """
        --grid key=v1,v2,... or --grid key=lo:hi:n (n evenly spaced values, both ends included); \
        several --grid options make every combination (the first varies slowest). --cases FILE.csv \
        instead gives one case per row, its columns dotted parameter keys. Each case sets its \
        keys on top of the scenario (and any --set). By default the base plan's stations and \
        supply are held fixed; --reoptimize re-plans every case and adds the carbon intensity \
        (or the price, with --output co2), stations, capacity, served demand and each \
        pathway's share of the last period to each row.

        Writes sweep.csv (swept keys first, then the outputs) and manifest.json; a re-optimised \
        --grid over one numeric setting also draws frontier.svg (price against intensity).

        Examples:
          h2corridor sweep Models/guizhou-2025 \\
            --grid electricity.grid_price_cny_per_kwh=0.3:0.8:6 \\
            --grid finance.discount_rate_pct=6,8,10 --out Results/gz-sweep
          h2corridor sweep Models/zhejiang-2025 --cases cases.csv --reoptimize \\
            --out Results/zj-cases
          h2corridor sweep Models/guizhou-2025 --reoptimize \\
            --grid placement.carbon_price_cny_per_t=0,100,200,400,800 \\
            --out Results/gz-carbon
        """)

    @Argument(help: ArgumentHelp("Scenario folder.", valueName: "scenario"), completion: .directory)
    var scenario = "Models/guizhou-2025"

    @Option(help: ArgumentHelp("A swept parameter: key=v1,v2,... or key=lo:hi:n (repeatable; combined as a Cartesian product).", valueName: "key=values"))
    var grid: [String] = []

    @Option(help: ArgumentHelp("A CSV of cases, one per row; its columns are dotted parameter keys.", valueName: "file"), completion: .file(extensions: ["csv"]))
    var cases: String?

    @Flag(name: .customLong("per-station"), help: "Add each station's break-even price to every row (fixed placement only).")
    var perStation = false

    @OptionGroup var sensitivity: SensitivityOptions
    @OptionGroup var overrides: ScenarioOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if grid.isEmpty == (cases == nil) { throw ValidationError("give either --grid (one or more) or --cases, not both and not neither") }
        try sensitivity.checkPerStation(perStation)
    }

    func run() throws {
        let design: SweepDesign = try checked { () throws(ScenarioError) in
            if let cases { return try SensitivitySpecs.cases(cases) }
            return try SensitivitySpecs.grid(grid)
        }
        let runner = try SensitivityRunner(.sweep, scenario: scenario, options: sensitivity, overrides: overrides, output: output)
        let context = runner.context
        let pinnedSettings = Set(context.scenario.settingOverrides.map(\.dottedKey))
        for key in design.keys where context.pinned.contains(key) || pinnedSettings.contains(key) {
            printError("error: \(key) is pinned with --set and also swept; drop one of the two")
            throw ExitCode(Exit.usage)
        }
        // Road lengths shape the placement itself: a fixed placement would repeat the base row.
        for spec in design.parameters where spec.key.hasPrefix("network.") && sensitivity.depth == .fixedPlacement {
            printError("error: \(spec.key) changes road lengths, which the fixed base placement does not see; add --reoptimize")
            throw ExitCode(Exit.usage)
        }
        let scenarios = try settingScenarios(design, context)
        let model = runner.model(perStation: perStation)
        let outputs = model.outputNames
        let slice = runner.shard.rows(of: design.caseCount)
        try sensitivity.checkWork("sweep of \(WorkLimits.formatCount(design.caseCount)) cases", WorkLimits.sweep(rows: slice.count, parameters: design.parameters.count, outputs: outputs.count,
                                                                        designBytes: design.memoryBytes), totalRows: design.caseCount,
                                  planning: [context.planning] + scenarios.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { scenarios[$0]! })
        let casesFile = cases.map { SensitivitySettings.CasesFile(path: $0, sha256: (try? SHA256.hexDigest(ofFileAt: $0)) ?? "") }
        let settings = SensitivitySettings.Sweep(casesFile: casesFile, grid: cases == nil ? grid : nil, parameters: design.keys, outputs: outputs)
        var failed = 0
        try runner.run(runner.fingerprint(.sweep(settings), rows: design.caseCount), header: design.keys + outputs, streamed: true, produce: { slice, report, emit in
            var start = slice.lowerBound
            while start < slice.upperBound {
                let block = start..<min(start + streamBlockSize, slice.upperBound)
                let offset = block.lowerBound - slice.lowerBound
                let results = try design.evaluate(model, base: context.base, rows: block, jobs: sensitivity.threadCount,
                                                  progress: { @Sendable done in report(offset + done) }, scenarios: scenarios)
                for (i, r) in zip(block, results) {
                    if r == nil { failed += 1 }
                    try emit(SensitivityRow(labels: design.texts(ofCase: i), values: r ?? Array(repeating: nil, count: outputs.count)))
                }
                start = block.upperBound
            }
        }, summary: { "sweep \(context.scenario.name): \(slice.count) cases of \(design.columns.count) parameters\(failed > 0 ? ", \(failed) without an answer" : "")" })
    }

    /// The scenario of every setting choice of the design, each read with its settings over
    /// the scenario's (exit 64 for a value the scenario would refuse, before any work); empty
    /// when no setting is swept. A setting changes the plan, so it needs --reoptimize.
    func settingScenarios(_ design: SweepDesign, _ context: SensitivityContext) throws -> [[Int]: PlanningScenario] {
        let settings = design.columns.compactMap { column -> (key: String, values: [String])? in
            if case .setting(let key, let values) = column { return (key, values) }
            return nil
        }
        guard !settings.isEmpty else { return [:] }
        guard sensitivity.reoptimize else {
            printError("error: \(settings.map(\.key).joined(separator: ", ")) changes the plan itself (stations, supply or demand); add --reoptimize to re-plan every case")
            throw ExitCode(Exit.usage)
        }
        guard let choices = design.settingChoices(limit: 10_000) else {
            printError("error: more than 10,000 combinations of swept settings; sweep fewer setting values at once")
            throw ExitCode(Exit.usage)
        }
        var result: [[Int]: PlanningScenario] = [:]
        for choice in choices {
            var scenario = context.scenario
            let option = cases == nil ? "--grid" : "--cases \(cases!)"
            scenario.settingOverrides += zip(settings, choice).map { SettingOverrides.entry(key: $0.key, text: $0.values[$1], option: option) }
            result[choice] = try checked { () throws(ScenarioError) in try ScenarioLoader.loadPlanning(directory: scenario.directory ?? self.scenario, scenario: &scenario) }
        }
        return result
    }
}
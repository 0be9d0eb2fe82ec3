// `h2corridor run`: the whole pipeline for a scenario — demand, supply options priced by the
// cost engine, the exact phased plan (one MILP, HiGHS by default), per-station pro-forma — and every result file.
import ArgumentParser
import H2IO
import H2Model
import H2Numerics

extension OutputLanguage: ExpressibleByArgument {}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Place stations, choose their size and supply, and cost every kilogram, for a scenario.",
        discussion: """
        Writes summary.csv, periods.csv, stations.csv, supply.csv, logistics.csv, coverage.csv, cost_breakdown.csv, \
        cashflow.csv, results.xlsx (all the CSVs as one workbook; --no-xlsx to skip), manifest.json, \
        the GIS layers stations.geojson, sources.geojson, supply_links.geojson and corridors.geojson, \
        map.svg and cost_breakdown.svg into the output folder \
        (default Results/<scenario>). An existing folder is replaced only with --force. Exit 3 when \
        the demand cannot be covered; the message names each flow or fleet and why.

        Examples:
          h2corridor run
          h2corridor run Models/zhejiang-2025 --out Results/zhejiang-high-power \\
            --set electricity.grid_price_cny_per_kwh=0.8 --force
        """)

    @Argument(help: ArgumentHelp("Scenario folder.", valueName: "scenario"), completion: .directory)
    var scenario = "Models/guizhou-2025"

    @Option(help: ArgumentHelp("Output folder (default Results/<scenario name>).", valueName: "dir"), completion: .directory)
    var out: String?

    @Flag(help: "Replace an existing output folder.")
    var force = false

    @Option(name: .customLong("retail-price"), help: ArgumentHelp(
        "Nozzle price (CNY/kg, VAT included) at which stations.csv gives each station's NPV, IRR and payback, and summary.csv the stations profitable (default policy.retail_price_cny_per_kg: the national 35 CNY/kg target, Cai Jian [2020] 394).",
        valueName: "cny-per-kg"))
    var retailPrice: Double?

    @Flag(name: .customLong("no-xlsx"), help: "Do not write results.xlsx (the CSVs as one workbook).")
    var noXlsx = false

    @Option(help: ArgumentHelp("Language of map and chart text: en or zh (names from the scenario's name_zh columns; default: the scenario's scenario.language, else en).", valueName: "en|zh"))
    var lang: OutputLanguage?

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Refuse a planning MILP estimated to need more memory than this (default 2G; K, M, G, T suffixes).", valueName: "size"))
    var maxMemory: String?

    @OptionGroup var overrides: ScenarioOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let memoryLimit = try parseMemoryLimit(maxMemory)
        var options = overrides
        if let retailPrice {
            guard retailPrice.isFinite, retailPrice >= 0 else {
                printError("error: --retail-price \(retailPrice): give a price in CNY/kg, zero or more, e.g. --retail-price 35")
                throw ExitCode(Exit.usage)
            }
            guard !options.sets.contains(where: { $0.hasPrefix("policy.retail_price_cny_per_kg") }) else {
                printError("error: --retail-price and --set policy.retail_price_cny_per_kg give the same value twice; keep one")
                throw ExitCode(Exit.usage)
            }
            options.sets.append("policy.retail_price_cny_per_kg=\(retailPrice)")
        }
        let loaded = try loadScenario(scenario, options, content: .everything, quiet: output.quiet)
        var planning = loaded.planning!
        // Low-confidence edges at network.low_confidence_km_factor (1: as given).
        do { planning = try planning.applyingEdgeAssumptions(loaded.parameters.assumptions) } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.dataError)
        }
        try guardPlanning(planning, loaded, directory: scenario)
        try checkPlanningSize(planning, directory: scenario, memoryLimit: memoryLimit)
        if out == "-" {
            printError("error: --out names a folder; a run writes several files, so it cannot go to standard output (-)")
            throw ExitCode(Exit.usage)
        }
        let directory = out ?? "Results/\(loaded.name)"
        var writer: RunWriter
        do { writer = try RunWriter(directory: directory, force: force) } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.code(for: error))
        }
        let plan: CorridorPlan
        do { plan = try CorridorPlanner.plan(planning, loaded.parameters.assumptions) } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.dataError)
        }
        let limit = formatNumber(planning.settings.timeLimitSeconds)
        guard plan.status.hasSolution else {
            if plan.status == .timeLimitNoSolution {
                printError("error: no feasible plan found within [placement] time_limit_s = \(limit) s; raise it in scenario.toml (e.g. time_limit_s = \(formatNumber(4 * planning.settings.timeLimitSeconds))) or plan fewer periods")
            } else if plan.diagnosis.isEmpty {
                printError("error: no feasible plan (solver status \(plan.status.word)): no fleet or flow fails alone, so together they need more than the sources or the sites can give; compare sources.csv's available_t_per_year and max_stations_per_node with the demand")
            } else {
                printError("error: no feasible plan (solver status \(plan.status.word)). What cannot be served:")
                for d in plan.diagnosis { printError("  \(d)") }
            }
            throw ExitCode(Exit.infeasible)
        }
        if case .feasible(let gap) = plan.status {
            // Stopped by the time limit with a plan in hand: written, and said what it is.
            let bound = plan.bestBoundCny.map { "¥\(formatNumber(($0 / 1e6).rounded()))M" } ?? "unknown"
            let cost = plan.optimiserCostCny.map { "¥\(formatNumber(($0 / 1e6).rounded()))M" } ?? "unknown"
            printError("warning: [placement] time_limit_s = \(limit) s was reached before the optimum was proven: the plan written costs \(cost) (present value), the best bound is \(bound), a gap of \(formatNumber((gap * 1e4).rounded() / 100)) %. Raise time_limit_s in scenario.toml (e.g. time_limit_s = \(formatNumber(4 * planning.settings.timeLimitSeconds))) to close it.")
            if !plan.unserved.isEmpty {
                printError("  left unserved in this plan: " + plan.unserved.map { "\($0.fleet) in \($0.period)" }.joined(separator: ", "))
            }
        }
        let lang = self.lang ?? loaded.language ?? .en
        let files = try RunOutputs.files(RunOutputInputs(plan: plan, planning: planning, scenario: loaded, folder: scenario, language: lang,
                                                         workbook: !noXlsx, bom: output.bom, libraries: linkedLibraryVersions()))
        for file in files { writer.add(file.name, bytes: file.bytes) }
        do { try writer.commit() } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.code(for: error))
        }
        if !output.quiet {
            let years = plan.periods.map { String($0.period.year) }.joined(separator: ", ")
            let sites = Set(plan.stations.map(\.site)).count
            printError("\(loaded.name): \(plan.status.word) over \(years); by \(plan.last?.period.year ?? 0) \(plan.stationCount) stations at \(sites) nodes, \(formatNumber((plan.totalCapacityKgPerDay).rounded())) kg/day capacity for \(formatNumber(plan.totalDemandKgPerDay.rounded())) kg/day demand; network average \(formatNumber((plan.networkAverage.total * 100).rounded() / 100)) CNY/kg; written to \(directory)")
            for d in plan.diagnosis { printError("  \(d)") }
        }
    }
}

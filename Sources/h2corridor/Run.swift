// `h2corridor run`: the whole pipeline for a scenario — demand, supply options priced by the
// cost engine, exact placement (GLPK), per-station pro-forma — and every result file.
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

    @Option(help: ArgumentHelp("Language of map and chart text: en or zh (names from the scenario's name_zh columns).", valueName: "en|zh"))
    var lang: OutputLanguage = .en

    @OptionGroup var overrides: ScenarioOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
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
        var loaded = try loadScenario(scenario, options)
        let planning: PlanningScenario
        do { planning = try ScenarioLoader.loadPlanning(directory: scenario, scenario: &loaded) } catch {
            printError(error.description)
            throw ExitCode(Exit.dataError)
        }
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
        guard plan.status.hasSolution else {
            printError("error: no feasible plan (solver status \(plan.status.word)). What cannot be served:")
            for d in plan.diagnosis { printError("  \(d)") }
            throw ExitCode(Exit.infeasible)
        }
        let retail = loaded.parameters.assumptions.policy.retailPriceCnyPerKg
        let names = ChineseNames.load(directory: scenario)
        let tables: [(String, CSVWriter)] = [
            ("summary.csv", try PlanResults.summary(plan, planning, scenario: loaded, retailPriceCnyPerKg: retail)),
            ("periods.csv", try PlanResults.periods(plan)),
            ("stations.csv", try PlanResults.stations(plan, planning, names: names, retailPriceCnyPerKg: retail,
                                                     assumptions: loaded.parameters.assumptions)),
            ("supply.csv", try PlanResults.supply(plan)),
            ("logistics.csv", try PlanResults.logistics(plan, planning, loaded.parameters.assumptions, names: names)),
            ("coverage.csv", try PlanResults.coverage(plan, planning)),
            ("cost_breakdown.csv", try PlanResults.costBreakdown(plan)),
            ("cashflow.csv", try PlanResults.cashflow(plan)),
        ]
        var written: [(String, [UInt8])] = []
        for (name, csv) in tables {
            let bytes = csv.bytes(withBOM: output.bom)
            writer.add(name, bytes: bytes)
            written.append((name, bytes))
        }
        let corridors = NetworkFiles.corridorNames(edgesPath: scenario + "/edges.csv")
        let map = PlanResults.mapData(plan, planning, scenario: loaded, corridorNames: corridors, names: names, language: lang)
        func table(_ name: String) -> CSVWriter { tables.first { $0.0 == name }!.1 }
        let layers = try GeoJSONWriter.layers(map, stations: table("stations.csv"), supply: table("supply.csv"))
        let pictures: [(String, String)] = layers.map { ($0.name, $0.text) } + [
            ("map.svg", MapSVG.render(map)),
            ("cost_breakdown.svg", PlanResults.costChart(plan, planning, scenario: loaded, names: names, language: lang)),
        ]
        for (name, text) in pictures {
            writer.add(name, text: text)
            written.append((name, Array(text.utf8)))
        }
        if !noXlsx {
            let xlsx = try Workbook.forRun(scenario: loaded, tables: tables, files: writer.fileNames + ["results.xlsx", "manifest.json"])
            writer.add("results.xlsx", bytes: xlsx)
            written.append(("results.xlsx", xlsx))
        }
        let manifest = try PlanResults.manifest(plan, scenario: loaded, outputs: written, libraries: linkedLibraryVersions())
        writer.add("manifest.json", text: manifest)
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

// `h2corridor run`: the whole pipeline for a scenario — demand, supply options priced by the
// cost engine, exact placement (GLPK), per-station pro-forma — and every result file.
import ArgumentParser
import H2IO
import H2Model
import H2Numerics

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Place stations, choose their size and supply, and cost every kilogram, for a scenario.",
        discussion: """
        Writes summary.csv, stations.csv, supply.csv, coverage.csv, cost_breakdown.csv, cashflow.csv, \
        manifest.json, stations.geojson, map.svg and cost_breakdown.svg into the output folder \
        (default Results/<scenario>). An existing folder is replaced only with --force. Exit 3 when \
        the demand cannot be covered; the message names each flow or fleet and why.

        Examples:
          h2corridor run
          h2corridor run Models/zhejiang-2025 --out Results/zhejiang-high-power --set electricity.grid_price_cny_per_kwh=0.8 --force
        """)

    @Argument(help: ArgumentHelp("Scenario folder.", valueName: "scenario"))
    var scenario = "Models/guizhou-2025"

    @Option(help: ArgumentHelp("Output folder (default Results/<scenario name>).", valueName: "dir"))
    var out: String?

    @Flag(help: "Replace an existing output folder.")
    var force = false

    @OptionGroup var overrides: ScenarioOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var loaded = try loadScenario(scenario, overrides)
        let planning: PlanningScenario
        do { planning = try ScenarioLoader.loadPlanning(directory: scenario, scenario: &loaded) } catch {
            printError(error.description)
            throw ExitCode(Exit.dataError)
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
        guard plan.placement.status.hasSolution else {
            printError("error: no feasible plan (solver status \(plan.placement.status.word)). What cannot be served:")
            for d in plan.placement.diagnosis { printError("  \(d)") }
            throw ExitCode(Exit.infeasible)
        }
        let tables: [(String, CSVWriter)] = [
            ("summary.csv", try PlanResults.summary(plan, planning, scenario: loaded)),
            ("stations.csv", try PlanResults.stations(plan, planning)),
            ("supply.csv", try PlanResults.supply(plan)),
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
        let map = PlanResults.mapData(plan, planning, scenario: loaded, corridorNames: corridors)
        let pictures: [(String, String)] = [
            ("stations.geojson", try GeoJSONWriter.render(map)),
            ("map.svg", MapSVG.render(map)),
            ("cost_breakdown.svg", PlanResults.costChart(plan, planning, scenario: loaded)),
        ]
        for (name, text) in pictures {
            writer.add(name, text: text)
            written.append((name, Array(text.utf8)))
        }
        let manifest = try PlanResults.manifest(plan, scenario: loaded, outputs: written, libraries: linkedLibraryVersions())
        writer.add("manifest.json", text: manifest)
        do { try writer.commit() } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.code(for: error))
        }
        if !output.quiet {
            let p = plan.placement
            printError("\(loaded.name): \(p.status.word), \(plan.stationCount) stations at \(plan.stations.count) nodes, \(formatNumber((plan.totalCapacityKgPerDay).rounded())) kg/day capacity for \(formatNumber(plan.totalDemandKgPerDay.rounded())) kg/day demand; network average \(formatNumber((plan.networkAverage.total * 100).rounded() / 100)) CNY/kg; written to \(directory)")
            for d in p.diagnosis { printError("  \(d)") }
        }
    }
}

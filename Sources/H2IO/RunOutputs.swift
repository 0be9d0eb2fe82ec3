// The files of a `run` folder, in one place (issue 11 item 10): which files a run writes, in
// which order, and from what. The CLI computes the plan and hands it here; the manifest, written
// last, lists the SHA-256 of every file before it.
import H2Model

/// Everything a run's files are made from.
public struct RunOutputInputs: Sendable {
    public var plan: CorridorPlan
    public var planning: PlanningScenario
    public var scenario: Scenario
    /// The scenario folder (for the name_zh columns and corridor names of its tables).
    public var folder: String
    public var language: OutputLanguage
    public var workbook: Bool
    public var bom: Bool
    public var libraries: [String: String]

    public init(plan: CorridorPlan, planning: PlanningScenario, scenario: Scenario, folder: String, language: OutputLanguage,
                workbook: Bool, bom: Bool, libraries: [String: String]) {
        self.plan = plan; self.planning = planning; self.scenario = scenario; self.folder = folder
        self.language = language; self.workbook = workbook; self.bom = bom; self.libraries = libraries
    }
}

/// One file of a run folder.
public struct RunOutputFile: Sendable, Equatable {
    public var name: String
    public var bytes: [UInt8]
}

public enum RunOutputs {
    /// The CSV tables, in the order they are written (and appear in the workbook).
    public static let tableNames = ["summary.csv", "periods.csv", "stations.csv", "supply.csv", "logistics.csv", "coverage.csv",
                                    "cost_breakdown.csv", "cashflow.csv"]
    /// Every file, in order; results.xlsx only with the workbook.
    public static func fileNames(workbook: Bool = true) -> [String] {
        tableNames + GeoJSONWriter.layerNames + ["map.svg", "cost_breakdown.svg"] + (workbook ? ["results.xlsx"] : []) + ["manifest.json"]
    }

    /// The run's files, each complete: tables, GIS layers, pictures, the workbook, the manifest.
    public static func files(_ r: RunOutputInputs) throws(OutputError) -> [RunOutputFile] {
        let plan = r.plan, planning = r.planning, scenario = r.scenario
        let a = scenario.parameters.assumptions
        let retail = a.policy.retailPriceCnyPerKg
        let names = scenario.names
        let tables: [(String, CSVWriter)] = [
            ("summary.csv", try PlanResults.summary(plan, planning, scenario: scenario, retailPriceCnyPerKg: retail)),
            ("periods.csv", try PlanResults.periods(plan)),
            ("stations.csv", try PlanResults.stations(plan, planning, names: names, retailPriceCnyPerKg: retail, assumptions: a)),
            ("supply.csv", try PlanResults.supply(plan)),
            ("logistics.csv", try PlanResults.logistics(plan, planning, a, names: names)),
            ("coverage.csv", try PlanResults.coverage(plan, planning)),
            ("cost_breakdown.csv", try PlanResults.costBreakdown(plan)),
            ("cashflow.csv", try PlanResults.cashflow(plan)),
        ]
        precondition(tables.map(\.0) == tableNames, "RunOutputs.tableNames is out of step with the tables written")
        var files = tables.map { RunOutputFile(name: $0.0, bytes: $0.1.bytes(withBOM: r.bom)) }
        func table(_ name: String) -> CSVWriter { tables.first { $0.0 == name }!.1 }
        let map = PlanResults.mapData(plan, planning, scenario: scenario, corridorNames: scenario.corridorNames, names: names, language: r.language)
        let layers = try GeoJSONWriter.layers(map, stations: table("stations.csv"), supply: table("supply.csv"))
        let pictures: [(String, String)] = layers.map { ($0.name, $0.text) } + [
            ("map.svg", MapSVG.render(map)),
            ("cost_breakdown.svg", PlanResults.costChart(plan, planning, scenario: scenario, names: names, language: r.language)),
        ]
        files += pictures.map { RunOutputFile(name: $0.0, bytes: Array($0.1.utf8)) }
        if r.workbook {
            let xlsx = try Workbook.forRun(scenario: scenario, tables: tables, files: files.map(\.name) + ["results.xlsx", "manifest.json"])
            files.append(RunOutputFile(name: "results.xlsx", bytes: xlsx))
        }
        let manifest = try PlanResults.manifest(plan, scenario: scenario, outputs: files.map { ($0.name, $0.bytes) }, libraries: r.libraries)
        files.append(RunOutputFile(name: "manifest.json", bytes: Array(manifest.utf8)))
        precondition(files.map(\.name) == fileNames(workbook: r.workbook), "RunOutputs.fileNames is out of step with the files written")
        return files
    }
}

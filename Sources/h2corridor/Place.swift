// `h2corridor place`: network-only flow-refuelling location (DESIGN §4): with exactly P
// stations, maximise the round-trip volume whose vehicles never run dry.
import ArgumentParser
import H2IO
import H2Model

extension PlanningSolver: ExpressibleByArgument {}

struct Place: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Place exactly P stations on a bare network to cover the most round-trip flow (FRLM, exact MILP; HiGHS by default).",
        discussion: """
        Inputs: nodes (column `id`, optional name/kind/lat/lon), edges (`from,to,km`), flows \
        (`origin,destination,volume`, ids as in the nodes file). Vehicles make round trips on the \
        shortest path (ties: the lexicographically smallest sequence of node positions in the nodes \
        file), start with half a tank unless the origin has a station, refuel to full at every \
        station they pass, and are covered when no gap around the closed walk exceeds the range.

        Writes DIR/stations.csv (node), DIR/summary.csv (total_flow,covered_flow,covered_pct,status, \
        stations,range_km,relative_gap) and DIR/coverage.csv (one row per flow). Exit 3 when the \
        solver finds no feasible answer within the time limit.

        Examples:
          h2corridor place --nodes nodes.csv --edges edges.csv --flows flows.csv \\
            --range-km 300 --stations 4 --out placed
        """)

    @Option(help: ArgumentHelp("Nodes CSV.", valueName: "file"), completion: .file(extensions: ["csv"])) var nodes: String
    @Option(help: ArgumentHelp("Edges CSV (from,to,km).", valueName: "file"), completion: .file(extensions: ["csv"])) var edges: String
    @Option(help: ArgumentHelp("Flows CSV (origin,destination,volume).", valueName: "file"), completion: .file(extensions: ["csv"])) var flows: String
    @Option(name: .customLong("range-km"), help: "Vehicle range on a full tank, km.") var rangeKm: Double
    @Option(help: "Number of stations to open (exactly).") var stations: Int
    @Option(help: ArgumentHelp("Candidate sites CSV (column `node`); default: every node.", valueName: "file"), completion: .file(extensions: ["csv"])) var candidates: String?
    @Option(name: .customLong("split-km"), help: "Add candidate sites every N km along edges longer than N km (named <from>-<to>@<km>).") var splitKm: Double?
    @Option(name: .customLong("time-limit"), help: "Solver time limit, seconds.") var timeLimit: Double = 600
    @Option(help: ArgumentHelp("MILP solver: highs, cbc or glpk.", valueName: "name")) var solver: PlanningSolver = .highs
    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"), completion: .directory) var out: String
    @Flag(help: "Replace an existing output folder.") var force = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard rangeKm > 0 && rangeKm.isFinite else { throw ValidationError("--range-km \(rangeKm): give a range greater than 0 km") }
        guard stations >= 1 else { throw ValidationError("--stations \(stations): open at least 1 station") }
        guard timeLimit > 0 else { throw ValidationError("--time-limit \(timeLimit): give seconds greater than 0") }
        if let splitKm, !(splitKm > 0 && splitKm.isFinite) { throw ValidationError("--split-km \(splitKm): give a distance greater than 0 km") }
    }

    func run() throws {
        var writer: RunWriter
        do { writer = try RunWriter(directory: out, force: force) } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.code(for: error))
        }
        var network: Network
        let flowList: [CorridorFlow]
        var candidateIDs: [String]? = nil
        do {
            network = try NetworkFiles.readNetwork(nodesPath: nodes, edgesPath: edges)
            flowList = try NetworkFiles.readFlows(flows, network: network)
            if let candidates { candidateIDs = try NetworkFiles.readCandidates(candidates, network: network) }
        } catch {
            printError(error.description)
            throw ExitCode(Exit.dataError)
        }
        if let splitKm {
            // Split points become nodes (and candidates) after the file's nodes, so the tie rule's
            // order among the original nodes is unchanged.
            if let problem = network.splitProblem(everyKm: splitKm) {
                printError("error: --split-km \(formatNumber(splitKm)): \(problem)")
                throw ExitCode(Exit.usage)
            }
            do {
                let refined = try network.splittingEdges(everyKm: splitKm)
                network = refined.network
                if candidateIDs != nil { candidateIDs! += refined.splitPointIDs }
            } catch {
                printError("error: \(error)")
                throw ExitCode(Exit.dataError)
            }
        }
        if let candidateIDs, candidateIDs.count < stations {
            printError("error: --stations \(stations) but only \(candidateIDs.count) candidate sites in \(candidates!)")
            throw ExitCode(Exit.usage)
        }
        if candidateIDs == nil && network.nodes.count < stations {
            printError("error: --stations \(stations) but the network has only \(network.nodes.count) nodes")
            throw ExitCode(Exit.usage)
        }
        let result: PlacementResult
        do {
            result = try solveMaxCoverage(network: network, flows: flowList, rangeKm: rangeKm, stations: stations,
                                          candidates: candidateIDs, timeLimitSeconds: timeLimit, solver: solver)
        } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.failure)
        }
        guard result.status.hasSolution else {
            printError("error: solver status \(result.status.word): no feasible placement found")
            throw ExitCode(Exit.infeasible)
        }
        // Stations in node-file order, so the file does not depend on solver internals.
        let open = Set(result.openStations.map(\.site))
        var stationsCSV = CSVWriter(name: "stations.csv", header: ["node"])
        for node in network.nodes where open.contains(node.id) { try stationsCSV.appendRow([.text(node.id)]) }

        let total = result.totalFlowVolume, covered = result.coveredFlowVolume
        var summary = CSVWriter(name: "summary.csv", header: ["total_flow", "covered_flow", "covered_pct", "status", "stations", "range_km", "relative_gap"])
        try summary.appendRow([.number(total), .number(covered), .number(total > 0 ? 100 * covered / total : 0),
                               .text(result.status.word), .integer(open.count), .number(rangeKm), .optional(result.relativeGap)])

        var coverage = CSVWriter(name: "coverage.csv", header: ["flow", "origin", "destination", "volume", "covered", "round_trip_km", "refuelling_stops"])
        let flowByID = Dictionary(uniqueKeysWithValues: flowList.map { ($0.id, $0) })
        for f in result.flows {
            let flow = flowByID[f.id]
            try coverage.appendRow([.text(f.id), .text(flow?.origin ?? ""), .text(flow?.destination ?? ""), .number(f.volume),
                                    .text(f.covered ? "yes" : "no"), .optional(f.roundTripKm), .text(f.refuellingStops.joined(separator: " "))])
        }
        writer.add("stations.csv", csv: stationsCSV, withBOM: output.bom)
        writer.add("summary.csv", csv: summary, withBOM: output.bom)
        writer.add("coverage.csv", csv: coverage, withBOM: output.bom)
        do { try writer.commit() } catch {
            printError("error: \(error)")
            throw ExitCode(Exit.code(for: error))
        }
        if !output.quiet {
            printError("\(result.status.word): \(open.count) stations cover \(formatNumber(covered)) of \(formatNumber(total)) (\(formatNumber((1000 * covered / max(total, 1e-300)).rounded() / 10)) %); written to \(out)")
            for d in result.diagnosis { printError("  \(d)") }
        }
    }
}

// Reading a corridor network (nodes.csv, edges.csv) and an OD flow table into the domain's
// Network and flows, with every problem located by file, line, row and field.
import H2Model

public enum NetworkFiles {
    /// nodes: `id` plus optional `name`, `kind`, `lat`, `lon` (other columns are kept for the
    /// planner and ignored here); edges: `from,to,km` and optional `confidence` (`low` marks a
    /// length that `network.low_confidence_km_factor` scales; other words are kept as notes).
    public static func readNetwork(nodesPath: String, edgesPath: String) throws(InputErrors) -> Network {
        var problems = InputErrors()
        let nodesTable = problems.recording { () throws(InputError) in try CSVTable.read(from: nodesPath) }
        let edgesTable = problems.recording { () throws(InputError) in try CSVTable.read(from: edgesPath) }
        guard let nodesTable, let edgesTable else { throw problems }
        return try readNetwork(nodes: nodesTable, edges: edgesTable)
    }

    /// The network of two tables already read (the scenario loader reads each file once).
    public static func readNetwork(nodes nodesTable: CSVTable, edges edgesTable: CSVTable) throws(InputErrors) -> Network {
        var problems = InputErrors()
        let nodesPath = nodesTable.file, edgesPath = edgesTable.file

        var nodes: [NetworkNode] = []
        if problems.recording({ () throws(InputError) in try nodesTable.requireColumns(ScenarioSchema.nodes.columns, optional: ScenarioSchema.nodes.optionalColumns) }) != nil {
            for row in nodesTable.rows.indices {
                guard let id = problems.recording({ () throws(InputError) in try nodesTable.string(row, "id") }) else { continue }
                let lat = problems.recording { () throws(InputError) in try nodesTable.optionalDouble(row, "lat", allowNegative: true) } ?? nil
                let lon = problems.recording { () throws(InputError) in try nodesTable.optionalDouble(row, "lon", allowNegative: true) } ?? nil
                if let lat, abs(lat) > 90 { problems.append(nodesTable.error(row: row, column: "lat", "latitude \(formatNumber(lat)) is outside -90..90", fix: "give degrees north, e.g. 26.65")) }
                if let lon, abs(lon) > 180 { problems.append(nodesTable.error(row: row, column: "lon", "longitude \(formatNumber(lon)) is outside -180..180", fix: "give degrees east, e.g. 106.63")) }
                nodes.append(NetworkNode(id: id, name: nodesTable.optionalString(row, "name") ?? "", kind: nodesTable.optionalString(row, "kind") ?? "",
                                         latitude: lat ?? .nan, longitude: lon ?? .nan))
            }
        }
        var edges: [NetworkEdge] = []
        var edgeRows: [Int] = []
        if problems.recording({ () throws(InputError) in try edgesTable.requireColumns(ScenarioSchema.edges.columns, optional: ScenarioSchema.edges.optionalColumns) }) != nil {
            for row in edgesTable.rows.indices {
                let from = problems.recording { () throws(InputError) in try edgesTable.string(row, "from") }
                let to = problems.recording { () throws(InputError) in try edgesTable.string(row, "to") }
                var km = problems.recording { () throws(InputError) in try edgesTable.double(row, "km", allowZero: false) }
                if let length = km, let why = DomainLimits.edgeProblem(length) {
                    problems.append(edgesTable.error(row: row, column: "km", why, fix: "give the road length in km, \(formatNumber(DomainLimits.minimumEdgeKm)) to \(formatNumber(DomainLimits.maximumKm))"))
                    km = nil
                }
                if let from, let to, let km {
                    let low = edgesTable.header.contains("confidence") && edgesTable.optionalString(row, "confidence") == "low"
                    edges.append(NetworkEdge(from: from, to: to, km: km, lowConfidence: low))
                    edgeRows.append(row + 1)
                }
            }
        }
        if nodes.isEmpty && problems.isEmpty { problems.append(nodesTable.headerError("the nodes table has no rows", fix: "add one row per node")) }
        if edges.isEmpty && problems.isEmpty { problems.append(edgesTable.headerError("the edges table has no rows", fix: "add one row per road link")) }
        try problems.throwIfAny()

        for p in Network.problems(nodes: nodes, edges: edges, edgeRows: edgeRows) {
            let table = p.table == .nodes ? nodesTable : edgesTable
            let field = p.table == .nodes ? "id" : (p.kind == .unknownNode ? "from/to" : "km")
            problems.append(table.error(row: p.row - 1, column: field, p.message, fix: fix(for: p.kind)))
        }
        try problems.throwIfAny()
        do { return try Network(nodes: nodes, edges: edges) } catch {
            throw InputErrors(error.problems.map { InputError(file: $0.table == .nodes ? nodesPath : edgesPath, row: $0.row, message: $0.message) })
        }
    }

    static func fix(for kind: NetworkProblem.Kind) -> String {
        switch kind {
        case .duplicateNodeID: "give every node its own id"
        case .emptyNodeID: "fill in the id"
        case .unknownNode: "add the node to the nodes table or correct the id"
        case .selfLoop: "remove the row or correct one end"
        case .nonFiniteLength, .nonPositiveLength: "give the road length in km, greater than 0"
        case .duplicateEdge: "keep one row per pair of nodes"
        }
    }

    /// flows: `origin,destination,volume` (round trips per day, or any volume unit), optional `id`.
    /// Every origin and destination must be a node and reachable from each other.
    public static func readFlows(_ path: String, network: Network) throws(InputErrors) -> [CorridorFlow] {
        let table: CSVTable
        do { table = try CSVTable.read(from: path) } catch { throw InputErrors([error]) }
        var problems = InputErrors()
        do { try table.requireColumns(["origin", "destination", "volume"], optional: ["id"]) } catch { throw InputErrors([error]) }
        var flows: [CorridorFlow] = []
        for row in table.rows.indices {
            let origin = problems.recording { () throws(InputError) in try table.string(row, "origin") }
            let destination = problems.recording { () throws(InputError) in try table.string(row, "destination") }
            let volume = problems.recording { () throws(InputError) in try table.double(row, "volume") }
            guard let origin, let destination, let volume else { continue }
            var known = true
            for (column, id) in [("origin", origin), ("destination", destination)] where network.position(of: id) == nil {
                known = false
                let hint = closestMatch(to: id, among: network.nodes.map(\.id)).map { "did you mean \"\($0)\"? " } ?? ""
                problems.append(table.error(row: row, column: column, "unknown node \"\(id)\"", fix: "\(hint)use an id from the nodes file"))
            }
            guard known else { continue }
            if origin == destination {
                problems.append(table.error(row: row, column: "destination", "origin and destination are the same node", fix: "remove the row: a flow must travel"))
                continue
            }
            if network.shortestPath(from: origin, to: destination) == nil {
                problems.append(table.error(row: row, column: "destination", "no road path from \(origin) to \(destination): the network is disconnected",
                                            fix: "add the missing edges or remove the flow"))
                continue
            }
            let id = table.optionalString(row, "id") ?? "\(origin)-\(destination)#\(row + 1)"
            flows.append(CorridorFlow(id: id, origin: origin, destination: destination, volume: volume))
        }
        if table.rows.isEmpty { problems.append(table.headerError("the flows table has no rows", fix: "add one row per origin-destination flow")) }
        try problems.throwIfAny()
        return flows
    }
}

extension InputErrors {
    /// Runs `body`; an input problem is recorded and nil returned, so reading carries on.
    mutating func recording<T>(_ body: () throws(InputError) -> T) -> T? {
        do { return try body() } catch {
            append(error)
            return nil
        }
    }
}

extension NetworkFiles {
    /// candidates: one column `node`, each a node id; duplicates are refused.
    public static func readCandidates(_ path: String, network: Network) throws(InputErrors) -> [String] {
        let table: CSVTable
        do { table = try CSVTable.read(from: path) } catch { throw InputErrors([error]) }
        do { try table.requireColumns(["node"]) } catch { throw InputErrors([error]) }
        var problems = InputErrors()
        var seen: Set<String> = []
        var ids: [String] = []
        for row in table.rows.indices {
            guard let id = problems.recording({ () throws(InputError) in try table.string(row, "node") }) else { continue }
            if network.position(of: id) == nil {
                problems.append(table.error(row: row, column: "node", "unknown node \"\(id)\"", fix: "use an id from the nodes file"))
            } else if !seen.insert(id).inserted {
                problems.append(table.error(row: row, column: "node", "\"\(id)\" is listed twice", fix: "keep one row per candidate"))
            } else {
                ids.append(id)
            }
        }
        try problems.throwIfAny()
        return ids
    }
}

// The road network: nodes in row order (a node's position is its row index, which the
// shortest-path tie rule uses) and undirected edges with a length in km.

public struct NetworkNode: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: String
    public var latitude: Double
    public var longitude: Double

    public init(id: String, name: String = "", kind: String = "", latitude: Double = .nan, longitude: Double = .nan) {
        self.id = id
        self.name = name
        self.kind = kind
        self.latitude = latitude
        self.longitude = longitude
    }
}

public struct NetworkEdge: Sendable, Hashable {
    public var from: String
    public var to: String
    public var km: Double
    /// The length is a low-confidence estimate (edges.csv `confidence` = low: a great-circle
    /// fallback where the road graph failed); `network.low_confidence_km_factor` scales it.
    public var lowConfidence: Bool

    public init(from: String, to: String, km: Double, lowConfidence: Bool = false) {
        self.from = from
        self.to = to
        self.km = km
        self.lowConfidence = lowConfidence
    }
}

/// A validated network. Build it with `Network(nodes:edges:)`, which refuses anything
/// `Network.problems(nodes:edges:)` reports.
public struct Network: Sendable {
    public let nodes: [NetworkNode]
    public let edges: [NetworkEdge]
    /// Node id → position (row order, 0-based).
    public let positionByID: [String: Int]
    /// Per position, neighbours sorted by position, with the edge length.
    let adjacency: [[(neighbour: Int, km: Double)]]

    public init(nodes: [NetworkNode], edges: [NetworkEdge]) throws(NetworkError) {
        let found = Network.problems(nodes: nodes, edges: edges)
        guard found.isEmpty else { throw NetworkError(problems: found) }
        var positions: [String: Int] = [:]
        for (i, n) in nodes.enumerated() { positions[n.id] = i }
        var adjacency = [[(neighbour: Int, km: Double)]](repeating: [], count: nodes.count)
        for e in edges {
            let a = positions[e.from]!, b = positions[e.to]!
            adjacency[a].append((b, e.km))
            adjacency[b].append((a, e.km))
        }
        for i in adjacency.indices { adjacency[i].sort { $0.neighbour < $1.neighbour } }
        self.nodes = nodes
        self.edges = edges
        self.positionByID = positions
        self.adjacency = adjacency
    }

    public func position(of id: String) -> Int? { positionByID[id] }

    /// Length of the edge between two positions, if they are adjacent.
    public func edgeKm(between a: Int, and b: Int) -> Double? {
        adjacency[a].first { $0.neighbour == b }?.km
    }

    /// Neighbours of a position, sorted by position, with the edge length in km.
    public func neighbours(of position: Int) -> [(neighbour: Int, km: Double)] { adjacency[position] }
}

/// One thing wrong with the network input, naming the row it was found on.
public struct NetworkProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Table: String, Sendable { case nodes, edges }
    public enum Kind: String, Sendable {
        case emptyNodeID, duplicateNodeID, unknownNode, selfLoop, nonPositiveLength, nonFiniteLength, duplicateEdge
    }
    public let table: Table
    /// The row number the caller gave for the offending row (e.g. the CSV line).
    public let row: Int
    public let kind: Kind
    public let message: String

    public var description: String { "\(table.rawValue) row \(row): \(message)" }
}

public struct NetworkError: Error, Sendable, CustomStringConvertible {
    public let problems: [NetworkProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

extension Network {
    /// Every problem with the input, in row order: duplicate or empty node ids; edges naming an
    /// unknown node; self loops; lengths that are zero, negative or not finite; the same pair of
    /// nodes joined twice (in either direction). `nodeRows` / `edgeRows` give the row number to
    /// report for each element (default: 1-based index).
    public static func problems(
        nodes: [NetworkNode], edges: [NetworkEdge], nodeRows: [Int]? = nil, edgeRows: [Int]? = nil
    ) -> [NetworkProblem] {
        precondition(nodeRows == nil || nodeRows!.count == nodes.count, "one row number per node")
        precondition(edgeRows == nil || edgeRows!.count == edges.count, "one row number per edge")
        func nodeRow(_ i: Int) -> Int { nodeRows?[i] ?? i + 1 }
        func edgeRow(_ i: Int) -> Int { edgeRows?[i] ?? i + 1 }
        var found: [NetworkProblem] = []
        var firstRowOfID: [String: Int] = [:]
        for (i, n) in nodes.enumerated() {
            if n.id.isEmpty {
                found.append(NetworkProblem(table: .nodes, row: nodeRow(i), kind: .emptyNodeID, message: "node id is empty"))
            } else if let first = firstRowOfID[n.id] {
                found.append(NetworkProblem(table: .nodes, row: nodeRow(i), kind: .duplicateNodeID,
                                            message: "node id '\(n.id)' already used on row \(first)"))
            } else {
                firstRowOfID[n.id] = nodeRow(i)
            }
        }
        var firstRowOfPair: [String: Int] = [:]
        for (i, e) in edges.enumerated() {
            let row = edgeRow(i)
            var known = true
            for end in [e.from, e.to] where firstRowOfID[end] == nil {
                known = false
                found.append(NetworkProblem(table: .edges, row: row, kind: .unknownNode,
                                            message: "edge \(e.from)–\(e.to) names node '\(end)', which is not in the nodes table"))
            }
            if e.from == e.to {
                found.append(NetworkProblem(table: .edges, row: row, kind: .selfLoop, message: "edge joins node '\(e.from)' to itself"))
            }
            if !e.km.isFinite {
                found.append(NetworkProblem(table: .edges, row: row, kind: .nonFiniteLength,
                                            message: "edge \(e.from)–\(e.to) has length \(e.km) km; give a finite number"))
            } else if e.km <= 0 {
                found.append(NetworkProblem(table: .edges, row: row, kind: .nonPositiveLength,
                                            message: "edge \(e.from)–\(e.to) has length \(e.km) km; lengths must be positive"))
            }
            if known, e.from != e.to {
                let key = e.from < e.to ? "\(e.from)\u{0}\(e.to)" : "\(e.to)\u{0}\(e.from)"
                if let first = firstRowOfPair[key] {
                    found.append(NetworkProblem(table: .edges, row: row, kind: .duplicateEdge,
                                                message: "nodes \(e.from) and \(e.to) are already joined by the edge on row \(first)"))
                } else {
                    firstRowOfPair[key] = row
                }
            }
        }
        return found
    }
}

// Candidate station sites on long edges (DESIGN §2.1): an edge longer than N km gets a point
// every N km from its `from` end, named `<from>-<to>@<km>`. The points become real nodes: the
// edge is replaced by a chain, so shortest paths pass through them and a station there can be
// used. New nodes are appended after the existing ones (in edge order, then km), so existing
// positions — and the tie rule's order among them — do not change.

extension Network {
    public struct Refinement: Sendable {
        /// The network with long edges replaced by chains.
        public let network: Network
        /// Ids of the added points, in the order they were appended.
        public let splitPointIDs: [String]
    }

    /// The most split points a network may get (issue 12): each becomes a node and a
    /// candidate site, and the placement MILP grows with candidates × flows (plus a shortest
    /// path search per node), so 0.01 km over a province's 3,000 km of expressway — 300,000
    /// points — would exhaust memory. 5,000 points are already one every 0.6 km there.
    public static let maximumSplitPoints = 5_000

    /// How many points `splittingEdges(everyKm:)` would add, counted without adding them
    /// (a Double, so an absurd interval cannot overflow).
    public func splitPointCount(everyKm: Double) -> Double {
        precondition(everyKm.isFinite && everyKm > 0, "split interval must be positive")
        var count = 0.0
        for e in edges where e.km > everyKm { count += (e.km / everyKm).rounded(.up) - 1 }
        return count
    }

    /// Nil, or why `everyKm` gives too many split points (with the smallest interval that fits).
    public func splitProblem(everyKm: Double) -> String? {
        let count = splitPointCount(everyKm: everyKm)
        guard count > Double(Self.maximumSplitPoints) else { return nil }
        let total = edges.reduce(0.0) { $0 + $1.km }
        let smallest = (total / Double(Self.maximumSplitPoints) * 100).rounded(.up) / 100
        return "a split every \(formatNumber(everyKm)) km adds \(formatNumber(count)) points to the \(formatNumber(total)) km network, more than the \(Self.maximumSplitPoints) the placement can handle; split every \(formatNumber(smallest)) km or more"
    }

    /// Splits every edge longer than `everyKm` at everyKm, 2·everyKm, … (strictly inside the
    /// edge). Coordinates of a point are interpolated linearly between the edge's ends; its kind
    /// is "split_point".
    public func splittingEdges(everyKm: Double) throws(NetworkError) -> Refinement {
        precondition(everyKm.isFinite && everyKm > 0, "split interval must be positive")
        var newNodes = nodes
        var newEdges: [NetworkEdge] = []
        var added: [String] = []
        for e in edges {
            guard e.km > everyKm else { newEdges.append(e); continue }
            let a = nodes[positionByID[e.from]!], b = nodes[positionByID[e.to]!]
            var previous = e.from
            var previousKm = 0.0
            var k = 1
            while Double(k) * everyKm < e.km {
                let km = Double(k) * everyKm
                let t = km / e.km
                let id = "\(e.from)-\(e.to)@\(formatShortestKm(km))"
                newNodes.append(NetworkNode(id: id, name: id, kind: "split_point",
                                            latitude: a.latitude + t * (b.latitude - a.latitude),
                                            longitude: a.longitude + t * (b.longitude - a.longitude)))
                added.append(id)
                newEdges.append(NetworkEdge(from: previous, to: id, km: km - previousKm, lowConfidence: e.lowConfidence))
                previous = id
                previousKm = km
                k += 1
            }
            newEdges.append(NetworkEdge(from: previous, to: e.to, km: e.km - previousKm, lowConfidence: e.lowConfidence))
        }
        return Refinement(network: try Network(nodes: newNodes, edges: newEdges), splitPointIDs: added)
    }
}

/// Shortest round-trip text for a km value: "50" for 50.0, "12.5", "33.333333333333336".
func formatShortestKm(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return value.description
}

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
                newEdges.append(NetworkEdge(from: previous, to: id, km: km - previousKm))
                previous = id
                previousKm = km
                k += 1
            }
            newEdges.append(NetworkEdge(from: previous, to: e.to, km: e.km - previousKm))
        }
        return Refinement(network: try Network(nodes: newNodes, edges: newEdges), splitPointIDs: added)
    }
}

/// Shortest round-trip text for a km value: "50" for 50.0, "12.5", "33.333333333333336".
func formatShortestKm(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return value.description
}

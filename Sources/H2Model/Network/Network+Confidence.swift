// Low-confidence edge lengths (the reference's great-circle fallbacks) scaled by one factor, so
// that a sweep can show what those lengths move.

extension Network {
    /// The same network with every low-confidence edge `factor` times as long.
    public func scalingLowConfidenceEdges(by factor: Double) throws(NetworkError) -> Network {
        guard factor != 1, edges.contains(where: \.lowConfidence) else { return self }
        let scaled = edges.map { e in
            var e = e
            if e.lowConfidence { e.km *= factor }
            return e
        }
        return try Network(nodes: nodes, edges: scaled)
    }
}

extension PlanningScenario {
    /// The scenario as `a` sees it: its low-confidence edges scaled by
    /// `network.low_confidence_km_factor` (1 leaves it unchanged).
    public func applyingEdgeAssumptions(_ a: Assumptions) throws(NetworkError) -> PlanningScenario {
        var s = self
        s.network = try network.scalingLowConfidenceEdges(by: a.network.lowConfidenceKmFactor)
        return s
    }
}

// Arc-cover sets for the arc-cover / path-cover (AC-PC) formulation (Capar, Kuby, Leon &
// Tsai 2013), derived for the closed walk with the half-tank convention.
//
// Derivation. Number the walk w_0 = O, w_1, …, w_k = D, …, w_2k = O with cumulative km c_t and
// round-trip length T = c_2k. Refuelling events can happen at w_0 … w_2k−1 (w_2k is w_0 again:
// the fill at O closes one cycle and opens the next). Treat the trip as a cycle repeated for
// ever. A flow is covered iff no gap between consecutive fills around the cycle exceeds R —
// with no station at O that includes the gap wrapping through O, 2·dist(O, first station),
// which is exactly the half-tank start (reach the first station on R/2) plus the half-tank
// return (leave the same station last and arrive with ≥ R/2).
// A gap longer than R exists iff some arc's head w_t lies more than R after the most recent
// fill (walking backwards around the cycle). So the flow is covered iff for every arc t there
// is an open station at some w_s whose backward cyclic distance to w_t is ≤ R:
//     d(s, t) = c_t − c_s          if s < t   (filled earlier on this cycle)
//     d(s, t) = c_t + T − c_s      if s ≥ t   (filled on the previous cycle; s = t is the
//                                              full cycle, allowed iff T ≤ R)
// K_t = { w_s : d(s, t) ≤ R }, as a set of node positions. Constraint: Σ_{n ∈ K_t} x_n ≥ y_q.
// A set that contains another set of the same flow gives an implied constraint and is dropped;
// so are duplicates (the outbound and return arcs often share a set).

extension RoundTrip {
    /// K_t for every arc t = 1 … 2k, each sorted by position, not reduced.
    public func arcCoverSets(rangeKm: Double) -> [[Int]] {
        let limit = rangeKm + Self.slack(rangeKm)
        let total = roundTripKm
        var sets: [[Int]] = []
        for t in 1..<walk.count {
            var members = Set<Int>()
            for s in 0..<(walk.count - 1) {
                let d = s < t ? cumulativeKm[t] - cumulativeKm[s] : cumulativeKm[t] + total - cumulativeKm[s]
                if d <= limit { members.insert(walk[s]) }
            }
            sets.append(members.sorted())
        }
        return sets
    }

    /// The arc-cover sets restricted to candidate sites, with duplicates and supersets removed.
    /// An empty set in the result means no choice of stations can cover the flow.
    public func reducedArcCoverSets(rangeKm: Double, isCandidate: (Int) -> Bool) -> [[Int]] {
        let restricted = Set(arcCoverSets(rangeKm: rangeKm).map { $0.filter(isCandidate) })
        if restricted.contains([]) { return [[]] }
        let bySize = restricted.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        var kept: [[Int]] = []
        var keptSets: [Set<Int>] = []
        for candidate in bySize {
            let s = Set(candidate)
            if keptSets.contains(where: { $0.isSubset(of: s) }) { continue }
            kept.append(candidate)
            keptSets.append(s)
        }
        return kept
    }
}

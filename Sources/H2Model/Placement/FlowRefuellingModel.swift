// Flows prepared for the flow refuelling location model: each flow's path (tie rule of §2.1),
// closed walk and reduced arc-cover sets over the candidate sites.
import H2Numerics

public struct PreparedFlow: Sendable {
    public let flow: CorridorFlow
    public let rangeKm: Double
    /// nil when origin and destination are not connected.
    public let roundTrip: RoundTrip?
    /// Reduced arc-cover sets (candidate positions); `[[]]` when uncoverable.
    public let arcCoverSets: [[Int]]
    public var isCoverable: Bool { roundTrip != nil && !arcCoverSets.contains([]) }
    /// Hydrogen drawn per day: round trips × round-trip km × kg/km.
    public var hydrogenKgPerDay: Double { flow.volume * (roundTrip?.roundTripKm ?? 0) * flow.hydrogenKgPerKm }

    /// The fuel burnt on the round trip, grouped by the candidate sites where it can be taken
    /// on (arcs with the same cover set together), kg/day; empty when uncoverable.
    public func fuelGroups(candidates: Set<Int>) -> [(sites: [Int], kgPerDay: Double)] {
        guard let trip = roundTrip, isCoverable else { return [] }
        var fuelBySet: [[Int]: Double] = [:]
        var order: [[Int]] = []
        for (t, set) in trip.arcCoverSets(rangeKm: rangeKm).enumerated() {
            let sites = set.filter(candidates.contains)
            if fuelBySet[sites] == nil { order.append(sites) }
            fuelBySet[sites, default: 0] += flow.volume * trip.arcKm(t + 1) * flow.hydrogenKgPerKm
        }
        return order.map { ($0, fuelBySet[$0]!) }
    }
}

public struct FlowRefuellingModel: Sendable {
    public let network: Network
    /// Candidate positions, ascending.
    public let candidatePositions: [Int]
    public let flows: [PreparedFlow]

    /// - Parameter candidates: node ids that may host a station; nil means every node.
    public init(network: Network, flows: [CorridorFlow], rangeKm: Double, candidates: [String]?) throws(PlacementError) {
        var problems: [String] = []
        if !(rangeKm.isFinite && rangeKm > 0) { problems.append("range \(rangeKm) km must be a positive number") }
        var candidateSet = Set<Int>()
        if let candidates {
            for id in candidates {
                guard let p = network.position(of: id) else {
                    problems.append("candidate site '\(id)' is not a node of the network"); continue
                }
                if !candidateSet.insert(p).inserted { problems.append("candidate site '\(id)' is listed twice") }
            }
        } else {
            candidateSet = Set(network.nodes.indices)
        }
        var seenIDs = Set<String>()
        for f in flows {
            if !seenIDs.insert(f.id).inserted { problems.append("flow id '\(f.id)' is used twice") }
            for end in [f.origin, f.destination] where network.position(of: end) == nil {
                problems.append("flow '\(f.id)': node '\(end)' is not in the network")
            }
            if f.origin == f.destination { problems.append("flow '\(f.id)': origin and destination are both '\(f.origin)'") }
            if !(f.volume.isFinite && f.volume >= 0) { problems.append("flow '\(f.id)': volume \(f.volume) must be ≥ 0") }
            if let r = f.rangeKm, !(r.isFinite && r > 0) { problems.append("flow '\(f.id)': range \(r) km must be positive") }
            if !(f.hydrogenKgPerKm.isFinite && f.hydrogenKgPerKm >= 0) {
                problems.append("flow '\(f.id)': hydrogen use \(f.hydrogenKgPerKm) kg/km must be ≥ 0")
            }
        }
        guard problems.isEmpty else { throw PlacementError(.invalidInput, problems) }

        // Dijkstra once per distinct endpoint.
        var distanceCache: [Int: [Double]] = [:]
        func distances(_ p: Int) -> [Double] {
            if let d = distanceCache[p] { return d }
            let d = network.distances(from: p)
            distanceCache[p] = d
            return d
        }
        self.network = network
        self.candidatePositions = candidateSet.sorted()
        self.flows = flows.map { f in
            let o = network.position(of: f.origin)!, d = network.position(of: f.destination)!
            let range = f.rangeKm ?? rangeKm
            guard let path = network.shortestPath(fromPosition: o, toPosition: d, distancesFromOrigin: distances(o),
                                                  distancesFromDestination: distances(d)) else {
                return PreparedFlow(flow: f, rangeKm: range, roundTrip: nil, arcCoverSets: [[]])
            }
            let trip = RoundTrip(path: path)
            return PreparedFlow(flow: f, rangeKm: range, roundTrip: trip,
                                arcCoverSets: trip.reducedArcCoverSets(rangeKm: range, isCandidate: { candidateSet.contains($0) }))
        }
    }

    /// Diagnosis for flows no choice of stations can cover (no route, or a stretch longer than
    /// the range with a station at every candidate site), found by simulating fuel directly.
    public func uncoverableFlowDiagnoses() -> [PlacementDiagnosis] {
        let candidates = Set(candidatePositions)
        return flows.compactMap { pf -> PlacementDiagnosis? in
            let f = pf.flow
            guard let trip = pf.roundTrip else {
                return PlacementDiagnosis(subject: .flow(f.id), reason: .noRoute,
                                          message: "flow \(f.id): \(f.origin) and \(f.destination) are not connected in the network")
            }
            let sim = trip.simulateFuel(rangeKm: pf.rangeKm, isStation: candidates.contains)
            guard !sim.covered else { return nil }
            let name = { (i: Int) in network.nodes[trip.walk[i]].id }
            let detail: String
            switch sim.failure {
            case .runsDry(let arc, let lastFill?):
                let gapEnd = (arc..<trip.walk.count).first { $0 == trip.walk.count - 1 || candidates.contains(trip.walk[$0]) } ?? arc
                detail = "from the candidate site \(name(lastFill)) the next refuelling point \(name(gapEnd)) is "
                    + "\(formatShortestKm(trip.cumulativeKm[gapEnd] - trip.cumulativeKm[lastFill])) km along the trip, beyond the \(formatShortestKm(pf.rangeKm)) km range"
            case .runsDry(_, nil), .returnsBelowHalfTank:
                let first = (1..<trip.walk.count).first { candidates.contains(trip.walk[$0]) }
                if let first {
                    detail = "starting from \(f.origin) with half a tank (\(formatShortestKm(pf.rangeKm / 2)) km) the first candidate site "
                        + "\(name(first)) is \(formatShortestKm(trip.cumulativeKm[first])) km away"
                } else {
                    detail = "no candidate site lies on the route"
                }
            case .noStation, nil:
                detail = "no candidate site lies on the route"
            }
            return PlacementDiagnosis(subject: .flow(f.id), reason: .legLongerThanRange,
                                      message: "flow \(f.id) (\(f.origin)→\(f.destination)) cannot be covered even with a station at every candidate site: \(detail)")
        }
    }
}


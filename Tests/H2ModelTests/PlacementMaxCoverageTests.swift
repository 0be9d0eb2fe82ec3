import Testing
import H2Numerics
@testable import H2Model

/// A small random instance: connected-ish graph with integer km, random OD flows.
struct RandomFRLMInstance {
    let network: Network
    let flows: [CorridorFlow]
    let candidates: [String]
    let rangeKm: Double
    let stations: Int

    init(seed: UInt64, nodeCount: Int = 8) {
        var rng = SplitMix64(seed: seed &+ 1000)
        // A spanning path in shuffled order keeps most instances connected; extra chords add ties.
        let order = (0..<nodeCount).shuffled(using: &rng)
        var edges: [NetworkEdge] = []
        var joined = Set<[Int]>()
        func join(_ a: Int, _ b: Int) {
            guard a != b, joined.insert([min(a, b), max(a, b)]).inserted else { return }
            edges.append(NetworkEdge(from: "n\(a)", to: "n\(b)", km: Double(Int.random(in: 2...12, using: &rng))))
        }
        for i in 1..<nodeCount where Int.random(in: 0..<10, using: &rng) > 0 { join(order[i - 1], order[i]) }
        for _ in 0..<(nodeCount / 2) { join(Int.random(in: 0..<nodeCount, using: &rng), Int.random(in: 0..<nodeCount, using: &rng)) }
        network = try! Network(nodes: (0..<nodeCount).map { NetworkNode(id: "n\($0)") }, edges: edges)
        flows = (0..<6).map { q in
            let o = Int.random(in: 0..<nodeCount, using: &rng)
            var d = Int.random(in: 0..<(nodeCount - 1), using: &rng)
            if d >= o { d += 1 }
            return CorridorFlow(id: "f\(q)", origin: "n\(o)", destination: "n\(d)", volume: Double(Int.random(in: 1...9, using: &rng)))
        }
        let candidateCount = Int.random(in: 4...nodeCount, using: &rng)
        candidates = (0..<nodeCount).shuffled(using: &rng).prefix(candidateCount).map { "n\($0)" }
        rangeKm = Double(Int.random(in: 8...30, using: &rng))
        stations = Int.random(in: 1...min(4, candidateCount), using: &rng)
    }
}

/// All k-subsets of 0..<n.
func subsets(of n: Int, size k: Int) -> [[Int]] {
    guard k > 0 else { return [[]] }
    guard k <= n else { return [] }
    return subsets(of: n - 1, size: k - 1).map { $0 + [n - 1] } + subsets(of: n - 1, size: k)
}

@Test(arguments: 0..<220)
func maxCoverageEqualsExhaustiveEnumeration(seed: Int) throws {
    let instance = RandomFRLMInstance(seed: UInt64(seed))
    let net = instance.network
    let result = try solveMaxCoverage(network: net, flows: instance.flows, rangeKm: instance.rangeKm,
                                      stations: instance.stations, candidates: instance.candidates)
    #expect(result.status == .optimal)

    // Independent reference: every subset of P candidates, coverage by simulating fuel.
    let candidatePositions = instance.candidates.map { net.position(of: $0)! }
    let trips: [RoundTrip?] = instance.flows.map { f in net.shortestPath(from: f.origin, to: f.destination).map(RoundTrip.init) }
    var best = -1.0
    for subset in subsets(of: candidatePositions.count, size: instance.stations) {
        let open = Set(subset.map { candidatePositions[$0] })
        var covered = 0.0
        for (f, trip) in zip(instance.flows, trips) {
            if let trip, trip.simulateFuel(rangeKm: instance.rangeKm, isStation: open.contains).covered { covered += f.volume }
        }
        best = max(best, covered)
    }
    #expect(abs(result.objective! - best) < 1e-9, "seed \(seed)")
    // Every flow the result reports covered is covered by simulation, and the volumes add up.
    #expect(result.coveredFlowVolume == best)
    #expect(result.openStations.count == instance.stations)
    #expect(Set(result.openStations.map(\.site)).isSubset(of: Set(instance.candidates)))
}

/// The arc-cover sets and the fuel simulation must agree on every station subset (they are
/// written independently; this is the heart of the formulation's correctness).
@Test(arguments: 0..<40)
func arcCoverSetsAgreeWithFuelSimulation(seed: Int) {
    let instance = RandomFRLMInstance(seed: UInt64(seed) &+ 5000, nodeCount: 7)
    for f in instance.flows {
        guard let path = instance.network.shortestPath(from: f.origin, to: f.destination) else { continue }
        let trip = RoundTrip(path: path)
        let sets = trip.arcCoverSets(rangeKm: instance.rangeKm)
        for mask in 0..<(1 << 7) {
            let open = Set((0..<7).filter { mask & (1 << $0) != 0 })
            let bySets = sets.allSatisfy { !$0.filter(open.contains).isEmpty }
            #expect(bySets == trip.simulateFuel(rangeKm: instance.rangeKm, isStation: open.contains).covered)
        }
    }
}

/// A — B — C — D in a line, 40 km each, range 100 km. Flow A→D.
private func lineNetwork(_ km: [Double]) throws -> Network {
    let ids = ["A", "B", "C", "D", "E"].prefix(km.count + 1)
    return try Network(nodes: ids.map { NetworkNode(id: $0) },
                       edges: km.indices.map { NetworkEdge(from: Array(ids)[$0], to: Array(ids)[$0 + 1], km: km[$0]) })
}

@Test func halfTankStartBoundary() throws {
    // O = A without a station; the only candidate is B at 50 km. Range 100: R/2 = 50 reaches B
    // exactly; B→C→B is 2 × 30 = 60 ≤ 100, so covered. At 50.5 km it is not.
    for (ab, expected) in [(50.0, true), (50.5, false)] {
        let net = try lineNetwork([ab, 30])
        let trip = RoundTrip(path: net.shortestPath(from: "A", to: "C")!)
        let b = net.position(of: "B")!
        let sim = trip.simulateFuel(rangeKm: 100, isStation: { $0 == b })
        #expect(sim.covered == expected, "A–B \(ab) km")
        let r = try solveMaxCoverage(network: net, flows: [CorridorFlow(id: "q", origin: "A", destination: "C", volume: 3)],
                                     rangeKm: 100, stations: 1, candidates: ["B"])
        #expect(abs(r.objective! - (expected ? 3 : 0)) < 1e-9)
        #expect(r.flows[0].covered == expected)
        if expected { #expect(r.flows[0].refuellingStops == ["B", "B"]) }
        #expect(r.diagnosis.isEmpty == expected)
    }
    // With a station at the origin the vehicle starts full: A–B 90 km is fine with stations at A, B.
    let net = try lineNetwork([90, 30])
    let r = try solveMaxCoverage(network: net, flows: [CorridorFlow(id: "q", origin: "A", destination: "C", volume: 1)],
                                 rangeKm: 100, stations: 2, candidates: ["A", "B"])
    #expect(abs(r.objective! - 1) < 1e-9)
    #expect(r.flows[0].refuellingStops == ["A", "B", "B"])
}

@Test func legLongerThanRangeIsNamed() throws {
    let net = try lineNetwork([40, 130, 40])
    let flows = [CorridorFlow(id: "long", origin: "A", destination: "D", volume: 5),
                 CorridorFlow(id: "short", origin: "A", destination: "B", volume: 2)]
    let r = try solveMaxCoverage(network: net, flows: flows, rangeKm: 120, stations: 4)
    #expect(r.status == .optimal)
    #expect(abs(r.objective! - 2) < 1e-9)
    #expect(r.diagnosis.count == 1)
    let d = try #require(r.diagnosis.first)
    #expect(d.subject == .flow("long") && d.reason == .legLongerThanRange)
    #expect(d.message.contains("B") && d.message.contains("C") && d.message.contains("130"), "\(d.message)")
}

@Test func disconnectedAndInvalidFlows() throws {
    let net = try Network(nodes: ["A", "B", "C"].map { NetworkNode(id: $0) }, edges: [NetworkEdge(from: "A", to: "B", km: 10)])
    let r = try solveMaxCoverage(network: net, flows: [CorridorFlow(id: "x", origin: "A", destination: "C", volume: 1)],
                                 rangeKm: 100, stations: 1)
    #expect(r.diagnosis.map(\.reason) == [.noRoute])
    #expect(throws: PlacementError.self) {
        try solveMaxCoverage(network: net, flows: [CorridorFlow(id: "x", origin: "A", destination: "Q", volume: 1)], rangeKm: 100, stations: 1)
    }
    #expect(throws: PlacementError.self) {
        try solveMaxCoverage(network: net, flows: [CorridorFlow(id: "x", origin: "A", destination: "B", volume: -1)], rangeKm: 100, stations: 1)
    }
    let tooMany = try solveMaxCoverage(network: net, flows: [], rangeKm: 100, stations: 5)
    #expect(tooMany.status == .infeasible)
    #expect(tooMany.diagnosis.map(\.reason) == [.tooFewCandidates])
}

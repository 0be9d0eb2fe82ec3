import Testing
import H2Numerics
@testable import H2Model


/// A random connected-or-not graph with small integer lengths, so equal-length paths abound.
func randomNetwork(seed: UInt64, nodeCount: Int, edgeProbability: Double, maxKm: Int) -> Network {
    var rng = SplitMix64(seed: seed)
    let nodes = (0..<nodeCount).map { NetworkNode(id: "n\($0)") }
    var edges: [NetworkEdge] = []
    for a in 0..<nodeCount {
        for b in (a + 1)..<nodeCount where Double.random(in: 0..<1, using: &rng) < edgeProbability {
            let km = Double(Int.random(in: 1...maxKm, using: &rng))
            // Random direction so `from`/`to` order does not matter.
            edges.append(Bool.random(using: &rng) ? NetworkEdge(from: "n\(a)", to: "n\(b)", km: km)
                                                  : NetworkEdge(from: "n\(b)", to: "n\(a)", km: km))
        }
    }
    edges.shuffle(using: &rng)
    return try! Network(nodes: nodes, edges: edges)
}

/// Every simple path from o to d, by depth-first search: the independent reference.
func allSimplePaths(_ net: Network, from o: Int, to d: Int) -> [(positions: [Int], km: Double)] {
    var out: [(positions: [Int], km: Double)] = []
    var path = [o]
    var onPath = Set([o])
    func extend(_ u: Int, _ km: Double) {
        if u == d { out.append((path, km)); return }
        for (v, w) in net.neighbours(of: u) where !onPath.contains(v) {
            path.append(v); onPath.insert(v)
            extend(v, km + w)
            path.removeLast(); onPath.remove(v)
        }
    }
    extend(o, 0)
    return out
}

@Test(arguments: 0..<60)
func shortestPathMatchesBruteForceWithTieRule(seed: Int) {
    let net = randomNetwork(seed: UInt64(seed), nodeCount: 7, edgeProbability: 0.45, maxKm: 3)
    for o in 0..<7 {
        for d in 0..<7 where d != o {
            let paths = allSimplePaths(net, from: o, to: d)
            let found = net.shortestPath(from: "n\(o)", to: "n\(d)")
            guard let best = paths.map(\.km).min() else {
                #expect(found == nil, "n\(o)→n\(d) is disconnected")
                continue
            }
            let expected = paths.filter { $0.km == best }.map(\.positions).min { $0.lexicographicallyPrecedes($1) }!
            #expect(found?.positions == expected, "seed \(seed) n\(o)→n\(d)")
            #expect(found?.totalKm == best)
        }
    }
}

@Test func tieRuleUsesRowOrderNotIDs() throws {
    // Two equal routes A–Z: via "b" (row 3) or via "a" (row 2). Row order decides: via "a".
    let nodes = [NetworkNode(id: "A"), NetworkNode(id: "Z"), NetworkNode(id: "a"), NetworkNode(id: "b")]
    let edges = [NetworkEdge(from: "A", to: "b", km: 5), NetworkEdge(from: "b", to: "Z", km: 5),
                 NetworkEdge(from: "A", to: "a", km: 4), NetworkEdge(from: "a", to: "Z", km: 6)]
    let net = try Network(nodes: nodes, edges: edges)
    #expect(net.shortestPath(from: "A", to: "Z")?.positions == [0, 2, 1])
    #expect(net.shortestPath(from: "Z", to: "A")?.positions == [1, 2, 0])
    // Near-equal float sums (0.1 + 0.2 vs 0.3) count as ties under the 1e-9 relative rule.
    let fl = try Network(nodes: [NetworkNode(id: "A"), NetworkNode(id: "Z"), NetworkNode(id: "m"), NetworkNode(id: "n")],
                         edges: [NetworkEdge(from: "A", to: "n", km: 0.3), NetworkEdge(from: "n", to: "Z", km: 1),
                                 NetworkEdge(from: "A", to: "m", km: 0.1), NetworkEdge(from: "m", to: "n", km: 0.2)])
    #expect(fl.shortestPath(from: "A", to: "Z")?.positions == [0, 2, 3, 1])
}

@Test func validationNamesEveryProblemWithItsRow() {
    let nodes = [NetworkNode(id: "A"), NetworkNode(id: "B"), NetworkNode(id: "A"), NetworkNode(id: "")]
    let edges = [
        NetworkEdge(from: "A", to: "B", km: 10),
        NetworkEdge(from: "B", to: "A", km: 10),   // duplicate (reversed)
        NetworkEdge(from: "A", to: "Q", km: 3),    // unknown node
        NetworkEdge(from: "B", to: "B", km: 1),    // self loop
        NetworkEdge(from: "A", to: "B", km: 0),    // zero length + duplicate
        NetworkEdge(from: "A", to: "B", km: .nan), // NaN + duplicate
        NetworkEdge(from: "B", to: "A", km: -2),
    ]
    let problems = Network.problems(nodes: nodes, edges: edges, nodeRows: [2, 3, 4, 5], edgeRows: [2, 3, 4, 5, 6, 7, 8])
    let summary = problems.map { "\($0.table.rawValue):\($0.row):\($0.kind.rawValue)" }
    #expect(summary == [
        "nodes:4:duplicateNodeID", "nodes:5:emptyNodeID",
        "edges:3:duplicateEdge", "edges:4:unknownNode", "edges:5:selfLoop",
        "edges:6:nonPositiveLength", "edges:6:duplicateEdge",
        "edges:7:nonFiniteLength", "edges:7:duplicateEdge",
        "edges:8:nonPositiveLength", "edges:8:duplicateEdge",
    ])
    #expect(problems[0].description.contains("row 2"))
    #expect(throws: NetworkError.self) { try Network(nodes: nodes, edges: edges) }
}

@Test func disconnectedPairsHaveNoPath() throws {
    let net = try Network(nodes: ["A", "B", "C"].map { NetworkNode(id: $0) }, edges: [NetworkEdge(from: "A", to: "B", km: 1)])
    #expect(net.shortestPath(from: "A", to: "C") == nil)
    #expect(net.shortestPath(from: "A", to: "nowhere") == nil)
    #expect(net.shortestPath(from: "A", to: "A")?.positions == [0])
}

@Test func splitPointsRefineLongEdges() throws {
    let net = try Network(
        nodes: [NetworkNode(id: "A", latitude: 0, longitude: 0), NetworkNode(id: "B", latitude: 0, longitude: 2.3),
                NetworkNode(id: "C", latitude: 0, longitude: 3)],
        edges: [NetworkEdge(from: "A", to: "B", km: 230), NetworkEdge(from: "B", to: "C", km: 100),
                NetworkEdge(from: "C", to: "A", km: 137.5)])
    let refined = try net.splittingEdges(everyKm: 100)
    #expect(refined.splitPointIDs == ["A-B@100", "A-B@200", "C-A@100"])
    let r = refined.network
    #expect(r.nodes.count == 6)
    #expect(abs(r.nodes[3].longitude - 1.0) < 1e-12)
    let path = try #require(r.shortestPath(from: "A", to: "B"))
    #expect(path.positions.map { r.nodes[$0].id } == ["A", "A-B@100", "A-B@200", "B"])
    #expect(path.legKm == [100, 100, 30])
    #expect(r.shortestPath(from: "C", to: "A")?.legKm == [100, 37.5])
    #expect(formatShortestKm(12.5) == "12.5" && formatShortestKm(50) == "50")
}

/// Only low-confidence edges are scaled, and a factor of 1 is the network as given.
@Test func lowConfidenceEdgesScaleAlone() throws {
    let nodes = ["a", "b", "c"].map { NetworkNode(id: $0) }
    let net = try Network(nodes: nodes, edges: [NetworkEdge(from: "a", to: "b", km: 100, lowConfidence: true),
                                                NetworkEdge(from: "b", to: "c", km: 50)])
    let longer = try net.scalingLowConfidenceEdges(by: 1.2)
    #expect(abs(longer.edges[0].km - 120) < 1e-9 && longer.edges[1].km == 50)
    #expect(abs(longer.distances(from: 0)[2] - 170) < 1e-9)
    #expect(try net.scalingLowConfidenceEdges(by: 1).edges == net.edges)
    // Split points keep the flag, so a refined network scales the same length.
    let split = try net.splittingEdges(everyKm: 40).network
    #expect(abs(try split.scalingLowConfidenceEdges(by: 1.2).distances(from: 0)[2] - 170) < 1e-9)
}

// Group "placement": the network-only FRLM (objective (b), AC-PC) on random planar-ish networks
// of 25, 100 and 300 nodes. Prints GLPK's time per solve and status, and writes each model as
// free MPS plus a CSV of GLPK's answers to `.build/placement-bench/` for
// `Benchmarks/python/placement_highs.py`, which solves the same files with HiGHS.
import Foundation
import H2Model
import H2Numerics


/// Nodes scattered in a square of side √n × 60 km (about 60 km between neighbours), each joined
/// to its 3 nearest neighbours with road length 1.2 × straight line; flows between random pairs
/// with volumes 1–100; range 250 km so most flows need 1–3 stations.
struct PlacementBenchInstance {
    let network: Network
    let flows: [CorridorFlow]
    let rangeKm = 250.0
    let stations: Int

    init(nodes n: Int, flows flowCount: Int, stations: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let side = (Double(n)).squareRoot() * 60
        let xy = (0..<n).map { _ in (Double.random(in: 0..<side, using: &rng), Double.random(in: 0..<side, using: &rng)) }
        func km(_ a: Int, _ b: Int) -> Double {
            let dx = xy[a].0 - xy[b].0, dy = xy[a].1 - xy[b].1
            return ((dx * dx + dy * dy).squareRoot() * 1.2 * 10).rounded() / 10 + 0.1
        }
        var joined = Set<[Int]>()
        var edges: [NetworkEdge] = []
        for a in 0..<n {
            let nearest = (0..<n).filter { $0 != a }.sorted { km(a, $0) < km(a, $1) }.prefix(3)
            for b in nearest where joined.insert([min(a, b), max(a, b)]).inserted {
                edges.append(NetworkEdge(from: "v\(a)", to: "v\(b)", km: km(a, b)))
            }
        }
        // Chain components together so every pair is connected.
        let firstTry = try! Network(nodes: (0..<n).map { NetworkNode(id: "v\($0)") }, edges: edges)
        var extra: [NetworkEdge] = []
        let d0 = firstTry.distances(from: 0)
        for v in 1..<n where !d0[v].isFinite && joined.insert([0, v]).inserted { extra.append(NetworkEdge(from: "v0", to: "v\(v)", km: km(0, v))) }
        let net2 = extra.isEmpty ? firstTry : try! Network(nodes: firstTry.nodes, edges: edges + extra)
        var flows: [CorridorFlow] = []
        for q in 0..<flowCount {
            let o = Int.random(in: 0..<n, using: &rng)
            var d = Int.random(in: 0..<(n - 1), using: &rng)
            if d >= o { d += 1 }
            flows.append(CorridorFlow(id: "q\(q)", origin: "v\(o)", destination: "v\(d)", volume: Double(Int.random(in: 1...100, using: &rng))))
        }
        self.network = net2
        self.flows = flows
        self.stations = stations
    }
}

let placementBenchmarkGroup: (String, @Sendable () -> Void) = ("placement", {
    let outDir = ".build/placement-bench"
    try? FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
    var csv = "instance,sense,nodes,flows,stations,status,objective,glpk_seconds,rows,columns\n"
    print("GLPK \(MILPSolver.glpkVersion)")
    for (n, flowCount, p) in [(25, 60, 4), (100, 120, 6), (300, 200, 8)] {
        let instance = PlacementBenchInstance(nodes: n, flows: flowCount, stations: p, seed: UInt64(n))
        let clock = ContinuousClock()
        let prepStart = clock.now
        let model = try! FlowRefuellingModel(network: instance.network, flows: instance.flows, rangeKm: instance.rangeKm, candidates: nil)
        let formulation = model.maxCoverageFormulation(stations: p)
        let prep = clock.now - prepStart
        let name = "frlm_\(n)"
        try! formulation.problem.write(to: "\(outDir)/\(name).mps", format: .freeMPS)
        var times: [Double] = []
        var last: MILPSolution?
        // Three solves for the median where a solve is quick; one (60 s limit) otherwise.
        for round in 0..<3 {
            if round > 0, times[0] > 5 { break }
            let s = try! formulation.problem.solve(timeLimitSeconds: 60)
            times.append(s.solveSeconds)
            last = s
        }
        times.sort()
        let median = times[times.count / 2]
        let s = last!
        let total = instance.flows.reduce(0) { $0 + $1.volume }
        let objective = s.objective ?? .nan
        print(String(format: "%-10@ nodes %4d flows %4d P %3d  rows %6d cols %6d  prep %8.3f ms  solve median %9.3f ms  %@  covered %.0f / %.0f (%.1f %%)",
                     name as NSString, n, flowCount, p, formulation.problem.constraints.count, formulation.problem.variables.count,
                     Double(prep.components.attoseconds) * 1e-15 + Double(prep.components.seconds) * 1e3,
                     median * 1000, s.status.description as NSString, objective, total, 100 * objective / total))
        fflush(nil)
        csv += "\(name),maximise,\(n),\(flowCount),\(p),\(s.status.word),\(objective),\(median),\(formulation.problem.constraints.count),\(formulation.problem.variables.count)\n"
    }
    try! csv.write(toFile: "\(outDir)/glpk_results.csv", atomically: true, encoding: .utf8)
    print("wrote \(outDir)/*.mps and glpk_results.csv; compare: python3 Benchmarks/python/placement_highs.py \(outDir)")
})

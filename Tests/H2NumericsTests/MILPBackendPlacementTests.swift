// CBC and HiGHS against GLPK on the placement models H2Model builds. H2ModelTests checks GLPK's
// answers on such flow-refuelling models against exhaustive enumeration of station sets; here
// every backend must prove the same optimum on the very same MILPs, so each inherits that check.
import Testing
import H2Model
@testable import H2Numerics

@Test(arguments: [MILPBackend.cbc, .highs], 0..<60)
func backendsProveGLPKsFlowRefuellingOptimum(backend: MILPBackend, seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) &+ 5000)
    let n = 9
    var edges: [NetworkEdge] = []
    var joined = Set<[Int]>()
    func join(_ a: Int, _ b: Int) {
        guard a != b, joined.insert([min(a, b), max(a, b)]).inserted else { return }
        edges.append(NetworkEdge(from: "n\(a)", to: "n\(b)", km: Double(Int.random(in: 2...12, using: &rng))))
    }
    let order = (0..<n).shuffled(using: &rng)
    for i in 1..<n { join(order[i - 1], order[i]) }
    for _ in 0..<(n / 2) { join(Int.random(in: 0..<n, using: &rng), Int.random(in: 0..<n, using: &rng)) }
    let network = try Network(nodes: (0..<n).map { NetworkNode(id: "n\($0)") }, edges: edges)
    let flows = (0..<7).map { q in
        let o = Int.random(in: 0..<n, using: &rng)
        var d = Int.random(in: 0..<(n - 1), using: &rng)
        if d >= o { d += 1 }
        return CorridorFlow(id: "f\(q)", origin: "n\(o)", destination: "n\(d)", volume: Double(Int.random(in: 1...9, using: &rng)))
    }
    let rangeKm = Double(Int.random(in: 8...30, using: &rng))
    let stations = Int.random(in: 1...4, using: &rng)
    let model = try FlowRefuellingModel(network: network, flows: flows, rangeKm: rangeKm, candidates: nil)
    var glpk = model.maxCoverageFormulation(stations: stations).problem
    glpk.backend = .glpk
    var other = glpk
    other.backend = backend
    let a = try glpk.solve(), b = try other.solve()
    #expect(a.status == .optimal && b.status == .optimal, "seed \(seed): glpk \(a.status), \(backend) \(b.status)")
    #expect(abs(a.objective! - b.objective!) < 1e-6, "seed \(seed): glpk \(a.objective!), \(backend) \(b.objective!)")
    // The other backend's point is feasible for the model and scores its objective.
    for c in other.constraints {
        let lhs = c.terms.reduce(0.0) { $0 + $1.coefficient * b.values[$1.variable.index] }
        switch c.relation {
        case .lessOrEqual: #expect(lhs <= c.rightHandSide + 1e-6, "\(c.name)")
        case .greaterOrEqual: #expect(lhs >= c.rightHandSide - 1e-6, "\(c.name)")
        case .equal: #expect(abs(lhs - c.rightHandSide) < 1e-6, "\(c.name)")
        }
    }
    let value = other.objectiveConstant + other.variables.indices.reduce(0.0) { $0 + other.variables[$1].objectiveCoefficient * b.values[$1] }
    #expect(abs(value - b.objective!) < 1e-6)
}

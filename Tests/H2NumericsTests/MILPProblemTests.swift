import Foundation
import Testing
@testable import H2Numerics


struct Knapsack {
    var values: [Double]
    var weights: [Double]
    var capacity: Double

    init(seed: UInt64, items: Int) {
        var rng = SplitMix64(seed: seed)
        values = (0..<items).map { _ in Double(Int.random(in: 1...40, using: &rng)) }
        weights = (0..<items).map { _ in Double(Int.random(in: 1...30, using: &rng)) }
        capacity = (weights.reduce(0, +) * 0.4).rounded()
    }

    func bruteForceOptimum() -> Double {
        var best = 0.0
        for mask in 0..<(1 << values.count) {
            var v = 0.0, w = 0.0
            for i in values.indices where mask & (1 << i) != 0 { v += values[i]; w += weights[i] }
            if w <= capacity { best = max(best, v) }
        }
        return best
    }

    func problem() -> (MILPProblem, [MILPVariableID]) {
        var p = MILPProblem(sense: .maximise)
        let x = values.indices.map { p.addVariable("take_\($0)", kind: .binary, objective: values[$0]) }
        p.addConstraint("capacity", x.indices.map { MILPTerm(x[$0], weights[$0]) }, .lessOrEqual, capacity)
        return (p, x)
    }
}

@Test(arguments: 0..<20)
func knapsackOptimumEqualsBruteForce(seed: Int) throws {
    let k = Knapsack(seed: UInt64(seed), items: 12)
    let (p, x) = k.problem()
    let s = try p.solve()
    #expect(s.status == .optimal)
    #expect(s.objective == k.bruteForceOptimum())
    // The reported solution is itself feasible and achieves the objective.
    let weight = x.indices.reduce(0.0) { $0 + k.weights[$1] * s[x[$1]].rounded() }
    let value = x.indices.reduce(0.0) { $0 + k.values[$1] * s[x[$1]].rounded() }
    #expect(weight <= k.capacity)
    #expect(value == s.objective)
    #expect(s.relativeGap == 0)
}

@Test func linearProgramHandSolved() throws {
    // max 3x + 2y, x + y ≤ 4, x + 3y ≤ 6, x ≤ 3 → x = 3, y = 1, objective 11.
    var p = MILPProblem(sense: .maximise)
    let x = p.addVariable("x", upperBound: 3, objective: 3)
    let y = p.addVariable("y", objective: 2)
    p.addConstraint("a", [MILPTerm(x, 1), MILPTerm(y, 1)], .lessOrEqual, 4)
    p.addConstraint("b", [MILPTerm(x, 1), MILPTerm(y, 3)], .lessOrEqual, 6)
    p.objectiveConstant = 0.5
    let s = try p.solve()
    #expect(s.status == .optimal)
    #expect(abs(s.objective! - 11.5) < 1e-9)
    #expect(abs(s[x] - 3) < 1e-9 && abs(s[y] - 1) < 1e-9)
}

@Test func duplicateTermsAreSummed() throws {
    // x + x ≥ 3 with x integer, minimise x → x = 2.
    var p = MILPProblem(sense: .minimise)
    let x = p.addVariable("x", kind: .integer, objective: 1)
    p.addConstraint("twice", [MILPTerm(x, 1), MILPTerm(x, 1)], .greaterOrEqual, 3)
    let s = try p.solve()
    #expect(s.status == .optimal)
    #expect(s[x] == 2)
}

@Test func infeasibleMILPReportsStatusWithoutAborting() throws {
    var p = MILPProblem(sense: .minimise)
    let x = p.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 10, objective: 1)
    let y = p.addVariable("y", kind: .binary, objective: 1)
    p.addConstraint("low", [MILPTerm(x, 1), MILPTerm(y, 1)], .greaterOrEqual, 15)
    #expect(try p.solve().status == .infeasible)

    // LP-feasible but integer-infeasible: 2x = 3.
    var q = MILPProblem(sense: .minimise)
    let z = q.addVariable("z", kind: .integer, upperBound: 5)
    q.addConstraint("odd", [MILPTerm(z, 2)], .equal, 3)
    let s = try q.solve()
    #expect(s.status == .infeasible)
    #expect(s.values.isEmpty && s.objective == nil)
}

@Test func unboundedLinearProgramAndMILP() throws {
    var lp = MILPProblem(sense: .maximise)
    let x = lp.addVariable("x", objective: 1)
    let y = lp.addVariable("y")
    lp.addConstraint("c", [MILPTerm(x, 1), MILPTerm(y, -1)], .lessOrEqual, 1)
    #expect(try lp.solve().status == .unbounded)

    var mip = MILPProblem(sense: .minimise)
    let n = mip.addVariable("n", kind: .integer, lowerBound: -.infinity, objective: 1)
    mip.addConstraint("c", [MILPTerm(n, 1)], .lessOrEqual, 7)
    #expect(try mip.solve().status == .unbounded)

    // Unbounded relaxation but no integer point: 2n = 1 → infeasible, not unbounded.
    var odd = MILPProblem(sense: .minimise)
    let m = odd.addVariable("m", kind: .integer, lowerBound: -.infinity, objective: 1)
    let k = odd.addVariable("k", kind: .integer, lowerBound: -.infinity)
    odd.addConstraint("c", [MILPTerm(k, 2)], .equal, 1)
    _ = m
    #expect(try odd.solve().status == .infeasible)
}

@Test func emptyProblemIsOptimal() throws {
    var p = MILPProblem(sense: .minimise)
    p.objectiveConstant = 4
    let s = try p.solve()
    #expect(s.status == .optimal)
    #expect(s.objective == 4)
}

@Test func invalidModelsThrowNamingTheCulprit() {
    var p = MILPProblem(sense: .minimise)
    let x = p.addVariable("x", objective: 1)
    p.addConstraint("bad index", [MILPTerm(x, 1), MILPTerm(MILPVariableID(7), 1)], .lessOrEqual, 1)
    #expect(throws: NumericsError.self) { try p.solve() }
    do {
        _ = try p.solve()
    } catch {
        #expect(error.kind == .invalidArgument)
        #expect(error.detail.contains("bad index") && error.detail.contains("7"))
    }

    func expectInvalid(_ mutate: (inout MILPProblem) -> Void, mentioning word: String) {
        var q = MILPProblem(sense: .minimise)
        mutate(&q)
        do {
            _ = try q.solve()
            Issue.record("expected .invalidArgument mentioning \(word)")
        } catch {
            #expect(error.kind == .invalidArgument)
            #expect(error.detail.contains(word), "\(error.detail)")
        }
    }
    expectInvalid({ $0.addVariable("crossed", lowerBound: 2, upperBound: 1) }, mentioning: "crossed")
    expectInvalid({ $0.addVariable("nanbound", lowerBound: .nan) }, mentioning: "nanbound")
    expectInvalid({ $0.addVariable("nanobj", objective: .nan) }, mentioning: "nanobj")
    expectInvalid({ $0.addVariable("half", kind: .integer, upperBound: 2.5) }, mentioning: "half")
    expectInvalid({ $0.addVariable("bin", kind: .binary, upperBound: 2) }, mentioning: "bin")
    expectInvalid({ $0.addVariable(String(repeating: "n", count: 300)) }, mentioning: "255")
    expectInvalid({ q in
        let v = q.addVariable("v")
        q.addConstraint("nancoef", [MILPTerm(v, .nan)], .lessOrEqual, 1)
    }, mentioning: "nancoef")
    expectInvalid({ q in
        let v = q.addVariable("v")
        q.addConstraint("infrhs", [MILPTerm(v, 1)], .equal, .infinity)
    }, mentioning: "infrhs")
    expectInvalid({ q in
        let v = q.addVariable("v")
        q.addConstraint("negative", [MILPTerm(v, 1), MILPTerm(MILPVariableID(-1), 1)], .equal, 1)
    }, mentioning: "-1")
    #expect(throws: NumericsError.self) { try MILPProblem(sense: .minimise).solve(timeLimitSeconds: -1) }
    #expect(throws: NumericsError.self) { try MILPProblem(sense: .minimise).solve(relativeGap: .nan) }
}

/// Jeroslow's problem: Σ 2xᵢ = n with n odd has no integer solution, yet branch and bound
/// needs about C(n, n/2) nodes to prove it. With a 0.2 s budget the search cannot finish on any
/// machine we target, so the outcome is deterministic: time limit, no solution.
@Test func timeLimitWithoutSolution() throws {
    var p = MILPProblem(sense: .maximise)
    let n = 41
    let x = (0..<n).map { p.addVariable("x\($0)", kind: .binary, objective: 1) }
    p.addConstraint("jeroslow", x.map { MILPTerm($0, 2) }, .equal, Double(n))
    let s = try p.solve(timeLimitSeconds: 0.2)
    #expect(s.status == .timeLimitNoSolution)
    #expect(s.solveSeconds < 5)
}

/// Same structure with ≤: the incumbent 20 is found at once, but the bound 20.5 cannot be
/// closed in 0.2 s (fractional objective weights keep GLPK from rounding the bound).
@Test func timeLimitWithIncumbentReportsGap() throws {
    var p = MILPProblem(sense: .maximise)
    let n = 41
    let x = (0..<n).map { p.addVariable("x\($0)", kind: .binary, objective: 1 + 1e-4 * Double($0 % 3)) }
    p.addConstraint("jeroslow", x.map { MILPTerm($0, 2) }, .lessOrEqual, Double(n))
    let s = try p.solve(timeLimitSeconds: 0.2)
    guard case .feasible(let gap) = s.status else {
        Issue.record("expected feasible with gap, got \(s.status)")
        return
    }
    #expect(gap > 0 && gap < 0.05)
    #expect(s.bestBound! >= s.objective!)
}

@Test func parallelSolvesOnSeparateThreadsAgree() throws {
    let seeds = Array(100..<116)
    let expected = seeds.map { Knapsack(seed: UInt64($0), items: 12).bruteForceOptimum() }
    let results = UnsafeMutableBufferPointer<Double>.allocate(capacity: seeds.count)
    defer { results.deallocate() }
    results.initialize(repeating: -1)
    nonisolated(unsafe) let sink = results
    DispatchQueue.concurrentPerform(iterations: seeds.count) { i in
        let (p, _) = Knapsack(seed: UInt64(seeds[i]), items: 12).problem()
        sink[i] = (try? p.solve().objective) ?? -2
    }
    #expect(Array(results) == expected)
    #expect(MILPSolver.glpkVersion.hasPrefix("5."))
}

@Test func writesLPAndMPSFiles() throws {
    let (p, _) = Knapsack(seed: 3, items: 5).problem()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("milp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let lp = dir.appendingPathComponent("k.lp").path
    let mps = dir.appendingPathComponent("k.mps").path
    try p.write(to: lp, format: .cplexLP)
    try p.write(to: mps, format: .freeMPS)
    let lpText = try String(contentsOfFile: lp, encoding: .utf8)
    #expect(lpText.contains("Maximize") && lpText.contains("capacity"))
    #expect(try String(contentsOfFile: mps, encoding: .utf8).contains("ROWS"))
}

// Group "backends": GLPK (default options), GLPK with its cutting planes (`cuttingPlanes`), CBC
// and HiGHS on the very same network-only FRLM models as the "placement" group (25, 100 and 300
// nodes). Prints, per backend, the median solve time, status, objective and gap, and the time
// ratio against HiGHS; checks that backends that both prove optimality agree on the objective.
// Each model is also written as free MPS to `.build/backend-bench/` so the solvers' own
// command-line drivers can be timed on the same model (`cbc frlm_100.mps -solve`).
import Foundation
import H2Model
import H2Numerics

let backendBenchmarkGroup: (String, @Sendable () -> Void) = ("backends", {
    let outDir = ".build/backend-bench"
    try? FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
    print("GLPK \(MILPSolver.glpkVersion), CBC \(MILPSolver.cbcVersion), HiGHS \(MILPSolver.highsVersion); time limit 60 s per solve")
    let configurations: [(name: String, backend: MILPBackend, cuts: Bool)] = [
        ("glpk", .glpk, false), ("glpk+cuts", .glpk, true), ("cbc", .cbc, false), ("highs", .highs, false),
    ]
    for (n, flowCount, stations) in [(25, 60, 4), (100, 120, 6), (300, 200, 8)] {
        let instance = PlacementBenchInstance(nodes: n, flows: flowCount, stations: stations, seed: UInt64(n))
        let model = try! FlowRefuellingModel(network: instance.network, flows: instance.flows, rangeKm: instance.rangeKm, candidates: nil)
        let base = model.maxCoverageFormulation(stations: stations).problem
        try! base.write(to: "\(outDir)/frlm_\(n).mps", format: .freeMPS)
        print("frlm_\(n): rows \(base.constraints.count), columns \(base.variables.count)")
        var medians: [String: Double] = [:]
        var optima: [String: Double] = [:]
        for c in configurations {
            var problem = base
            problem.backend = c.backend
            problem.cuttingPlanes = c.cuts
            var times: [Double] = []
            var last: MILPSolution?
            // Three solves for the median where a solve is quick; one otherwise.
            for round in 0..<3 {
                if round > 0, times[0] > 5 { break }
                let s = try! problem.solve(timeLimitSeconds: 60)
                times.append(s.solveSeconds)
                last = s
            }
            times.sort()
            let median = times[times.count / 2]
            medians[c.name] = median
            let s = last!
            if s.status == .optimal, let objective = s.objective { optima[c.name] = objective }
            print(String(format: "  %-10@ median %9.3f s over %d  %-30@ objective %12.3f  gap %8.5f",
                         c.name as NSString, median, times.count, s.status.description as NSString,
                         s.objective ?? .nan, s.relativeGap ?? .nan))
            fflush(nil)
        }
        let highs = medians["highs"]!
        for c in configurations where c.name != "highs" {
            print(String(format: "  ratio %@ / highs = %.2f", c.name as NSString, medians[c.name]! / highs))
        }
        let proven = Set(optima.values.map { ($0 * 1e6).rounded() })
        print(proven.count <= 1 ? "  proven optima agree (\(optima.count) backends)" : "  MISMATCH: proven optima \(optima)")
    }
})

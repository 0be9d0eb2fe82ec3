// Wall time of the flagship runs (scenario files read, supply options priced by the cost
// engine, the phased MILP solved to proven optimality, the plan re-costed and every build
// costed), release build, compile excluded. Target (issue 7): under 5 s each. Run from the
// package root. `h2bench planning` writes each flagship's MILP in LP format to
// .build/planning-bench/ for side-by-side runs of other solvers (Benchmarks/lp_solvers.sh).
import Foundation
import H2IO
import H2Model
import H2Numerics

let flagshipBenchmarkGroup: (String, @Sendable () -> Void) = ("flagship", {
    for (name, target) in [("guizhou-2025", "< 5 s"), ("zhejiang-2025", "< 5 s")] {
        let directory = "Models/\(name)"
        var times: [Double] = []
        var status = "", stations = 0, periods = "", agreement = ""
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                var scenario = try ScenarioLoader.load(directory: directory)
                let planning = try ScenarioLoader.loadPlanning(directory: directory, scenario: &scenario)
                let plan = try CorridorPlanner.plan(planning, scenario.parameters.assumptions)
                status = plan.status.word
                stations = plan.stationCount
                periods = plan.periods.map { String($0.period.year) }.joined(separator: ",")
                if let o = plan.optimiserCostCny, let r = plan.recostedCostCny { agreement = String(format: "%.5f %%", 100 * abs(o - r) / r) }
            } catch {
                print("\(name): \(error) (run h2bench from the package root)")
                return
            }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        print(String(format: "%-16@ periods %@: median %.3f s over %d runs (min %.3f, max %.3f), status %@, %d stations, optimiser vs engine %@  target: %@",
                     name as NSString, periods as NSString, times[times.count / 2], times.count, times.first!, times.last!, status as NSString, stations,
                     agreement as NSString, target as NSString))
    }
})

// H2BENCH_SET="placement.periods=[2025, 2027, 2030];placement.split_edges_km=50" writes the
// models with those settings instead (`--set` assignments, separated by semicolons).
let planningModelGroup: (String, @Sendable () -> Void) = ("planning", {
    let folder = ".build/planning-bench"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let sets = (ProcessInfo.processInfo.environment["H2BENCH_SET"] ?? "").split(separator: ";").map(String.init)
    for name in ["guizhou-2025", "zhejiang-2025"] {
        do {
            var scenario = try ScenarioLoader.load(directory: "Models/\(name)", sets: sets)
            let planning = try ScenarioLoader.loadPlanning(directory: "Models/\(name)", scenario: &scenario)
            let milp = try CorridorPlanner.planningMILP(planning, scenario.parameters.assumptions)
            try milp.lpFormat.write(toFile: "\(folder)/\(name).lp", atomically: true, encoding: .utf8)
            // x<j> in the LP file is the j-th variable: its name, one per line, to read a solution.
            try milp.variables.map(\.name).joined(separator: "\n").write(toFile: "\(folder)/\(name).names", atomically: true, encoding: .utf8)
            let integers = milp.variables.filter { $0.kind != .continuous }.count
            print("\(name): \(milp.variables.count) columns (\(integers) integer), \(milp.constraints.count) rows -> \(folder)/\(name).lp")
            // Where the integer columns come from, by kind ("units", "open", "bay", "link_used", ...).
            var byKind: [String: Int] = [:]
            for v in milp.variables where v.kind != .continuous {
                byKind[v.name.split(separator: "_").prefix { !$0.allSatisfy(\.isNumber) }.joined(separator: "_"), default: 0] += 1
            }
            print("  integer columns: " + byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        } catch {
            print("\(name): \(error) (run h2bench from the package root)")
        }
    }
})

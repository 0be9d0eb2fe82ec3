// Wall time of the flagship runs (scenario files read, supply options priced, MILP solved to
// proven optimality, every station costed), release build, compile excluded. Targets: Guizhou
// under 1 s, Zhejiang under 10 s. Run from the package root.
import Foundation
import H2IO
import H2Model

let flagshipBenchmarkGroup: (String, @Sendable () -> Void) = ("flagship", {
    for (name, target) in [("guizhou-2025", "< 1 s"), ("zhejiang-2025", "< 10 s")] {
        let directory = "Models/\(name)"
        var times: [Double] = []
        var status = "", stations = 0
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                var scenario = try ScenarioLoader.load(directory: directory)
                let planning = try ScenarioLoader.loadPlanning(directory: directory, scenario: &scenario)
                let plan = try CorridorPlanner.plan(planning, scenario.parameters.assumptions)
                status = plan.status.word
                stations = plan.stationCount
            } catch {
                print("\(name): \(error) (run h2bench from the package root)")
                return
            }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        print(String(format: "%-16@ median %.3f s over %d runs (min %.3f, max %.3f), status %@, %d stations  target: %@",
                     name as NSString, times[times.count / 2], times.count, times.first!, times.last!, status as NSString, stations, target as NSString))
    }
})

// Sensitivity at scale (DESIGN §6: "100,000 Monte Carlo samples with fixed placement in
// seconds"): Guizhou's 89 uncertain parameters drawn per sample (MT, one stream per sample),
// evaluated on 2 threads; then a re-optimising run (MILP per sample). Run from the package root.
import Foundation
import H2IO
import H2Model

let sensitivityBenchmarkGroup: (String, @Sendable () -> Void) = ("sensitivity", {
    let directory = "Models/guizhou-2025"
    let scenario: Scenario, planning: PlanningScenario, plan: CorridorPlan
    do {
        var loaded = try ScenarioLoader.load(directory: directory)
        planning = try ScenarioLoader.loadPlanning(directory: directory, scenario: &loaded)
        scenario = loaded
        plan = try CorridorPlanner.plan(planning, loaded.parameters.assumptions)
    } catch {
        print("sensitivity: \(error) (run h2bench from the package root)")
        return
    }
    let base = scenario.parameters.assumptions
    let parameters = UncertainParameter.catalogue(base)
    for (depth, samples, target) in [(SensitivityDepth.fixedPlacement, 100_000, "≤ 10 s"), (.reoptimised, 1_000, "report")] {
        let model = SensitivityModel(scenario: planning, basePlan: plan, depth: depth, perStation: false)
        let start = DispatchTime.now().uptimeNanoseconds
        let results: [SampleResult]
        do {
            let design = try MonteCarloDesign(parameters: parameters, samples: samples, seed: 1, sampler: .mt)
            results = try design.evaluate(model, base: base, rows: 0..<samples, jobs: 2)
        } catch {
            print("sensitivity: \(error)")
            return
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let prices = results.compactMap { $0.outputs?.first }
        let meanPrice = prices.reduce(0, +) / Double(max(1, prices.count))
        print(String(format: "montecarlo guizhou %@ %6d samples, 2 jobs: %.2f s, %.0f samples/s, %d without answer, mean %.2f CNY/kg  target: %@",
                     depth.rawValue as NSString, samples, seconds, Double(samples) / seconds, samples - prices.count, meanPrice, target as NSString))
    }
})

// Monotonicity of the phased plan on the flagships (issue 7 acceptance): more choice never costs
// more (a candidate site, a size class, a source added), less demand never costs more (a fleet
// removed). Each variant is solved to the scenario's gap; the check allows twice that gap (each
// optimum is proven only within it). Slow (six plans per flagship; Zhejiang is about a minute
// each): `h2bench monotonicity`, release build, from the package root.
import Foundation
import H2IO
import H2Model

let monotonicityGroup: (String, @Sendable () -> Void) = ("monotonicity", {
    for name in ["guizhou-2025", "zhejiang-2025"] {
        do {
            var scenario = try ScenarioLoader.load(directory: "Models/\(name)")
            let base = try ScenarioLoader.loadPlanning(directory: "Models/\(name)", scenario: &scenario)
            let a = scenario.parameters.assumptions
            func cost(_ s: PlanningScenario) throws -> (cny: Double?, status: String) {
                let plan = try CorridorPlanner.plan(s, a)
                return (plan.optimiserCostCny, plan.status.word)
            }
            let reference = try cost(base)
            guard let baseCost = reference.cny else { print("\(name): base plan \(reference.status)"); continue }
            let gap = base.settings.relativeGap
            print("\(name): base \(formatNumber(baseCost.rounded())) CNY (\(reference.status))")
            var variants: [(what: String, scenario: PlanningScenario)] = []
            var sized = base
            sized.settings.stationSizesKgPerDay.append(1500)
            variants.append(("size class 1500 kg/day added", sized))
            if let candidates = base.candidateSites, let extra = base.network.nodes.first(where: { !candidates.contains($0.id) }) {
                var more = base
                more.candidateSites = candidates + [extra.id]
                variants.append(("candidate \(extra.id) added", more))
            }
            // A source at the node of the busiest fleet's home: by-product hydrogen, 1 t/day.
            if let node = base.fleets.compactMap({ f -> String? in if case .depot(let home, _) = f.pattern { return home }; return nil }).first {
                var supplied = base
                supplied.sources.append(HydrogenSource(id: "extra", name: "extra by-product", node: node, pathway: .byproduct, availableTonnesPerYear: 365))
                variants.append(("by-product source of 1 t/day at \(node) added", supplied))
            }
            for k in [0, base.fleets.count - 1] {
                var fewer = base
                let removed = fewer.fleets.remove(at: k)
                variants.append(("fleet \(removed.id) removed", fewer))
            }
            var failures = 0
            for v in variants {
                let start = DispatchTime.now().uptimeNanoseconds
                let r = try cost(v.scenario)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                guard let c = r.cny else { print("  \(v.what): \(r.status)  FAIL (no plan)"); failures += 1; continue }
                let ok = c <= baseCost * (1 + 2 * gap)
                if !ok { failures += 1 }
                print(String(format: "  %@: %@ CNY, %+.4f %% against the base (%@, %.1f s)  %@", v.what as NSString, formatNumber(c.rounded()) as NSString,
                             100 * (c - baseCost) / baseCost, r.status as NSString, seconds, (ok ? "ok" : "FAIL: costs more") as NSString))
            }
            print("\(name): \(variants.count - failures) of \(variants.count) variants never cost more")
        } catch {
            print("\(name): \(error) (run h2bench from the package root)")
        }
    }
})

// A starting plan for the planning MILP (issue 8, item 2), from its LP relaxation.
//
// On large networks the solver can spend its whole time limit strengthening the root
// relaxation without finding any plan (a 100-node synthetic province: no plan after 120 s), so a
// time-limited run would have nothing to report. The start gives it one at once:
//   1. solve the LP relaxation (a valid lower bound on the optimum);
//   2. round it up, site by site: enough units of one type (70 MPa where the relaxation puts
//      70 MPa capacity there; the type that holds the site's largest capacity most cheaply) to
//      hold the capacity the relaxation gives the site in each period, never fewer than in the
//      period before. Every draw, cover row and capacity row the relaxation satisfies then
//      still holds, because each site has at least the capacity (and is at least as open) as in
//      the relaxation;
//   3. complete it: solve the MILP with those unit counts fixed. What is left (intakes, link
//      segments, central plants, the draws) is small, and it is solved to a loose gap.
// The completed plan is passed to the solver as its incumbent (CBC takes it; for HiGHS and GLPK
// the planner keeps it and reports it if the search ends with nothing better). It is a plan, not
// a proof: it is called optimal only when its gap against the relaxation or the solver's bound is
// within the gap asked for. Its own gap against the relaxation is reported beside it.
import H2Numerics

/// The starting plan and how good it is.
public struct PlanningStart: Sendable, Equatable {
    /// The start's present cost (the MILP's objective at the start), CNY.
    public var costCny: Double
    /// The LP relaxation's optimum: no plan costs less, CNY.
    public var relaxationCny: Double
    /// (start − relaxation) / start: how far the start is, at most, from the optimum.
    public var gap: Double { costCny != 0 ? (costCny - relaxationCny) / abs(costCny) : 0 }
}

extension PhasedPlanningInputs {
    /// The start's values for every variable of `f`, and its cost; nil when the relaxation has
    /// no optimum or the completion finds no plan within `timeLimitSeconds`.
    func start(for f: PhasedFormulation, timeLimitSeconds: Double?) throws -> (values: [Double], start: PlanningStart)? {
        let relaxed = try f.milp.relaxation.solve(timeLimitSeconds: timeLimitSeconds)
        // The completion gets what the relaxation left of the time limit.
        let left = timeLimitSeconds.map { max($0 - relaxed.solveSeconds, 1) }
        guard relaxed.status == .optimal, let bound = relaxed.objective else { return nil }
        var completion = f.milp
        completion.start = nil
        let T = periods.count
        for s in candidates {
            guard let byType = f.units[s] else { continue }
            let needs70 = unitTypes.indices.contains { k in unitTypes[k].pressure == .mpa70 && (0..<T).contains { relaxed[byType[k][$0]] > 1e-6 } }
            let pressure: DispensingPressure = needs70 || !unitTypes.contains { $0.pressure == .mpa35 } ? .mpa70 : .mpa35
            // The type of that pressure that holds the site's largest capacity most cheaply
            // within the per-site maximum (ties: the larger type).
            let capacities = (0..<T).map { t in unitTypes.indices.reduce(0.0) { $0 + unitTypes[$1].capacityKgPerDay * relaxed[byType[$1][t]] } }
            let room = max(0, maximumUnitsPerSite - (existing[s] ?? []).count)
            func needed(_ k: Int) -> Int { Int(((capacities.max() ?? 0) / unitTypes[k].capacityKgPerDay - 1e-9).rounded(.up)) }
            let ofPressure = unitTypes.indices.filter { unitTypes[$0].pressure == pressure }
            guard let largest = ofPressure.max(by: { unitTypes[$0].capacityKgPerDay < unitTypes[$1].capacityKgPerDay }) else { continue }
            let fitting = ofPressure.filter { needed($0) <= room }
            let chosen = fitting.min { (Double(needed($0)) * unitAnnualCny[$0], -unitTypes[$0].capacityKgPerDay) < (Double(needed($1)) * unitAnnualCny[$1], -unitTypes[$1].capacityKgPerDay) } ?? largest
            var count = 0
            for (t, period) in periods.enumerated() {
                let room = max(0, maximumUnitsPerSite - existing(at: s, in: period).count)
                count = min(max(count, Int((capacities[t] / unitTypes[chosen].capacityKgPerDay - 1e-9).rounded(.up))), room)
                for k in unitTypes.indices {
                    let value = Double(k == chosen ? count : 0)
                    completion.setBounds(byType[k][t], lower: value, upper: value)
                }
            }
        }
        let done = try completion.solve(timeLimitSeconds: left, relativeGap: max(relativeGap, 1e-3))
        guard done.status.hasSolution, let cost = done.objective else { return nil }
        return (done.values, PlanningStart(costCny: cost, relaxationCny: bound))
    }
}

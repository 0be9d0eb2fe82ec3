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
//      segments, central plants, the draws) is small, and it is solved to a loose gap;
//   4. downsize it (below) and complete again, keeping the cheaper of the two.
// The completed plan is passed to the solver as its incumbent (HiGHS and CBC take it; for GLPK
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
        let clock = ContinuousClock(), began = clock.now
        func left() -> Double? { timeLimitSeconds.map { max($0 - (clock.now - began).seconds, 1) } }
        let relaxed = try f.milp.relaxation.solve(timeLimitSeconds: timeLimitSeconds)
        guard relaxed.status == .optimal, let bound = relaxed.objective else { return nil }
        let T = periods.count
        // New-unit capacity the relaxation gives each site in each period, and whether it is
        // at 70 MPa.
        var capacity: [Int: [Double]] = [:], needs70: [Int: Bool] = [:]
        for s in candidates {
            guard let byType = f.units[s] else { continue }
            capacity[s] = (0..<T).map { t in unitTypes.indices.reduce(0.0) { $0 + unitTypes[$1].capacityKgPerDay * relaxed[byType[$1][t]] } }
            needs70[s] = unitTypes.indices.contains { k in unitTypes[k].pressure == .mpa70 && (0..<T).contains { relaxed[byType[k][$0]] > 1e-6 } }
        }
        let done = try completion(f, capacity: capacity, needs70: needs70, atLeastOne: [], timeLimitSeconds: left())
        guard done.status.hasSolution, var cost = done.objective else { return nil }
        var values = done.values
        // 4. Downsize: the relaxation spreads capacity thinly, so its rounding leaves units
        //    idle. Give each site with new units only what the completed plan dispenses there
        //    (beyond its existing stations; at least one unit, which may be what covers a
        //    corridor) and complete again; keep the cheaper plan.
        let (load, load70) = siteLoads(f, values)
        var used: [Int: [Double]] = [:], used70: [Int: Bool] = [:], keep = Set<Int>()
        for s in candidates {
            guard let byType = f.units[s], (0..<T).contains(where: { t in unitTypes.indices.contains { values[byType[$0][t].index] > 0.5 } }) else { continue }
            keep.insert(s)
            let all = periods.enumerated().map { t, period in max(0, (load[s]?[t] ?? 0) / maximumUtilisation - existingCapacity(at: s, in: period, pressure70Only: false)) }
            let high = periods.enumerated().map { t, period in max(0, (load70[s]?[t] ?? 0) / maximumUtilisation - existingCapacity(at: s, in: period, pressure70Only: true)) }
            used[s] = zip(all, high).map { max($0, $1) }
            used70[s] = high.contains { $0 > 1e-9 }
        }
        let smaller = try completion(f, capacity: used, needs70: used70, atLeastOne: keep, timeLimitSeconds: left())
        if smaller.status.hasSolution, let c = smaller.objective, c < cost { cost = c; values = smaller.values }
        return (values, PlanningStart(costCny: cost, relaxationCny: bound))
    }

    /// The MILP with every site's new units fixed: enough units of one type (70 MPa where
    /// `needs70`; of that pressure, the type that holds the site's largest capacity most cheaply
    /// within the per-site maximum, ties to the larger) to hold `capacity` in each period,
    /// never fewer than the period before; sites in `atLeastOne` keep a unit from their first
    /// period with capacity on. Sites not in `capacity` get none. Solved to a loose gap.
    func completion(_ f: PhasedFormulation, capacity: [Int: [Double]], needs70: [Int: Bool], atLeastOne: Set<Int>, timeLimitSeconds: Double?) throws -> MILPSolution {
        var milp = f.milp
        milp.start = nil
        let T = periods.count
        for s in candidates {
            guard let byType = f.units[s] else { continue }
            let capacities = capacity[s] ?? Array(repeating: 0, count: T)
            let pressure: DispensingPressure = needs70[s] == true || !unitTypes.contains { $0.pressure == .mpa35 } ? .mpa70 : .mpa35
            // Units of type k that hold `kg` kg/day.
            func units(_ kg: Double, _ k: Int) -> Int { Int((kg / unitTypes[k].capacityKgPerDay - 1e-9).rounded(.up)) }
            let peak = capacities.max() ?? 0
            let ofPressure = unitTypes.indices.filter { unitTypes[$0].pressure == pressure }
            guard let largest = ofPressure.max(by: { unitTypes[$0].capacityKgPerDay < unitTypes[$1].capacityKgPerDay }) else { continue }
            let room = max(0, maximumUnitsPerSite - (existing[s] ?? []).count)
            // (Within each type's own bound: a type worth having once is not chosen to be had twice.)
            let fitting = ofPressure.filter { units(peak, $0) <= min(room, Int(f.milp.variables[byType[$0][0].index].upperBound)) }
            let chosen = fitting.min { (Double(units(peak, $0)) * unitAnnualCny[$0], -unitTypes[$0].capacityKgPerDay) < (Double(units(peak, $1)) * unitAnnualCny[$1], -unitTypes[$1].capacityKgPerDay) } ?? largest
            let first = atLeastOne.contains(s) ? (capacities.firstIndex { $0 > 1e-9 } ?? 0) : T
            var count = 0
            for (t, period) in periods.enumerated() {
                let room = max(0, maximumUnitsPerSite - existing(at: s, in: period).count)
                count = min(max(count, units(capacities[t], chosen), t >= first ? 1 : 0), room)
                for k in unitTypes.indices {
                    let value = Double(k == chosen ? count : 0)
                    milp.setBounds(byType[k][t], lower: value, upper: value)
                }
            }
        }
        return try milp.solve(timeLimitSeconds: timeLimitSeconds, relativeGap: max(relativeGap, 1e-3))
    }

    /// kg/day dispensed at each site in each period in `values` (all vehicles; 70 MPa ones).
    func siteLoads(_ f: PhasedFormulation, _ values: [Double]) -> (all: [Int: [Double]], p70: [Int: [Double]]) {
        let T = periods.count
        var all: [Int: [Double]] = [:], p70: [Int: [Double]] = [:]
        func add(_ site: Int, _ t: Int, _ kg: Double, _ pressure: DispensingPressure) {
            all[site, default: Array(repeating: 0, count: T)][t] += kg
            if pressure == .mpa70 { p70[site, default: Array(repeating: 0, count: T)][t] += kg }
        }
        for (d, byPeriod) in f.assign.enumerated() {
            for (t, draws) in byPeriod.enumerated() { for (site, v) in draws { add(site, t, max(0, values[v.index]), demands[d].pressure) } }
        }
        for (t, pools) in f.pools.enumerated() {
            for pool in pools {
                guard let member = pool.members.first else { continue }
                for (site, v) in pool.draws { add(site, t, max(0, values[v.index]), demands[member.demand].pressure) }
            }
        }
        return (all, p70)
    }
}

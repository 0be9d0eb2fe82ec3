// A starting plan for the planning MILP (issue 8, item 2), from its LP relaxation.
//
// On large networks the solver can spend its whole time limit strengthening the root
// relaxation without finding any plan (a 100-node synthetic province: no plan after 120 s), so a
// time-limited run would have nothing to report. The start gives it one at once:
//   1. solve the LP relaxation (a valid lower bound on the optimum);
//   2. round it up, site by site: in each period the cheapest mix of units (70 MPa where the
//      relaxation puts 70 MPa capacity there), within each type's bound, that holds the
//      capacity the relaxation gives the site, never fewer of a type than in the period
//      before. Every draw, cover row and capacity row the relaxation satisfies then
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

    /// The MILP with every site's new units fixed: in each period the cheapest mix of units (70
    /// MPa where `needs70`) that holds `capacity` there, never fewer of a type than the period
    /// before and within each type's bound and the per-site maximum (ties to more capacity); a
    /// mix of one type when the mixes are too many to list. Sites in `atLeastOne` keep a unit
    /// from their first period with capacity on. Sites not in `capacity` get none. Solved to a
    /// loose gap.
    func completion(_ f: PhasedFormulation, capacity: [Int: [Double]], needs70: [Int: Bool], atLeastOne: Set<Int>, timeLimitSeconds: Double?) throws -> MILPSolution {
        var milp = f.milp
        milp.start = nil
        let T = periods.count
        for s in candidates {
            guard let byType = f.units[s] else { continue }
            let capacities = capacity[s] ?? Array(repeating: 0, count: T)
            let pressure: DispensingPressure = needs70[s] == true || !unitTypes.contains { $0.pressure == .mpa35 } ? .mpa70 : .mpa35
            let ofPressure = unitTypes.indices.filter { unitTypes[$0].pressure == pressure }
            guard !ofPressure.isEmpty else { continue }
            let first = atLeastOne.contains(s) ? (capacities.firstIndex { $0 > 1e-9 } ?? 0) : T
            // The mix for the largest capacity first, within the fewest places any period has;
            // each period then takes the cheapest part of it that holds its own capacity (so an
            // early choice never blocks a later period).
            let rooms = periods.map { max(0, maximumUnitsPerSite - existing(at: s, in: $0).count) }
            let none = Array(repeating: 0, count: ofPressure.count)
            let final = cheapestMix(ofPressure, holding: capacities.max() ?? 0, from: none,
                                    most: ofPressure.map { min(Int(f.milp.variables[byType[$0][T - 1].index].upperBound), rooms.min() ?? 0) },
                                    room: rooms.min() ?? 0, least: first < T ? 1 : 0)
            var counts = none  // of ofPressure's types
            for t in periods.indices {
                counts = cheapestMix(ofPressure, holding: capacities[t], from: counts, most: final.indices.map { max(counts[$0], final[$0]) },
                                     room: rooms[t], least: t >= first ? 1 : 0)
                for k in unitTypes.indices {
                    let value = Double(ofPressure.firstIndex(of: k).map { counts[$0] } ?? 0)
                    milp.setBounds(byType[k][t], lower: value, upper: value)
                }
            }
        }
        return try milp.solve(timeLimitSeconds: timeLimitSeconds, relativeGap: max(relativeGap, 1e-3))
    }

    /// Counts of `types` (nameplate capacity ≥ `kg`, at least `least` units, at least `from`
    /// of each, at most `most` of each and `room` in all) at the least annual cost; ties to more
    /// capacity, then to the first listed. Where no mix holds `kg`, the one that holds most. Every
    /// mix is listed when there are at most 50,000, else mixes of one type added to `from`.
    func cheapestMix(_ types: [Int], holding kg: Double, from: [Int], most: [Int], room: Int, least: Int) -> [Int] {
        let ranges = types.indices.map { i in from[i]...max(from[i], most[i]) }
        var best: (mix: [Int], holds: Bool, cost: Double, capacity: Double)? = nil
        func consider(_ mix: [Int]) {
            let places = mix.reduce(0, +)
            guard places <= max(room, from.reduce(0, +)), places >= least else { return }
            let capacity = types.indices.reduce(0.0) { $0 + unitTypes[types[$1]].capacityKgPerDay * Double(mix[$1]) }
            let cost = types.indices.reduce(0.0) { $0 + unitAnnualCny[types[$1]] * Double(mix[$1]) }
            let holds = capacity >= kg - 1e-9
            if let b = best, !(holds != b.holds ? holds : holds ? (cost, -capacity) < (b.cost, -b.capacity) : capacity > b.capacity) { return }
            best = (mix, holds, cost, capacity)
        }
        if ranges.reduce(1.0, { $0 * Double($1.count) }) <= 50_000 {
            var mix = from
            func list(_ i: Int) {
                if i == types.count { consider(mix); return }
                for n in ranges[i] { mix[i] = n; list(i + 1) }
            }
            list(0)
        } else {
            consider(from)
            for i in types.indices {
                for n in ranges[i] where n > from[i] { var mix = from; mix[i] = n; consider(mix) }
            }
        }
        return best?.mix ?? from
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

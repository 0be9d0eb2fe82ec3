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
//      segments, central plants, the draws) is small, and it is solved to a 1 % gap;
//   3a. then the units-first plan: the MILP with only the station units (and fleets' served
//      choices) integral, every intake, link segment and central plant continuous, so that the
//      logistics' fixed charges are spread over what they carry, searched from the completed
//      plan of step 3 (a plan of the full MILP is one of this model too); then the MILP with
//      the unit counts it found fixed (solved to a 1 % gap). Where the rounding of step 2 is far
//      from the optimum because the relaxation spreads capacity over many sites, this search
//      moves the stations (the 300-node synthetic province: 6.0 % above the relaxation against
//      the rounding's 10.0 %; README, "Phased planning");
//   3b. beside it, Lim and Kuby's greedy construction: sites added one at a time, each the
//      candidate that covers the most demand still uncovered, then the MILP with new units
//      only at those sites (solved to a 1 % gap);
//   4. substitute: search the MILP over the sites the plans use, from the cheapest, where
//      the solver may drop sites, swap one plan's sites for another's, move draws and
//      re-size stations (the substitution step of Lim and Kuby's greedy-plus-substitution,
//      done by the solver on a small neighbourhood).
// The completed plan is passed to the solver as its incumbent (HiGHS and CBC take it; for GLPK
// the planner keeps it and reports it if the search ends with nothing better). It is a plan, not
// a proof: it is called optimal only when its gap against the relaxation or the solver's bound is
// within the gap asked for. Its own gap against the relaxation is reported beside it.
import H2Numerics

/// The starting plan and how good it is.
public struct PlanningStart: Sendable, Equatable {
    /// The start's present cost (the MILP's objective at the start), CNY.
    public var costCny: Double
    /// The rounded and completed plan's cost before the substitution search (step 4), CNY; nil
    /// when the completion found no plan in its time.
    public var roundedCostCny: Double?
    /// The greedy plan's cost before the substitution search, CNY; nil without one.
    public var greedyCostCny: Double?
    /// The LP relaxation's optimum: no plan costs less, CNY.
    public var relaxationCny: Double
    /// The units-first plan's cost (step 3a) before the substitution search, CNY; nil when its
    /// searches found no plan in their time.
    public var unitsFirstCostCny: Double?
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
        // The completion may take half of what is left, the units-first plan half of what is left
        // then and the greedy plan a quarter of the rest, so that the search over the plans'
        // sites (step 4) keeps time of its own. (The units-first plan searched first, in a
        // quarter and without a start, found no plan better than the rounding's on the 300-node
        // province in one of two runs; from the completed plan it ends 5.0 % from the bound
        // against 9.0 %, side by side.)
        let done = try completion(f, capacity: capacity, needs70: needs70, timeLimitSeconds: left().map { max($0 / 2, 1) })
        let rounded = done.status.hasSolution ? done.objective : nil
        let unitsFirst = try unitsFirstPlan(f, from: rounded != nil ? done.values : nil, timeLimitSeconds: left().map { max($0 / 2, 1) })
        let greedy = try greedyPlan(f, timeLimitSeconds: left().map { max($0 / 4, 1) })
        var plans: [(cost: Double, values: [Double])] = []
        if let rounded { plans.append((rounded, done.values)) }
        if let unitsFirst, let c = unitsFirst.objective { plans.append((c, unitsFirst.values)) }
        if let greedy, let c = greedy.objective { plans.append((c, greedy.values)) }
        guard var (cost, values) = plans.min(by: { $0.cost < $1.cost }) else { return nil }
        // 4. Drop, swap and resize: the MILP itself over the sites the plans build at (no new
        //    units elsewhere), from the cheapest. The rounding opens every site the relaxation
        //    touches and leaves units idle, the greedy opens few; here the solver may close the
        //    sites others can stand in for, take one plan's sites for another's, move their
        //    draws and re-size every station, in a neighbourhood small enough to search well.
        //    (It replaced a second completion with each site cut down to what it dispenses,
        //    which this search contains: on the 100-node province the start came to 4.9 % above
        //    the relaxation instead of 5.5 %, and the plan at 120 s to 1.8 % from the bound
        //    instead of 2.5 %.)
        let used = Set(plans.flatMap { plan in
            candidates.filter { s in (f.units[s] ?? []).contains { $0.contains { plan.values[$0.index] > 0.5 } } }
        })
        var restricted = onlyAt(used, f)
        restricted.start = values
        let searched = try restricted.solve(timeLimitSeconds: left(), relativeGap: max(relativeGap, 1e-3))
        if searched.status.hasSolution, let c = searched.objective, c < cost { cost = c; values = searched.values }
        return (values, PlanningStart(costCny: cost, roundedCostCny: rounded, greedyCostCny: greedy?.objective, relaxationCny: bound,
                                      unitsFirstCostCny: unitsFirst?.objective))
    }

    /// `f`'s MILP with no new units outside `sites`.
    func onlyAt(_ sites: Set<Int>, _ f: PhasedFormulation) -> MILPProblem {
        var milp = f.milp
        milp.start = nil
        for s in candidates where !sites.contains(s) {
            for row in f.units[s] ?? [] { for v in row { milp.setBounds(v, lower: 0, upper: 0) } }
        }
        return milp
    }

    /// Step 3a: the MILP with only the station units and the fleets' served choices integral (an
    /// intake, link segment or plant then costs its fixed charge in proportion to its use, and a
    /// site's open flag follows its units), searched from `plan` (a plan of the full MILP, or
    /// nil) for two thirds of the time to a 1 % gap; then the MILP with the unit counts it found
    /// fixed, for the rest. Nil when either search finds no plan in its time.
    func unitsFirstPlan(_ f: PhasedFormulation, from plan: [Double]?, timeLimitSeconds: Double?) throws -> MILPSolution? {
        let clock = ContinuousClock(), began = clock.now
        let units = f.units.values.flatMap { $0.flatMap { $0 } }
        let kept = Set(units + f.served.flatMap { $0.compactMap { $0 } })
        var siting = f.milp.relaxation(keepingIntegral: kept)
        siting.start = plan
        let sited = try siting
            .solve(timeLimitSeconds: timeLimitSeconds.map { max($0 * 2 / 3, 1) }, relativeGap: max(relativeGap, 1e-2))
        guard sited.status.hasSolution else { return nil }
        var milp = f.milp
        milp.start = nil
        for v in units {
            let n = sited[v].rounded()
            milp.setBounds(v, lower: n, upper: n)
        }
        let left = timeLimitSeconds.map { max($0 - (clock.now - began).seconds, 1) }
        let completed = try milp.solve(timeLimitSeconds: left, relativeGap: max(relativeGap, 1e-2))
        return completed.status.hasSolution ? completed : nil
    }

    /// Lim and Kuby's greedy construction, then the MILP over the sites it chose (solved to a
    /// 1 % gap): nil when the greedy finds no cover or the MILP no plan in time.
    func greedyPlan(_ f: PhasedFormulation, timeLimitSeconds: Double?) throws -> MILPSolution? {
        guard let sites = greedySites(f) else { return nil }
        let plan = try onlyAt(sites, f).solve(timeLimitSeconds: timeLimitSeconds, relativeGap: max(relativeGap, 1e-2))
        return plan.status.hasSolution ? plan : nil
    }

    /// Sites chosen one at a time, each the candidate that does most for what is still
    /// uncovered, until every demand can be served (Lim and Kuby's greedy for the flow-refuelling
    /// location model, with depot fleets and station capacity added):
    ///   - a corridor flow's arc-cover set, or a depot fleet's reach, counts its kg/day until a
    ///     chosen site (or an existing station of its pressure, open in every period it needs)
    ///     lies in it;
    ///   - a flow's cover group or a fleet counts what its chosen and existing sites cannot hold
    ///     (the most a site holds: every place filled with the largest unit).
    /// Nil when some demand has no site, or its sites cannot hold it. A site's score is kept up
    /// to date as sets are covered, so a step costs a pass over the sites, not over the sets.
    func greedySites(_ f: PhasedFormulation) -> Set<Int>? {
        let T = periods.count
        let largest = unitTypes.map(\.capacityKgPerDay).max() ?? 0
        struct Need { var sites: [Int]; var kgPerDay: Double; var capacity: Bool }
        var needs: [Need] = []
        for demand in demands where demand.kgPerDay > 0 {
            let active = (0..<T).filter { demand.kgPerDay($0) > 0 }
            guard !active.isEmpty else { continue }
            // An existing station meets a set for this demand when it is open at its pressure
            // (or higher) in every period the demand has.
            func openForIt(_ s: Int) -> Bool {
                active.allSatisfy { t in existing(at: s, in: periods[t]).contains { demand.pressure == .mpa35 || $0.pressure == .mpa70 } }
            }
            func add(_ sites: [Int], _ kg: Double, capacity: Bool) {
                if !capacity && sites.contains(where: openForIt) { return }
                needs.append(Need(sites: sites.filter { f.units[$0] != nil || existing[$0] != nil }, kgPerDay: kg, capacity: capacity))
            }
            let peak = active.map { demand.shareByPeriod[$0] }.max() ?? 0
            if let sites = demand.depotSites {
                add(sites, demand.kgPerDay, capacity: false)
                add(sites, demand.kgPerDay * peak, capacity: true)
            } else if let q = demand.flow {
                for set in frlm.flows[q].arcCoverSets { add(set, demand.kgPerDay, capacity: false) }
                for g in fuelGroups[q] where g.kgPerDay > 0 { add(g.sites, g.kgPerDay * peak, capacity: true) }
            }
        }
        // What each site holds: existing stations open from the first period, and (below) what a
        // chosen site adds. A site's capacity is shared out among the needs it is in, so no
        // kilogram of it counts twice.
        var left: [Int: Double] = [:]
        for s in existing.keys { left[s] = existing(at: s, in: periods[0]).reduce(0) { $0 + $1.capacityKgPerDay } * maximumUtilisation }
        var short = needs.map { $0.kgPerDay }
        func allocate(_ s: Int, to n: Int) {
            let take = min(short[n], left[s] ?? 0)
            guard take > 0 else { return }
            short[n] -= take
            left[s]! -= take
        }
        for n in needs.indices where needs[n].capacity { for s in needs[n].sites { allocate(s, to: n) } }
        if needs.indices.contains(where: { short[$0] > 1e-9 && needs[$0].sites.allSatisfy { f.units[$0] == nil } }) { return nil }
        var bySite: [Int: [Int]] = [:]
        for (n, need) in needs.enumerated() { for s in need.sites where f.units[s] != nil { bySite[s, default: []].append(n) } }
        // What a chosen site adds: every place it has left filled with the largest unit.
        var newHold: [Int: Double] = [:]
        for s in bySite.keys {
            newHold[s] = largest * Double(max(0, maximumUnitsPerSite - existing(at: s, in: periods[T - 1]).count)) * maximumUtilisation
        }
        // A site's score: the kg/day of the uncovered sets it lies in, and what it would hold of
        // the shortfall of the needs it is in.
        var cover: [Int: Double] = [:], shortfall: [Int: Double] = [:]
        for (s, ns) in bySite {
            for n in ns where short[n] > 1e-9 {
                if needs[n].capacity { shortfall[s, default: 0] += short[n] } else { cover[s, default: 0] += short[n] }
            }
        }
        func score(_ s: Int) -> Double { (cover[s] ?? 0) + min(shortfall[s] ?? 0, newHold[s]!) }
        var chosen = Set<Int>()
        var open = needs.indices.filter { short[$0] > 1e-9 }.count
        let sites = bySite.keys.sorted()
        while open > 0 {
            var best: (site: Int, score: Double)? = nil
            for s in sites where !chosen.contains(s) {
                let v = score(s)
                if v > 1e-9 && v > (best?.score ?? 0) { best = (s, v) }
            }
            guard let site = best?.site else { return nil }
            chosen.insert(site)
            left[site, default: 0] += newHold[site]!
            for n in bySite[site]! where short[n] > 1e-9 {
                let before = short[n]
                if needs[n].capacity { allocate(site, to: n) } else { short[n] = 0 }
                if short[n] <= 1e-9 { short[n] = 0; open -= 1 }
                // The need's other sites now do less for it.
                for s in needs[n].sites where f.units[s] != nil {
                    if needs[n].capacity { shortfall[s]! -= before - short[n] } else { cover[s]! -= before }
                }
            }
        }
        return chosen
    }

    /// The MILP with every site's new units fixed: in each period the cheapest mix of units (70
    /// MPa where `needs70`) that holds `capacity` there, never fewer of a type than the period
    /// before and within each type's bound and the per-site maximum (ties to more capacity); a
    /// mix of one type when the mixes are too many to list. Sites not in `capacity` get none.
    /// Solved to a 1 % gap: the search of step 4 refines it.
    func completion(_ f: PhasedFormulation, capacity: [Int: [Double]], needs70: [Int: Bool], timeLimitSeconds: Double?) throws -> MILPSolution {
        var milp = f.milp
        milp.start = nil
        let T = periods.count
        for s in candidates {
            guard let byType = f.units[s] else { continue }
            let capacities = capacity[s] ?? Array(repeating: 0, count: T)
            let pressure: DispensingPressure = needs70[s] == true || !unitTypes.contains { $0.pressure == .mpa35 } ? .mpa70 : .mpa35
            let ofPressure = unitTypes.indices.filter { unitTypes[$0].pressure == pressure }
            guard !ofPressure.isEmpty else { continue }
            // The mix for the largest capacity first, within the fewest places any period has;
            // each period then takes the cheapest part of it that holds its own capacity (so an
            // early choice never blocks a later period).
            let rooms = periods.map { max(0, maximumUnitsPerSite - existing(at: s, in: $0).count) }
            let none = Array(repeating: 0, count: ofPressure.count)
            let final = cheapestMix(ofPressure, holding: capacities.max() ?? 0, from: none,
                                    most: ofPressure.map { min(Int(f.milp.variables[byType[$0][T - 1].index].upperBound), rooms.min() ?? 0) },
                                    room: rooms.min() ?? 0)
            var counts = none  // of ofPressure's types
            for t in periods.indices {
                counts = cheapestMix(ofPressure, holding: capacities[t], from: counts, most: final.indices.map { max(counts[$0], final[$0]) },
                                     room: rooms[t])
                for k in unitTypes.indices {
                    let value = Double(ofPressure.firstIndex(of: k).map { counts[$0] } ?? 0)
                    milp.setBounds(byType[k][t], lower: value, upper: value)
                }
            }
        }
        return try milp.solve(timeLimitSeconds: timeLimitSeconds, relativeGap: max(relativeGap, 1e-2))
    }

    /// Counts of `types` (nameplate capacity ≥ `kg`, at least `from`
    /// of each, at most `most` of each and `room` in all) at the least annual cost; ties to more
    /// capacity, then to the first listed. Where no mix holds `kg`, the one that holds most. Every
    /// mix is listed when there are at most 50,000, else mixes of one type added to `from`.
    func cheapestMix(_ types: [Int], holding kg: Double, from: [Int], most: [Int], room: Int) -> [Int] {
        let ranges = types.indices.map { i in from[i]...max(from[i], most[i]) }
        var best: (mix: [Int], holds: Bool, cost: Double, capacity: Double)? = nil
        func consider(_ mix: [Int]) {
            let places = mix.reduce(0, +)
            guard places <= max(room, from.reduce(0, +)) else { return }
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
}


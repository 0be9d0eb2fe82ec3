// The phased planner against independent checks (issue 7): exhaustive enumeration of every
// build schedule on small instances, costed with the cost engine's own functions (not the
// MILP's coefficients); the optimiser's objective against the engine's re-costing; and
// monotonicity (more choice never costs more, less demand never costs more).
import Testing
@testable import H2Model
import H2Numerics

@Suite struct PhasedPlanningTests {
    /// Three sites on a line, each with its own depot fleets (radius 0: they refuel at home),
    /// two periods, two pressures, two sources, trailer delivery; at most one unit per site;
    /// optionally an existing 35 MPa station at the first site.
    struct Instance {
        var scenario: PlanningScenario
        var a: Assumptions
    }

    static func instance(seed: UInt64) throws -> Instance {
        var rng = SplitMix64(seed: seed)
        func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * Double(rng.next() >> 11) / Double(1 << 53) }
        let ids = ["A", "B", "C", "S"]
        let nodes = ids.enumerated().map { NetworkNode(id: $0.element, name: $0.element, kind: "city", latitude: 26, longitude: 106 + Double($0.offset)) }
        let edges = [NetworkEdge(from: "S", to: "A", km: uniform(20, 150)), NetworkEdge(from: "A", to: "B", km: uniform(20, 150)),
                     NetworkEdge(from: "B", to: "C", km: uniform(20, 150))]
        let network = try Network(nodes: nodes, edges: edges)
        let classes = [VehicleClass(id: "bus35", name: "bus", kgPer100Km: 7.6, tankKg: 25, rangeKm: 300, pressure: .mpa35, dailyKm: 150),
                       VehicleClass(id: "car70", name: "car", kgPer100Km: 1, tankKg: 6, rangeKm: 500, pressure: .mpa70, dailyKm: 200)]
        var fleets: [Fleet] = []
        for site in ["A", "B", "C"] {
            for c in classes where uniform(0, 1) < 0.6 {
                let perVehicle = c.dailyKm * c.kgPer100Km / 100
                let vehicles = (uniform(40, 380) / perVehicle).rounded()
                fleets.append(Fleet(id: "\(site)_\(c.id)", name: site, pattern: .depot(home: site, serviceRadiusKm: 0), vehicleClass: c.id,
                                    vehicles: vehicles, shareByYear: [(2025, 1), (2030, uniform(1, 1.8))]))
            }
        }
        if fleets.isEmpty { fleets.append(Fleet(id: "A_bus35", name: "A", pattern: .depot(home: "A", serviceRadiusKm: 0), vehicleClass: "bus35", vehicles: 20, shareByYear: [(2025, 1)])) }
        let sources = [HydrogenSource(id: "by", name: "by-product", node: "S", pathway: .byproduct, availableTonnesPerYear: 5000),
                       HydrogenSource(id: "grid", name: "grid", node: ["A", "B", "C"][Int(rng.next() % 3)], pathway: .gridElectrolysis,
                                      availableTonnesPerYear: 5000, firstYear: uniform(0, 1) < 0.5 ? 2030 : nil)]
        var settings = PlanningSettings()
        settings.periods = [2025, 2030]
        settings.stationSizesKgPerDay = [500, 1000]
        settings.maximumStationsPerNode = 1
        settings.deliveryModes = [.tubeTrailer20, .tubeTrailer50]
        // Half the instances may also build an electrolyser at the station: a piecewise-linear
        // cost curve with a fixed charge per segment, kept once built.
        settings.onsiteElectrolysis = seed % 2 == 0
        var existing: [ExistingStation] = []
        if uniform(0, 1) < 0.5 {
            existing.append(ExistingStation(id: "old", name: "old", node: "A", capacityKgPerDay: 500, pressure: .mpa35, openingYear: uniform(0, 1) < 0.5 ? 2020 : 2030))
        }
        let scenario = PlanningScenario(network: network, vehicleClasses: classes, fleets: fleets, sources: sources,
                                        candidateSites: ["A", "B", "C"], existingStations: existing, settings: settings)
        return Instance(scenario: scenario, a: ParameterCatalogue.defaults)
    }

    /// An existing station nothing can use (no fleet within reach of its node) is listed as
    /// idle, with its O&M counted, instead of vanishing from the plan; the enumeration
    /// instances' depot fleets refuel at home, so a fleet-less node's station is idle.
    @Test func anIdleExistingStationIsListedAndItsOperatingCostCounts() throws {
        for seed in UInt64(0)..<40 {
            var i = try Self.instance(seed: seed)
            let homes = Set(i.scenario.fleets.map { f -> String in if case .depot(let home, _) = f.pattern { return home }; return "" })
            guard let empty = ["A", "B", "C"].first(where: { !homes.contains($0) }) else { continue }
            i.scenario.existingStations = [ExistingStation(id: "idle", name: "idle", node: empty, capacityKgPerDay: 500, pressure: .mpa35, openingYear: 2020)]
            let plan = try CorridorPlanner.plan(i.scenario, i.a)
            guard plan.status.hasSolution else { continue }
            #expect(plan.idleExisting.map(\.id) == ["idle"] && plan.idleExisting.first?.site == empty)
            #expect(!plan.stations.contains { $0.existingID == "idle" })
            #expect(plan.diagnosis.contains { $0.message.contains("existing station idle at \(empty) dispenses nothing in any period") })
            // The same plan without the station costs its O&M less, in both costs.
            var without = i.scenario
            without.existingStations = []
            let other = try CorridorPlanner.plan(without, i.a)
            let om = plan.idleExisting[0].annualOmCny * plan.horizon.periods.reduce(0) { $0 + plan.horizon.presentValueOfAnnual($1) }
            #expect(abs((plan.recostedCostCny ?? 0) - (other.recostedCostCny ?? 0) - om) <= 1e-6 * om + 2e-4 * (other.recostedCostCny ?? 0))
            return
        }
        Issue.record("no instance with a fleet-less node")
    }

    /// The least present cost over every build schedule, each costed with the engine: per site,
    /// no unit or one unit of a type from a period on (the existing station instead where there
    /// is one); per site and period the cheapest source and trailer class for the kg it must
    /// dispense. Nil when no schedule serves every fleet.
    static func enumerate(_ i: Instance) throws -> Double? {
        let s = i.scenario, a = i.a
        let horizon = PlanningHorizon(years: s.settings.periodYears, horizonYears: Int(a.finance.operatingYears),
                                      discountRate: a.finance.socialDiscountRatePct / 100)
        let u = a.station.maximumUtilisationPct / 100
        let sites = ["A", "B", "C"]
        let types = [DispensingPressure.mpa35, .mpa70].flatMap { p in s.settings.stationSizesKgPerDay.map { StationUnitType(capacityKgPerDay: $0, pressure: p) } }
        // Demand by site, period and pressure.
        func demand(_ site: String, _ t: Int, _ p: DispensingPressure) -> Double {
            s.fleets.filter { f in
                if case .depot(let home, _) = f.pattern { return home == site && s.vehicleClass(f.vehicleClass)!.pressure == p }
                return false
            }.reduce(0) { $0 + s.depotDemandKgPerDay($1) * $1.share(in: horizon.periods[t].year) }
        }
        // What an electrolyser at the site costs a year for the period's kg (nil: not offered).
        func onsite(_ site: String, _ t: Int) throws -> Double? {
            let d35 = demand(site, t, .mpa35), d70 = demand(site, t, .mpa70)
            guard s.settings.onsiteElectrolysis, d35 + d70 > 0 else { return nil }
            let e = try SupplyLinkCost.evaluate(.onsiteElectrolysis, .none, distanceKm: 0, kgPerDay: d35 + d70, a)
            let energy = try SupplyLinkCost.stationEnergyCnyPerKg(.onsiteElectrolysis, .none, distanceKm: 0, pressure: .mpa35, a) * d35
                + SupplyLinkCost.stationEnergyCnyPerKg(.onsiteElectrolysis, .none, distanceKm: 0, pressure: .mpa70, a) * d70
            return e.annualCny + energy * 365
        }
        // What supplying a site costs a year in a period: the cheapest source and class.
        func supply(_ site: String, _ t: Int) throws -> Double? {
            let d35 = demand(site, t, .mpa35), d70 = demand(site, t, .mpa70)
            let kg = d35 + d70
            guard kg > 0 else { return 0 }
            var best: Double? = nil
            for source in s.sources where source.capacityKgPerDay(in: horizon.periods[t].year) >= kg {
                let km = s.network.distances(from: s.network.position(of: source.node)!)[s.network.position(of: site)!]
                let distance = source.node == site ? s.settings.sameNodeDistanceKm : km
                for mode in s.settings.deliveryModes {
                    let e = try SupplyLinkCost.evaluate(source.pathway, mode, distanceKm: distance, kgPerDay: kg, a)
                    let energy = try SupplyLinkCost.stationEnergyCnyPerKg(source.pathway, mode, distanceKm: distance, pressure: .mpa35, a) * d35
                        + SupplyLinkCost.stationEnergyCnyPerKg(source.pathway, mode, distanceKm: distance, pressure: .mpa70, a) * d70
                    let cost = e.annualCny + energy * 365
                    if best == nil || cost < best! { best = cost }
                }
            }
            return best
        }
        // Each site's options: (annual cost by period, or nil when infeasible).
        var options: [[[Double]]] = []
        for site in sites {
            var siteOptions: [[Double]] = []
            let old = s.existingStations.first { $0.node == site }
            var schedules: [[(capacity: Double, has70: Bool, annual: Double)?]] = []
            if let old {
                // The existing station, no new unit (one unit per site at most).
                schedules.append(horizon.periods.map { p in old.openingYear <= p.year
                    ? (old.capacityKgPerDay, old.pressure == .mpa70, StationModel.annualOmCny(capacityKgPerDay: old.capacityKgPerDay, pressure: old.pressure, a)) : nil })
            } else {
                schedules.append(horizon.periods.map { _ in nil })
                for type in types {
                    for start in horizon.periods.indices {
                        schedules.append(horizon.periods.indices.map { t in t >= start
                            ? (type.capacityKgPerDay, type.pressure == .mpa70, StationModel.annualCostCny(capacityKgPerDay: type.capacityKgPerDay, pressure: type.pressure, a)) : nil })
                    }
                }
            }
            // Supply in each period: delivered, or the site's electrolyser, which once built
            // stays in use.
            let T = horizon.periods.count
            let supplies = (0..<(1 << T)).filter { mask in (0..<T - 1).allSatisfy { mask & (1 << $0) == 0 || mask & (1 << ($0 + 1)) != 0 } }
            schedule: for schedule in schedules {
                supplied: for mask in supplies {
                    var annual: [Double] = []
                    for t in horizon.periods.indices {
                        let d35 = demand(site, t, .mpa35), d70 = demand(site, t, .mpa70)
                        guard let unit = schedule[t] else {
                            if d35 + d70 > 0 { continue schedule }
                            annual.append(0); continue
                        }
                        if d35 + d70 > unit.capacity * u * (1 + 1e-12) || (d70 > 0 && !unit.has70) { continue schedule }
                        let cost = mask & (1 << t) != 0 ? try onsite(site, t) : try supply(site, t)
                        guard let cost else { continue supplied }
                        annual.append(unit.annual + cost)
                    }
                    siteOptions.append(annual)
                }
            }
            options.append(siteOptions)
        }
        // Sites are independent (fleets refuel at home, sources are ample): the best schedule
        // is the best option of each site; enumerate the combinations all the same.
        var best: Double? = nil
        for x in options[0] { for y in options[1] { for z in options[2] {
            var total = 0.0
            for (t, p) in horizon.periods.enumerated() { total += (x[t] + y[t] + z[t]) * horizon.presentValueOfAnnual(p) }
            if best == nil || total < best! { best = total }
        } } }
        return best
    }

    /// On every MILP backend, and on HiGHS and CBC with the search started from the rounded LP
    /// relaxation (issue 8: each passes the same exactness test).
    @Test(arguments: PlanningSolver.allCases.map { ($0, false) } + [(.highs, true), (.cbc, true)])
    func exhaustiveEnumerationFindsNoCheaperSchedule(solver: PlanningSolver, startHeuristic: Bool) throws {
        var solved = 0, started = 0
        for seed in UInt64(1)...200 {
            var i = try Self.instance(seed: seed)
            i.scenario.settings.solver = solver
            i.scenario.settings.startHeuristic = startHeuristic
            let enumerated = try Self.enumerate(i)
            let plan = try CorridorPlanner.plan(i.scenario, i.a)
            guard let best = enumerated else {
                #expect(!plan.status.hasSolution, "seed \(seed): enumeration finds no schedule, the planner \(plan.status)")
                continue
            }
            #expect(plan.status == .optimal, "\(solver) seed \(seed): \(plan.status) \(plan.diagnosis)")
            guard let recosted = plan.recostedCostCny, let optimiser = plan.optimiserCostCny else { continue }
            solved += 1
            // The start is a plan: never cheaper than the optimum, and its gap is against a lower bound.
            if let start = plan.start {
                started += 1
                #expect(start.costCny >= optimiser * (1 - 1e-9) && start.relaxationCny <= optimiser * (1 + 1e-9), "seed \(seed): start \(start)")
                #expect(start.gap >= -1e-12)
            }
            // Trailer links are affine, so the optimiser sees the engine's costs exactly; an
            // electrolyser's curve is within its stated approximation error (and the search
            // stops within the MIP gap).
            let bound = plan.approximationError + i.scenario.settings.relativeGap
            if !i.scenario.settings.onsiteElectrolysis { #expect(plan.approximationError <= 1e-9, "seed \(seed): trailer links are affine") }
            #expect(recosted >= best * (1 - 1e-9), "\(solver) seed \(seed): the plan \(recosted) is cheaper than the cheapest schedule \(best)")
            #expect(recosted <= best * (1 + 2 * bound + 1e-7), "\(solver) seed \(seed): planner \(recosted) vs enumeration \(best)")
            #expect(abs(optimiser - recosted) <= (bound + 1e-7) * recosted, "seed \(seed): optimiser \(optimiser) vs engine \(recosted)")
            // Plans are nested: capacity never falls from one period to the next.
            for (p, q) in zip(plan.periods, plan.periods.dropFirst()) { #expect(q.capacityKgPerDay >= p.capacityKgPerDay - 1e-9) }
        }
        #expect(solved >= 100, "only \(solved) of 200 instances were feasible")
        if startHeuristic { #expect(started >= solved * 9 / 10, "a start on only \(started) of \(solved) feasible instances") }
    }

    /// Holding a unit type to one a site where two of it cost more than one unit twice its size
    /// (`mostUnitsWorthHaving`) never raises the optimum: on random instances with room for
    /// four units a site, fleets that need several and sizes the swap pays for, the model with the types' bounds lifted
    /// back to the per-site maximum finds nothing cheaper.
    @Test func boundingDominatedUnitTypesKeepsTheOptimum() throws {
        var bounded = 0
        for seed in UInt64(1)...40 {
            var i = try Self.instance(seed: seed)
            i.scenario.settings.maximumStationsPerNode = 4
            i.scenario.settings.stationSizesKgPerDay = [200, 500, 1000]
            // Fleets three times the size, so that sites need several units.
            for f in i.scenario.fleets.indices { i.scenario.fleets[f].vehicles *= 3 }
            let horizon = PlanningHorizon(years: i.scenario.settings.periodYears, horizonYears: Int(i.a.finance.operatingYears),
                                          discountRate: i.a.finance.socialDiscountRatePct / 100)
            var inputs = try CorridorPlanner.demandByPeriod(i.scenario, i.a, horizon)
            try CorridorPlanner.supplyOptions(i.scenario, i.a, &inputs)
            let f = inputs.formulation()
            var lifted = f.milp
            var anyHeld = false
            for byType in f.units.values {
                for row in byType {
                    for v in row where f.milp.variables[v.index].upperBound < Double(inputs.maximumUnitsPerSite) {
                        anyHeld = true
                        lifted.setBounds(v, lower: 0, upper: Double(inputs.maximumUnitsPerSite))
                    }
                }
            }
            guard anyHeld else { continue }
            bounded += 1
            let withBound = try f.milp.solve(timeLimitSeconds: 60, relativeGap: 1e-9)
            let without = try lifted.solve(timeLimitSeconds: 60, relativeGap: 1e-9)
            #expect(withBound.status == without.status, "seed \(seed): \(withBound.status) vs \(without.status)")
            guard let a = withBound.objective, let b = without.objective else { continue }
            #expect(abs(a - b) <= 1e-7 * abs(b), "seed \(seed): bounded optimum \(a), unbounded \(b)")
        }
        // The bound must apply somewhere for this to test anything.
        #expect(bounded >= 20, "the bound applies on only \(bounded) of 40 instances")
    }

    /// The rule by hand: a 1,000 kg/day unit costing 1.5 times a 500 kg/day one a year is worth
    /// two 500s only when the second 500 is cheap because it comes late and briefly. Periods of
    /// PV weight [1, 1, 8]: the 1,000 from t₁ costs 1.5 × 10, 15, against 10 + 8 for 500s from
    /// t₁ = 0 and t₂ = 2 (and 13.5 < 9 + 8 from t₁ = 1), so the 500 is held to one. Weights
    /// [5, 5, 1]: 1.5 × 11 = 16.5 > 11 + 1, so two 500s can pay and the 500 keeps the maximum.
    /// The largest type, and a type with no same-pressure type twice its size, keep it too.
    @Test func aTypeIsHeldToOneOnlyWhenTheSwapPaysHoweverTimed() {
        let types = [StationUnitType(capacityKgPerDay: 500, pressure: .mpa35), StationUnitType(capacityKgPerDay: 1000, pressure: .mpa35),
                     StationUnitType(capacityKgPerDay: 800, pressure: .mpa70)]
        let annual = [1.0, 1.5, 1.4]
        #expect(PhasedPlanningInputs.mostUnitsWorthHaving(types, annualCny: annual, perSite: 4, pv: [1, 1, 8]) == [1, 4, 4])
        #expect(PhasedPlanningInputs.mostUnitsWorthHaving(types, annualCny: annual, perSite: 4, pv: [5, 5, 1]) == [4, 4, 4])
        // Dearer than two: never held. One period: held when it costs at most two.
        #expect(PhasedPlanningInputs.mostUnitsWorthHaving(types, annualCny: [1, 2.01, 1], perSite: 4, pv: [1]) == [4, 4, 4])
        #expect(PhasedPlanningInputs.mostUnitsWorthHaving(types, annualCny: [1, 2, 1], perSite: 4, pv: [1]) == [1, 4, 4])
    }

    /// The start's rounding by hand: 500, 1,000 and 2,000 kg/day units at 1, 1.37 and 2 a year,
    /// at most one of each small type and three places. 2,100 kg/day: 2,000 + 500 (3) beats
    /// 2,000 + 1,000 (3.37) and two 2,000s (4). From that, 4,000: only another 2,000 holds it
    /// (500 + 1,000 + 2,000 holds 3,500). 9,000: nothing holds it, so the most capacity. Nothing
    /// to hold: no unit.
    @Test func theStartRoundsEachSiteToTheCheapestMixThatHoldsIt() throws {
        var i = try Self.instance(seed: 1)
        i.scenario.settings.stationSizesKgPerDay = [500, 1000, 2000]
        i.scenario.settings.maximumStationsPerNode = 3
        let horizon = PlanningHorizon(years: i.scenario.settings.periodYears, horizonYears: 20, discountRate: 0.08)
        var inputs = try CorridorPlanner.demandByPeriod(i.scenario, i.a, horizon)
        let types = inputs.unitTypes.indices.filter { inputs.unitTypes[$0].pressure == .mpa35 }
        #expect(types.map { inputs.unitTypes[$0].capacityKgPerDay } == [500, 1000, 2000])
        for (k, cost) in zip(types, [1.0, 1.37, 2]) { inputs.unitAnnualCny[k] = cost }
        let most = [1, 1, 3]
        #expect(inputs.cheapestMix(types, holding: 2100, from: [0, 0, 0], most: most, room: 3) == [1, 0, 1])
        #expect(inputs.cheapestMix(types, holding: 4000, from: [1, 0, 1], most: most, room: 3) == [1, 0, 2])
        #expect(inputs.cheapestMix(types, holding: 9000, from: [1, 0, 1], most: most, room: 3) == [1, 0, 2])
        #expect(inputs.cheapestMix(types, holding: 0, from: [0, 0, 0], most: most, room: 3) == [0, 0, 0])
    }

    /// A small corridor with a corridor flow, for the monotonicity properties.
    static func corridor(seed: UInt64) throws -> PlanningScenario {
        var i = try instance(seed: seed)
        i.scenario.fleets.append(Fleet(id: "truck", name: "trucks", pattern: .corridor(origin: "A", destination: "C", roundTripsPerVehiclePerDay: 1),
                                       vehicleClass: "bus35", vehicles: 10, shareByYear: [(2025, 1), (2030, 1.2)]))
        i.scenario.settings.maximumStationsPerNode = 2
        return i.scenario
    }

    /// The start's substitution search (step 4) starts from the rounded plan, so it never ends
    /// dearer; where fleets may refuel at any of several sites, the rounding opens every site the
    /// relaxation spreads them over, and the search closes some. Never below the optimum. The
    /// units-first plan is a plan on every instance, never below the optimum either.
    @Test func theStartsSubstitutionSearchImprovesOnTheRounding() throws {
        let a = ParameterCatalogue.defaults
        var started = 0, improved = 0, unitsFirst = 0
        for seed in UInt64(1)...30 {
            var s = try Self.corridor(seed: seed)
            for f in s.fleets.indices {
                if case .depot(let home, _) = s.fleets[f].pattern { s.fleets[f].pattern = .depot(home: home, serviceRadiusKm: 400) }
            }
            s.settings.startHeuristic = true
            let plan = try CorridorPlanner.plan(s, a)
            guard plan.status == .optimal, let start = plan.start, let optimum = plan.optimiserCostCny else { continue }
            started += 1
            if start.unitsFirstCostCny != nil { unitsFirst += 1 }
            for plan in [start.roundedCostCny, start.unitsFirstCostCny, start.greedyCostCny].compactMap({ $0 }) {
                #expect(start.costCny <= plan * (1 + 1e-9), "seed \(seed): \(start)")
                #expect(plan >= optimum * (1 - 1e-9), "seed \(seed): \(start) vs \(optimum)")
            }
            #expect(start.costCny >= optimum * (1 - 1e-9) && start.relaxationCny <= optimum * (1 + 1e-9), "seed \(seed): \(start) vs \(optimum)")
            if let rounded = start.roundedCostCny, start.costCny < rounded * (1 - 1e-6) { improved += 1 }
        }
        #expect(started >= 20, "a start on \(started) of 30 instances")
        #expect(improved >= 5, "the search improved on the rounding on \(improved) of \(started)")
        #expect(unitsFirst == started, "a units-first plan on \(unitsFirst) of \(started)")
    }

    /// The greedy construction's sites meet every demand: each arc-cover set of each corridor
    /// flow and each depot fleet's reach holds a chosen site or an existing station open at its
    /// pressure, and each fleet's sites can hold its peak. The MILP over those sites then has a
    /// plan, never below the optimum.
    @Test func theGreedyChoosesSitesThatMeetEveryDemand() throws {
        let a = ParameterCatalogue.defaults
        var planned = 0
        for seed in UInt64(1)...20 {
            var s = try Self.corridor(seed: seed)
            for f in s.fleets.indices {
                if case .depot(let home, _) = s.fleets[f].pattern { s.fleets[f].pattern = .depot(home: home, serviceRadiusKm: 400) }
            }
            let horizon = PlanningHorizon(years: s.settings.periodYears, horizonYears: 20, discountRate: 0.08)
            var inputs = try CorridorPlanner.demandByPeriod(s, a, horizon)
            try CorridorPlanner.supplyOptions(s, a, &inputs)
            let f = inputs.formulation()
            let sites = try #require(inputs.greedySites(f), "seed \(seed)")
            let largest = inputs.unitTypes.map(\.capacityKgPerDay).max()!
            for demand in inputs.demands where demand.kgPerDay > 0 {
                let active = inputs.periods.indices.filter { demand.kgPerDay($0) > 0 }
                let sets = demand.depotSites.map { [$0] } ?? inputs.frlm.flows[demand.flow!].arcCoverSets
                for set in sets {
                    let met = set.contains { s in sites.contains(s) || active.allSatisfy { t in
                        inputs.existing(at: s, in: inputs.periods[t]).contains { demand.pressure == .mpa35 || $0.pressure == .mpa70 } } }
                    #expect(met, "seed \(seed): \(demand.id) set \(set)")
                }
                if let reach = demand.depotSites {
                    let perSite: Double = largest * Double(inputs.maximumUnitsPerSite) * inputs.maximumUtilisation
                    let new: Double = Double(reach.filter { sites.contains($0) }.count) * perSite
                    var old = 0.0
                    for s in reach { old += inputs.existingCapacity(at: s, in: inputs.periods.last!, pressure70Only: false) * inputs.maximumUtilisation }
                    let peak: Double = demand.kgPerDay * (demand.shareByPeriod.max() ?? 0)
                    #expect(new + old >= peak - 1e-6, "seed \(seed): \(demand.id)")
                }
            }
            let optimum = try #require(try f.milp.solve().objective)
            if let plan = try inputs.greedyPlan(f, timeLimitSeconds: nil), let cost = plan.objective {
                planned += 1
                #expect(cost >= optimum * (1 - 1e-9), "seed \(seed)")
            }
        }
        #expect(planned >= 15, "a greedy plan on \(planned) of 20 instances")
    }

    @Test func moreChoiceNeverCostsMoreAndLessDemandNeverCostsMore() throws {
        let a = ParameterCatalogue.defaults
        for seed in UInt64(100)...110 {
            let base = try Self.corridor(seed: seed)
            let plan = try CorridorPlanner.plan(base, a)
            guard plan.status == .optimal, let cost = plan.optimiserCostCny else { continue }
            func cheaperOrEqual(_ s: PlanningScenario, _ what: String) throws {
                let other = try CorridorPlanner.plan(s, a)
                #expect(other.status == .optimal, "seed \(seed) \(what): \(other.status)")
                if let c = other.optimiserCostCny { #expect(c <= cost * (1 + 1e-9), "seed \(seed) \(what): \(c) > \(cost)") }
            }
            var more = base; more.settings.stationSizesKgPerDay.append(2000); try cheaperOrEqual(more, "a size class")
            more = base; more.candidateSites!.append("S"); try cheaperOrEqual(more, "a candidate site")
            more = base; more.sources.append(HydrogenSource(id: "smr", name: "smr", node: "B", pathway: .smr, availableTonnesPerYear: 3000))
            try cheaperOrEqual(more, "a source")
            more = base; more.settings.deliveryModes.append(.tubeTrailer30); try cheaperOrEqual(more, "a trailer class")
            var less = base; less.fleets.removeFirst(); try cheaperOrEqual(less, "one fleet fewer")
        }
    }

    @Test func demandNoStationCanServeIsNamedWithItsPeriod() throws {
        var i = try Self.instance(seed: 3)
        // A fleet at a node that is not a candidate site and has no site within its radius.
        i.scenario.fleets.append(Fleet(id: "far", name: "far", pattern: .depot(home: "S", serviceRadiusKm: 1), vehicleClass: "bus35", vehicles: 5,
                                       shareByYear: [(2025, 0), (2030, 1)]))
        let plan = try CorridorPlanner.plan(i.scenario, i.a)
        #expect(plan.status == .infeasible)
        #expect(plan.diagnosis.contains { $0.message.contains("far") && $0.message.contains("2030") })
    }

    @Test func aMaximumPriceLeavesDearFleetsUnservedAndSaysWhy() throws {
        var i = try Self.instance(seed: 5)
        i.scenario.settings.maximumPriceCnyPerKg = 1  // nothing can be served for 1 CNY/kg
        let plan = try CorridorPlanner.plan(i.scenario, i.a)
        #expect(plan.status == .optimal)
        #expect(!plan.unserved.isEmpty)
        for u in plan.unserved { #expect((u.marginalCnyPerKg ?? 0) > 1) }
        #expect(plan.diagnosis.contains { $0.message.contains("above the maximum price") })
    }
}

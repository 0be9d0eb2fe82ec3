// A carbon price and an intensity cap in the planner (issue 13 item 6), against independent
// checks: the switch price of a two-source site computed by hand from the engine's per-kg cost
// and intensity of each link; the parametric exchange argument (a higher carbon price never
// raises the optimum's emissions, never lowers its cost before the charge); the cap held in
// every period by the engine's own emissions; an unreachable cap explained, never a bare
// infeasibility.
import Testing
@testable import H2Model
import H2Numerics

@Suite struct CarbonPlanningTests {
    /// One site with a depot fleet and two sources at the same node: cheap coal-gasification hydrogen
    /// and dearer surplus-hydro electrolysis, both by 20 MPa trailer over the same road.
    static func twoSources(carbonPrice: Double) throws -> PlanningScenario {
        let nodes = ["A", "S"].enumerated().map { NetworkNode(id: $0.element, name: $0.element, kind: "city", latitude: 26, longitude: 106 + Double($0.offset)) }
        let network = try Network(nodes: nodes, edges: [NetworkEdge(from: "S", to: "A", km: 80)])
        let bus = VehicleClass(id: "bus", name: "bus", kgPer100Km: 7.6, tankKg: 25, rangeKm: 300, pressure: .mpa35, dailyKm: 200)
        let fleet = Fleet(id: "A_bus", name: "A", pattern: .depot(home: "A", serviceRadiusKm: 0), vehicleClass: "bus", vehicles: 40, shareByYear: [(2025, 1)])
        let sources = [HydrogenSource(id: "coal", name: "coal", node: "S", pathway: .coal, availableTonnesPerYear: 5000),
                       HydrogenSource(id: "hydro", name: "hydro", node: "S", pathway: .surplusHydroElectrolysis, availableTonnesPerYear: 5000)]
        var settings = PlanningSettings()
        settings.periods = [2025]
        settings.stationSizesKgPerDay = [1000]
        settings.maximumStationsPerNode = 1
        settings.deliveryModes = [.tubeTrailer20]
        settings.relativeGap = 0
        settings.carbonPriceCnyPerTonne = carbonPrice
        return PlanningScenario(network: network, vehicleClasses: [bus], fleets: [fleet], sources: sources, candidateSites: ["A"], settings: settings)
    }

    static func pathways(_ plan: CorridorPlan) -> Set<ProductionPathway> { Set(plan.last?.links.map(\.source.pathway) ?? []) }

    /// The price at which the site changes source is (Δ cost per kg) / (Δ kg CO₂e per kg) of the
    /// two links, both from the cost engine at the volume the site dispenses: below it the plan
    /// buys coal hydrogen, above it hydro electrolysis.
    @Test func theSiteSwitchesSourceAtTheHandCalculatedPrice() throws {
        let a = ParameterCatalogue.defaults
        let kg = 40 * 200 * 7.6 / 100  // the fleet's kg a day
        func perKg(_ p: ProductionPathway) throws -> (cny: Double, co2: Double) {
            let e = try SupplyLinkCost.evaluate(p, .tubeTrailer20, distanceKm: 80, kgPerDay: kg, a)
            let station = try SupplyLinkCost.stationEnergy(p, .tubeTrailer20, distanceKm: 80, pressure: .mpa35, a)
            return (e.annualCny / (kg * 365) + station.cnyPerKg, e.co2KgPerDay / kg + station.co2KgPerKg)
        }
        let coal = try perKg(.coal), hydro = try perKg(.surplusHydroElectrolysis)
        try #require(coal.cny < hydro.cny && coal.co2 > hydro.co2, "the instance needs a cheap dirty and a dear clean source: \(coal) \(hydro)")
        let switchPrice = 1000 * (hydro.cny - coal.cny) / (coal.co2 - hydro.co2)  // CNY per tonne
        print("switch price by hand: \(switchPrice) CNY/t (coal \(coal), hydro \(hydro))")
        let below = try CorridorPlanner.plan(try Self.twoSources(carbonPrice: switchPrice * 0.97), a)
        let above = try CorridorPlanner.plan(try Self.twoSources(carbonPrice: switchPrice * 1.03), a)
        let none = try CorridorPlanner.plan(try Self.twoSources(carbonPrice: 0), a)
        #expect(Self.pathways(none) == [.coal])
        #expect(Self.pathways(below) == [.coal], "at 0.97 × the switch price: \(Self.pathways(below))")
        #expect(Self.pathways(above) == [.surplusHydroElectrolysis], "at 1.03 × the switch price: \(Self.pathways(above))")
        // The charge: the engine's emissions at the price, over the horizon, in both costs.
        let pvYears = above.horizon.periods.reduce(0) { $0 + above.horizon.presentValueOfAnnual($1) }
        let expected = switchPrice * 1.03 / 1000 * hydro.co2 * kg * 365 * pvYears
        #expect(abs(above.carbonChargeCny - expected) <= 1e-6 * expected, "charge \(above.carbonChargeCny) vs \(expected)")
        if let o = above.optimiserCostCny, let r = above.recostedCostCny { #expect(abs(o - r) <= 1e-6 * r, "optimiser \(o) vs engine \(r)") }
        #expect(none.carbonChargeCny == 0)
    }

    /// Emissions at the optimum (the engine's, PV-weighted over periods) and cost before the
    /// charge, for a plan.
    static func emissionsAndCost(_ plan: CorridorPlan) -> (co2: Double, cost: Double)? {
        guard plan.status == .optimal, let r = plan.recostedCostCny else { return nil }
        let co2 = plan.periods.reduce(0) { $0 + $1.co2KgPerDay * plan.horizon.presentValueOfAnnual($1.period) }
        return (co2, r - plan.carbonChargeCny)
    }

    /// For p1 < p2 the optimum at p2 emits no more and costs no less (before the charge) than
    /// at p1: add the two optimality inequalities. On the random two-period instances of the
    /// enumeration test, solved to a proven optimum.
    @Test func aHigherCarbonPriceNeverRaisesEmissions() throws {
        var compared = 0, cleaner = 0
        for seed in UInt64(1)...24 {
            var i = try PhasedPlanningTests.instance(seed: seed)
            i.scenario.settings.relativeGap = 0
            var previous: (price: Double, co2: Double, cost: Double)?
            var first: Double?
            defer { if let first, let last = previous?.co2, last < first * 0.99 { cleaner += 1 } }
            for price in [0.0, 100, 300, 1000, 3000] {
                i.scenario.settings.carbonPriceCnyPerTonne = price
                guard let now = Self.emissionsAndCost(try CorridorPlanner.plan(i.scenario, i.a)) else { break }
                if let p = previous {
                    compared += 1
                    // Tolerance: the curves' chord error on electrolyser links (0.4 % default).
                    #expect(now.co2 <= p.co2 * (1 + 1e-3) + 1e-6, "seed \(seed): emissions rose from \(p.co2) at \(p.price) to \(now.co2) at \(price) CNY/t")
                    #expect(now.cost >= p.cost * (1 - 1e-3), "seed \(seed): cost before the charge fell from \(p.cost) at \(p.price) to \(now.cost) at \(price)")
                }
                previous = (price, now.co2, now.cost)
                if first == nil { first = now.co2 }
            }
        }
        #expect(compared >= 40, "only \(compared) price steps compared")
        // The price must bite somewhere, or the test shows nothing.
        #expect(cleaner >= 3, "a carbon price of 3,000 CNY/t made only \(cleaner) plans cleaner")
    }

    /// A cap between the cleanest and the least-cost plan's intensity is held in every period by
    /// the engine's emissions, at a cost no lower than without it; a cap below any plan is
    /// explained with the uncapped plan's intensity (exit 3 in `run`), not left bare.
    @Test func theCapIsHeldInEveryPeriodOrExplained() throws {
        var capped = 0, explained = 0
        for seed in UInt64(1)...24 {
            var i = try PhasedPlanningTests.instance(seed: seed)
            i.scenario.settings.relativeGap = 0
            let free = try CorridorPlanner.plan(i.scenario, i.a)
            guard free.status == .optimal, let freeCost = free.recostedCostCny else { continue }
            let intensity = free.periods.map { $0.co2KgPerDay / $0.servedKgPerDay }
            // A cap a little below the least-cost plan's dirtiest period.
            let cap = 0.97 * intensity.max()!
            i.scenario.settings.maximumCo2KgPerKg = cap
            let plan = try CorridorPlanner.plan(i.scenario, i.a)
            if plan.status == .optimal {
                capped += 1
                for p in plan.periods {
                    #expect(p.co2KgPerDay <= cap * p.servedKgPerDay * (1 + 1e-3) + 1e-6, "seed \(seed) \(p.period.year): \(p.co2KgPerDay / p.servedKgPerDay) over the cap \(cap)")
                }
                #expect(plan.recostedCostCny! >= freeCost * (1 - 1e-3), "seed \(seed): the cap made the plan cheaper")
            } else {
                explained += 1
                #expect(plan.diagnosis.contains { $0.reason == .intensityCapUnmet && $0.message.contains("max_co2_kg_per_kg") }, "seed \(seed): \(plan.status) \(plan.diagnosis)")
            }
            // Far below any pathway: never feasible, always explained.
            i.scenario.settings.maximumCo2KgPerKg = 0.01
            let impossible = try CorridorPlanner.plan(i.scenario, i.a)
            #expect(!impossible.status.hasSolution)
            #expect(impossible.diagnosis.contains { $0.reason == .intensityCapUnmet }, "seed \(seed): \(impossible.diagnosis)")
        }
        #expect(capped >= 5, "only \(capped) instances met a cap below their least-cost intensity (\(explained) could not)")
    }
}

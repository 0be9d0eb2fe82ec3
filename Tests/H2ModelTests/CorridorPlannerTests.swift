// The planning pipeline on a small hand-made corridor: demand from fleets, the MILP's plan,
// and re-costing with the placement held fixed.
import Testing
@testable import H2Model

@Suite struct CorridorPlannerTests {
    static func scenario() throws -> PlanningScenario {
        let network = try Network(
            nodes: ["A", "B", "C", "D"].enumerated().map { NetworkNode(id: $0.element, name: $0.element, kind: "city", latitude: 26, longitude: 106 + Double($0.offset)) },
            edges: [NetworkEdge(from: "A", to: "B", km: 100), NetworkEdge(from: "B", to: "C", km: 120), NetworkEdge(from: "C", to: "D", km: 150)])
        let classes = [VehicleClass(id: "bus", name: "bus", kgPer100Km: 7.6, tankKg: 25, rangeKm: 300, pressure: .mpa35, dailyKm: 150),
                       VehicleClass(id: "truck", name: "truck", kgPer100Km: 9.1, tankKg: 55, rangeKm: 600, pressure: .mpa35, dailyKm: 300)]
        let fleets = [
            Fleet(id: "bus_b", name: "buses", pattern: .depot(home: "B", serviceRadiusKm: 25), vehicleClass: "bus", vehicles: 20,
                  shareByYear: [(2023, 0.5), (2025, 1), (2030, 1.2)]),
            Fleet(id: "truck_ad", name: "trucks", pattern: .corridor(origin: "A", destination: "D", roundTripsPerVehiclePerDay: 0.5),
                  vehicleClass: "truck", vehicles: 10, shareByYear: [(2025, 1), (2030, 1.5)]),
        ]
        let sources = [HydrogenSource(id: "src", name: "by-product", node: "A", pathway: .byproduct, availableTonnesPerYear: 5000)]
        return PlanningScenario(network: network, vehicleClasses: classes, fleets: fleets, sources: sources, candidateSites: nil, settings: PlanningSettings())
    }

    @Test func demandFromFleetsByHand() throws {
        let s = try Self.scenario()
        // 20 buses × 150 km × 7.6 kg/100 km = 228 kg/day.
        #expect(abs(s.depotDemandKgPerDay(s.fleets[0]) - 228) < 1e-12)
        // Ramp interpolation: 2024 is halfway between 0.5 and 1.
        #expect(abs(s.fleets[0].share(in: 2024) - 0.75) < 1e-12)
        #expect(s.fleets[0].share(in: 2040) == 1.2)
    }

    @Test func planServesEveryoneAndRecostsToItself() throws {
        let s = try Self.scenario()
        let a = ParameterCatalogue.defaults
        let plan = try CorridorPlanner.plan(s, a)
        #expect(plan.status == .optimal)
        #expect(plan.periods.allSatisfy { $0.flows.allSatisfy { $0.covered } })
        #expect(plan.periods.allSatisfy { $0.fleets.allSatisfy { $0.served } })
        // Trucks burn 10 × 0.5 × 2 × 370 km × 0.091 kg/km = 336.7 kg/day; buses 228.
        #expect(abs(plan.totalDemandKgPerDay - (228 + 336.7)) < 1e-6)
        #expect(abs(plan.servedKgPerDay - plan.totalDemandKgPerDay) < 1e-6)
        // Every covered flow is re-verified by driving it with the fuel simulation.
        let open = Set(plan.stations.map(\.site))
        let model = try FlowRefuellingModel(network: s.network, flows: [CorridorFlow(id: "t", origin: "A", destination: "D", volume: 5, rangeKm: 600)],
                                            rangeKm: 600, candidates: nil)
        #expect(model.coverage(openStations: Set(open.compactMap { s.network.position(of: $0) })).allSatisfy { $0.covered })
        // Fixed-placement re-costing with the same assumptions gives the plan's own average.
        let again = try CorridorPlanner.recost(plan, a)
        #expect(abs(again.total - plan.networkAverage.total) <= 1e-9 * plan.networkAverage.total)
        let totalOnly = try CorridorPlanner.recost(plan, a, itemised: false)
        #expect(abs(totalOnly.total - plan.networkAverage.total) <= 1e-6 * plan.networkAverage.total)
        // Dearer by-product hydrogen raises the average by at least the price step (more with
        // delivery losses).
        var dear = a
        dear.byproduct.gatePriceCnyPerKg += 2
        let raised = try CorridorPlanner.recost(plan, dear)
        #expect(raised.production - plan.networkAverage.production >= 2 - 1e-9)
    }

    /// An affine link from `source` to site 0 by `mode`: `fixed` + `rate` × kg a year when used.
    static func link(_ source: Int, _ mode: DeliveryMode, fixed: Double, rate: Double, intake: Double) -> PlanningLink {
        let segment = PiecewiseCost.Segment(lowerKgPerDay: 0, upperKgPerDay: 1000, fixedCnyPerYear: fixed, cnyPerYearPerKgPerDay: rate,
                                            producedFixedKgPerDay: 0, producedPerKg: 1)
        return PlanningLink(key: SupplyLinkKey(source: source, site: 0, mode: mode), pathway: .byproduct, distanceKm: 50,
                            curve: PiecewiseCost(segments: [segment], maximumRelativeError: 0), siteFixedCnyPerYear: intake,
                            energyCnyPerKg: [.mpa35: 0])
    }

    /// A site may take hydrogen by several delivery modes, each intake paying its charge, so a
    /// source's link by one mode is dropped where its link by another stands in for it whatever
    /// else the site draws on. Each case is checked against the plans it decides between.
    @Test func aSourcesLinkByOneModeIsDroppedOnlyWhereAnotherOfItsModesStandsIn() {
        func kept(_ links: [PlanningLink]) -> Set<String> {
            Set(CorridorPlanner.withoutDominatedModes(links, pressures: [.mpa35], tankLossKgPerDay: { $0 == .liquid ? 40 : 0 })
                .map { "\($0.key.source!)-\($0.key.mode.rawValue)" })
        }
        // A plan's yearly cost: each link at its kg/day, each intake used once.
        func cost(_ links: [PlanningLink], _ kg: [Double]) -> Double {
            var intakes: [DeliveryMode: Double] = [:]
            for (l, x) in zip(links, kg) where x > 0 { intakes[l.key.mode] = l.siteFixedCnyPerYear }
            return zip(links, kg).reduce(intakes.values.reduce(0, +)) { $0 + $1.0.curve.annualCny(at: $1.1) }
        }
        let trailer = [Self.link(0, .tubeTrailer20, fixed: 1000, rate: 20, intake: 100), Self.link(1, .tubeTrailer20, fixed: 1000, rate: 20, intake: 100)]
        // Source 1's pipeline costs 200 a year more than its trailer, more than the trailer's
        // intake: it goes even where the site keeps a pipeline for source 0, whose trailer goes
        // (its pipeline is far cheaper and needs no intake charge). What is left, source 0 by
        // pipeline beside source 1 by trailer, beats every plan it replaces.
        var pipe = [Self.link(0, .pipeline, fixed: 0, rate: 10, intake: 0), Self.link(1, .pipeline, fixed: 1200, rate: 20, intake: 0)]
        #expect(kept(trailer + pipe) == ["1-tube-trailer-20", "0-pipeline"])
        for x in [[1e-9, 1e-9], [300, 300], [1000, 1000]] {
            let left = cost([pipe[0], trailer[1]], x)
            #expect(left < cost(pipe, x) && left < cost(trailer, x) && left < cost([trailer[0], pipe[1]], x), "\(x)")
        }
        // With source 0's pipeline dear as well, the trailer stands in for both: pipelines go.
        pipe[0] = Self.link(0, .pipeline, fixed: 3000, rate: 25, intake: 0)
        for x in [[300.0, 0], [0, 300], [300, 300], [1000, 1000]] { #expect(cost(trailer, x) <= cost(pipe, x)) }
        #expect(kept(trailer + pipe) == ["0-tube-trailer-20", "1-tube-trailer-20"])
        // A cheaper intake pays for a dearer link once, not once per source: the pipeline, 70 a
        // year dearer a link than the trailer whose intake costs 100, stands in for one source's
        // trailer but not for two (300 kg/day each: 2 × 70 > 100), and the trailer, 70 cheaper,
        // does not pay for its intake beside a pipeline kept for the other source.
        let close = [Self.link(0, .pipeline, fixed: 1070, rate: 20, intake: 0), Self.link(1, .pipeline, fixed: 1070, rate: 20, intake: 0)]
        #expect(cost(close, [300, 300]) > cost(trailer, [300, 300]))
        #expect(cost([close[0], trailer[1]], [300, 300]) > cost(close, [300, 300]))
        #expect(kept(trailer + close) == ["0-tube-trailer-20", "1-tube-trailer-20", "0-pipeline", "1-pipeline"])
        #expect(kept([trailer[0], close[0]]) == ["0-pipeline"])
        // A source that offers no pipeline keeps its trailer; the other's goes.
        #expect(kept([trailer[0], trailer[1], Self.link(0, .pipeline, fixed: 0, rate: 1, intake: 0)]) == ["1-tube-trailer-20", "0-pipeline"])
        // A liquid intake's tank loss is counted once an intake by the MILP and on each link by
        // the curves: with two sources liquid stays whatever its curves, with one it can go.
        let liquid = [Self.link(0, .liquid, fixed: 9000, rate: 40, intake: 0), Self.link(1, .liquid, fixed: 9000, rate: 40, intake: 0)]
        #expect(kept(trailer + liquid).count == 4)
        #expect(kept([trailer[0], liquid[0]]) == ["0-tube-trailer-20"])
        // Of two modes that tie, the first stays.
        let twin = [Self.link(0, .tubeTrailer30, fixed: 1000, rate: 20, intake: 100), Self.link(1, .tubeTrailer30, fixed: 1000, rate: 20, intake: 100)]
        #expect(kept(trailer + twin) == ["0-tube-trailer-20", "1-tube-trailer-20"])
        // A mode by which a link builds a plant at the station takes no other intake beside it:
        // source 1's tanker link, dearer than its trailer by more than the trailer's intake,
        // cannot move alone while source 0's cracker keeps the tanker intake, and moving both
        // costs more than it saves (the cracker's hydrogen is the cheaper); the plant's own link
        // is never dropped.
        var cracker = Self.link(0, .ammoniaTanker, fixed: 0, rate: 1, intake: 0)
        cracker.stationPlant = true
        let tanker = Self.link(1, .ammoniaTanker, fixed: 5000, rate: 20, intake: 0)
        #expect(kept(trailer + [cracker, tanker]) == ["0-tube-trailer-20", "1-tube-trailer-20", "0-ammonia-tanker", "1-ammonia-tanker"])
        #expect(kept([trailer[1], tanker]) == ["1-tube-trailer-20"])
    }

    /// A site whose near source cannot supply it all pipes what that source makes and takes the
    /// rest from a far source by trailer: cheaper than either mode alone (with one mode a site,
    /// as before, it had to choose), and re-costed by the engine at what the optimiser paid.
    @Test func aSiteTakesAPipelineBesideATrailerWhenItsNearSourceRunsShort() throws {
        let network = try Network(
            nodes: ["A", "X", "B"].enumerated().map { NetworkNode(id: $0.element, name: $0.element, kind: "city", latitude: 26, longitude: 106 + Double($0.offset)) },
            edges: [NetworkEdge(from: "A", to: "X", km: 10), NetworkEdge(from: "X", to: "B", km: 150)])
        let bus = VehicleClass(id: "bus", name: "bus", kgPer100Km: 7.6, tankKg: 25, rangeKm: 300, pressure: .mpa35, dailyKm: 150)
        let fleet = Fleet(id: "buses", name: "buses", pattern: .depot(home: "X", serviceRadiusKm: 0), vehicleClass: "bus", vehicles: 400,
                          shareByYear: [(2025, 1)])
        let sources = [HydrogenSource(id: "near", name: "near", node: "A", pathway: .byproduct, availableTonnesPerYear: 1000),
                       HydrogenSource(id: "far", name: "far", node: "B", pathway: .byproduct, availableTonnesPerYear: 10000)]
        var settings = PlanningSettings()
        settings.periods = [2025]
        settings.stationSizesKgPerDay = [2000]
        settings.maximumStationsPerNode = 4
        settings.deliveryModes = [.tubeTrailer20, .pipeline]
        let s = PlanningScenario(network: network, vehicleClasses: [bus], fleets: [fleet], sources: sources, candidateSites: ["X"], settings: settings)
        let a = ParameterCatalogue.defaults
        let plan = try CorridorPlanner.plan(s, a)
        #expect(plan.status == .optimal)
        let links = plan.periods[0].links.filter { $0.kgPerDay > 1e-6 }
        #expect(Set(links.map { "\($0.source.id) \($0.key.mode.rawValue)" }) == ["near pipeline", "far tube-trailer-20"], "\(links)")
        let cost = try #require(plan.optimiserCostCny)
        for modes in [[DeliveryMode.tubeTrailer20], [.pipeline]] {
            var one = s
            one.settings.deliveryModes = modes
            let other = try CorridorPlanner.plan(one, a)
            #expect(other.status == .optimal)
            #expect(cost < (other.optimiserCostCny ?? 0) * (1 - 1e-4), "\(modes): \(cost) against \(other.optimiserCostCny ?? 0)")
        }
        #expect(abs(cost - (plan.recostedCostCny ?? 0)) <= 5e-3 * cost)
    }
}

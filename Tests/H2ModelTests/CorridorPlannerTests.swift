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
}

// Group "scale" (issue 8, item 5): the planning MILP as candidates and periods grow.
//   - the two flagships with a candidate point every 100, 50 and 25 km along their roads
//     (`placement.split_edges_km`) besides the nodes alone, each with 1 period (2025) and 3
//     (2025, 2027, 2030);
//   - synthetic road-like networks of 100, 300 and 1,000 nodes (each node joined to its three
//     nearest, road km = 1.2 × straight line), gravity corridor flows between cities, depot
//     fleets of 35 MPa buses and 70 MPa cars, three sources, 3 periods.
// Each case is planned end to end (supply options priced, MILP solved on the default backend,
// re-costed) with one time limit; it prints the MILP's size, the wall time, the status and the
// gap. One run per case by default (the long cases take minutes); H2BENCH_RUNS=3 prints the
// median of three. H2BENCH_SCALE=zhejiang-50km-3p,synthetic-300 picks cases by name;
// H2BENCH_TIME_LIMIT (default 600 s) sets the limit; H2BENCH_WRITE_LP=1 also writes each case's
// MILP to .build/scale-bench/<case>.lp (and the column names to <case>.names). The network-only FRLM at 25, 100 and 300
// nodes, every backend side by side, is the "backends" group.
import Foundation
import H2IO
import H2Model
import H2Numerics

/// A synthetic province: `n` nodes on a plane, the larger ones cities with fleets.
struct SyntheticPlanningInstance {
    let scenario: PlanningScenario

    init(nodes n: Int, seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * Double(rng.next() >> 11) / Double(1 << 53) }
        // About 60 km between neighbours whatever n (a province grows by area, not density).
        let side = Double(n).squareRoot() * 60
        let xy = (0..<n).map { _ in (uniform(0, side), uniform(0, side)) }
        // Population: a few large cities, many small towns (Pareto-like).
        let population = (0..<n).map { _ in 1 / pow(uniform(0.02, 1), 1.2) }
        func straightKm(_ a: Int, _ b: Int) -> Double {
            let dx = xy[a].0 - xy[b].0, dy = xy[a].1 - xy[b].1
            return (dx * dx + dy * dy).squareRoot()
        }
        func roadKm(_ a: Int, _ b: Int) -> Double { (straightKm(a, b) * 1.2 * 10).rounded() / 10 + 0.1 }
        var joined = Set<[Int]>()
        var edges: [NetworkEdge] = []
        for a in 0..<n {
            let nearest = (0..<n).filter { $0 != a }.sorted { straightKm(a, $0) < straightKm(a, $1) }.prefix(3)
            for b in nearest where joined.insert([min(a, b), max(a, b)]).inserted {
                edges.append(NetworkEdge(from: "v\(a)", to: "v\(b)", km: roadKm(a, b)))
            }
        }
        // ~1 km ≈ 0.009° of latitude; positions only matter for maps and fallbacks.
        let nodes = (0..<n).map { NetworkNode(id: "v\($0)", name: "v\($0)", kind: "city", latitude: 25 + xy[$0].1 * 0.009, longitude: 105 + xy[$0].0 * 0.01) }
        var network = try Network(nodes: nodes, edges: edges)
        // Join the components by their closest pair of nodes, one road at a time, until every
        // pair is connected (a road to a far node would leave trips no range can cover).
        while true {
            let reach = network.distances(from: 0)
            let inside = (0..<n).filter { reach[$0].isFinite }, outside = (0..<n).filter { !reach[$0].isFinite }
            guard !outside.isEmpty else { break }
            var best = (a: 0, b: outside[0], km: Double.infinity)
            for a in inside { for b in outside where straightKm(a, b) < best.km { best = (a, b, straightKm(a, b)) } }
            edges.append(NetworkEdge(from: "v\(best.a)", to: "v\(best.b)", km: roadKm(best.a, best.b)))
            network = try Network(nodes: nodes, edges: edges)
        }

        let classes = [VehicleClass(id: "bus", name: "bus", kgPer100Km: 7.6, tankKg: 25, rangeKm: 330, pressure: .mpa35, dailyKm: 180),
                       VehicleClass(id: "car", name: "car", kgPer100Km: 1, tankKg: 6, rangeKm: 600, pressure: .mpa70, dailyKm: 150),
                       VehicleClass(id: "truck", name: "truck", kgPer100Km: 10, tankKg: 45, rangeKm: 450, pressure: .mpa35, dailyKm: 400)]
        let ramp: [(year: Int, share: Double)] = [(2025, 1), (2027, 1.3), (2030, 1.8)]
        // Cities: the largest tenth of the nodes (at least 5).
        let cities = (0..<n).sorted { population[$0] > population[$1] }.prefix(max(5, n / 10))
        var fleets: [Fleet] = []
        for c in cities {
            let size = population[c]
            fleets.append(Fleet(id: "bus_v\(c)", name: "bus v\(c)", pattern: .depot(home: "v\(c)", serviceRadiusKm: 30), vehicleClass: "bus",
                                vehicles: min(200, (3 * size).rounded(.up)), shareByYear: ramp))
            if uniform(0, 1) < 0.5 {
                fleets.append(Fleet(id: "car_v\(c)", name: "car v\(c)", pattern: .depot(home: "v\(c)", serviceRadiusKm: 30), vehicleClass: "car",
                                    vehicles: min(500, (10 * size).rounded(.up)), shareByYear: ramp))
            }
        }
        // Gravity flows: trucks between city pairs, P_i P_j / d², the strongest 2n pairs.
        var pairs: [(Int, Int, Double)] = []
        let cityList = Array(cities)
        for (i, a) in cityList.enumerated() {
            for b in cityList[(i + 1)...] {
                let d = max(network.distances(from: a)[b], 30)
                pairs.append((a, b, population[a] * population[b] / (d * d)))
            }
        }
        pairs.sort { $0.2 > $1.2 }
        let strongest = pairs.prefix(2 * n)
        let top = strongest.first?.2 ?? 1
        for (a, b, g) in strongest {
            fleets.append(Fleet(id: "truck_v\(a)_v\(b)", name: "trucks", pattern: .corridor(origin: "v\(a)", destination: "v\(b)", roundTripsPerVehiclePerDay: 0.5),
                                vehicleClass: "truck", vehicles: max(2, (40 * g / top).rounded()), shareByYear: ramp))
        }
        // Sources: by-product hydrogen at two of the largest cities, grid electrolysis at the
        // largest from 2027; enough for any plan (the fleets grow with the province).
        let tonnes = 200 * Double(n)
        let sources = [HydrogenSource(id: "by1", name: "by-product 1", node: "v\(cityList[1])", pathway: .byproduct, availableTonnesPerYear: tonnes),
                       HydrogenSource(id: "by2", name: "by-product 2", node: "v\(cityList[3])", pathway: .byproduct, availableTonnesPerYear: tonnes),
                       HydrogenSource(id: "grid", name: "grid", node: "v\(cityList[0])", pathway: .gridElectrolysis, availableTonnesPerYear: 2.5 * tonnes, firstYear: 2027)]
        var settings = PlanningSettings()
        settings.periods = [2025, 2027, 2030]
        settings.stationSizesKgPerDay = [500, 1000, 2000]
        settings.maximumStationsPerNode = 6
        settings.deliveryModes = [.tubeTrailer20, .tubeTrailer50, .liquid]
        // Without a start the solver finds no plan on these networks within minutes.
        settings.startHeuristic = true
        scenario = PlanningScenario(network: network, vehicleClasses: classes, fleets: fleets, sources: sources, candidateSites: nil, settings: settings)
    }
}

let scaleBenchmarkGroup: (String, @Sendable () -> Void) = ("scale", {
    let env = ProcessInfo.processInfo.environment
    let limit = Double(env["H2BENCH_TIME_LIMIT"] ?? "") ?? 600
    let runs = max(1, Int(env["H2BENCH_RUNS"] ?? "") ?? 1)
    let wanted = env["H2BENCH_SCALE"].map { Set($0.split(separator: ",").map(String.init)) }
    print("HiGHS \(MILPSolver.highsVersion); time limit \(formatNumber(limit)) s; \(runs) run(s) per case")
    func report(_ name: String, _ make: () throws -> (PlanningScenario, Assumptions)) {
        guard wanted?.contains(name) ?? true else { return }
        do {
            var (scenario, a) = try make()
            scenario.settings.timeLimitSeconds = limit
            let milp = try CorridorPlanner.planningMILP(scenario, a)
            let integers = milp.variables.filter { $0.kind != .continuous }.count
            if env["H2BENCH_WRITE_LP"] != nil {
                // For side-by-side runs of the solvers' own drivers (Benchmarks/lp_solvers.sh).
                try? FileManager.default.createDirectory(atPath: ".build/scale-bench", withIntermediateDirectories: true)
                try milp.lpFormat.write(toFile: ".build/scale-bench/\(name).lp", atomically: true, encoding: .utf8)
                try milp.variables.map(\.name).joined(separator: "\n").write(toFile: ".build/scale-bench/\(name).names", atomically: true, encoding: .utf8)
            }
            var times: [Double] = []
            var plan: CorridorPlan?
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                plan = try CorridorPlanner.plan(scenario, a)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            times.sort()
            let p = plan!
            print(String(format: "%-24@ %6d columns (%5d integer) %6d rows  median %8.2f s over %d  %-10@ gap %.5f  %d stations",
                         name as NSString, milp.variables.count, integers, milp.constraints.count, times[times.count / 2], runs,
                         p.status.word as NSString, p.relativeGap ?? .nan, p.stationCount))
            if let start = p.start {
                func above(_ cost: Double?) -> String {
                    cost.map { String(format: "%.3f %%", 100 * ($0 - start.relaxationCny) / abs($0)) } ?? "no plan"
                }
                print(String(format: "    start: %.0f CNY, %.3f %% above the LP relaxation (rounded: %@; units first: %@; greedy: %@)", start.costCny,
                             100 * start.gap, above(start.roundedCostCny) as NSString, above(start.unitsFirstCostCny) as NSString,
                             above(start.greedyCostCny) as NSString))
            }
            for d in p.diagnosis.prefix(3) { print("    \(d.message)") }
        } catch {
            print("\(name): \(error) (run h2bench from the package root)")
        }
        fflush(nil)
    }
    for name in ["guizhou-2025", "zhejiang-2025"] {
        for spacing in [nil, 100, 50, 25] as [Int?] {
            for (label, periods) in [("1p", [2025]), ("3p", [2025, 2027, 2030])] {
                let caseName = "\(name.split(separator: "-")[0])-\(spacing.map { "\($0)km" } ?? "nodes")-\(label)"
                report(caseName) {
                    var sets = ["placement.periods=[2025, 2027, 2030]"]
                    if let spacing { sets.append("placement.split_edges_km=\(spacing)") }
                    var loaded = try ScenarioLoader.load(directory: "Models/\(name)", sets: sets)
                    var planning = try ScenarioLoader.loadPlanning(directory: "Models/\(name)", scenario: &loaded)
                    // One period: the 2025 plan alone (set here, after loading: the scenario
                    // files refuse ramp years outside the periods, and the 2030 ramp is one).
                    planning.settings.periods = periods
                    return (planning, loaded.parameters.assumptions)
                }
            }
        }
    }
    for n in [100, 300, 1000] {
        report("synthetic-\(n)") { (try SyntheticPlanningInstance(nodes: n, seed: UInt64(n)).scenario, ParameterCatalogue.defaults) }
    }
})

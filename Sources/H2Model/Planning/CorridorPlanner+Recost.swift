// Stage 4 of the planning pipeline: read the MILP's answer period by period, recompute its
// present cost with the cost engine at the volumes chosen (the check that the optimiser saw the
// costs that are reported), and cost every station build in full from its opening year.
import H2Numerics

extension CorridorPlanner {
    static func recost(_ s: PlanningScenario, _ a: Assumptions, _ inputs: PhasedPlanningInputs, _ solved: Solved) throws -> CorridorPlan {
        let horizon = inputs.horizon
        let solution = solved.solution, f = solved.formulation
        let fitError = inputs.links.map(\.curve.maximumRelativeError).max() ?? 0
        let demandByPeriod = inputs.periods.indices.map { t in inputs.demands.reduce(0) { $0 + $1.kgPerDay(t) } }
        guard solution.status.hasSolution else {
            let periods = inputs.periods.map { p in
                PeriodPlan(period: p, demandKgPerDay: demandByPeriod[p.index], servedKgPerDay: 0, capacityKgPerDay: 0, stationsOpen: 0,
                           stationsBuilt: 0, capitalCny: 0, fleets: [], flows: [], links: [], plants: [], networkAverageCnyPerKg: 0)
            }
            return CorridorPlan(status: solution.status, relativeGap: nil, horizon: horizon, periods: periods, stations: [], networkAverage: CostVector(),
                                optimiserCostCny: nil, recostedCostCny: nil, approximationError: fitError, diagnosis: solved.diagnosis,
                                unserved: solved.unserved, supplyOptionCount: inputs.links.count, solver: inputs.solver, start: solved.start)
        }
        let net = s.network
        let tiny = 1e-7
        func source(_ l: PlanningLink) -> HydrogenSource { sourceOf(s, l) }
        let T = inputs.periods.count
        // A site no demand can use has no unit variables.
        func units(_ site: Int, _ k: Int, _ t: Int) -> Int { f.units[site].map { Int(solution[$0[k][t]].rounded()) } ?? 0 }

        // Loads per site and period, by pressure (70 MPa vehicles need 70 MPa units).
        var load = [Int: [Double]](), load70 = [Int: [Double]]()
        var periodFleets: [[FleetAssignment]] = Array(repeating: [], count: T)
        var drawn: [[String: [String: Double]]] = Array(repeating: [:], count: T)
        let draws = f.drawsBySite(solution, tiny: tiny)
        for (d, demand) in inputs.demands.enumerated() {
            for t in 0..<T {
                var bySite: [String: Double] = [:]
                for (site, kg) in draws[d][t] {
                    bySite[net.nodes[site].id, default: 0] += kg
                    load[site, default: Array(repeating: 0, count: T)][t] += kg
                    if demand.pressure == .mpa70 { load70[site, default: Array(repeating: 0, count: T)][t] += kg }
                }
                let kg = demand.kgPerDay(t)
                let served = kg > 0 && (f.served[d][t].map { solution[$0] > 0.5 } ?? true)
                if demand.depotSites != nil {
                    periodFleets[t].append(FleetAssignment(id: demand.id, demandKgPerDay: kg, served: served,
                                                           kgPerDayBySite: bySite.keys.sorted().map { ($0, bySite[$0]!) }))
                } else {
                    drawn[t][demand.id] = served ? bySite : [:]
                }
            }
        }

        // Corridor coverage, re-verified by driving each flow with the fuel simulation on the
        // stations open in the period (70 MPa flows on 70 MPa stations only).
        var periodFlows: [[FlowCoverage]] = []
        for (t, period) in inputs.periods.enumerated() {
            var openAll = Set<Int>(), open70 = Set<Int>()
            for site in inputs.candidates {
                let here = inputs.existing(at: site, in: period)
                let new = inputs.unitTypes.indices.filter { units(site, $0, t) > 0 }
                if !here.isEmpty || !new.isEmpty { openAll.insert(site) }
                if here.contains(where: { $0.pressure == .mpa70 }) || new.contains(where: { inputs.unitTypes[$0].pressure == .mpa70 }) { open70.insert(site) }
            }
            let all = inputs.frlm.coverage(openStations: openAll), only70 = inputs.frlm.coverage(openStations: open70)
            var flows: [FlowCoverage] = []
            for demand in inputs.demands {
                guard let q = demand.flow else { continue }
                let c = demand.pressure == .mpa70 ? only70[q] : all[q]
                let share = demand.shareByPeriod[t]
                flows.append(FlowCoverage(id: c.id, volume: c.volume * share, covered: c.covered, refuellingStops: c.refuellingStops,
                                          roundTripKm: c.roundTripKm, hydrogenKgPerDay: c.hydrogenKgPerDay * share,
                                          drawnKgPerDayBySite: drawn[t][demand.id] ?? [:]))
            }
            periodFlows.append(flows)
        }

        // Link volumes, and the engine's cost of every period at those volumes.
        var linkKg: [[Double]] = Array(repeating: Array(repeating: 0, count: T), count: inputs.links.count)
        var recosted = 0.0
        struct BayKey: Hashable { var site: Int; var mode: DeliveryMode; var period: Int }
        var bays = Set<BayKey>()
        var linkEvaluations: [[SupplyLinkEvaluation?]] = Array(repeating: Array(repeating: nil, count: T), count: inputs.links.count)
        var co2ByPeriod = Array(repeating: 0.0, count: T), carbonCharge = 0.0
        for (i, link) in inputs.links.enumerated() {
            for t in 0..<T {
                // What the link dispensed (a liquid link also delivers its tank's loss).
                let kg = f.supply[i][t].values.reduce(0) { $0 + solution[$1] }
                guard kg > tiny else { continue }
                linkKg[i][t] = kg
                let e = try SupplyLinkCost.evaluate(link.pathway, link.key.mode, distanceKm: link.distanceKm, kgPerDay: kg, a)
                linkEvaluations[i][t] = e
                // The parked trailer is the site's, once per trailer class: added below.
                var annual = e.annualCny - e.siteFixedCnyPerYear
                if e.siteFixedCnyPerYear > 0 { bays.insert(BayKey(site: link.key.site, mode: link.key.mode, period: t)) }
                var co2 = e.co2KgPerDay
                for (p, v) in f.supply[i][t].sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    let energy = try SupplyLinkCost.stationEnergy(link.pathway, link.key.mode, distanceKm: link.distanceKm, pressure: p, a)
                    annual += energy.cnyPerKg * solution[v] * 365
                    co2 += energy.co2KgPerKg * solution[v]
                }
                co2ByPeriod[t] += co2
                let pv = horizon.presentValueOfAnnual(inputs.periods[t])
                carbonCharge += inputs.carbonPriceCnyPerKgCo2 * co2 * 365 * pv
                recosted += annual * pv
            }
        }
        // Central plants at the sizes chosen, costed by the engine.
        var plants: [[PlannedPlant]] = Array(repeating: [], count: T)
        for (key, rows) in f.plants.sorted(by: { ($0.key.source, $0.key.kind.rawValue) < ($1.key.source, $1.key.kind.rawValue) }) {
            let sizes = inputs.plantSizes[key] ?? []
            for t in 0..<T {
                guard let c = rows.indices.first(where: { solution[rows[$0][t]] > 0.5 }) else { continue }
                let annual = key.kind.annualCny(kgPerDay: sizes[c].kgPerDay, a)
                recosted += annual * horizon.presentValueOfAnnual(inputs.periods[t])
                let through = inputs.links.indices.filter { inputs.links[$0].key.source == key.source && inputs.links[$0].centralPlants.contains(key.kind) }
                    .reduce(0.0) { $0 + (linkEvaluations[$1][t]?.producedKgPerDay ?? 0) }
                plants[t].append(PlannedPlant(source: s.sources[key.source], kind: key.kind, capacityKgPerDay: sizes[c].kgPerDay,
                                              throughputKgPerDay: through, annualCny: annual))
            }
        }
        for bay in bays {
            recosted += DeliveryModel.parkedTrailerAnnualCny(bay.mode, a) * horizon.presentValueOfAnnual(inputs.periods[bay.period])
        }
        for (t, period) in inputs.periods.enumerated() {
            let pv = horizon.presentValueOfAnnual(period)
            for site in inputs.candidates {
                for (k, type) in inputs.unitTypes.enumerated() where units(site, k, t) > 0 {
                    recosted += Double(units(site, k, t)) * StationModel.annualCostCny(capacityKgPerDay: type.capacityKgPerDay, pressure: type.pressure, a) * pv
                }
                for e in inputs.existing(at: site, in: period) {
                    recosted += StationModel.annualOmCny(capacityKgPerDay: e.capacityKgPerDay, pressure: e.pressure, a) * pv
                }
            }
        }
        if let price = inputs.unservedCnyPerKg {
            for u in solved.unserved {
                let t = inputs.periods.firstIndex { $0.year == u.period }!
                recosted += price * u.kgPerDay * 365 * horizon.presentValueOfAnnual(inputs.periods[t])
            }
        }
        // The carbon price is in the optimiser's objective: the engine's check carries it too.
        recosted += carbonCharge

        // Station builds: existing stations, then each period's new units by type.
        var stations: [StationPlan] = []
        var idle: [IdleExistingStation] = []
        for site in inputs.candidates {
            // Capacity of each build in each period, to share the site's load among its builds.
            struct Build { var type: StationUnitType; var count: Int; var opened: Int; var firstPeriod: Int; var existingID: String? }
            var builds: [Build] = []
            for e in s.existingStations where net.position(of: e.node) == site {
                let first = inputs.periods.firstIndex { $0.year >= e.openingYear } ?? (e.openingYear <= horizon.firstYear ? 0 : nil)
                let start = e.openingYear <= horizon.firstYear ? 0 : first
                guard let start else { continue }
                builds.append(Build(type: StationUnitType(capacityKgPerDay: e.capacityKgPerDay, pressure: e.pressure), count: 1,
                                    opened: e.openingYear, firstPeriod: start, existingID: e.id))
            }
            for (k, type) in inputs.unitTypes.enumerated() {
                for t in 0..<T {
                    let added = units(site, k, t) - (t > 0 ? units(site, k, t - 1) : 0)
                    if added > 0 { builds.append(Build(type: type, count: added, opened: inputs.periods[t].year, firstPeriod: t, existingID: nil)) }
                }
            }
            guard !builds.isEmpty else { continue }
            // Share the load: 70 MPa load over 70 MPa builds by capacity, the rest over all
            // builds by the capacity left.
            var throughput = Array(repeating: Array(repeating: 0.0, count: T), count: builds.count)
            for t in 0..<T {
                let openBuilds = builds.indices.filter { builds[$0].firstPeriod <= t }
                let cap = { (b: Int) in builds[b].type.capacityKgPerDay * Double(builds[b].count) }
                let l70 = load70[site]?[t] ?? 0, lAll = load[site]?[t] ?? 0
                let b70 = openBuilds.filter { builds[$0].type.pressure == .mpa70 }
                let cap70 = b70.reduce(0) { $0 + cap($1) }
                for b in b70 where cap70 > 0 { throughput[b][t] += l70 * cap(b) / cap70 }
                let left = openBuilds.map { max(0, cap($0) * inputs.maximumUtilisation - throughput[$0][t]) }
                let room = left.reduce(0, +)
                for (j, b) in openBuilds.enumerated() where room > 0 { throughput[b][t] += (lAll - l70) * left[j] / room }
            }
            for (b, build) in builds.enumerated() {
                guard let start = throughput[b].firstIndex(where: { $0 > tiny }) else {
                    if let id = build.existingID {
                        idle.append(IdleExistingStation(id: id, site: net.nodes[site].id, capacityKgPerDay: build.type.capacityKgPerDay,
                                                        pressure: build.type.pressure, openedYear: build.opened,
                                                        annualOmCny: StationModel.annualOmCny(capacityKgPerDay: build.type.capacityKgPerDay, pressure: build.type.pressure, a)))
                    }
                    continue
                }
                let station = try costedBuild(s, a, inputs, site: site, type: build.type, count: build.count, opened: build.opened,
                                              existingID: build.existingID, throughputByPeriod: throughput[b], start: start,
                                              siteLoad: load[site] ?? [], linkKg: linkKg, linkEvaluations: linkEvaluations)
                stations.append(station)
            }
        }
        stations.sort { ($0.openedYear, net.position(of: $0.site) ?? 0, $0.unitType.capacityKgPerDay) < ($1.openedYear, net.position(of: $1.site) ?? 0, $1.unitType.capacityKgPerDay) }

        var average = CostVector()
        let totalKg = stations.reduce(0) { $0 + $1.horizonKg }
        if totalKg > 0 { for st in stations { average = average + st.cost * (st.horizonKg / totalKg) } }
        var periods: [PeriodPlan] = []
        for (t, period) in inputs.periods.enumerated() {
            let open = stations.filter { $0.throughputByPeriod[t] > 0 || ($0.openedYear <= period.year) }
            var capacity = 0.0, opened = 0, built = 0, capital = 0.0
            for site in inputs.candidates {
                for (k, type) in inputs.unitTypes.enumerated() {
                    let n = units(site, k, t), before = t > 0 ? units(site, k, t - 1) : 0
                    capacity += Double(n) * type.capacityKgPerDay
                    opened += n
                    built += n - before
                    capital += Double(n - before) * (StationModel.capexCny(capacityKgPerDay: type.capacityKgPerDay, pressure: type.pressure, a) + a.station.landMcny * 1e6)
                }
                for e in inputs.existing(at: site, in: period) { capacity += e.capacityKgPerDay; opened += 1 }
            }
            // Summed in site order: a dictionary's order changes with the process's hash seed, and so
            // would the last bits of the sum.
            let served = load.keys.sorted().reduce(0) { $0 + load[$1]![t] }
            let weight = open.reduce(0) { $0 + $1.throughputByPeriod[t] }
            let avg = weight > 0 ? open.reduce(0) { $0 + $1.cost.total * $1.throughputByPeriod[t] } / weight : 0
            let links = inputs.links.indices.filter { linkKg[$0][t] > 0 }.map { i -> PlannedLink in
                let l = inputs.links[i], e = linkEvaluations[i][t]!
                return PlannedLink(key: l.key, source: source(l), site: net.nodes[l.key.site].id, distanceKm: l.distanceKm, kgPerDay: linkKg[i][t],
                                   producedKgPerDay: e.producedKgPerDay, costCnyPerKg: e.annualCny / (linkKg[i][t] * 365))
            }
            periods.append(PeriodPlan(period: period, demandKgPerDay: demandByPeriod[t], servedKgPerDay: served, capacityKgPerDay: capacity,
                                      stationsOpen: opened, stationsBuilt: built, capitalCny: capital, fleets: periodFleets[t],
                                      flows: periodFlows[t], links: links, plants: plants[t], networkAverageCnyPerKg: avg, co2KgPerDay: co2ByPeriod[t]))
        }
        var diagnosis = solved.diagnosis
        for e in idle {
            diagnosis.append(PlacementDiagnosis(subject: .stations, reason: .notChosen,
                                                message: "existing station \(e.id) at \(e.site) dispenses nothing in any period: no fleet of the plan refuels there (none can reach it, or other stations serve them for less); its O&M (\(formatNumber((e.annualOmCny / 1e4).rounded() / 100)) M CNY a year) still counts"))
        }
        for u in solved.unserved {
            let why = u.marginalCnyPerKg.map { "serving it would cost the network \(formatNumber(($0 * 100).rounded() / 100)) CNY/kg" } ?? "it cannot be served"
            let limit = inputs.unservedCnyPerKg.map { ", above the maximum price of \(formatNumber($0)) CNY/kg" } ?? ""
            diagnosis.append(PlacementDiagnosis(subject: .fleet(u.fleet), reason: .notChosen,
                                                message: "fleet \(u.fleet) is not served in \(u.period): \(why)\(limit)"))
        }
        return CorridorPlan(status: solution.status, relativeGap: solution.relativeGap, horizon: horizon, periods: periods, stations: stations,
                            networkAverage: average, optimiserCostCny: solution.objective, bestBoundCny: solution.bestBound, recostedCostCny: recosted, approximationError: fitError,
                            diagnosis: diagnosis, unserved: solved.unserved, supplyOptionCount: inputs.links.count,
                            carbonPriceCnyPerTonne: s.settings.carbonPriceCnyPerTonne, carbonChargeCny: carbonCharge,
                            maximumCo2KgPerKg: s.settings.maximumCo2KgPerKg, solver: inputs.solver, start: solved.start, idleExisting: idle)
    }

    /// One build costed: its chain at its first operating period's utilisation, what it pays per
    /// kg blended over the site's links, its pro-forma from the year it starts operating in the
    /// plan.
    static func costedBuild(_ s: PlanningScenario, _ a: Assumptions, _ inputs: PhasedPlanningInputs, site: Int, type: StationUnitType, count: Int,
                            opened: Int, existingID: String?, throughputByPeriod: [Double], start: Int, siteLoad: [Double],
                            linkKg: [[Double]], linkEvaluations: [[SupplyLinkEvaluation?]]) throws -> StationPlan {
        let horizon = inputs.horizon
        let share = siteLoad[start] > 0 ? throughputByPeriod[start] / siteLoad[start] : 0
        var links: [SupplyLink] = []
        for (i, link) in inputs.links.enumerated() where link.key.site == site && linkKg[i][start] > 0 {
            let kg = linkKg[i][start]
            let source = sourceOf(s, link)
            let energy = try SupplyLinkCost.stationEnergyCnyPerKg(link.pathway, link.key.mode, distanceKm: link.distanceKm, pressure: type.pressure, a)
            let perKg = (linkEvaluations[i][start]?.annualCny ?? 0) / (kg * 365) + energy
            links.append(SupplyLink(source: source, delivery: link.key.mode, distanceKm: link.distanceKm, kgPerDay: kg * share, linkKgPerDay: kg, costCnyPerKg: perKg))
        }
        links.sort { ($0.kgPerDay, $1.source.id) > ($1.kgPerDay, $0.source.id) }
        guard let main = links.first else { throw PlanningProblem(messages: ["station at \(s.network.nodes[site].id): no supply link in its first period"]) }
        let unitThroughput = throughputByPeriod[start] / Double(count)
        let utilisation = min(100, 100 * unitThroughput / type.capacityKgPerDay)
        var chain = SupplyChain(production: main.source.pathway, delivery: main.delivery, distanceKm: main.distanceKm,
                                stationCapacityKgPerDay: type.capacityKgPerDay, utilisationPct: utilisation, pressure: type.pressure)
        // The delivery is the link's, at the volume it carries for all the site's builds (a
        // pipeline laid once for eight stations is not eight pipelines).
        chain.deliveryLinkKgPerDay = main.linkKgPerDay
        var evaluation = try stationEvaluation(chain: chain, supply: links, throughputKgPerDay: throughputByPeriod[start], a)
        if existingID != nil {
            // Built before the plan: its capital is sunk; its O&M still counts.
            evaluation.project.capital.removeAll { $0.item == .stationCapex }
        }
        let firstYear = inputs.periods[start].year
        let years = Int(a.finance.operatingYears)
        let annualKg = (0..<years).map { i -> Double in
            let p = horizon.period(containing: firstYear + i)
            return max(1, throughputByPeriod[p.index] / Double(count)) * 365
        }
        // Policy (issue 9): the measures in force at this node in its calendar operating years.
        let policy = s.policies.schedule(node: s.network.nodes[site].id, firstOperatingYear: firstYear, operatingYears: years)
        let (cost, proForma) = try ChainModel.proFormaCost(evaluation, a, annualKg: annualKg, policy: policy)
        let horizonKg = (firstYear...max(firstYear, horizon.lastYear)).reduce(0.0) { $0 + throughputByPeriod[horizon.period(containing: $1).index] * 365 }
        return StationPlan(site: s.network.nodes[site].id, unitType: type, stationCount: count, openedYear: opened, existingID: existingID,
                           capacityKgPerDay: type.capacityKgPerDay * Double(count), throughputByPeriod: throughputByPeriod,
                           throughputKgPerDay: throughputByPeriod[start], supply: links, chain: chain,
                           stationCapexCny: existingID == nil ? evaluation.stationCapexCny : 0, cost: cost, annualKg: annualKg,
                           proForma: proForma, policy: policy, horizonKg: horizonKg)
    }
}

extension CorridorPlanner {
    /// The link's source; an on-site electrolyser is its own source at the site.
    static func sourceOf(_ s: PlanningScenario, _ l: PlanningLink) -> HydrogenSource {
        l.key.source.map { s.sources[$0] }
            ?? HydrogenSource(id: "onsite_electrolyser", name: "on-site electrolyser", node: s.network.nodes[l.key.site].id,
                              pathway: .onsiteElectrolysis, availableTonnesPerYear: 0)
    }

    /// The plan's network-average nozzle price under other assumptions, with the builds, their
    /// sizes, supply links and throughput held fixed (the fast depth of DESIGN §2.8): each
    /// build's chain is re-evaluated and its break-even price re-solved; the average is weighted
    /// by kg over the horizon. `itemised: false` solves only the total (one root solve per
    /// station instead of three) and returns it in the vector's `production`.
    public static func recost(_ plan: CorridorPlan, _ a: Assumptions, itemised: Bool = true) throws -> CostVector {
        let total = plan.horizonKg
        guard total > 0 else { return CostVector() }
        var average = CostVector()
        for st in plan.stations {
            let evaluation = try st.evaluation(a)
            let weight = st.horizonKg / total
            if itemised {
                let (cost, _) = try ChainModel.proFormaCost(evaluation, a, annualKg: st.annualKg, policy: st.policy)
                average = average + cost * weight
            } else {
                let project = ChainModel.projectDefinition(evaluation, a, annualKg: st.annualKg, policy: st.policy)
                let price = try ProForma(project: project, finance: a.financeAssumptions).breakEvenPrice()
                average.production += price * weight
            }
        }
        return average
    }

    /// A station's project under `a`: its chain (one station's capacity and utilisation)
    /// evaluated, what it pays per kg blended over its supply links by kg.
    static func stationEvaluation(chain: SupplyChain, supply: [SupplyLink], throughputKgPerDay: Double, _ a: Assumptions) throws -> ChainEvaluation {
        var evaluation = try ChainModel.evaluate(chain, a)
        if supply.count > 1 {
            var blended = CostVector()
            for link in supply {
                var c = chain
                c.production = link.source.pathway
                c.delivery = link.delivery
                c.distanceKm = link.distanceKm
                c.deliveryLinkKgPerDay = link.linkKgPerDay
                blended = blended + (try ChainModel.evaluate(c, a)).project.variableCnyPerKg * (link.kgPerDay / throughputKgPerDay)
            }
            evaluation.project.variableCnyPerKg = blended
        }
        return evaluation
    }
}

extension StationPlan {
    /// The build's station project under `a` (existing stations without their sunk capital).
    public func evaluation(_ a: Assumptions) throws -> ChainEvaluation {
        var e = try CorridorPlanner.stationEvaluation(chain: chain, supply: supply, throughputKgPerDay: throughputKgPerDay, a)
        if existing { e.project.capital.removeAll { $0.item == .stationCapex } }
        return e
    }
}

extension StationPlan {
    /// The build's column in per-station sensitivity outputs: the site, and the year it opens
    /// (a site has one build per year and unit type it adds; an existing station is marked as such).
    public var outputColumnName: String {
        "station_\(site)_\(existing ? "existing" : String(openedYear))_\(formatNumber(unitType.capacityKgPerDay))kgd\(unitType.pressure == .mpa70 ? "_70mpa" : "")_cny_per_kg"
    }
}

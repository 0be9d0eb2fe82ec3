// The whole planning pipeline (issue 7), in named stages:
//   1. demand by period — fleets become depot demand and corridor flows, each with its ramp
//      share in every planning period;
//   2. supply options — every source → site link by every delivery mode the source allows,
//      priced by the cost engine at the volume it carries (SupplyLinkCost), and station units
//      by size and pressure;
//   3. optimisation — one MILP over all periods (PhasedPlanningModel), from the existing
//      stations;
//   4. re-costing — the plan's present cost recomputed with the cost engine at the volumes
//      chosen, and every station build costed in full (pro-forma from its build year).
import H2Numerics

/// One station build of the plan: the units of one type built at a site in one period (or an
/// existing station), costed.
public struct StationPlan: Sendable {
    public var site: String
    public var unitType: StationUnitType
    /// Identical units of this build (a busy city hosts several).
    public var stationCount: Int
    /// Calendar year the build opens (an existing station: its opening year).
    public var openedYear: Int
    /// The existing station's id, nil for a new build.
    public var existingID: String?
    public var existing: Bool { existingID != nil }
    /// Capacity of the build's units together.
    public var capacityKgPerDay: Double
    /// kg/day dispensed in each planning period (0 before it opens).
    public var throughputByPeriod: [Double]
    /// kg/day dispensed in its first operating period.
    public var throughputKgPerDay: Double
    /// Supply links of the site in the build's first period, largest first, with the share of
    /// each that this build dispenses.
    public var supply: [SupplyLink]
    /// The chain of the largest link, for one unit at its first-period utilisation.
    public var chain: SupplyChain
    /// Station equipment capital per unit, excluding land (0 for an existing station).
    public var stationCapexCny: Double
    /// Break-even nozzle price, itemised (pro-forma).
    public var cost: CostVector
    /// kg sold in each operating year from the opening year (the planned throughput of the
    /// period each year falls in), per unit.
    public var annualKg: [Double]
    public var proForma: ProForma
    /// Policy measures in force at this node in its operating years (policies.csv).
    public var policy: PolicySchedule
    /// Its weight in the network average: kg sold over the horizon, all units.
    public var horizonKg: Double
    /// Size class label for tables: "1000kgd", "2x1000kgd".
    public var sizeClass: String { (stationCount == 1 ? "" : "\(stationCount)x") + "\(formatNumber(unitType.capacityKgPerDay))kgd" }
}

/// A central plant (hub cracker, liquefier) at a source as sized in one period.
public struct PlannedPlant: Sendable, Equatable {
    public var source: HydrogenSource
    public var kind: CentralPlantKind
    public var capacityKgPerDay: Double
    public var throughputKgPerDay: Double
    public var annualCny: Double
}

/// A supply link as used in one period.
public struct PlannedLink: Sendable, Equatable {
    public var key: SupplyLinkKey
    public var source: HydrogenSource
    public var site: String
    public var distanceKm: Double
    public var kgPerDay: Double
    /// kg/day the source produces for it (losses included).
    public var producedKgPerDay: Double
    /// The link's annual cost at its volume per kg delivered (to the station gate).
    public var costCnyPerKg: Double
}

public struct SupplyLink: Sendable, Equatable {
    public var source: HydrogenSource
    public var delivery: DeliveryMode
    public var distanceKm: Double
    public var kgPerDay: Double
    /// kg/day the whole link carries (shared by the site's builds).
    public var linkKgPerDay: Double = 0
    /// What the station pays per kg delivered: the link's annual cost at its volume per kg,
    /// plus the station's energy for this mode.
    public var costCnyPerKg: Double
}

/// What happened in one planning period.
public struct PeriodPlan: Sendable {
    public var period: Period
    public var demandKgPerDay: Double
    public var servedKgPerDay: Double
    public var capacityKgPerDay: Double
    public var stationsOpen: Int
    public var stationsBuilt: Int
    /// Station capital of the units built in this period, CNY (equipment and land).
    public var capitalCny: Double
    public var fleets: [FleetAssignment]
    public var flows: [FlowCoverage]
    /// Every supply link used in the period, with its volume and the engine's price per kg.
    public var links: [PlannedLink]
    /// Central plants in use: their size and what is routed through them.
    public var plants: [PlannedPlant]
    /// Throughput-weighted break-even price of the builds open in the period.
    public var networkAverageCnyPerKg: Double
    /// kg CO₂e a day of the hydrogen dispensed (the engine's, at the links' volumes).
    public var co2KgPerDay = 0.0
}

/// A fleet left unserved because serving it would cost more than the scenario's maximum price.
public struct UnservedDemand: Sendable, Equatable {
    public var fleet: String
    public var period: Int
    public var kgPerDay: Double
    /// What serving it would have cost the network per kg (its marginal cost), nil if it cannot
    /// be served at all.
    public var marginalCnyPerKg: Double?
}

public struct CorridorPlan: Sendable {
    public var status: MILPStatus
    public var relativeGap: Double?
    public var horizon: PlanningHorizon
    public var periods: [PeriodPlan]
    public var stations: [StationPlan]
    /// Average of the builds' itemised break-even prices, weighted by kg sold over the horizon.
    public var networkAverage: CostVector
    /// The MILP's objective: present cost of the plan over the horizon, CNY.
    public var optimiserCostCny: Double?
    /// The solver's bound on the optimum (below the objective when the search stopped early).
    public var bestBoundCny: Double?
    /// The same quantity recomputed by the cost engine at the volumes chosen.
    public var recostedCostCny: Double?
    /// Largest relative error of the piecewise cost curves the optimiser was given.
    public var approximationError: Double
    public var diagnosis: [PlacementDiagnosis]
    public var unserved: [UnservedDemand]
    /// Supply links offered to the optimiser.
    public var supplyOptionCount: Int
    /// The carbon price the plan was optimised at (CNY/t CO₂e), and what it charged over the
    /// horizon at the engine's emissions (present value, CNY; in both costs above, not in the
    /// stations' prices).
    public var carbonPriceCnyPerTonne = 0.0
    public var carbonChargeCny = 0.0
    /// The intensity cap the plan was held to, kg CO₂e/kg.
    public var maximumCo2KgPerKg: Double?
    /// The MILP backend that solved the plan (provenance: manifest.json names it).
    public var solver: PlanningSolver = .highs
    /// The starting plan the search began from (`start_heuristic`), nil without one.
    public var start: PlanningStart?
    /// Existing stations the plan leaves without a kilogram to dispense in any period: they
    /// stay open (their O&M is in both costs) and are listed, not hidden.
    public var idleExisting: [IdleExistingStation] = []

    public var last: PeriodPlan? { periods.last }
    public var totalDemandKgPerDay: Double { last?.demandKgPerDay ?? 0 }
    public var servedKgPerDay: Double { last?.servedKgPerDay ?? 0 }
    public var totalCapacityKgPerDay: Double { last?.capacityKgPerDay ?? 0 }
    /// Stations (units) open in the last period.
    public var stationCount: Int { stations.reduce(0) { $0 + $1.stationCount } }
    public var horizonKg: Double { stations.reduce(0) { $0 + $1.horizonKg } }
}

/// An existing station that dispenses nothing in the plan.
public struct IdleExistingStation: Sendable, Equatable {
    public var id: String
    public var site: String
    public var capacityKgPerDay: Double
    public var pressure: DispensingPressure
    public var openedYear: Int
    /// Its O&M, CNY a year, counted in the plan's cost in every period it is open.
    public var annualOmCny: Double
}

public struct PlanningProblem: Error, Sendable, CustomStringConvertible {
    public var messages: [String]
    public var description: String { messages.joined(separator: "\n") }
}

public enum CorridorPlanner {
    public static func plan(_ s: PlanningScenario, _ a: Assumptions) throws -> CorridorPlan {
        // The planner's economic appraisal: the social discount rate.
        let horizon = PlanningHorizon(years: s.settings.periodYears, horizonYears: Int(a.finance.operatingYears),
                                      discountRate: a.finance.socialDiscountRatePct / 100)
        var inputs = try demandByPeriod(s, a, horizon)
        try supplyOptions(s, a, &inputs)
        let solved = try optimise(inputs)
        return try recost(s, a, inputs, solved)
    }

    // MARK: 1. Demand by period

    static func demandByPeriod(_ s: PlanningScenario, _ a: Assumptions, _ horizon: PlanningHorizon) throws -> PhasedPlanningInputs {
        var problems: [String] = []
        var flows: [CorridorFlow] = []
        var demands: [PlanningDemand] = []
        for fleet in s.fleets {
            guard let c = s.vehicleClass(fleet.vehicleClass) else {
                problems.append("fleet \(fleet.id): unknown vehicle class \(fleet.vehicleClass)")
                continue
            }
            let shares = horizon.periods.map { fleet.share(in: $0.year) }
            switch fleet.pattern {
            case .depot:
                demands.append(PlanningDemand(id: fleet.id, pressure: c.pressure, depotSites: [], flow: nil, shareByPeriod: shares,
                                              kgPerDay: s.depotDemandKgPerDay(fleet)))
            case .corridor(let origin, let destination, let trips):
                demands.append(PlanningDemand(id: fleet.id, pressure: c.pressure, depotSites: nil, flow: flows.count, shareByPeriod: shares, kgPerDay: 0))
                flows.append(CorridorFlow(id: fleet.id, origin: origin, destination: destination, volume: fleet.vehicles * trips,
                                          rangeKm: c.rangeKm, hydrogenKgPerKm: c.kgPer100Km / 100))
            }
        }
        if !problems.isEmpty { throw PlanningProblem(messages: problems) }
        let maxRange = s.vehicleClasses.map(\.rangeKm).max() ?? 0
        let frlm: FlowRefuellingModel
        do { frlm = try FlowRefuellingModel(network: s.network, flows: flows, rangeKm: maxRange, candidates: s.candidateSites) } catch {
            throw PlanningProblem(messages: error.problems)
        }
        let candidates = Set(frlm.candidatePositions)
        for d in demands.indices {
            if let q = demands[d].flow {
                demands[d].kgPerDay = frlm.flows[q].hydrogenKgPerDay
            } else if case .depot(let home, let radius) = s.fleets[d].pattern {
                let dist = s.network.distances(from: s.network.position(of: home)!)
                let limit = radius * (1 + Network.tieTolerance)
                demands[d].depotSites = frlm.candidatePositions.filter { dist[$0] <= limit }
            }
        }
        // Station units: every size at 35 MPa, and at 70 MPa when a vehicle class needs it.
        let pressures: [DispensingPressure] = demands.contains { $0.pressure == .mpa70 } ? [.mpa35, .mpa70] : [.mpa35]
        var types: [StationUnitType] = []
        for p in pressures { for kg in s.settings.stationSizesKgPerDay { types.append(StationUnitType(capacityKgPerDay: kg, pressure: p)) } }
        var existing: [Int: [ExistingAtSite]] = [:]
        for e in s.existingStations {
            guard let p = s.network.position(of: e.node) else { problems.append("existing station \(e.id): node \(e.node) is not in the network"); continue }
            if !candidates.contains(p) { problems.append("existing station \(e.id): node \(e.node) is not a candidate site; add it to candidates.csv") }
            existing[p, default: []].append(ExistingAtSite(capacityKgPerDay: e.capacityKgPerDay, pressure: e.pressure, openingYear: e.openingYear,
                                                           omCnyPerYear: StationModel.annualOmCny(capacityKgPerDay: e.capacityKgPerDay, pressure: e.pressure, a)))
        }
        if !problems.isEmpty { throw PlanningProblem(messages: problems) }
        let objective = s.settings.objective
        return PhasedPlanningInputs(
            network: s.network, horizon: horizon, frlm: frlm, fuelGroups: frlm.flows.map { $0.fuelGroups(candidates: candidates) },
            unitTypes: types, unitAnnualCny: types.map { StationModel.annualCostCny(capacityKgPerDay: $0.capacityKgPerDay, pressure: $0.pressure, a) },
            maximumUnitsPerSite: max(1, s.settings.maximumStationsPerNode), existing: existing, demands: demands,
            sourceCapacityKgPerDay: s.sources.map { src in horizon.periods.map { src.capacityKgPerDay(in: $0.year) } },
            links: [], maximumUtilisation: a.station.maximumUtilisationPct / 100, objective: objective,
            unservedCnyPerKg: s.settings.maximumPriceCnyPerKg, solver: s.settings.solver, startHeuristic: s.settings.startHeuristic,
            relativeGap: s.settings.relativeGap,
            timeLimitSeconds: s.settings.timeLimitSeconds, carbonPriceCnyPerKgCo2: s.settings.carbonPriceCnyPerTonne / 1000,
            maximumCo2KgPerKg: s.settings.maximumCo2KgPerKg)
    }

    // MARK: 2. Supply options

    /// Smallest volume a link whose cost is not affine may carry when used: the piecewise
    /// curve starts there.
    static let minimumLinkKgPerDay = 5.0

    static func supplyOptions(_ s: PlanningScenario, _ a: Assumptions, _ inputs: inout PhasedPlanningInputs) throws {
        let u = inputs.maximumUtilisation
        let largest = (inputs.unitTypes.map(\.capacityKgPerDay).max() ?? 0) * Double(inputs.maximumUnitsPerSite)
        // Most a site can ever dispense: its reachable demand, bounded by what it can hold.
        var reachable: [Int: Double] = [:]
        for d in inputs.demands {
            let peak = d.shareByPeriod.max() ?? 0
            if let sites = d.depotSites { for site in sites { reachable[site, default: 0] += d.kgPerDay * peak } }
            if let q = d.flow { for g in inputs.fuelGroups[q] { for site in g.sites { reachable[site, default: 0] += g.kgPerDay * peak } } }
        }
        let pressures = Set(inputs.unitTypes.map(\.pressure))
        // Delivery modes allowed by year (scenario setting): a mode is offered in the periods
        // it is allowed in, and not at all if in none.
        let years = inputs.periods.map(\.year)
        let modeYears = s.policies.deliveryModeYears
        func allowed(_ mode: DeliveryMode) -> [Bool] { modeYears.allowed(mode, inEach: years) }
        if !modeYears.isEmpty { for mode in DeliveryMode.allCases { inputs.modeAllowedByPeriod[mode] = allowed(mode) } }
        var links: [PlanningLink] = []
        func offer(_ key: SupplyLinkKey, _ pathway: ProductionPathway, _ km: Double, _ maxKg: Double, into candidates: inout [PlanningLink]) throws {
            // The site's once-per-mode part is charged separately; the curve is the rest.
            let f = { (kg: Double) throws -> SupplyLinkEvaluation in
                var e = try SupplyLinkCost.evaluate(pathway, key.mode, distanceKm: km, kgPerDay: kg, a)
                e.annualCny -= e.siteFixedCnyPerYear
                return e
            }
            guard let top = try? f(maxKg) else { return }
            let curve = try PiecewiseCost.fit(minimumKgPerDay: minimumLinkKgPerDay, maximumKgPerDay: maxKg, tolerance: s.settings.curveTolerance, f)
            var energy: [DispensingPressure: Double] = [:], energyCo2: [DispensingPressure: Double] = [:]
            for p in pressures {
                (energy[p], energyCo2[p]) = try SupplyLinkCost.stationEnergy(pathway, key.mode, distanceKm: km, pressure: p, a)
            }
            candidates.append(PlanningLink(key: key, pathway: pathway, distanceKm: km, curve: curve, siteFixedCnyPerYear: top.siteFixedCnyPerYear,
                                           centralPlants: top.centralPlants, stationPlant: top.hasStationPlant, energyCnyPerKg: energy,
                                           energyCo2KgPerKg: energyCo2))
        }
        for site in inputs.candidates {
            let existingCap = (inputs.existing[site] ?? []).reduce(0) { $0 + $1.capacityKgPerDay }
            let siteMax = min(reachable[site] ?? 0, (largest + existingCap) * u)
            guard siteMax > 0 else { continue }
            var here: [PlanningLink] = []
            for (i, source) in s.sources.enumerated() {
                guard let from = s.network.position(of: source.node) else { continue }
                let sourceMax = inputs.sourceCapacityKgPerDay[i].max() ?? 0
                guard sourceMax > 0 else { continue }
                let distance = s.network.distances(from: from)[site]
                guard distance.isFinite else { continue }
                let km = from == site ? s.settings.sameNodeDistanceKm : distance
                let modes: [DeliveryMode] = source.pathway.stationCarrier.map { [$0.tanker] } ?? s.settings.deliveryModes
                for mode in modes where source.pathway.incompatibility(with: mode) == nil && allowed(mode).contains(true) {
                    try offer(SupplyLinkKey(source: i, site: site, mode: mode), source.pathway, km, min(siteMax, sourceMax), into: &here)
                }
            }
            // A mode allowed in fewer periods cannot stand in for one allowed in more: compare
            // only modes allowed in the same periods.
            var kinds: [[Bool]] = []
            for l in here where !kinds.contains(allowed(l.key.mode)) { kinds.append(allowed(l.key.mode)) }
            var kept = Set<SupplyLinkKey>()
            for kind in kinds {
                let undominated = withoutDominatedModes(here.filter { allowed($0.key.mode) == kind }, pressures: pressures, carbonMatters: inputs.carbonMatters,
                                                        tankLossKgPerDay: { DeliveryModel.stationTankLossKgPerDay($0, a) })
                kept.formUnion(undominated.map(\.key))
            }
            links += here.filter { kept.contains($0.key) }
            if s.settings.onsiteElectrolysis {
                try offer(SupplyLinkKey(source: nil, site: site, mode: .none), .onsiteElectrolysis, 0, siteMax, into: &links)
            }
        }
        inputs.links = withoutDominatedSources(links, inputs, pressures: pressures).map { withTankLossAtTheIntake($0, a) }
        // Central plant sizes: doublings from 250 kg/day up to the first that holds all the
        // source can supply.
        for link in links {
            guard let source = link.key.source else { continue }
            for kind in link.centralPlants {
                let key = CentralPlantKey(source: source, kind: kind)
                guard inputs.plantSizes[key] == nil else { continue }
                let most = inputs.sourceCapacityKgPerDay[source].max() ?? 0
                var sizes: [Double] = []
                var kg = 250.0
                while true { sizes.append(kg); if kg >= most { break }; kg *= 2 }
                inputs.plantSizes[key] = sizes.map { ($0, kind.annualCny(kgPerDay: $0, a)) }
            }
        }
    }

    /// Drops a source's link to a site by mode B where its link by mode A can stand in for it:
    /// holding as much from as little, through no central plant B's does not pass, by a mode
    /// building no plant at the station, producing (and, with carbon in the objective, emitting)
    /// no more, and costing, with station energy at every pressure, at least `need` less at
    /// every volume. A site may take hydrogen by several modes, each intake paying its charge,
    /// so moving the link to A can add A's intake while B's stays for other sources: need is
    /// A's intake charge, or A's less B's where the link is the last by B at the site. Or else
    /// every source the site might draw on by B moves to A and B's intake goes: that pays when
    /// the link's saving, less the most every other B link could save over its A link, is at
    /// least A's intake charge less B's (so of two modes that tie, one goes). The
    /// curves are piecewise linear and continuous, so their difference is smallest at a
    /// breakpoint or an end. A mode whose intake tank loses a fixed amount a day (liquid) loses
    /// a link only where it is the last by that mode: its curves carry that loss on each link,
    /// the MILP once an intake. Links are tried from the last mode, each against the links still
    /// kept, so each drop keeps the optimum of what is left, and of two modes that tie the
    /// first stays. `links` are one site's, of modes allowed in the same periods. (With one
    /// mode a site, as before, only the second argument held; comparing each source's links
    /// alone could forbid plans drawing on two sources by one mode.)
    static func withoutDominatedModes(_ links: [PlanningLink], pressures: Set<DispensingPressure>, carbonMatters: Bool = false,
                                      tankLossKgPerDay: (DeliveryMode) -> Double) -> [PlanningLink] {
        var modes: [DeliveryMode] = []
        for l in links where !modes.contains(l.key.mode) { modes.append(l.key.mode) }
        guard modes.count > 1 else { return links }
        // Values on the segment holding `kg`; at 0, the limit from above (the link in use).
        func cost(_ l: PlanningLink, _ kg: Double, _ p: DispensingPressure) -> Double {
            let s = l.curve.segment(at: kg)!
            return s.fixedCnyPerYear + s.cnyPerYearPerKgPerDay * kg + (l.energyCnyPerKg[p] ?? 0) * kg * 365
        }
        func co2(_ l: PlanningLink, _ kg: Double, _ p: DispensingPressure) -> Double {
            let s = l.curve.segment(at: kg)!
            return s.co2FixedKgPerDay + s.co2PerKg * kg + (l.energyCo2KgPerKg[p] ?? 0) * kg
        }
        func produced(_ l: PlanningLink, _ kg: Double) -> Double {
            let s = l.curve.segment(at: kg)!
            return s.producedFixedKgPerDay + s.producedPerKg * kg
        }
        // The intake's charge is the same for every source of a mode (the parked trailer).
        func intake(_ mode: DeliveryMode) -> Double { links.first { $0.key.mode == mode }!.siteFixedCnyPerYear }
        // B's saving over A for one source, at worst (nil: A cannot stand in for it).
        func saving(_ l: PlanningLink, _ m: PlanningLink) -> Double? {
            let low = l.curve.segments[0].lowerKgPerDay, top = l.curve.segments.last!.upperKgPerDay
            guard m.curve.segments.last!.upperKgPerDay >= top, m.curve.segments[0].lowerKgPerDay <= low,
                  Set(m.centralPlants).isSubset(of: l.centralPlants) else { return nil }
            let volumes = Set((l.curve.segments + m.curve.segments).flatMap { [$0.lowerKgPerDay, $0.upperKgPerDay] } + [low, top])
                .filter { $0 >= low && $0 <= top }.sorted()
            var worst = Double.infinity
            for kg in volumes {
                guard produced(l, kg) >= produced(m, kg) - 1e-9 else { return nil }
                for p in pressures {
                    if carbonMatters && co2(l, kg, p) < co2(m, kg, p) - 1e-9 { return nil }
                    worst = min(worst, cost(l, kg, p) - cost(m, kg, p))
                }
            }
            return worst
        }
        // A mode by which a link builds a plant at the station takes no other intake beside it
        // (the `intake_plant_alone` rows): it stands in for none, and its links move only all
        // at once.
        let plantModes = Set(links.filter(\.stationPlant).map(\.key.mode))
        var kept = links.map { _ in true }
        for b in modes.reversed() {
            for i in links.indices where links[i].key.mode == b && !links[i].stationPlant {
                let offering = links.indices.filter { kept[$0] && links[$0].key.mode == b }
                if offering.count > 1 && tankLossKgPerDay(b) > 0 { continue }
                func standIn(_ j: Int, by a: DeliveryMode) -> Double? {
                    guard let m = links.indices.first(where: { kept[$0] && links[$0].key.mode == a && links[$0].key.source == links[j].key.source })
                    else { return nil }
                    return saving(links[j], links[m])
                }
                let standsIn = modes.contains { a in
                    guard a != b, !plantModes.contains(a), let d = standIn(i, by: a) else { return false }
                    // The link alone moves to A (B's intake may stay for the others).
                    if !plantModes.contains(b), d >= (offering.count == 1 ? intake(a) - intake(b) : intake(a)) { return true }
                    // Or every source drawn on by B moves to A, and B's intake goes.
                    var total = d
                    for j in offering where j != i {
                        guard let other = standIn(j, by: a) else { return false }
                        total += min(0, other)
                    }
                    return total >= intake(a) - intake(b)
                }
                if standsIn { kept[i] = false }
            }
        }
        return links.indices.filter { kept[$0] }.map { links[$0] }
    }

    /// A liquid link's cost is affine in what it dispenses only because the station's tank boils
    /// off a fixed amount a day that must be delivered too: linear in what it delivers. The
    /// link is given that linear curve, and the tank's loss becomes a load of the site's liquid
    /// intake (once per site, whatever the sources), so the MILP needs no fixed charge and no
    /// binary per liquid link. Kept as it was unless the engine's curve is exactly that.
    static func withTankLossAtTheIntake(_ link: PlanningLink, _ a: Assumptions) -> PlanningLink {
        let tank = DeliveryModel.stationTankLossKgPerDay(link.key.mode, a)
        guard tank > 0, link.curve.segments.count == 1, link.siteFixedCnyPerYear == 0 else { return link }
        let seg = link.curve.segments[0]
        func matches(_ fixed: Double, _ rate: Double) -> Bool { abs(fixed - rate * tank) <= 1e-7 * max(abs(fixed), 1e-300) }
        guard seg.lowerKgPerDay == 0, matches(seg.fixedCnyPerYear, seg.cnyPerYearPerKgPerDay), matches(seg.producedFixedKgPerDay, seg.producedPerKg) else { return link }
        var l = link
        l.curve.segments = [PiecewiseCost.Segment(lowerKgPerDay: 0, upperKgPerDay: seg.upperKgPerDay + tank, fixedCnyPerYear: 0,
                                                  cnyPerYearPerKgPerDay: seg.cnyPerYearPerKgPerDay, producedFixedKgPerDay: 0, producedPerKg: seg.producedPerKg,
                                                  co2FixedKgPerDay: 0, co2PerKg: seg.co2PerKg)]
        l.intakeLoadKgPerDay = tank
        return l
    }

    /// Drops a link from a source when another source could always take its place at no more
    /// cost: the same site and delivery mode (so the same intake), a cost and station energy no
    /// higher at any volume the link may carry, a source whose capacity no plan can exhaust (it
    /// covers the most every site could ever draw from it), no central plant to share and no
    /// station plant to keep, and a cost curve that is subadditive (linear, or concave from a
    /// fixed charge ≥ 0), so carrying both links' volume on it costs no more than the two.
    /// Any plan using the dropped link then has an equal or cheaper twin without it: the
    /// optimum is unchanged, and the MILP loses the dropped link's binaries. A presolve the
    /// solver cannot do itself, because it needs the argument about the source's capacity.
    static func withoutDominatedSources(_ links: [PlanningLink], _ inputs: PhasedPlanningInputs,
                                        pressures: Set<DispensingPressure>) -> [PlanningLink] {
        // The most a source could ever be asked for: the network's whole demand at its links'
        // steepest production rate, plus every site's largest fixed production (a tank's loss).
        let demand = inputs.periods.indices.map { t in
            inputs.demands.reduce(0.0) { sum, d in
                sum + (d.flow.map { q in inputs.fuelGroups[q].reduce(0) { $0 + $1.kgPerDay } * d.shareByPeriod[t] } ?? d.kgPerDay(t))
            }
        }.max() ?? 0
        var rate: [Int: Double] = [:], fixedAt: [Int: [Int: Double]] = [:]  // source → site → kg/day
        for l in links {
            guard let i = l.key.source else { continue }
            for seg in l.curve.segments {
                rate[i] = max(rate[i] ?? 0, seg.producedPerKg)
                fixedAt[i, default: [:]][l.key.site] = max(fixedAt[i]?[l.key.site] ?? 0, seg.producedFixedKgPerDay)
            }
        }
        var need: [Int: Double] = [:]
        for (i, r) in rate { need[i] = r * demand + (fixedAt[i].map { f in f.keys.sorted().reduce(0) { $0 + f[$1]! } } ?? 0) }
        func unlimited(_ i: Int) -> Bool { inputs.sourceCapacityKgPerDay[i].allSatisfy { $0 >= (need[i] ?? 0) * (1 + 1e-9) } }
        func subadditive(_ c: PiecewiseCost) -> Bool {
            guard let first = c.segments.first, first.fixedCnyPerYear >= 0 else { return false }
            return zip(c.segments, c.segments.dropFirst()).allSatisfy { a, b in
                b.cnyPerYearPerKgPerDay <= a.cnyPerYearPerKgPerDay && abs(b.lowerKgPerDay - a.upperKgPerDay) <= 1e-9 * max(1, a.upperKgPerDay)
            }
        }
        func canReplace(_ a: PlanningLink, _ b: PlanningLink) -> Bool {
            guard let i = a.key.source, let j = b.key.source, i != j, a.key.site == b.key.site, a.key.mode == b.key.mode,
                  a.centralPlants.isEmpty, !a.stationPlant, unlimited(i), subadditive(a.curve),
                  let aTop = a.curve.segments.last?.upperKgPerDay, let bTop = b.curve.segments.last?.upperKgPerDay, aTop >= bTop,
                  a.curve.segments[0].lowerKgPerDay <= b.curve.segments[0].lowerKgPerDay,
                  pressures.allSatisfy({ (a.energyCnyPerKg[$0] ?? 0) <= (b.energyCnyPerKg[$0] ?? 0) }),
                  !inputs.carbonMatters || pressures.allSatisfy({ (a.energyCo2KgPerKg[$0] ?? 0) <= (b.energyCo2KgPerKg[$0] ?? 0) }) else { return false }
            // Both curves are linear between the union of their breakpoints: comparing there is exact.
            let bLow = b.curve.segments[0].lowerKgPerDay
            let points = (a.curve.segments + b.curve.segments).flatMap { [$0.lowerKgPerDay, $0.upperKgPerDay] }
                .map { max($0, bLow) }.filter { $0 <= bTop } + [bTop]
            // At 0 (an affine curve's start) the values just above it are the fixed charges.
            let cheaper = points.allSatisfy { kg in
                kg > 0 ? a.curve.annualCny(at: kg) <= b.curve.annualCny(at: kg) : a.curve.segments[0].fixedCnyPerYear <= b.curve.segments[0].fixedCnyPerYear
            }
            // With a carbon price or cap the stand-in must be no dirtier either.
            return cheaper && (!inputs.carbonMatters || points.allSatisfy { kg in
                kg > 0 ? a.curve.co2KgPerDay(at: kg) <= b.curve.co2KgPerDay(at: kg) + 1e-9 : a.curve.segments[0].co2FixedKgPerDay <= b.curve.segments[0].co2FixedKgPerDay + 1e-9
            })
        }
        var kept: [PlanningLink] = []
        for (n, b) in links.enumerated() {
            let replaced = links.enumerated().contains { m, a in
                // Between two links that replace each other, the earlier stays.
                m != n && canReplace(a, b) && !(m > n && canReplace(b, a))
            }
            if !replaced { kept.append(b) }
        }
        return kept
    }

    // MARK: 3. Optimisation

    struct Solved {
        var solution: MILPSolution
        var formulation: PhasedFormulation
        var diagnosis: [PlacementDiagnosis]
        var unserved: [UnservedDemand]
        var start: PlanningStart? = nil
    }

    static func optimise(_ inputs: PhasedPlanningInputs) throws -> Solved {
        let timeLimitSeconds = inputs.timeLimitSeconds, gap = inputs.relativeGap
        let diagnosis = inputs.directDiagnoses()
        if !diagnosis.isEmpty && inputs.unservedCnyPerKg == nil && inputs.objective == .leastCost {
            return Solved(solution: MILPSolution.none(.infeasible), formulation: PhasedFormulation(), diagnosis: diagnosis, unserved: [])
        }
        var f = inputs.formulation()
        var solution: MILPSolution
        var start: PlanningStart?
        switch inputs.objective {
        case .leastCost:
            var limit = timeLimitSeconds
            var startValues: [Double]?
            if inputs.startHeuristic {
                // The start, a search of its own in its last step, may take half the time limit; the
                // whole search gets the rest.
                let clock = ContinuousClock(), began = clock.now
                if let found = try inputs.start(for: f, timeLimitSeconds: timeLimitSeconds.map { $0 / 2 }) {
                    f.milp.start = found.values
                    startValues = found.values
                    start = found.start
                }
                let used = (clock.now - began).seconds
                limit = timeLimitSeconds.map { max($0 - used, 1) }
            }
            solution = try f.milp.solve(timeLimitSeconds: limit, relativeGap: gap)
            // A search stopped by its time limit with no plan, or none as good as the start (GLPK,
            // which takes no start), reports the start, against the better of the two
            // lower bounds; it is called optimal (below) only if that gap is within the one asked.
            if let startValues, let start, solution.status != .optimal, (solution.objective ?? .infinity) > start.costCny {
                let bound = max(solution.bestBound ?? -.infinity, start.relaxationCny)
                let reached = max(0, (start.costCny - bound) / abs(start.costCny))
                solution = MILPSolution(status: .feasible(relativeGap: reached), objective: start.costCny, bestBound: bound, relativeGap: reached,
                                        values: startValues, solveSeconds: solution.solveSeconds)
            }
        case .leastCostForCoverage(let share):
            for t in inputs.periods.indices {
                let total = inputs.demands.reduce(0) { $0 + $1.kgPerDay(t) }
                f.milp.addConstraint("coverage_target_\(t)", f.servedTerms[t], .greaterOrEqual, share * total - f.servedConstant[t])
            }
            solution = try f.milp.solve(timeLimitSeconds: timeLimitSeconds, relativeGap: gap)
        case .mostCoverageWithinBudget(let budget):
            // Stage 1: most served (summed over periods) with each period's annual cost within
            // the budget. Stage 2: the cheapest plan serving that much.
            for t in inputs.periods.indices {
                f.milp.addConstraint("budget_\(t)", f.annualTerms[t], .lessOrEqual, budget - f.annualConstant[t])
            }
            var stage1 = f.milp
            for j in stage1.variables.indices { stage1.setObjectiveCoefficient(MILPVariableID(j), 0) }
            stage1.objectiveConstant = 0
            stage1.sense = .maximise
            let served = f.servedTerms.flatMap { $0 }
            for t in served { stage1.setObjectiveCoefficient(t.variable, stage1.variables[t.variable.index].objectiveCoefficient + t.coefficient) }
            let first = try stage1.solve(timeLimitSeconds: timeLimitSeconds, relativeGap: gap)
            if let best = first.objective, first.status.hasSolution {
                f.milp.addConstraint("served_at_least", served, .greaterOrEqual, best - 1e-9 * max(1, abs(best)))
                solution = try f.milp.solve(timeLimitSeconds: timeLimitSeconds, relativeGap: gap)
            } else {
                solution = first
            }
        }
        // A search stopped within the requested gap is the optimum the scenario asked for (the
        // gap reached stays in the plan's relative gap).
        if case .feasible(let reached) = solution.status, reached <= gap * (1 + 1e-9) {
            solution = MILPSolution(status: .optimal, objective: solution.objective, bestBound: solution.bestBound, relativeGap: reached,
                                    values: solution.values, solveSeconds: solution.solveSeconds)
        }
        var found = diagnosis
        if solution.status == .infeasible, found.isEmpty, let cap = inputs.maximumCo2KgPerKg {
            found = try inputs.intensityCapDiagnosis(cap, timeLimitSeconds: timeLimitSeconds, relativeGap: gap)
        }
        if solution.status == .infeasible && found.isEmpty {
            found = try inputs.infeasibilityDiagnoses(timeLimitSeconds: timeLimitSeconds)
        }
        var unserved: [UnservedDemand] = []
        if solution.status.hasSolution, inputs.unservedCnyPerKg != nil || inputs.objective != .leastCost {
            for (d, demand) in inputs.demands.enumerated() {
                for t in inputs.periods.indices where demand.kgPerDay(t) > 0 {
                    guard let u = f.served[d][t], solution[u] < 0.5 else { continue }
                    unserved.append(UnservedDemand(fleet: demand.id, period: inputs.periods[t].year, kgPerDay: demand.kgPerDay(t), marginalCnyPerKg: nil))
                }
            }
            if inputs.objective == .leastCost, let base = solution.objective {
                // What serving each unserved fleet would have cost: solve with it served, and
                // divide the extra present cost (unserved value excluded) by its present kg.
                for id in Set(unserved.map(\.fleet)).sorted() {
                    guard let d = inputs.demands.firstIndex(where: { $0.id == id }) else { continue }
                    let g = inputs.formulation(forceServed: [d])
                    let withIt = try g.milp.solve(timeLimitSeconds: timeLimitSeconds, relativeGap: gap)
                    let pvKg = inputs.periods.indices.reduce(0) { $0 + inputs.demands[d].kgPerDay($1) * 365 * inputs.horizon.presentValueOfAnnual(inputs.periods[$1]) }
                    let price = withIt.objective.map { ($0 - base) / pvKg + inputs.unservedCnyPerKg! }
                    for k in unserved.indices where unserved[k].fleet == id { unserved[k].marginalCnyPerKg = withIt.status.hasSolution ? price : nil }
                }
            }
        }
        return Solved(solution: solution, formulation: f, diagnosis: found, unserved: unserved, start: start)
    }
}

extension MILPSolution {
    static func none(_ status: MILPStatus) -> MILPSolution {
        MILPSolution(status: status, objective: nil, bestBound: nil, relativeGap: nil, values: [], solveSeconds: 0)
    }
}

extension CorridorPlanner {
    /// The planning MILP of a scenario as the optimiser is given it, for side-by-side solver
    /// benchmarks (`h2bench planning` writes it in LP format for cbc, glpsol or HiGHS).
    public static func planningMILP(_ s: PlanningScenario, _ a: Assumptions) throws -> MILPProblem {
        let horizon = PlanningHorizon(years: s.settings.periodYears, horizonYears: Int(a.finance.operatingYears),
                                      discountRate: a.finance.socialDiscountRatePct / 100)
        var inputs = try demandByPeriod(s, a, horizon)
        try supplyOptions(s, a, &inputs)
        return inputs.formulation().milp
    }
}

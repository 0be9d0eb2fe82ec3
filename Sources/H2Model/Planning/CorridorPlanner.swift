// The whole planning pipeline (DESIGN §2.6 with the cost engine of §2.3–2.7): fleets become
// demand, the cost engine prices station size classes and every source → site supply option,
// the MILP chooses sites, sizes and supply, and every open station is then costed in full
// (pro-forma, with the demand ramp of the fleets it serves).

/// One open station of the plan, costed.
public struct StationPlan: Sendable {
    public var site: String
    public var sizeClass: String
    /// Identical stations at this node (a busy city hosts several).
    public var stationCount: Int
    /// Capacity of all the node's stations together.
    public var capacityKgPerDay: Double
    /// kg/day dispensed in the design year.
    public var throughputKgPerDay: Double
    /// Supply links chosen by the optimiser, largest first.
    public var supply: [SupplyLink]
    /// The supply chain of the largest link, for one of the node's stations at its design-year
    /// utilisation.
    public var chain: SupplyChain
    /// Station equipment capital, excluding land.
    public var stationCapexCny: Double
    /// Break-even nozzle price, itemised (pro-forma).
    public var cost: CostVector
    /// kg sold in each operating year (the fleets' demand ramp, capped by capacity).
    public var annualKg: [Double]
    public var proForma: ProForma
    /// Policy measures in force at this node in its operating years (policies.csv).
    public var policy: PolicySchedule
}

public struct SupplyLink: Sendable, Equatable {
    public var source: HydrogenSource
    public var delivery: DeliveryMode
    public var distanceKm: Double
    public var kgPerDay: Double
    /// What the station pays per kg delivered (upstream levelised cost plus station energy).
    public var costCnyPerKg: Double
}

public struct CorridorPlan: Sendable {
    public var placement: PlacementResult
    public var stations: [StationPlan]
    /// Throughput-weighted average of the stations' itemised break-even prices.
    public var networkAverage: CostVector
    public var totalDemandKgPerDay: Double
    public var servedKgPerDay: Double
    public var totalCapacityKgPerDay: Double
    /// Stations in the plan (nodes × stations per node).
    public var stationCount: Int { stations.reduce(0) { $0 + $1.stationCount } }
    /// The supply options offered to the optimiser (cheapest delivery mode per source and site).
    public var supplyOptionCount: Int
}

public struct PlanningProblem: Error, Sendable, CustomStringConvertible {
    public var messages: [String]
    public var description: String { messages.joined(separator: "\n") }
}

public enum CorridorPlanner {
    public static func plan(_ s: PlanningScenario, _ a: Assumptions) throws -> CorridorPlan {
        let settings = s.settings
        var problems: [String] = []
        // Demand.
        var depots: [DepotFleet] = []
        var flows: [CorridorFlow] = []
        for fleet in s.fleets {
            guard let c = s.vehicleClass(fleet.vehicleClass) else {
                problems.append("fleet \(fleet.id): unknown vehicle class \(fleet.vehicleClass)")
                continue
            }
            switch fleet.pattern {
            case .depot(let home, let radius):
                depots.append(DepotFleet(id: fleet.id, homeNode: home, demandKgPerDay: s.depotDemandKgPerDay(fleet), serviceRadiusKm: radius))
            case .corridor(let origin, let destination, let trips):
                flows.append(CorridorFlow(id: fleet.id, origin: origin, destination: destination, volume: fleet.vehicles * trips,
                                          rangeKm: c.rangeKm, hydrogenKgPerKm: c.kgPer100Km / 100))
            }
        }
        if !problems.isEmpty { throw PlanningProblem(messages: problems) }

        // Station size classes: annualised capital (equipment and land) and fixed O&M.
        // The planner's economic appraisal: station capital annualised at the social discount rate.
        let r = a.finance.socialDiscountRatePct / 100
        let pressure: DispensingPressure = s.vehicleClasses.contains { $0.pressure == .mpa70 } ? .mpa70 : .mpa35
        // A node may host up to `maximumStationsPerNode` identical stations: each multiple is its
        // own size class ("2x1000kgd"), so the MILP still picks one class per node.
        var sizes: [StationSizeClass] = []
        var classShape: [String: (count: Int, kgPerDay: Double)] = [:]
        for count in 1...max(1, settings.maximumStationsPerNode) {
            for kg in settings.stationSizesKgPerDay {
                let capex = StationModel.capexCny(capacityKgPerDay: kg, pressure: pressure, a)
                let annual = capex * capitalRecoveryFactor(rate: r, years: Int(a.station.equipmentLifeYears))
                    + StationModel.fixedOMCnyPerYear(capexCny: capex, a)
                    + a.station.landMcny * 1e6 * capitalRecoveryFactor(rate: r, years: Int(a.station.landAmortisationYears))
                let id = (count == 1 ? "" : "\(count)x") + "\(formatNumber(kg))kgd"
                sizes.append(StationSizeClass(id: id, capacityKgPerDay: kg * Double(count), annualisedCostCNYPerYear: annual * Double(count)))
                classShape[id] = (count, kg)
            }
        }
        // Supply options: for each source and candidate site, the cheapest delivery mode.
        let candidates = s.candidateSites ?? s.network.nodes.map(\.id)
        var options: [SupplyOption] = []
        var linkByKey: [String: SupplyLink] = [:]
        for source in s.sources {
            guard let from = s.network.position(of: source.node) else { continue }
            let distances = s.network.distances(from: from)
            let modes: [DeliveryMode] = source.pathway == .ammoniaCrackingStation ? [.ammoniaTanker] : settings.deliveryModes
            for site in candidates {
                guard let to = s.network.position(of: site), distances[to].isFinite else { continue }
                let km = from == to ? settings.sameNodeDistanceKm : distances[to]
                var best: SupplyLink? = nil
                for mode in modes where source.pathway.incompatibility(with: mode) == nil {
                    let chain = SupplyChain(production: source.pathway, delivery: mode, distanceKm: km,
                                            stationCapacityKgPerDay: settings.referenceStationKgPerDay, utilisationPct: a.station.utilisationPct, pressure: pressure)
                    guard let perKg = try? supplyCostPerKg(chain, a) else { continue }
                    if best == nil || perKg < best!.costCnyPerKg {
                        best = SupplyLink(source: source, delivery: mode, distanceKm: km, kgPerDay: 0, costCnyPerKg: perKg)
                    }
                }
                if let best {
                    options.append(SupplyOption(sourceID: source.id, site: site, deliveryMode: best.delivery.rawValue, costCNYPerKg: best.costCnyPerKg))
                    linkByKey[source.id + "|" + site] = best
                }
            }
        }
        let supplySources = s.sources.map { SupplySource(id: $0.id, capacityKgPerDay: $0.availableTonnesPerYear * 1000 / 365) }
        let maxRange = s.vehicleClasses.map(\.rangeKm).max() ?? 0
        let problem = PlacementProblem(network: s.network, candidateSites: s.candidateSites, sizeClasses: sizes,
                                       depotFleets: depots, corridorFlows: flows, sources: supplySources, supplyOptions: options,
                                       rangeKm: maxRange, maximumUtilisation: a.station.maximumUtilisationPct / 100,
                                       operatingDaysPerYear: 365, objective: settings.objective)
        let placement = try problem.solve(timeLimitSeconds: settings.timeLimitSeconds)

        let totalDemand = depots.reduce(0) { $0 + $1.demandKgPerDay } + placement.flows.reduce(0) { $0 + $1.hydrogenKgPerDay }
        guard placement.status.hasSolution else {
            return CorridorPlan(placement: placement, stations: [], networkAverage: CostVector(), totalDemandKgPerDay: totalDemand,
                                servedKgPerDay: 0, totalCapacityKgPerDay: 0, supplyOptionCount: options.count)
        }

        // Each station's demand ramp: the fleets it serves, each with its own ramp.
        let fleetByID = Dictionary(uniqueKeysWithValues: s.fleets.map { ($0.id, $0) })
        var contributions: [String: [(fleet: Fleet, kgPerDay: Double)]] = [:]
        for assignment in placement.fleets {
            guard let fleet = fleetByID[assignment.id] else { continue }
            for (site, kg) in assignment.kgPerDayBySite where kg > 0 { contributions[site, default: []].append((fleet, kg)) }
        }
        for flow in placement.flows where flow.covered {
            guard let fleet = fleetByID[flow.id] else { continue }
            for site in flow.drawnKgPerDayBySite.keys.sorted() where flow.drawnKgPerDayBySite[site]! > 0 {
                contributions[site, default: []].append((fleet, flow.drawnKgPerDayBySite[site]!))
            }
        }

        var stations: [StationPlan] = []
        for open in placement.openStations {
            guard let sizeClass = open.sizeClass, let shape = classShape[sizeClass], open.throughputKgPerDay > 0 else { continue }
            // Each of the node's identical stations dispenses an equal share.
            let capacity = shape.kgPerDay
            let unitThroughput = open.throughputKgPerDay / Double(shape.count)
            var links = placement.supply.filter { $0.site == open.site && $0.kgPerDay > 0 }.compactMap { supply -> SupplyLink? in
                guard var link = linkByKey[supply.sourceID + "|" + open.site] else { return nil }
                link.kgPerDay = supply.kgPerDay
                return link
            }
            links.sort { ($0.kgPerDay, $1.source.id) > ($1.kgPerDay, $0.source.id) }
            guard let main = links.first else { continue }
            let utilisation = min(100, 100 * unitThroughput / capacity)
            let chain = SupplyChain(production: main.source.pathway, delivery: main.delivery, distanceKm: main.distanceKm,
                                    stationCapacityKgPerDay: capacity, utilisationPct: utilisation, pressure: pressure)
            let evaluation = try stationEvaluation(chain: chain, supply: links, throughputKgPerDay: open.throughputKgPerDay, a)
            let years = Int(a.finance.operatingYears)
            let cap = capacity * a.station.maximumUtilisationPct / 100
            let served = contributions[open.site] ?? []
            let annualKg = (0..<years).map { i -> Double in
                let year = settings.designYear + i
                let demand = served.reduce(0) { $0 + $1.kgPerDay * $1.fleet.share(in: year) } / Double(shape.count)
                return max(1, min(cap, demand)) * 365
            }
            // Policy (issue 9): the measures in force at this node in its calendar operating years.
            let policy = s.policies.schedule(node: open.site, firstOperatingYear: settings.designYear, operatingYears: years)
            let (cost, proForma) = try ChainModel.proFormaCost(evaluation, a, annualKg: annualKg, policy: policy)
            stations.append(StationPlan(site: open.site, sizeClass: sizeClass, stationCount: shape.count, capacityKgPerDay: capacity * Double(shape.count),
                                        throughputKgPerDay: open.throughputKgPerDay, supply: links, chain: chain, stationCapexCny: evaluation.stationCapexCny,
                                        cost: cost, annualKg: annualKg, proForma: proForma, policy: policy))
        }
        // Stations in node-file order.
        stations.sort { (s.network.position(of: $0.site) ?? 0) < (s.network.position(of: $1.site) ?? 0) }
        let served = stations.reduce(0) { $0 + $1.throughputKgPerDay }
        var average = CostVector()
        if served > 0 {
            for st in stations { average = average + st.cost * (st.throughputKgPerDay / served) }
        }
        return CorridorPlan(placement: placement, stations: stations, networkAverage: average, totalDemandKgPerDay: totalDemand,
                            servedKgPerDay: served, totalCapacityKgPerDay: stations.reduce(0) { $0 + $1.capacityKgPerDay },
                            supplyOptionCount: options.count)
    }

    /// What a station pays per kg for a supply chain, excluding its own capital and O&M (the
    /// size classes carry those): upstream levelised cost, station energy, and any station-side
    /// plant of the pathway (on-site electrolyser, station cracker), annuity mode.
    public static func supplyCostPerKg(_ chain: SupplyChain, _ a: Assumptions) throws -> Double {
        let c = try ChainModel.cost(chain, a, mode: .annuity)
        return c.total - c.stationCapex - c.stationOM - c.subsidies
    }
}

extension CorridorPlanner {
    /// The plan's network-average nozzle price under other assumptions, with the placement,
    /// sizes and supply links held fixed (the fast depth of DESIGN §2.8): each station's chain
    /// is re-evaluated and its break-even price re-solved; the average is weighted by the
    /// stations' design-year throughput. `itemised: false` solves only the total (one root
    /// solve per station instead of three) and returns it in `taxes`-free form: the vector's
    /// `production` holds the whole price and the other items are zero.
    public static func recost(_ plan: CorridorPlan, _ a: Assumptions, itemised: Bool = true) throws -> CostVector {
        guard plan.servedKgPerDay > 0 else { return CostVector() }
        var average = CostVector()
        for st in plan.stations {
            let evaluation = try stationEvaluation(chain: st.chain, supply: st.supply, throughputKgPerDay: st.throughputKgPerDay, a)
            let project = ChainModel.projectDefinition(evaluation, a, annualKg: st.annualKg, policy: st.policy)
            let weight = st.throughputKgPerDay / plan.servedKgPerDay
            if itemised {
                let (cost, _) = try ChainModel.proFormaCost(evaluation, a, annualKg: st.annualKg, policy: st.policy)
                average = average + cost * weight
            } else {
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
                blended = blended + (try ChainModel.evaluate(c, a)).project.variableCnyPerKg * (link.kgPerDay / throughputKgPerDay)
            }
            evaluation.project.variableCnyPerKg = blended
        }
        return evaluation
    }
}

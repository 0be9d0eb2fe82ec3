// The phased planning MILP (issue 7): one model over every planning period.
//
//   n[s,k,t] ∈ ℤ≥0   new station units of type k (size × pressure) at site s in use in period t;
//                    n[s,k,t] ≥ n[s,k,t−1] (a unit built stays), Σ_k n[s,k,t] + existing ≤ max.
//   o[s,t], o70[s,t] ∈ {0,1}   site s has a unit (of 70 MPa) open in t; o ≤ Σ n (existing: 1).
//   Depot fleet g: a[g,s,t] ≥ 0 at sites within its radius, Σ_s a = D[g,t] · u[g,t].
//   Corridor flow q: Σ_{s∈K} o_p(s,t) ≥ y[q,t] for each reduced arc-cover set K; the fuel burnt
//   on the arcs of each cover group is drawn at the group's open sites, Σ w = fuel · share_t · y.
//   Reductions (issue 8, item 1), exact for demand that must be served (y fixed at 1):
//   - cover rows are shared across flows: a row whose set contains another row's set (same
//     pressure and period) is implied by it and dropped, as are duplicates;
//   - draws are pooled: demands of one pressure drawing at the same set of sites in a period
//     (depot fleets with the same reach, cover groups of different flows over the same stretch)
//     share one draw per site, Σ w = Σ fuel, and are split back after the solve (drawsBySite);
//   - a candidate that no demand can draw at or be covered by gets no variables.
//   Dominated unit mixes (exact in every mode): a type two of which cost more than one unit of
//   the same pressure at least twice its size is held to one a site (mostUnitsWorthHaving).
//   Loads: L[s,t] (all) ≤ U·capacity[s,t]; L70[s,t] ≤ U·capacity70[s,t] (a vehicle refuels at
//   its pressure or higher).
//   Supply per pressure: Σ_l v[l,p,t] = L_p[s,t]; each link's volume lies in one segment of its
//   cost curve: x[l,j,t] ∈ [lo_j, hi_j]·b[l,j,t], Σ_j b ≤ 1, Σ_j x = Σ_p v.
//   Intakes: i[s,m,t] ∈ {0,1} per site, delivery mode and period, paying the mode's charge (the
//   parked trailer); a link's segments only where its intake is, i ≤ o, Σ_m i ≥ o at a new
//   station; several modes a site, but a mode building a plant at the station stands alone.
//   Source capacity in t: Σ_l produced[l,t] ≤ capacity_i(t) (0 before its first year).
//   Objective: Σ_t PV_t × (station units' annual capital and O&M + existing stations' O&M +
//   link costs + station energy + carbon price × the links' and stations' CO₂e) + PV of
//   unserved hydrogen at the scenario's maximum price.
//   Intensity cap in t (optional): Σ CO₂e[t] ≤ cap × Σ served kg/day[t].
// Capital enters as its annuity in every year from the build period on: the capital paid in the
// build year less what remains of it at the horizon's end.
import H2Numerics

/// A kind of station unit the optimiser may build.
public struct StationUnitType: Sendable, Hashable, CustomStringConvertible {
    public var capacityKgPerDay: Double
    public var pressure: DispensingPressure
    public init(capacityKgPerDay: Double, pressure: DispensingPressure) {
        self.capacityKgPerDay = capacityKgPerDay; self.pressure = pressure
    }
    public var description: String { "\(formatNumber(capacityKgPerDay)) kg/day at \(pressure.rawValue) MPa" }
}

/// A supply link: a source (or the station's own plant) to a site by one delivery mode.
public struct SupplyLinkKey: Sendable, Hashable {
    /// Index into the scenario's sources; nil for an on-site electrolyser.
    public var source: Int?
    public var site: Int
    public var mode: DeliveryMode
}

struct PlanningLink {
    var key: SupplyLinkKey
    var pathway: ProductionPathway
    var distanceKm: Double
    var curve: PiecewiseCost
    /// Paid once per site, delivery mode and period when any link of that mode is used there.
    var siteFixedCnyPerYear: Double
    /// Central plants at the source the link's hydrogen passes through.
    var centralPlants: [CentralPlantKind] = []
    /// The link builds a plant at the station (on-site electrolyser, station cracker).
    var stationPlant = false
    /// kg/day the site's intake of this mode needs delivered whatever it dispenses (a liquid
    /// tank's boil-off); the curve is then in kg delivered.
    var intakeLoadKgPerDay = 0.0
    /// Station energy per kg dispensed at 35 and 70 MPa.
    var energyCnyPerKg: [DispensingPressure: Double]
    /// The station electricity's kg CO₂e per kg dispensed at 35 and 70 MPa.
    var energyCo2KgPerKg: [DispensingPressure: Double] = [:]
}

struct PlanningDemand {
    var id: String
    var pressure: DispensingPressure
    /// Depot fleets: candidate positions within the radius. Flows: nil.
    var depotSites: [Int]?
    /// Flows: index into the FRLM's flows.
    var flow: Int?
    /// Demand share of the design-year demand in each period.
    var shareByPeriod: [Double]
    /// kg/day at share 1 (depot demand, or the round trip's hydrogen).
    var kgPerDay: Double
    func kgPerDay(_ t: Int) -> Double { kgPerDay * shareByPeriod[t] }
}

struct ExistingAtSite {
    var capacityKgPerDay: Double
    var pressure: DispensingPressure
    var openingYear: Int
    var omCnyPerYear: Double
}

public struct CentralPlantKey: Sendable, Hashable {
    public var source: Int
    public var kind: CentralPlantKind
}

/// Everything the MILP needs, in positions and numbers.
struct PhasedPlanningInputs {
    var network: Network
    var horizon: PlanningHorizon
    var frlm: FlowRefuellingModel
    var fuelGroups: [[(sites: [Int], kgPerDay: Double)]]
    var unitTypes: [StationUnitType]
    var unitAnnualCny: [Double]
    var maximumUnitsPerSite: Int
    var existing: [Int: [ExistingAtSite]]
    var demands: [PlanningDemand]
    var sourceCapacityKgPerDay: [[Double]]  // [source][period]
    var links: [PlanningLink]
    /// Size classes of each central plant: (source, kind) → [(kg/day, CNY a year)].
    var plantSizes: [CentralPlantKey: [(kgPerDay: Double, annualCny: Double)]] = [:]
    var maximumUtilisation: Double
    var objective: PlanningObjective
    var unservedCnyPerKg: Double?
    var solver: MILPBackend = .highs
    /// Give the search a starting plan from the LP relaxation (PhasedPlanning+Start.swift).
    var startHeuristic = false
    var relativeGap = 0.0
    var timeLimitSeconds: Double?
    /// CNY per kg CO₂e charged in the objective (the scenario's carbon price / 1000).
    var carbonPriceCnyPerKgCo2 = 0.0
    /// Network intensity cap, kg CO₂e per kg dispensed, in every period.
    var maximumCo2KgPerKg: Double?
    /// Periods each delivery mode may carry hydrogen in (DeliveryModeYears); a mode not listed
    /// is allowed in every period.
    var modeAllowedByPeriod: [DeliveryMode: [Bool]] = [:]

    /// Carbon enters the optimum (a price or a cap): presolves must then keep cleaner links.
    var carbonMatters: Bool { carbonPriceCnyPerKgCo2 > 0 || maximumCo2KgPerKg != nil }
    var candidates: [Int] { frlm.candidatePositions }
    var periods: [Period] { horizon.periods }

    func existing(at s: Int, in t: Period) -> [ExistingAtSite] { (existing[s] ?? []).filter { $0.openingYear <= t.year } }
    func existingCapacity(at s: Int, in t: Period, pressure70Only: Bool) -> Double {
        existing(at: s, in: t).filter { !pressure70Only || $0.pressure == .mpa70 }.reduce(0) { $0 + $1.capacityKgPerDay }
    }
}

/// Demands of one pressure, always served, that draw at the same sites in a period: one draw
/// variable per site carries them all.
struct DrawPool {
    var members: [(demand: Int, kgPerDay: Double)] = []
    var draws: [(site: Int, v: MILPVariableID)] = []
}

/// The MILP's variables, kept to read the answer back.
struct PhasedFormulation {
    var milp = MILPProblem(sense: .minimise)
    var units: [Int: [[MILPVariableID]]] = [:]        // site → [type][period]
    var served: [[MILPVariableID?]] = []               // demand → period (nil: fixed 1)
    var assign: [[[(site: Int, v: MILPVariableID)]]] = []  // demand → period → its own draws
    /// Draws pooled across always-served demands (see the header), per period.
    var pools: [[DrawPool]] = []
    var supply: [[[DispensingPressure: MILPVariableID]]] = []  // link → period → pressure
    var segments: [[[(used: MILPVariableID, kg: MILPVariableID)]]] = []  // link → period → segment
    var plants: [CentralPlantKey: [[MILPVariableID]]] = [:]  // plant → size → period
    var costTerms: [MILPTerm] = []
    /// Annual cost terms per period (undiscounted), for budget runs.
    var annualTerms: [[MILPTerm]] = []
    var servedTerms: [[MILPTerm]] = []                 // per period, kg/day
    var servedConstant: [Double] = []                  // per period, kg/day always served
    var co2Terms: [[MILPTerm]] = []                    // per period, kg CO₂e/day
    var constantCost = 0.0
    var annualConstant: [Double] = []
}

extension PhasedPlanningInputs {
    /// Most units of each type worth having at one site, given `pv[t]`, the present value of a
    /// yuan a year in period t: one where a unit of the same pressure at least twice the size
    /// costs less over the horizon than two of this type, however the two are timed; otherwise
    /// the per-site maximum.
    ///
    /// Why it is exact: a plan with two such units (in service from t₁ ≤ t₂) can swap them for
    /// the larger unit built in t₁. It holds as much in every period, takes one place instead
    /// of two, keeps the site open in the same periods, and costs no more, since a unit's cost
    /// is its annual cost times the sum of pv over the periods it is in service; nothing else
    /// in the model depends on the mix. Bounding the type at one removes those equivalent or
    /// dearer mixes from the search: the Zhejiang flagship's proof took 33 s instead of 72 s
    /// (median of three HiGHS seeds on its written model).
    func mostUnitsWorthHaving(_ pv: [Double]) -> [Int] {
        Self.mostUnitsWorthHaving(unitTypes, annualCny: unitAnnualCny, perSite: maximumUnitsPerSite, pv: pv)
    }

    static func mostUnitsWorthHaving(_ types: [StationUnitType], annualCny: [Double], perSite: Int, pv: [Double]) -> [Int] {
        // inService[t]: the present value of a yuan a year from period t to the horizon's end.
        var inService = pv
        for t in pv.indices.reversed().dropFirst() { inService[t] += inService[t + 1] }
        return types.indices.map { k in
            let larger = types.indices.filter { types[$0].pressure == types[k].pressure && types[$0].capacityKgPerDay >= 2 * types[k].capacityKgPerDay }
            let swapPays = larger.contains { b in
                pv.indices.allSatisfy { t1 in
                    (t1..<pv.count).allSatisfy { t2 in annualCny[b] * inService[t1] <= annualCny[k] * (inService[t1] + inService[t2]) }
                }
            }
            return swapPays ? min(1, perSite) : perSite
        }
    }

    /// Builds the MILP. `only` restricts the demand items (the others are dropped), which the
    /// diagnosis uses to test items alone; `forceServed` fixes chosen items served.
    func formulation(only: Set<Int>? = nil, forceServed: Set<Int> = []) -> PhasedFormulation {
        var f = PhasedFormulation()
        f.milp.cuttingPlanes = true
        f.milp.backend = solver
        let T = periods.count
        f.annualTerms = Array(repeating: [], count: T)
        f.servedTerms = Array(repeating: [], count: T)
        f.servedConstant = Array(repeating: 0, count: T)
        f.co2Terms = Array(repeating: [], count: T)
        f.annualConstant = Array(repeating: 0, count: T)
        let pv = periods.map { horizon.presentValueOfAnnual($0) }
        func cost(_ t: Int, _ v: MILPVariableID, _ annual: Double) {
            guard annual != 0 else { return }
            f.costTerms.append(MILPTerm(v, annual * pv[t]))
            f.annualTerms[t].append(MILPTerm(v, annual))
        }
        // kg CO₂e a day carried by `v` in t: counted for the cap and charged at the carbon price.
        func emits(_ t: Int, _ v: MILPVariableID, _ kgPerDay: Double) {
            guard kgPerDay != 0 else { return }
            f.co2Terms[t].append(MILPTerm(v, kgPerDay))
            cost(t, v, carbonPriceCnyPerKgCo2 * kgPerDay * 365)
        }
        let has70 = demands.contains { $0.pressure == .mpa70 }
        let included = demands.indices.filter { d in (only?.contains(d) ?? true) && demands[d].shareByPeriod.contains { $0 > 0 } && demands[d].kgPerDay > 0 }
        // Sites some demand can draw at or be covered by; the others cannot change the plan.
        var usable = Set<Int>()
        for d in included {
            if let sites = demands[d].depotSites { usable.formUnion(sites) }
            if let q = demands[d].flow {
                for g in fuelGroups[q] { usable.formUnion(g.sites) }
                for set in frlm.flows[q].arcCoverSets { usable.formUnion(set) }
            }
        }

        // Station units, and the open indicators that corridor cover needs.
        var open: [Int: [[DispensingPressure: MILPVariableID?]]] = [:]  // nil value: open for free (existing)
        var capacityTerms: [Int: [[MILPTerm]]] = [:], capacity70Terms: [Int: [[MILPTerm]]] = [:]
        for s in candidates where !usable.contains(s) {
            // An existing station nothing can use still costs its O&M.
            for (t, period) in periods.enumerated() {
                for e in existing(at: s, in: period) {
                    f.constantCost += e.omCnyPerYear * pv[t]
                    f.annualConstant[t] += e.omCnyPerYear
                }
            }
        }
        let most = mostUnitsWorthHaving(pv)
        for s in candidates where usable.contains(s) {
            var byType: [[MILPVariableID]] = []
            for k in unitTypes.indices {
                var row: [MILPVariableID] = []
                for t in 0..<T {
                    let v = f.milp.addVariable("units_\(s)_\(k)_\(t)", kind: .integer, upperBound: Double(most[k]))
                    cost(t, v, unitAnnualCny[k])
                    if t > 0 { f.milp.addConstraint("units_stay_\(s)_\(k)_\(t)", [MILPTerm(v, 1), MILPTerm(row[t - 1], -1)], .greaterOrEqual, 0) }
                    row.append(v)
                }
                byType.append(row)
            }
            f.units[s] = byType
            var openRow: [[DispensingPressure: MILPVariableID?]] = []
            var capRow: [[MILPTerm]] = [], cap70Row: [[MILPTerm]] = []
            for (t, period) in periods.enumerated() {
                let here = existing(at: s, in: period)
                let room = max(0, maximumUnitsPerSite - here.count)
                f.milp.addConstraint("units_max_\(s)_\(t)", byType.map { MILPTerm($0[t], 1) }, .lessOrEqual, Double(room))
                for e in here {
                    f.constantCost += e.omCnyPerYear * pv[t]
                    f.annualConstant[t] += e.omCnyPerYear
                }
                capRow.append(unitTypes.indices.map { MILPTerm(byType[$0][t], -unitTypes[$0].capacityKgPerDay * maximumUtilisation) })
                cap70Row.append(unitTypes.indices.filter { unitTypes[$0].pressure == .mpa70 }
                    .map { MILPTerm(byType[$0][t], -unitTypes[$0].capacityKgPerDay * maximumUtilisation) })
                // Open indicators (any unit; a 70 MPa unit). They carry the strong links of the
                // relaxation: nothing is assigned, drawn or delivered at a closed site.
                var o: [DispensingPressure: MILPVariableID?] = [:]
                for p in has70 ? [DispensingPressure.mpa35, .mpa70] : [.mpa35] {
                    if here.contains(where: { p == .mpa35 || $0.pressure == .mpa70 }) { o[p] = .some(nil); continue }
                    let types = unitTypes.indices.filter { p == .mpa35 || unitTypes[$0].pressure == .mpa70 }
                    guard !types.isEmpty else { continue }
                    let v = f.milp.addVariable("open_\(p.rawValue)_\(s)_\(t)", kind: .binary)
                    f.milp.addConstraint("open_needs_unit_\(p.rawValue)_\(s)_\(t)", [MILPTerm(v, 1)] + types.map { MILPTerm(byType[$0][t], -1) }, .lessOrEqual, 0)
                    // A site open stays open.
                    if t > 0, let before = openRow[t - 1][p], let b = before {
                        f.milp.addConstraint("open_stays_\(p.rawValue)_\(s)_\(t)", [MILPTerm(v, 1), MILPTerm(b, -1)], .greaterOrEqual, 0)
                    }
                    // Units only where the site is open (at most the per-site maximum).
                    f.milp.addConstraint("units_need_open_\(p.rawValue)_\(s)_\(t)", types.map { MILPTerm(byType[$0][t], 1) } + [MILPTerm(v, -Double(room))], .lessOrEqual, 0)
                    o[p] = .some(v)
                }
                openRow.append(o)
            }
            open[s] = openRow
            capacityTerms[s] = capRow
            capacity70Terms[s] = cap70Row
        }

        // Demand: depot fleets and corridor flows, per period.
        var load: [Int: [[MILPTerm]]] = [:], load70: [Int: [[MILPTerm]]] = [:]
        for s in candidates { load[s] = Array(repeating: [], count: T); load70[s] = Array(repeating: [], count: T) }
        f.served = Array(repeating: Array(repeating: nil, count: T), count: demands.count)
        f.assign = Array(repeating: Array(repeating: [], count: T), count: demands.count)
        f.pools = Array(repeating: [], count: T)
        // Always-served draws, pooled by (pressure, sites) per period; and every cover row, kept
        // until all are known so that implied ones can be dropped.
        struct PoolKey: Hashable { var pressure: DispensingPressure; var sites: [Int] }
        var poolIndex: [[PoolKey: Int]] = Array(repeating: [:], count: T)
        var poolKeys: [[PoolKey]] = Array(repeating: [], count: T)
        struct CoverRow { var pressure: DispensingPressure; var period: Int; var sites: [Int]; var served: MILPVariableID? }
        var coverRows: [CoverRow] = []
        // kg/day drawn at site s in t: nothing while s is closed (at the pressure asked for),
        // and it loads s.
        func draw(_ name: String, at s: Int, _ t: Int, pressure: DispensingPressure, upTo limit: Double) -> MILPVariableID {
            let v = f.milp.addVariable(name)
            if let o = open[s]?[t][pressure], let isOpen = o {
                f.milp.addConstraint(name + "_open", [MILPTerm(v, 1), MILPTerm(isOpen, -limit)], .lessOrEqual, 0)
            }
            load[s]![t].append(MILPTerm(v, 1))
            if pressure == .mpa70 { load70[s]![t].append(MILPTerm(v, 1)) }
            return v
        }
        for d in included {
            let demand = demands[d]
            for t in 0..<T {
                let kg = demand.kgPerDay(t)
                guard kg > 0 else { continue }
                var u: MILPVariableID? = nil
                let choose = !forceServed.contains(d) && (objective != .leastCost || unservedCnyPerKg != nil)
                if choose {
                    let v = f.milp.addVariable("served_\(d)_\(t)", kind: .binary)
                    u = v
                    if let price = unservedCnyPerKg, objective == .leastCost {
                        // Unserved hydrogen costs `price` a kg: serving saves it.
                        f.costTerms.append(MILPTerm(v, -price * kg * 365 * pv[t]))
                        f.constantCost += price * kg * 365 * pv[t]
                    }
                }
                f.served[d][t] = u
                if let u { f.servedTerms[t].append(MILPTerm(u, kg)) } else { f.servedConstant[t] += kg }
                // `fuel` kg/day drawn at the open sites of `sites`: pooled when always served.
                func requireDraw(_ fuel: Double, at sites: [Int]) {
                    if u == nil {
                        let key = PoolKey(pressure: demand.pressure, sites: sites)
                        if let i = poolIndex[t][key] { f.pools[t][i].members.append((d, fuel)) } else {
                            poolIndex[t][key] = poolKeys[t].count
                            poolKeys[t].append(key)
                            f.pools[t].append(DrawPool(members: [(d, fuel)]))
                        }
                        return
                    }
                    var sum: [MILPTerm] = []
                    for s in sites {
                        let v = draw("draw_\(d)_\(s)_\(t)", at: s, t, pressure: demand.pressure, upTo: fuel)
                        f.assign[d][t].append((s, v))
                        sum.append(MILPTerm(v, 1))
                    }
                    f.milp.addConstraint("fuel_\(d)_\(f.milp.constraints.count)_\(t)", sum + [MILPTerm(u!, -fuel)], .equal, 0)
                }
                if let sites = demand.depotSites {
                    requireDraw(kg, at: sites)
                } else if let q = demand.flow {
                    for set in frlm.flows[q].arcCoverSets { coverRows.append(CoverRow(pressure: demand.pressure, period: t, sites: set, served: u)) }
                    for group in fuelGroups[q] where group.kgPerDay > 0 { requireDraw(group.kgPerDay * demand.shareByPeriod[t], at: group.sites) }
                }
            }
        }
        for t in 0..<T {
            for (i, key) in poolKeys[t].enumerated() {
                let fuel = f.pools[t][i].members.reduce(0) { $0 + $1.kgPerDay }
                var sum: [MILPTerm] = []
                for s in key.sites {
                    let v = draw("draw_\(t)_\(i)_\(s)", at: s, t, pressure: key.pressure, upTo: fuel)
                    f.pools[t][i].draws.append((s, v))
                    sum.append(MILPTerm(v, 1))
                }
                f.milp.addConstraint("fuel_\(t)_\(i)", sum, .equal, fuel)
            }
        }
        // Cover rows: those of always-served flows hold whatever the plan, so a row whose set
        // contains another such row's set (same pressure and period) is implied and dropped.
        struct CoverKey: Hashable { var pressure: DispensingPressure; var period: Int }
        var fixedKept: [CoverKey: [Set<Int>]] = [:]
        var byLeast: [CoverKey: [Int: [Int]]] = [:]  // smallest site → kept sets starting there
        func implied(_ set: Set<Int>, _ key: CoverKey) -> Bool {
            guard let index = byLeast[key] else { return false }
            return set.contains { e in index[e]?.contains { fixedKept[key]![$0].isSubset(of: set) } ?? false }
        }
        // Sites open for free (existing, at the row's pressure) satisfy a row at once.
        func openTerms(_ row: CoverRow) -> [MILPTerm]? {
            var terms: [MILPTerm] = []
            for s in row.sites {
                guard let o = open[s]?[row.period][row.pressure] else { continue }
                guard let v = o else { return nil }
                terms.append(MILPTerm(v, 1))
            }
            return terms
        }
        // Smallest sets first (a set can only be implied by one no larger); ties in the order
        // the rows were made, so the model never depends on the sort's stability.
        let fixedRows = coverRows.indices.filter { coverRows[$0].served == nil }
            .sorted { (coverRows[$0].sites.count, $0) < (coverRows[$1].sites.count, $1) }.map { coverRows[$0] }
        var emitted = 0
        for row in fixedRows {
            let key = CoverKey(pressure: row.pressure, period: row.period), set = Set(row.sites)
            guard let terms = openTerms(row), !implied(set, key) else { continue }
            byLeast[key, default: [:]][row.sites.min() ?? -1, default: []].append(fixedKept[key, default: []].count)
            fixedKept[key, default: []].append(set)
            f.milp.addConstraint("cover_\(row.period)_\(row.pressure.rawValue)_\(emitted)", terms, .greaterOrEqual, 1)
            emitted += 1
        }
        for row in coverRows where row.served != nil {
            guard let terms = openTerms(row), !implied(Set(row.sites), CoverKey(pressure: row.pressure, period: row.period)) else { continue }
            f.milp.addConstraint("cover_\(row.period)_\(row.pressure.rawValue)_\(emitted)", terms + [MILPTerm(row.served!, -1)], .greaterOrEqual, 0)
            emitted += 1
        }
        for s in candidates {
            for (t, period) in periods.enumerated() {
                let exAll = existingCapacity(at: s, in: period, pressure70Only: false) * maximumUtilisation
                let ex70 = existingCapacity(at: s, in: period, pressure70Only: true) * maximumUtilisation
                if !load[s]![t].isEmpty { f.milp.addConstraint("capacity_\(s)_\(t)", load[s]![t] + capacityTerms[s]![t], .lessOrEqual, exAll) }
                if !load70[s]![t].isEmpty { f.milp.addConstraint("capacity70_\(s)_\(t)", load70[s]![t] + capacity70Terms[s]![t], .lessOrEqual, ex70) }
            }
        }

        // Supply links.
        var bySite: [Int: [[DispensingPressure: [MILPTerm]]]] = [:]
        var produced: [[[MILPTerm]]] = Array(repeating: Array(repeating: [], count: T), count: sourceCapacityKgPerDay.count)
        var throughPlant: [CentralPlantKey: [[MILPTerm]]] = [:]
        func feed(_ link: PlanningLink, _ t: Int, _ terms: [MILPTerm]) {
            guard let source = link.key.source else { return }
            produced[source][t] += terms
            for kind in link.centralPlants {
                throughPlant[CentralPlantKey(source: source, kind: kind), default: Array(repeating: [], count: T)][t] += terms
            }
        }
        f.supply = Array(repeating: Array(repeating: [:], count: T), count: links.count)
        f.segments = Array(repeating: Array(repeating: [], count: T), count: links.count)
        // Most a site can dispense in a period: what can reach it, or what it can hold.
        var reach: [Int: [Double]] = [:]
        for (d, demand) in demands.enumerated() where only?.contains(d) ?? true {
            for t in 0..<T {
                if let sites = demand.depotSites { for s in sites { reach[s, default: Array(repeating: 0, count: T)][t] += demand.kgPerDay(t) } }
                if let q = demand.flow {
                    for g in fuelGroups[q] { for s in g.sites { reach[s, default: Array(repeating: 0, count: T)][t] += g.kgPerDay * demand.shareByPeriod[t] } }
                }
            }
        }
        let largestUnit = unitTypes.map(\.capacityKgPerDay).max() ?? 0
        func siteMax(_ s: Int, _ t: Int) -> Double {
            let hold = (largestUnit * Double(maximumUnitsPerSite) + existingCapacity(at: s, in: periods[t], pressure70Only: false)) * maximumUtilisation
            return min(reach[s]?[t] ?? 0, hold)
        }
        // The site's drop-and-swap bay per trailer class: one parked trailer whatever the sources.
        var bay: [SupplyLinkKey: [Int: MILPVariableID]] = [:]
        var bays: [Int: [[MILPTerm]]] = [:]
        // Intakes of a mode by which some link builds a plant at the station.
        var plantBays: [Int: [[MILPVariableID]]] = [:]
        var withPlant = Set<SupplyLinkKey>()
        for link in links where link.stationPlant { withPlant.insert(SupplyLinkKey(source: nil, site: link.key.site, mode: link.key.mode)) }
        // What the links of an intake deliver for its tank's loss, per period.
        var intakeLoad: [SupplyLinkKey: [Int: (kgPerDay: Double, terms: [MILPTerm])]] = [:]
        for (i, link) in links.enumerated() {
            let s = link.key.site
            for t in 0..<T {
                // Nothing to carry where nothing is drawn, or by a mode not allowed that year.
                if load[s]![t].isEmpty || modeAllowedByPeriod[link.key.mode]?[t] == false { continue }
                let bound = siteMax(s, t)
                guard bound > 0 else { continue }
                var carried: [MILPTerm] = []
                for p in has70 ? [DispensingPressure.mpa35, .mpa70] : [.mpa35] {
                    if p == .mpa70 && load70[s]![t].isEmpty { continue }
                    let v = f.milp.addVariable("supply_\(i)_\(p.rawValue)_\(t)")
                    f.supply[i][t][p] = v
                    cost(t, v, (link.energyCnyPerKg[p] ?? 0) * 365)
                    emits(t, v, link.energyCo2KgPerKg[p] ?? 0)
                    carried.append(MILPTerm(v, -1))
                    if bySite[s] == nil { bySite[s] = Array(repeating: [:], count: T) }
                    bySite[s]![t][p, default: []].append(MILPTerm(v, 1))
                }
                // The site's intake for this delivery mode in this period (a parked trailer for
                // drop-and-swap).
                let key = SupplyLinkKey(source: nil, site: s, mode: link.key.mode)
                let used: MILPVariableID
                if let b = bay[key]?[t] { used = b } else {
                    let b = f.milp.addVariable("bay_\(s)_\(link.key.mode.rawValue)_\(t)", kind: .binary)
                    cost(t, b, link.siteFixedCnyPerYear)
                    bay[key, default: [:]][t] = b
                    bays[s, default: Array(repeating: [], count: T)][t].append(MILPTerm(b, 1))
                    if withPlant.contains(key) { plantBays[s, default: Array(repeating: [], count: T)][t].append(b) }
                    used = b
                }
                var choice: [MILPTerm] = []
                let linear = link.curve.segments.count == 1 && link.curve.segments[0].lowerKgPerDay == 0
                    && abs(link.curve.segments[0].fixedCnyPerYear) <= 1e-9 * max(1, link.curve.segments[0].cnyPerYearPerKgPerDay * link.curve.segments[0].upperKgPerDay)
                if linear {
                    // Cost and production proportional to the volume: no choice to make.
                    let seg = link.curve.segments[0]
                    let most = min(seg.upperKgPerDay, bound + link.intakeLoadKgPerDay)
                    let x = f.milp.addVariable("link_kg_\(i)_\(t)", upperBound: most)
                    f.segments[i][t].append((x, x))
                    f.milp.addConstraint("link_bay_\(i)_\(t)", [MILPTerm(x, 1), MILPTerm(used, -most)], .lessOrEqual, 0)
                    if link.intakeLoadKgPerDay > 0 {
                        let tank = f.milp.addVariable("link_tank_\(i)_\(t)", upperBound: link.intakeLoadKgPerDay)
                        carried.append(MILPTerm(tank, -1))
                        intakeLoad[key, default: [:]][t, default: (link.intakeLoadKgPerDay, [])].terms.append(MILPTerm(tank, 1))
                    }
                    cost(t, x, seg.cnyPerYearPerKgPerDay)
                    emits(t, x, seg.co2PerKg)
                    carried.append(MILPTerm(x, 1))
                    feed(link, t, [MILPTerm(x, seg.producedPerKg)])
                    f.milp.addConstraint("link_carries_\(i)_\(t)", carried, .equal, 0)
                    continue
                }
                // A volume that is not proportional: it lies in one segment of the link's curve.
                for (j, seg) in link.curve.segments.enumerated() where seg.lowerKgPerDay <= bound {
                    let upper = min(seg.upperKgPerDay, bound)
                    let b = f.milp.addVariable("link_used_\(i)_\(j)_\(t)", kind: .binary)
                    let x = f.milp.addVariable("link_kg_\(i)_\(j)_\(t)", upperBound: upper)
                    f.segments[i][t].append((b, x))
                    f.milp.addConstraint("link_upper_\(i)_\(j)_\(t)", [MILPTerm(x, 1), MILPTerm(b, -upper)], .lessOrEqual, 0)
                    if seg.lowerKgPerDay > 0 {
                        f.milp.addConstraint("link_lower_\(i)_\(j)_\(t)", [MILPTerm(x, 1), MILPTerm(b, -seg.lowerKgPerDay)], .greaterOrEqual, 0)
                    }
                    f.milp.addConstraint("link_segment_bay_\(i)_\(j)_\(t)", [MILPTerm(b, 1), MILPTerm(used, -1)], .lessOrEqual, 0)
                    cost(t, b, seg.fixedCnyPerYear)
                    cost(t, x, seg.cnyPerYearPerKgPerDay)
                    emits(t, b, seg.co2FixedKgPerDay)
                    emits(t, x, seg.co2PerKg)
                    choice.append(MILPTerm(b, 1))
                    carried.append(MILPTerm(x, 1))
                    feed(link, t, [MILPTerm(b, seg.producedFixedKgPerDay), MILPTerm(x, seg.producedPerKg)])
                }
                if choice.count > 1 { f.milp.addConstraint("link_one_segment_\(i)_\(t)", choice, .lessOrEqual, 1) }
                // A plant built at the station is not taken away: once used, it is used in every
                // later period (its capital is paid in each of them).
                if link.stationPlant, t > 0, !f.segments[i][t - 1].isEmpty {
                    f.milp.addConstraint("station_plant_stays_\(i)_\(t)", choice + f.segments[i][t - 1].map { MILPTerm($0.used, -1) }, .greaterOrEqual, 0)
                }
                f.milp.addConstraint("link_carries_\(i)_\(t)", carried, .equal, 0)
            }
        }
        // (In a fixed order: the rows' order steers the solver's search, and must not depend on
        // the process's hash seed.)
        for key in intakeLoad.keys.sorted(by: { ($0.site, $0.mode.rawValue) < ($1.site, $1.mode.rawValue) }) {
            for (t, load) in intakeLoad[key]!.sorted(by: { $0.key < $1.key }) {
                guard let b = bay[key]?[t] else { continue }
                f.milp.addConstraint("intake_load_\(key.site)_\(key.mode.rawValue)_\(t)", load.terms + [MILPTerm(b, -load.kgPerDay)], .equal, 0)
            }
        }
        // A site's intakes in a period: at least one where a new station is open, and none while
        // it is closed (the open indicator is forced up by what the site dispenses, so this ties
        // the intakes' fixed charges to it). A site hosting several stations may take hydrogen
        // by more than one delivery mode, a pipeline beside a trailer bay, each intake paying its
        // own charge. Not beside a plant at the station (an on-site electrolyser, a station
        // cracker): its curve charges its capital by the volume it makes in each period, so
        // delivered hydrogen beside it would let it shrink to a token volume, its capital with it.
        for (s, rows) in bays.sorted(by: { $0.key < $1.key }) {
            for t in 0..<T where !rows[t].isEmpty {
                if let o = open[s]?[t][.mpa35], let v = o {
                    f.milp.addConstraint("intake_where_open_\(s)_\(t)", rows[t] + [MILPTerm(v, -1)], .greaterOrEqual, 0)
                    for (k, b) in rows[t].enumerated() {
                        f.milp.addConstraint("intake_needs_open_\(s)_\(t)_\(k)", [b, MILPTerm(v, -1)], .lessOrEqual, 0)
                    }
                }
                for plant in plantBays[s]?[t] ?? [] {
                    for other in rows[t] where other.variable != plant {
                        f.milp.addConstraint("intake_plant_alone_\(s)_\(t)_\(plant.index)_\(other.variable.index)", [MILPTerm(plant, 1), other], .lessOrEqual, 1)
                    }
                }
            }
        }
        for s in candidates {
            for t in 0..<T where !load[s]![t].isEmpty {
                let l70 = load70[s]![t]
                let supplied = bySite[s]?[t] ?? [:]
                // 35 MPa vehicles: the load of all vehicles less the 70 MPa load.
                let in70 = Set(l70.map(\.variable))
                let l35 = load[s]![t].filter { !in70.contains($0.variable) }
                f.milp.addConstraint("supply_35_\(s)_\(t)", (supplied[.mpa35] ?? []) + l35.map { MILPTerm($0.variable, -1) }, .equal, 0)
                if !l70.isEmpty {
                    f.milp.addConstraint("supply_70_\(s)_\(t)", (supplied[.mpa70] ?? []) + l70.map { MILPTerm($0.variable, -1) }, .equal, 0)
                }
            }
        }
        // Central plants: one size per period, never smaller than before, holding what is routed.
        for key in throughPlant.keys.sorted(by: { ($0.source, $0.kind.rawValue) < ($1.source, $1.kind.rawValue) }) {
            let sizes = plantSizes[key] ?? []
            var rows: [[MILPVariableID]] = []
            for (c, size) in sizes.enumerated() {
                rows.append((0..<T).map { t in
                    let v = f.milp.addVariable("plant_\(key.source)_\(key.kind.rawValue)_\(c)_\(t)", kind: .binary)
                    cost(t, v, size.annualCny)
                    return v
                })
            }
            f.plants[key] = rows
            for t in 0..<T {
                guard let through = throughPlant[key]?[t], !through.isEmpty else { continue }
                let name = "\(key.source)_\(key.kind.rawValue)_\(t)"
                f.milp.addConstraint("plant_one_size_\(name)", rows.map { MILPTerm($0[t], 1) }, .lessOrEqual, 1)
                f.milp.addConstraint("plant_holds_\(name)", through + sizes.indices.map { MILPTerm(rows[$0][t], -sizes[$0].kgPerDay) }, .lessOrEqual, 0)
                if t > 0 {
                    f.milp.addConstraint("plant_stays_\(name)", sizes.indices.flatMap { [MILPTerm(rows[$0][t], sizes[$0].kgPerDay), MILPTerm(rows[$0][t - 1], -sizes[$0].kgPerDay)] },
                                         .greaterOrEqual, 0)
                }
            }
        }
        for (i, caps) in sourceCapacityKgPerDay.enumerated() {
            for t in 0..<T where !produced[i][t].isEmpty {
                f.milp.addConstraint("source_capacity_\(i)_\(t)", produced[i][t], .lessOrEqual, caps[t])
            }
        }
        // The network's intensity cap: one row per period over what it dispenses.
        if let cap = maximumCo2KgPerKg {
            for t in 0..<T where !f.co2Terms[t].isEmpty {
                f.milp.addConstraint("co2_cap_\(t)", f.co2Terms[t] + f.servedTerms[t].map { MILPTerm($0.variable, -cap * $0.coefficient) }, .lessOrEqual,
                                     cap * f.servedConstant[t])
            }
        }
        for term in f.costTerms {
            f.milp.setObjectiveCoefficient(term.variable, f.milp.variables[term.variable.index].objectiveCoefficient + term.coefficient)
        }
        f.milp.objectiveConstant = f.constantCost
        return f
    }
}

extension PhasedFormulation {
    /// kg/day each demand draws at each site in each period (demand → period → draws): its own
    /// draws, and its part of each pool it is in. A pool is split by filling its sites in order,
    /// member by member, so a fleet is split across sites only where its pool's draws must be.
    /// Any rounding left over goes to the last member, so the sites' loads are kept exactly.
    func drawsBySite(_ solution: MILPSolution, tiny: Double) -> [[[(site: Int, kgPerDay: Double)]]] {
        var result = assign.map { $0.map { $0.compactMap { solution[$0.v] > tiny ? ($0.site, solution[$0.v]) : nil } } }
        for (t, pools) in pools.enumerated() {
            for pool in pools {
                var left = pool.draws.map { (site: $0.site, kg: max(0, solution[$0.v])) }
                var j = 0
                for (m, member) in pool.members.enumerated() {
                    var need = member.kgPerDay
                    var taken: [(site: Int, kgPerDay: Double)] = []
                    while j < left.count && (need > tiny || m == pool.members.count - 1) {
                        let take = m == pool.members.count - 1 ? left[j].kg : min(need, left[j].kg)
                        if take > tiny { taken.append((left[j].site, take)) }
                        need -= take
                        left[j].kg -= take
                        if left[j].kg <= tiny { j += 1 }
                    }
                    result[member.demand][t] += taken
                }
            }
        }
        return result
    }
}

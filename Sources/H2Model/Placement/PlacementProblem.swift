// The general planning problem of DESIGN §2.6: station sites × size classes, depot fleets
// served within a radius, corridor flows refuellable within range (AC-PC), every station's
// kg/day supplied from sources through delivery options within source capacities.

public enum PlanningObjective: Sendable, Equatable {
    /// (a) Least annualised cost (stations + supply) serving every fleet and covering every flow.
    case leastCost
    /// (c) Least cost serving at least this share (0…1) of total hydrogen demand, kg/day
    /// (depot fleets + corridor flows; a flow's demand counts only when it is covered).
    case leastCostForCoverage(minimumShare: Double)
    /// (c) Most hydrogen demand served (kg/day) within an annual budget, CNY/yr; among the
    /// placements serving the most, the cheapest (solved in two stages).
    case mostCoverageWithinBudget(annualBudgetCNY: Double)
}

public struct PlacementProblem: Sendable {
    public var network: Network
    /// Node ids that may host a station; nil means every node.
    public var candidateSites: [String]?
    public var sizeClasses: [StationSizeClass]
    public var depotFleets: [DepotFleet]
    public var corridorFlows: [CorridorFlow]
    public var sources: [SupplySource]
    public var supplyOptions: [SupplyOption]
    /// Range of flows that do not give their own, km.
    public var rangeKm: Double
    /// A station may dispense at most capacity × this per day (e.g. 0.8).
    public var maximumUtilisation: Double
    /// Converts kg/day into kg/yr for supply costs.
    public var operatingDaysPerYear: Double
    public var objective: PlanningObjective

    public init(
        network: Network, candidateSites: [String]? = nil, sizeClasses: [StationSizeClass],
        depotFleets: [DepotFleet] = [], corridorFlows: [CorridorFlow] = [], sources: [SupplySource],
        supplyOptions: [SupplyOption], rangeKm: Double, maximumUtilisation: Double = 1,
        operatingDaysPerYear: Double = 365, objective: PlanningObjective = .leastCost
    ) {
        self.network = network
        self.candidateSites = candidateSites
        self.sizeClasses = sizeClasses
        self.depotFleets = depotFleets
        self.corridorFlows = corridorFlows
        self.sources = sources
        self.supplyOptions = supplyOptions
        self.rangeKm = rangeKm
        self.maximumUtilisation = maximumUtilisation
        self.operatingDaysPerYear = operatingDaysPerYear
        self.objective = objective
    }

    /// Every problem with the inputs beyond those of the network and flows.
    func inputProblems(candidates: Set<Int>) -> [String] {
        var problems: [String] = []
        func positive(_ v: Double) -> Bool { v.isFinite && v > 0 }
        func nonNegative(_ v: Double) -> Bool { v.isFinite && v >= 0 }
        if !(maximumUtilisation.isFinite && maximumUtilisation > 0 && maximumUtilisation <= 1) {
            problems.append("maximum utilisation \(maximumUtilisation) must be in (0, 1]")
        }
        if !positive(operatingDaysPerYear) { problems.append("operating days per year \(operatingDaysPerYear) must be positive") }
        var ids = Set<String>()
        for c in sizeClasses {
            if !ids.insert(c.id).inserted { problems.append("size class '\(c.id)' is listed twice") }
            if !positive(c.capacityKgPerDay) { problems.append("size class '\(c.id)': capacity \(c.capacityKgPerDay) kg/day must be positive") }
            if !nonNegative(c.annualisedCostCNYPerYear) {
                problems.append("size class '\(c.id)': annualised cost \(c.annualisedCostCNYPerYear) CNY/yr must be ≥ 0")
            }
        }
        if sizeClasses.isEmpty { problems.append("no station size class given") }
        ids = []
        for g in depotFleets {
            if !ids.insert(g.id).inserted { problems.append("fleet '\(g.id)' is listed twice") }
            if network.position(of: g.homeNode) == nil { problems.append("fleet '\(g.id)': home node '\(g.homeNode)' is not in the network") }
            if !nonNegative(g.demandKgPerDay) { problems.append("fleet '\(g.id)': demand \(g.demandKgPerDay) kg/day must be ≥ 0") }
            if !nonNegative(g.serviceRadiusKm) { problems.append("fleet '\(g.id)': service radius \(g.serviceRadiusKm) km must be ≥ 0") }
        }
        ids = []
        for s in sources {
            if !ids.insert(s.id).inserted { problems.append("source '\(s.id)' is listed twice") }
            if !nonNegative(s.capacityKgPerDay) { problems.append("source '\(s.id)': capacity \(s.capacityKgPerDay) kg/day must be ≥ 0") }
        }
        for (i, o) in supplyOptions.enumerated() {
            let who = "supply option \(i + 1) (\(o.sourceID) → \(o.site) by \(o.deliveryMode))"
            if !ids.contains(o.sourceID) { problems.append("\(who): source '\(o.sourceID)' is not in the sources table") }
            if let p = network.position(of: o.site) {
                if !candidates.contains(p) { problems.append("\(who): '\(o.site)' is not a candidate station site") }
            } else {
                problems.append("\(who): site '\(o.site)' is not in the network")
            }
            if !o.costCNYPerKg.isFinite { problems.append("\(who): cost \(o.costCNYPerKg) CNY/kg must be a number") }
            if !nonNegative(o.fixedAnnualCostCNY) { problems.append("\(who): fixed cost \(o.fixedAnnualCostCNY) CNY/yr must be ≥ 0") }
        }
        switch objective {
        case .leastCost: break
        case .leastCostForCoverage(let share):
            if !(share.isFinite && share >= 0 && share <= 1) { problems.append("coverage target \(share) must be a share in [0, 1]") }
        case .mostCoverageWithinBudget(let budget):
            if !nonNegative(budget) { problems.append("budget \(budget) CNY/yr must be ≥ 0") }
        }
        return problems
    }
}

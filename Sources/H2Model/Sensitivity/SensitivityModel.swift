// What one sensitivity evaluation computes: the outputs of the scenario under one set of
// assumptions, at one of the two depths of DESIGN §2.8.

/// How deep each sample goes.
public enum SensitivityDepth: String, Sendable {
    /// The base plan's placement, sizes and supply held fixed; each station's break-even price
    /// re-solved (one root solve per station; microseconds).
    case fixedPlacement = "fixed-placement"
    /// The whole plan re-optimised (MILP) for every sample (milliseconds to seconds).
    case reoptimised = "reoptimised"
}

/// What a sensitivity run reports (`--output`): the nozzle price, or the carbon intensity.
public enum SensitivityOutput: String, Sendable, CaseIterable {
    /// Network-average price, CNY/kg (the default).
    case cost
    /// Network-average carbon intensity, kg CO₂e/kg (issue 13).
    case co2

    /// The unit suffix of the output columns.
    public var unitSuffix: String { self == .cost ? "cny_per_kg" : "co2_kg_per_kg" }
}

/// The scenario, its base plan and the depth: a pure function from assumptions to outputs,
/// safe to call from many threads at once.
public struct SensitivityModel: Sendable {
    public var scenario: PlanningScenario
    public var basePlan: CorridorPlan
    public var depth: SensitivityDepth
    /// Add one output per station of the base plan (fixed placement only: re-optimised plans
    /// have other stations).
    public var perStation: Bool
    /// The quantity reported: price (default) or carbon intensity.
    public var output: SensitivityOutput = .cost

    public init(scenario: PlanningScenario, basePlan: CorridorPlan, depth: SensitivityDepth, perStation: Bool) {
        precondition(!(perStation && depth == .reoptimised), "per-station outputs need fixed placement")
        self.scenario = scenario
        self.basePlan = basePlan
        self.depth = depth
        self.perStation = perStation
    }

    /// The column name of the network average, the output every command reports first.
    public static let networkAverageColumn = "network_average_cny_per_kg"

    /// Output column names, in the order `evaluate` returns them.
    public var outputNames: [String] {
        let average = output == .cost ? Self.networkAverageColumn : "network_co2_kg_per_kg"
        switch depth {
        case .fixedPlacement:
            let stations = basePlan.stations.map { st in
                output == .cost ? st.outputColumnName : String(st.outputColumnName.dropLast("cny_per_kg".count)) + "co2_kg_per_kg"
            }
            return [average] + (perStation ? stations : [])
        case .reoptimised:
            // Both price and intensity (a carbon-price sweep traces the frontier between them),
            // the plan's size, and what each pathway supplies in the last period (where a plan
            // switches pathway).
            let other = output == .cost ? "network_co2_kg_per_kg" : Self.networkAverageColumn
            return [average, other, "stations", "capacity_kg_per_day", "served_kg_per_day"] + pathways.map { "share_\($0.rawValue.replacingHyphens)_pct" }
        }
    }

    /// Pathways a re-optimised plan may use: the sources' and the on-site electrolyser, in the
    /// order first offered. Always the electrolyser, whether the scenario offers it or not: a
    /// sweep may switch it on in some cases, and every row has the same columns.
    public var pathways: [ProductionPathway] {
        var seen: [ProductionPathway] = []
        for p in scenario.sources.map(\.pathway) + [.onsiteElectrolysis] where !seen.contains(p) { seen.append(p) }
        return seen
    }

    /// The outputs under `a`, or nil when the sample has no answer (no feasible plan, a
    /// break-even price that does not exist): the caller leaves its output cells empty.
    public func evaluate(_ a: Assumptions) -> [Double]? {
        switch (depth, output) {
        case (.fixedPlacement, .cost):
            guard let (stations, average) = try? basePlan.fixedPlacementPrices(a), average.isFinite else { return nil }
            return perStation ? [average] + stations : [average]
        case (.fixedPlacement, .co2):
            guard let average = try? basePlan.averageCo2(a).total, average.isFinite else { return nil }
            guard perStation else { return [average] }
            guard let stations = try? basePlan.stations.map({ try $0.co2(a).total }) else { return nil }
            return [average] + stations
        case (.reoptimised, _):
            guard let plan = try? CorridorPlanner.plan(scenario.applyingEdgeAssumptions(a), a), plan.status.hasSolution, plan.servedKgPerDay > 0 else { return nil }
            let price = plan.networkAverage.total, co2 = (try? plan.averageCo2(a).total) ?? .nan
            let links = plan.last?.links ?? []
            let delivered = links.reduce(0) { $0 + $1.kgPerDay }
            let shares = pathways.map { p in delivered > 0 ? 100 * links.filter { $0.source.pathway == p }.reduce(0) { $0 + $1.kgPerDay } / delivered : 0 }
            return (output == .cost ? [price, co2] : [co2, price]) + [Double(plan.stationCount), plan.totalCapacityKgPerDay, plan.servedKgPerDay] + shares
        }
    }
}

extension String {
    /// A pathway name as part of a column name (`surplus-hydro-electrolysis` →
    /// `surplus_hydro_electrolysis`).
    var replacingHyphens: String { String(map { $0 == "-" ? "_" : $0 }) }
}

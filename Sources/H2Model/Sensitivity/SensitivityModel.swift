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

/// The scenario, its base plan and the depth: a pure function from assumptions to outputs,
/// safe to call from many threads at once.
public struct SensitivityModel: Sendable {
    public var scenario: PlanningScenario
    public var basePlan: CorridorPlan
    public var depth: SensitivityDepth
    /// Add one output per station of the base plan (fixed placement only: re-optimised plans
    /// have other stations).
    public var perStation: Bool

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
        switch depth {
        case .fixedPlacement:
            return [Self.networkAverageColumn] + (perStation ? basePlan.stations.map(\.outputColumnName) : [])
        case .reoptimised:
            return [Self.networkAverageColumn, "stations", "capacity_kg_per_day", "served_kg_per_day"]
        }
    }

    /// The outputs under `a`, or nil when the sample has no answer (no feasible plan, a
    /// break-even price that does not exist): the caller leaves its output cells empty.
    public func evaluate(_ a: Assumptions) -> [Double]? {
        switch depth {
        case .fixedPlacement:
            guard let (stations, average) = try? basePlan.fixedPlacementPrices(a), average.isFinite else { return nil }
            return perStation ? [average] + stations : [average]
        case .reoptimised:
            guard let plan = try? CorridorPlanner.plan(scenario.applyingEdgeAssumptions(a), a), plan.status.hasSolution, plan.servedKgPerDay > 0 else { return nil }
            return [plan.networkAverage.total, Double(plan.stationCount), plan.totalCapacityKgPerDay, plan.servedKgPerDay]
        }
    }
}

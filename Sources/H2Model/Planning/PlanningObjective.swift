// What the phased planner optimises (DESIGN §2.6), set by `[placement] objective`.

public enum PlanningObjective: Sendable, Equatable {
    /// (a) Least present cost over the periods (stations + supply) serving every fleet and covering
    /// every flow.
    case leastCost
    /// (c) Least cost serving at least this share (0…1) of total hydrogen demand, kg/day
    /// (depot fleets + corridor flows; a flow's demand counts only when it is covered).
    case leastCostForCoverage(minimumShare: Double)
    /// (c) Most hydrogen demand served (kg/day) with each period's annual cost within the budget,
    /// CNY/yr; among the placements serving the most, the cheapest (solved in two stages).
    case mostCoverageWithinBudget(annualBudgetCNY: Double)
}

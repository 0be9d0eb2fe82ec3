// A pure-Swift mixed-integer linear program: variables, sparse linear constraints and a linear
// objective. Nothing here touches a solver; `MILPProblem+Solve.swift` (GLPK) and
// `MILPProblem+CBC.swift` (CBC) are the places that do.

/// Whether a variable may take any real value in its bounds, only integers, or only 0 and 1.
public enum MILPVariableKind: String, Sendable, Hashable {
    case continuous
    case integer
    case binary
}

public enum MILPSense: String, Sendable, Hashable {
    case minimise
    case maximise
}

public enum MILPRelation: String, Sendable, Hashable {
    case lessOrEqual
    case greaterOrEqual
    case equal
}

/// A handle to a variable of one `MILPProblem`: its 0-based position in `variables`.
public struct MILPVariableID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let index: Int
    /// Public so a caller can rebuild a handle from a stored index; `solve` rejects any index
    /// that is not a variable of the problem instead of handing it to GLPK.
    public init(_ index: Int) { self.index = index }
    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
    public var description: String { "x\(index)" }
}

public struct MILPVariable: Sendable, Hashable {
    public var name: String
    /// `-Double.infinity` for no lower bound.
    public var lowerBound: Double
    /// `Double.infinity` for no upper bound.
    public var upperBound: Double
    public var kind: MILPVariableKind
    public var objectiveCoefficient: Double
}

public struct MILPTerm: Sendable, Hashable {
    public var variable: MILPVariableID
    public var coefficient: Double
    public init(_ variable: MILPVariableID, _ coefficient: Double) {
        self.variable = variable
        self.coefficient = coefficient
    }
}

/// `Σ coefficient × variable  relation  rightHandSide`. A variable named twice in one constraint
/// has its coefficients summed when the problem is handed to the solver (x + x = 2x).
public struct MILPConstraint: Sendable, Hashable {
    public var name: String
    public var terms: [MILPTerm]
    public var relation: MILPRelation
    public var rightHandSide: Double
}

/// Which solver `MILPProblem.solve` uses.
public enum MILPBackend: String, Sendable, Hashable, CaseIterable {
    /// GNU GLPK (simplex + branch and cut), the long-standing default of the numerical layer.
    case glpk
    /// COIN-OR CBC (Clp simplex + branch and cut), through its C interface.
    case cbc
    /// HiGHS (dual simplex + branch and cut), through its C interface.
    case highs
}

public struct MILPProblem: Sendable {
    public var sense: MILPSense
    public internal(set) var variables: [MILPVariable] = []
    public internal(set) var constraints: [MILPConstraint] = []
    /// A constant added to the objective (GLPK's "c0").
    public var objectiveConstant: Double = 0
    /// Ask the branch and bound for GLPK's cutting planes (MIR, cover, Gomory, clique) and the
    /// feasibility pump: slower on small models, much faster on fixed-charge networks.
    public var cuttingPlanes = false
    /// The solver `solve` uses. CBC and HiGHS run their own default cuts and heuristics whatever
    /// `cuttingPlanes` says (that flag selects GLPK's cut families only).
    public var backend: MILPBackend = .glpk
    /// A feasible point to start the search from (a MIP start: one value per variable), e.g. a
    /// heuristic's plan. CBC and HiGHS begin with it as their incumbent (HiGHS's returned values
    /// are checked against the objective it reports, and the solve is repeated without the start
    /// if they disagree: MILPProblem+HiGHS.swift). GLPK's interface takes no start: a caller that
    /// needs the start's plan back keeps it. A start never changes what is optimal, only how
    /// soon the search has a plan to report.
    public var start: [Double]?

    public init(sense: MILPSense) {
        self.sense = sense
    }

    /// Adds a variable. A binary variable's bounds default to [0, 1]; bounds are checked by
    /// `solve` (which throws `.invalidArgument` naming the variable), not here.
    @discardableResult
    public mutating func addVariable(
        _ name: String,
        kind: MILPVariableKind = .continuous,
        lowerBound: Double = 0,
        upperBound: Double? = nil,
        objective: Double = 0
    ) -> MILPVariableID {
        let upper = upperBound ?? (kind == .binary ? 1 : Double.infinity)
        variables.append(MILPVariable(name: name, lowerBound: lowerBound, upperBound: upper,
                                      kind: kind, objectiveCoefficient: objective))
        return MILPVariableID(variables.count - 1)
    }

    public mutating func addConstraint(
        _ name: String,
        _ terms: [MILPTerm],
        _ relation: MILPRelation,
        _ rightHandSide: Double
    ) {
        constraints.append(MILPConstraint(name: name, terms: terms, relation: relation, rightHandSide: rightHandSide))
    }

    public mutating func setObjectiveCoefficient(_ variable: MILPVariableID, _ coefficient: Double) {
        precondition(variables.indices.contains(variable.index), "\(variable) is not a variable of this problem")
        variables[variable.index].objectiveCoefficient = coefficient
    }

    public mutating func setBounds(_ variable: MILPVariableID, lower: Double, upper: Double) {
        precondition(variables.indices.contains(variable.index), "\(variable) is not a variable of this problem")
        variables[variable.index].lowerBound = lower
        variables[variable.index].upperBound = upper
    }

    public var hasIntegerVariables: Bool { variables.contains { $0.kind != .continuous } }

    /// The LP relaxation: the same model with every integer and binary variable continuous
    /// (binaries keep their [0, 1] bounds).
    public var relaxation: MILPProblem { relaxation(keepingIntegral: []) }

    /// A partial relaxation: every integer and binary variable continuous except `kept`.
    public func relaxation(keepingIntegral kept: Set<MILPVariableID>) -> MILPProblem {
        var p = self
        for j in p.variables.indices where !kept.contains(MILPVariableID(j)) { p.variables[j].kind = .continuous }
        p.start = nil
        return p
    }
}

/// What the solver proved.
public enum MILPStatus: Sendable, Equatable, CustomStringConvertible {
    /// Proven optimal (within the solver's integrality tolerances and the requested relative gap 0).
    case optimal
    /// A feasible solution whose objective is within `relativeGap` of the best bound; stopped by
    /// the requested gap tolerance or by the time limit.
    case feasible(relativeGap: Double)
    case infeasible
    case unbounded
    /// The time limit was reached before any feasible solution was found.
    case timeLimitNoSolution

    public var hasSolution: Bool {
        switch self {
        case .optimal, .feasible: true
        case .infeasible, .unbounded, .timeLimitNoSolution: false
        }
    }

    /// Short lowercase word for reports: optimal, feasible, infeasible, unbounded, time_limit.
    public var word: String {
        switch self {
        case .optimal: "optimal"
        case .feasible: "feasible"
        case .infeasible: "infeasible"
        case .unbounded: "unbounded"
        case .timeLimitNoSolution: "time_limit"
        }
    }

    public var description: String {
        switch self {
        case .feasible(let gap): "feasible (relative gap \(gap))"
        default: word
        }
    }
}

public struct MILPSolution: Sendable {
    public let status: MILPStatus
    /// The objective of the solution found (including `objectiveConstant`); nil without one.
    public let objective: Double?
    /// The best proven bound on the optimum: the objective itself when optimal; for a stopped
    /// search the best bound of the open branch-and-bound nodes, or the LP relaxation's optimum
    /// when the search recorded no node bound. Nil when nothing was proven.
    public let bestBound: Double?
    /// |objective − bestBound| / (|objective| + DBL_EPSILON), GLPK's definition; 0 when optimal.
    public let relativeGap: Double?
    /// One value per variable, in `MILPProblem.variables` order; empty without a solution.
    public let values: [Double]
    /// Wall time spent inside the solver (GLPK or CBC), seconds.
    public let solveSeconds: Double

    public subscript(_ variable: MILPVariableID) -> Double { values[variable.index] }

    public init(status: MILPStatus, objective: Double?, bestBound: Double?, relativeGap: Double?, values: [Double], solveSeconds: Double) {
        self.status = status; self.objective = objective; self.bestBound = bestBound
        self.relativeGap = relativeGap; self.values = values; self.solveSeconds = solveSeconds
    }
}

// `solve`, shared by every backend (validation, the unbounded-or-infeasible check, timing), and
// the one place where an `MILPProblem` becomes a GLPK `glp_prob` and GLPK's return codes and
// statuses become an `MILPStatus` or a `NumericsError`. CBC: `MILPProblem+CBC.swift`; HiGHS:
// `MILPProblem+HiGHS.swift`.
//
// Sequence: glp_simplex (LP presolver on) solves the LP relaxation first. Its outcome classifies
// an infeasible or unbounded relaxation cleanly and gives a valid bound. Then glp_intopt (with
// its own presolver and MIP preprocessing on) searches; a callback records the best bound of the
// open nodes so a search stopped by the time limit or the gap tolerance reports its gap. Both
// glp_intopt's return code and glp_mip_status are checked.
//
// Threads: GLPK 5 keeps its environment (memory, terminal hook) in thread-local storage when
// built with TLS support; Debian's libglpk.so.40 (GLPK 5.0) has a PT_TLS segment, so solves of
// *different* problems on different threads are independent (a test solves in parallel and
// checks every answer). A `glp_prob` is created, used and deleted inside one call on one thread.
import CGLPK

public enum MILPSolver {
    /// The linked GLPK's version, e.g. "5.0".
    public static var glpkVersion: String { String(cString: glp_version()) }
}

/// What the branch-and-bound callback records; lives on the stack of `solve` for the whole of
/// `glp_intopt`, which is the only time GLPK holds the pointer.
private struct SearchRecord {
    var bestBound: Double?
}

private let recordBestBound: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
    guard let tree, let info else { return }
    let reason = glp_ios_reason(tree)
    guard reason == GLP_ISELECT || reason == GLP_IBINGO || reason == GLP_IPREPRO || reason == GLP_IBRANCH else { return }
    let node = glp_ios_best_node(tree)
    guard node != 0 else { return }
    let bound = glp_ios_node_bound(tree, node)
    if bound.isFinite {
        info.assumingMemoryBound(to: SearchRecord.self).pointee.bestBound = bound
    }
}

extension MILPProblem {
    /// Solves the problem with `backend` (GLPK by default; CBC: `MILPProblem+CBC.swift`; HiGHS:
    /// `MILPProblem+HiGHS.swift`).
    /// - Parameters:
    ///   - timeLimitSeconds: wall-time budget for the whole solve (LP relaxation and search);
    ///     nil for none. Reaching it gives `.feasible(gap)` or `.timeLimitNoSolution`.
    ///   - relativeGap: stop the search once |incumbent − bound| / |incumbent| ≤ this
    ///     (GLPK's `mip_gap`, CBC's `ratioGap`); 0 asks for a proven optimum.
    /// - Returns: the status and, when there is one, the solution. Infeasible, unbounded and
    ///   time-limit outcomes are statuses, not errors.
    /// - Throws: `.invalidArgument` (naming the variable or constraint) for a model GLPK would
    ///   abort on; `.libraryFailure` when GLPK itself fails (numerical trouble).
    public func solve(timeLimitSeconds: Double? = nil, relativeGap: Double = 0) throws(NumericsError) -> MILPSolution {
        let op = "MILPProblem.solve"
        if let timeLimitSeconds {
            guard timeLimitSeconds.isFinite, timeLimitSeconds > 0 else {
                throw NumericsError(.invalidArgument, operation: op, detail: "time limit \(timeLimitSeconds) s must be positive and finite")
            }
        }
        guard relativeGap.isFinite, relativeGap >= 0 else {
            throw NumericsError(.invalidArgument, operation: op, detail: "relative gap \(relativeGap) must be finite and ≥ 0")
        }
        let model = try validated(operation: op)
        let clock = ContinuousClock()
        let start = clock.now
        var outcome = try solveValidated(model, timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap, operation: op)
        if outcome.relaxationUnbounded {
            // An unbounded LP relaxation means the MILP is unbounded if it has any feasible
            // point (rational data), and infeasible otherwise: find out with a zero objective.
            var feasibility = self
            feasibility.objectiveConstant = 0
            for j in feasibility.variables.indices { feasibility.variables[j].objectiveCoefficient = 0 }
            let used = (clock.now - start).seconds
            let remaining = timeLimitSeconds.map { max($0 - used, 0.001) }
            let check = try feasibility.solveValidated(model, timeLimitSeconds: remaining, relativeGap: 0, operation: op)
            let status: MILPStatus = switch check.solution.status {
            case .optimal, .feasible, .unbounded: .unbounded
            case .infeasible: .infeasible
            case .timeLimitNoSolution: .timeLimitNoSolution
            }
            outcome = (MILPSolution(status: status, objective: nil, bestBound: nil, relativeGap: nil, values: [], solveSeconds: 0), false)
        }
        let s = outcome.solution
        return MILPSolution(status: s.status, objective: s.objective, bestBound: s.bestBound, relativeGap: s.relativeGap,
                            values: s.values, solveSeconds: (clock.now - start).seconds)
    }

    private func solveValidated(
        _ model: ValidatedMILP, timeLimitSeconds: Double?, relativeGap: Double, operation op: String
    ) throws(NumericsError) -> (solution: MILPSolution, relaxationUnbounded: Bool) {
        switch backend {
        case .glpk: try solveValidatedGLPK(model, timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap, operation: op)
        case .cbc: try solveValidatedCBC(model, timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap, operation: op)
        case .highs: try solveValidatedHiGHS(model, timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap, operation: op)
        }
    }

    private func solveValidatedGLPK(
        _ model: ValidatedMILP, timeLimitSeconds: Double?, relativeGap: Double, operation op: String
    ) throws(NumericsError) -> (solution: MILPSolution, relaxationUnbounded: Bool) {
        // Per-thread GLPK environment: silence the terminal for this thread.
        glp_term_out(GLP_OFF)
        guard let prob = glp_create_prob() else {
            throw NumericsError(.libraryFailure, operation: op, detail: "glp_create_prob returned nil")
        }
        defer { glp_delete_prob(prob) }
        load(into: prob, model)

        let clock = ContinuousClock()
        let start = clock.now
        func remainingMilliseconds() -> Int32 {
            guard let timeLimitSeconds else { return Int32.max }
            let left = timeLimitSeconds - (clock.now - start).seconds
            return Int32(clamping: max(1, Int((left * 1000).rounded(.up))))
        }
        func none(_ status: MILPStatus, relaxationUnbounded: Bool = false) -> (solution: MILPSolution, relaxationUnbounded: Bool) {
            (MILPSolution(status: status, objective: nil, bestBound: nil, relativeGap: nil, values: [], solveSeconds: 0), relaxationUnbounded)
        }

        // 1. LP relaxation.
        var smcp = glp_smcp()
        glp_init_smcp(&smcp)
        smcp.msg_lev = GLP_MSG_OFF
        smcp.presolve = GLP_ON
        smcp.tm_lim = remainingMilliseconds()
        var rc = glp_simplex(prob, &smcp)
        if rc == GLP_ENODFS {
            // The presolver saw no dual-feasible solution: primal unbounded or infeasible. Solve
            // again without presolve to learn which (primal simplex finds infeasibility first).
            smcp.presolve = GLP_OFF
            smcp.tm_lim = remainingMilliseconds()
            rc = glp_simplex(prob, &smcp)
        }
        switch rc {
        case 0: break
        case GLP_ENOPFS: return none(.infeasible)
        case GLP_ETMLIM: return none(.timeLimitNoSolution)
        default:
            throw NumericsError(.libraryFailure, operation: op, detail: "glp_simplex returned \(Self.glpkCodeName(rc))")
        }
        let lpStatus = glp_get_status(prob)
        switch lpStatus {
        case GLP_OPT: break
        case GLP_NOFEAS: return none(.infeasible)
        case GLP_UNBND:
            return hasIntegerVariables ? none(.unbounded, relaxationUnbounded: true) : none(.unbounded)
        default:
            throw NumericsError(.libraryFailure, operation: op, detail: "glp_simplex finished with solution status \(lpStatus)")
        }
        let relaxationBound = glp_get_obj_val(prob)
        let columnCount = variables.count

        if !hasIntegerVariables {
            var values = [Double](repeating: 0, count: columnCount)
            for j in 0..<columnCount { values[j] = glp_get_col_prim(prob, Int32(j + 1)) }
            return (MILPSolution(status: .optimal, objective: relaxationBound, bestBound: relaxationBound, relativeGap: 0,
                                 values: values, solveSeconds: 0), false)
        }

        // 2. Branch and bound.
        var record = SearchRecord()
        var iocp = glp_iocp()
        glp_init_iocp(&iocp)
        iocp.msg_lev = GLP_MSG_OFF
        iocp.presolve = GLP_ON
        // Pseudocost branching, not GLPK's default Driebeck-Tomlin: chosen by benchmark
        // (Benchmarks/glpk_options.sh, glpsol side by side): Guizhou's 3-period plan 14.4 s
        // against 16.8 s; at a 120 s limit Zhejiang at 50 km 0.9 % against 3.3 % and Guizhou at
        // 100 km 2.5 % against 6.2 %; the 300-node FRLM proven in 50 s where the default stops at
        // 60 s; the 100-node FRLM 0.4 s against 0.3 s. Most-fractional branching and depth-first
        // or best-projection backtracking were slower.
        iocp.br_tech = GLP_BR_PCH
        if cuttingPlanes {
            // The four families, chosen by benchmark (Benchmarks/glpk_cuts.sh, glpsol at 120 s,
            // each family alone, all but one, all four). MIR cuts are what matter: without
            // them Guizhou's 3-period plan stops at the limit 0.7 % (none) to 2.2 % (Gomory
            // alone) short, with them alone it is proven in 37 s; Gomory cuts added to MIR halve
            // that (19–20 s with all four, or either of cover and clique dropped). On Zhejiang's
            // flagship no variant proves the plan within 120 s; those without MIR find no plan,
            // those with it end 1.1–1.5 % from their bound (1.3 % with all four).
            iocp.mir_cuts = GLP_ON
            iocp.cov_cuts = GLP_ON
            iocp.gmi_cuts = GLP_ON
            iocp.clq_cuts = GLP_ON
            iocp.fp_heur = GLP_ON
        }
        iocp.mip_gap = relativeGap
        iocp.tm_lim = remainingMilliseconds()
        iocp.cb_func = recordBestBound
        let mipReturn = withUnsafeMutablePointer(to: &record) { recordPointer in
            iocp.cb_info = UnsafeMutableRawPointer(recordPointer)
            return glp_intopt(prob, &iocp)
        }
        let mipStatus = glp_mip_status(prob)
        let status: MILPStatus
        switch (mipReturn, mipStatus) {
        case (0, GLP_OPT):
            status = .optimal
        case (0, GLP_NOFEAS), (GLP_ENOPFS, _):
            return none(.infeasible)
        case (GLP_ENODFS, _):
            // The relaxation was bounded above, so this cannot be unboundedness.
            throw NumericsError(.libraryFailure, operation: op, detail: "glp_intopt found no dual-feasible relaxation after glp_simplex solved it")
        case (GLP_EMIPGAP, GLP_FEAS), (GLP_ETMLIM, GLP_FEAS), (GLP_ETMLIM, GLP_OPT):
            status = .feasible(relativeGap: 0) // gap filled in below
        case (GLP_ETMLIM, _):
            return none(.timeLimitNoSolution)
        default:
            throw NumericsError(.libraryFailure, operation: op,
                                detail: "glp_intopt returned \(Self.glpkCodeName(mipReturn)) with MIP status \(mipStatus)")
        }
        let objective = glp_mip_obj_val(prob)
        var values = [Double](repeating: 0, count: columnCount)
        for j in 0..<columnCount { values[j] = glp_mip_col_val(prob, Int32(j + 1)) }
        if status == .optimal {
            return (MILPSolution(status: .optimal, objective: objective, bestBound: objective, relativeGap: 0,
                                 values: values, solveSeconds: 0), false)
        }
        // The recorded node bound is valid at the moment recorded and only tightens later; the
        // LP relaxation bound is valid always. Use the tighter of the two.
        var bound = relaxationBound
        if let nodeBound = record.bestBound {
            bound = sense == .minimise ? max(bound, nodeBound) : min(bound, nodeBound)
        }
        bound = sense == .minimise ? min(bound, objective) : max(bound, objective)
        let gap = abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
        return (MILPSolution(status: .feasible(relativeGap: gap), objective: objective, bestBound: bound, relativeGap: gap,
                             values: values, solveSeconds: 0), false)
    }

    /// Copies the validated model into `prob` with GLPK's 1-based arrays.
    func load(into prob: OpaquePointer, _ model: ValidatedMILP) {
        glp_set_obj_dir(prob, sense == .minimise ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(prob, 0, objectiveConstant)
        if !variables.isEmpty { glp_add_cols(prob, Int32(variables.count)) }
        for (j, v) in variables.enumerated() {
            let column = Int32(j + 1)
            if !v.name.isEmpty { glp_set_col_name(prob, column, v.name) }
            if v.kind != .continuous { glp_set_col_kind(prob, column, GLP_IV) }
            let (type, lb, ub) = Self.boundType(lower: v.lowerBound, upper: v.upperBound)
            glp_set_col_bnds(prob, column, type, lb, ub)
            glp_set_obj_coef(prob, column, v.objectiveCoefficient)
        }
        if !constraints.isEmpty { glp_add_rows(prob, Int32(constraints.count)) }
        for (i, c) in constraints.enumerated() {
            let row = Int32(i + 1)
            if !c.name.isEmpty { glp_set_row_name(prob, row, c.name) }
            switch c.relation {
            case .lessOrEqual: glp_set_row_bnds(prob, row, GLP_UP, 0, c.rightHandSide)
            case .greaterOrEqual: glp_set_row_bnds(prob, row, GLP_LO, c.rightHandSide, 0)
            case .equal: glp_set_row_bnds(prob, row, GLP_FX, c.rightHandSide, c.rightHandSide)
            }
        }
        // Index 0 of each array is unused (GLPK is 1-based).
        let n = model.nonZeroCount
        var ia = [Int32](repeating: 0, count: n + 1)
        var ja = [Int32](repeating: 0, count: n + 1)
        var ar = [Double](repeating: 0, count: n + 1)
        var k = 1
        for (i, row) in model.rows.enumerated() {
            for entry in row {
                ia[k] = Int32(i + 1)
                ja[k] = Int32(entry.column + 1)
                ar[k] = entry.value
                k += 1
            }
        }
        if n > 0 { glp_load_matrix(prob, Int32(n), ia, ja, ar) }
    }

    private static func boundType(lower: Double, upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lower, 0)
        case (false, true): (GLP_UP, 0, upper)
        case (true, true): lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    static func glpkCodeName(_ code: Int32) -> String {
        let names: [Int32: String] = [
            GLP_EBADB: "GLP_EBADB", GLP_ESING: "GLP_ESING", GLP_ECOND: "GLP_ECOND", GLP_EBOUND: "GLP_EBOUND",
            GLP_EFAIL: "GLP_EFAIL", GLP_EOBJLL: "GLP_EOBJLL", GLP_EOBJUL: "GLP_EOBJUL", GLP_EITLIM: "GLP_EITLIM",
            GLP_ETMLIM: "GLP_ETMLIM", GLP_ENOPFS: "GLP_ENOPFS", GLP_ENODFS: "GLP_ENODFS", GLP_EROOT: "GLP_EROOT",
            GLP_ESTOP: "GLP_ESTOP", GLP_EMIPGAP: "GLP_EMIPGAP",
        ]
        return names[code] ?? "code \(code)"
    }
}

extension Duration {
    /// The duration in seconds (solve times, time budgets).
    public var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}

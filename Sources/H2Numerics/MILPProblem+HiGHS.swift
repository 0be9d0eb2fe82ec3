// The one place where an `MILPProblem` becomes a HiGHS model (through HiGHS's C interface,
// `highs_c_api.h`) and HiGHS's statuses become an `MILPStatus` or a `NumericsError`.
//
// The model reaches HiGHS only after `validated(operation:)` (the same checks as for GLPK and
// CBC), so HiGHS never sees a NaN, an infinite coefficient or crossed bounds. Infinite bounds
// are passed as ±infinity, which HiGHS reads as "no bound".
//
// Settings: one thread (HiGHS's search is then deterministic: the same model gives the same
// answer every run), its default random seed, nothing printed, the wall-clock time limit and
// the requested relative gap. HiGHS's own default gap is 1e-4, so the gap is always passed: 0
// asks for a proven optimum, like GLPK's `mip_gap` and CBC's `ratioGap`. The absolute gap is
// set as small as CBC's (1e-10) so a proof means the same on every backend. Like the other
// backends', a time-limited search depends on how fast the machine is at that moment, so only
// a search that finishes is reproducible.
//
// HiGHS tells an infeasible model from an unbounded one, except when its presolve finds only
// "unbounded or infeasible": that verdict is returned as `relaxationUnbounded`, and `solve`
// decides with a zero-objective feasibility solve, exactly as for the other backends.
//
// Threads: HiGHS keeps one process-wide task scheduler, so HiGHS solves are serialised by one
// lock (as CBC's are); solves on the other backends are unaffected.
import CHiGHS
import Foundation

extension MILPSolver {
    /// The linked HiGHS's version, e.g. "1.16.0".
    public static var highsVersion: String { String(cString: Highs_version()) }
}

/// HiGHS's scheduler is process-wide; one solve at a time.
private let highsLock = NSLock()

extension MILPProblem {
    func solveValidatedHiGHS(
        _ model: ValidatedMILP, timeLimitSeconds: Double?, relativeGap: Double, operation op: String
    ) throws(NumericsError) -> (solution: MILPSolution, relaxationUnbounded: Bool) {
        func none(_ status: MILPStatus, relaxationUnbounded: Bool = false) -> (solution: MILPSolution, relaxationUnbounded: Bool) {
            (MILPSolution(status: status, objective: nil, bestBound: nil, relativeGap: nil, values: [], solveSeconds: 0), relaxationUnbounded)
        }
        let columnCount = variables.count
        let rowCount = constraints.count
        // Nothing for HiGHS to do: every row reads 0 relation rhs.
        if columnCount == 0 { return (solutionWithoutVariables, false) }

        let matrix = columnMajor(model, index: HighsInt.self, infinity: Double.infinity)
        let columnLower = variables.map(\.lowerBound)
        let columnUpper = variables.map(\.upperBound)
        let objective = variables.map(\.objectiveCoefficient)
        let integrality = variables.map { $0.kind == .continuous ? kHighsVarTypeContinuous : kHighsVarTypeInteger }

        highsLock.lock()
        defer { highsLock.unlock() }
        // One attempt, with or without the MIP start (see the check of the start's values).
        func attempt(_ start: [Double]?) throws(NumericsError) -> (solution: MILPSolution, relaxationUnbounded: Bool)? {
            guard let highs = Highs_create() else {
                throw NumericsError(.libraryFailure, operation: op, detail: "Highs_create returned nil")
            }
            defer { Highs_destroy(highs) }
            // Options first (output off before anything can print).
            var optionsOK = Highs_setBoolOptionValue(highs, "output_flag", 0) != kHighsStatusError
            optionsOK = optionsOK && Highs_setIntOptionValue(highs, "threads", 1) != kHighsStatusError
            optionsOK = optionsOK && Highs_setDoubleOptionValue(highs, "mip_rel_gap", relativeGap) != kHighsStatusError
            optionsOK = optionsOK && Highs_setDoubleOptionValue(highs, "mip_abs_gap", 1e-10) != kHighsStatusError
            // Cuts stay in the LP for 20 rounds unused, not 10: chosen by benchmark
            // (Benchmarks/python/highs_options.py on five planning models, two runs side by side:
            // time against the default 0.46-0.49 on Zhejiang's 3-period plan, median about 0.8,
            // worst 1.13; objective scaling and heuristic effort were less consistent).
            optionsOK = optionsOK && Highs_setIntOptionValue(highs, "mip_lp_age_limit", 20) != kHighsStatusError
            if let timeLimitSeconds {
                optionsOK = optionsOK && Highs_setDoubleOptionValue(highs, "time_limit", timeLimitSeconds) != kHighsStatusError
            }
            guard optionsOK else { throw NumericsError(.libraryFailure, operation: op, detail: "HiGHS refused an option") }

            let integerModel = hasIntegerVariables
            let senseCode = sense == .minimise ? kHighsObjSenseMinimize : kHighsObjSenseMaximize
            let passed = integerModel
                ? Highs_passMip(highs, HighsInt(columnCount), HighsInt(rowCount), HighsInt(model.nonZeroCount), kHighsMatrixFormatColwise,
                                senseCode, 0, objective, columnLower, columnUpper, matrix.rowLower, matrix.rowUpper, matrix.starts, matrix.rowIndex, matrix.elements, integrality)
                : Highs_passLp(highs, HighsInt(columnCount), HighsInt(rowCount), HighsInt(model.nonZeroCount), kHighsMatrixFormatColwise,
                               senseCode, 0, objective, columnLower, columnUpper, matrix.rowLower, matrix.rowUpper, matrix.starts, matrix.rowIndex, matrix.elements)
            guard passed != kHighsStatusError else {
                throw NumericsError(.libraryFailure, operation: op, detail: "HiGHS rejected the model")
            }
            // A MIP start: HiGHS checks it and, when feasible, begins with it as its incumbent, so
            // it prunes from the first node and its neighbourhood searches (RINS) start from it.
            // The values returned are checked against the objective returned below: an earlier
            // use of the start on this interface returned the start's values beside a better
            // plan's objective, and a plan must never be reported at a cost it does not have.
            var started = false
            if integerModel, let start, start.count == columnCount {
                started = Highs_setSolution(highs, start, nil, nil, nil) != kHighsStatusError
            }
            guard Highs_run(highs) != kHighsStatusError else {
                throw NumericsError(.libraryFailure, operation: op, detail: "HiGHS failed (status \(Highs_getModelStatus(highs)))")
            }
            let status = Highs_getModelStatus(highs)
            switch status {
            case kHighsModelStatusInfeasible: return none(.infeasible)
            case kHighsModelStatusUnbounded, kHighsModelStatusUnboundedOrInfeasible: return none(.unbounded, relaxationUnbounded: true)
            case kHighsModelStatusOptimal, kHighsModelStatusTimeLimit: break
            default:
                throw NumericsError(.libraryFailure, operation: op, detail: "HiGHS stopped with model status \(status)")
            }
            var primal: HighsInt = 0
            _ = Highs_getIntInfoValue(highs, "primal_solution_status", &primal)
            guard primal == kHighsSolutionStatusFeasible else {
                if status == kHighsModelStatusTimeLimit { return none(.timeLimitNoSolution) }
                throw NumericsError(.libraryFailure, operation: op, detail: "HiGHS reported an optimum without a feasible solution")
            }
            var values = [Double](repeating: 0, count: columnCount)
            guard Highs_getSolution(highs, &values, nil, nil, nil) != kHighsStatusError else {
                throw NumericsError(.libraryFailure, operation: op, detail: "HiGHS returned no solution")
            }
            let incumbent = Highs_getObjectiveValue(highs) + objectiveConstant
            if started {
                // The objective of the values themselves must be the one reported.
                var own = objectiveConstant
                for (j, value) in values.enumerated() { own += objective[j] * value }
                guard abs(own - incumbent) <= 1e-7 * max(1, abs(incumbent)) else {
                    return nil
                }
            }
            guard integerModel else {
                guard status == kHighsModelStatusOptimal else { return none(.timeLimitNoSolution) }
                return (MILPSolution(status: .optimal, objective: incumbent, bestBound: incumbent, relativeGap: 0, values: values, solveSeconds: 0), false)
            }
            var dualBound = 0.0
            _ = Highs_getDoubleInfoValue(highs, "mip_dual_bound", &dualBound)
            var bound = dualBound + objectiveConstant
            if !bound.isFinite || abs(bound) >= 1e30 { bound = sense == .minimise ? -Double.infinity : Double.infinity }
            // Never better than the incumbent itself, in the problem's own sense.
            bound = sense == .minimise ? min(bound, incumbent) : max(bound, incumbent)
            let gap = abs(incumbent - bound) / (abs(incumbent) + Double.ulpOfOne)
            // Finished with the bound meeting the incumbent: proven optimal. HiGHS also says
            // "optimal" when it stopped at the requested gap; that is a feasible plan with its gap.
            if status == kHighsModelStatusOptimal, gap <= 1e-9 || relativeGap == 0 {
                return (MILPSolution(status: .optimal, objective: incumbent, bestBound: incumbent, relativeGap: 0, values: values, solveSeconds: 0), false)
            }
            return (MILPSolution(status: .feasible(relativeGap: gap), objective: incumbent, bestBound: bound.isFinite ? bound : nil,
                                 relativeGap: gap, values: values, solveSeconds: 0), false)
        }
        if let solved = try attempt(start) { return solved }
        // The values did not cost what HiGHS reported: solve again without the start.
        guard let solved = try attempt(nil) else {
            throw NumericsError(.libraryFailure, operation: op, detail: "HiGHS returned values that do not cost its objective")
        }
        return solved
    }
}

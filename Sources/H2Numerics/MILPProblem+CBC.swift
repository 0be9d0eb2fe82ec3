// The one place where an `MILPProblem` becomes a COIN-OR CBC model (through CBC's C interface,
// `Cbc_C_Interface.h`) and CBC's statuses become an `MILPStatus` or a `NumericsError`.
//
// The model reaches CBC only after `validated(operation:)` (the same checks as for GLPK), so
// CBC never sees a NaN, an infinite coefficient or crossed bounds. Infinite bounds become
// ±DBL_MAX, which COIN treats as "no bound".
//
// Settings, passed to CbcMain1 as command-line style parameters: one thread, and CBC's and Clp's
// fixed default seeds spelled out (-1: Cbc's built-in seed; 1234567: Clp's; 0 would mean the
// time of day), so the same model gives the same answer every run and the same search as the
// `cbc` command-line driver; log levels 0 so nothing is printed; "timeMode elapsed" so `sec` is
// wall time, like GLPK's `tm_lim` (CBC counts CPU time by default). Like GLPK's, a time-limited
// search depends on how fast the machine is at that moment, so only a search that finishes is
// reproducible. CBC's default cut generators and heuristics stay on whatever
// `cuttingPlanes` says: that flag selects GLPK's cut families, and CBC's defaults (probing,
// Gomory, knapsack cover, clique, MIR, flow cover, two-MIR) already are its tuned cut set.
//
// Pure LPs: `Cbc_solve` hands a model without integer columns to Clp directly (no time limit
// applies there). Clp reports "infeasible" for a primal- or dual-infeasible LP alike, so that
// verdict is returned as `relaxationUnbounded`, and `solve` decides between unbounded and
// infeasible with a zero-objective feasibility solve, exactly as for GLPK.
//
// Threads: CBC's driver (CbcMain0/CbcMain1) keeps some state in statics, so CBC solves are
// serialised by one process-wide lock; solves on the GLPK backend are unaffected.
import CCBC
import Foundation

extension MILPSolver {
    /// The linked CBC's version, e.g. "2.10.8".
    public static var cbcVersion: String { String(cString: Cbc_getVersion()) }
}

/// CBC's driver is not re-entrant across threads; one solve at a time.
private let cbcLock = NSLock()

/// COIN's "infinity": bounds at or beyond 1e30 are treated as absent.
private let coinInfinity = Double.greatestFiniteMagnitude

extension MILPProblem {
    func solveValidatedCBC(
        _ model: ValidatedMILP, timeLimitSeconds: Double?, relativeGap: Double, operation op: String
    ) throws(NumericsError) -> (solution: MILPSolution, relaxationUnbounded: Bool) {
        func none(_ status: MILPStatus, relaxationUnbounded: Bool = false) -> (solution: MILPSolution, relaxationUnbounded: Bool) {
            (MILPSolution(status: status, objective: nil, bestBound: nil, relativeGap: nil, values: [], solveSeconds: 0), relaxationUnbounded)
        }
        let columnCount = variables.count
        let rowCount = constraints.count
        // Nothing for CBC to do: every row reads 0 relation rhs.
        if columnCount == 0 { return (solutionWithoutVariables, false) }

        let matrix = columnMajor(model, index: CoinBigIndex.self, infinity: coinInfinity)
        func coin(_ x: Double) -> Double { x.isFinite ? x : (x > 0 ? coinInfinity : -coinInfinity) }
        let columnLower = variables.map { coin($0.lowerBound) }
        let columnUpper = variables.map { coin($0.upperBound) }
        let objective = variables.map(\.objectiveCoefficient)

        cbcLock.lock()
        defer { cbcLock.unlock() }
        guard let cbc = Cbc_newModel() else {
            throw NumericsError(.libraryFailure, operation: op, detail: "Cbc_newModel returned nil")
        }
        defer { Cbc_deleteModel(cbc) }
        Cbc_loadProblem(cbc, Int32(columnCount), Int32(rowCount), matrix.starts, matrix.rowIndex, matrix.elements,
                        columnLower, columnUpper, objective, matrix.rowLower, matrix.rowUpper)
        for (j, v) in variables.enumerated() where v.kind != .continuous { Cbc_setInteger(cbc, Int32(j)) }
        // A MIP start: CBC checks it and, when feasible, begins with it as its incumbent.
        if let start, start.count == columnCount, hasIntegerVariables {
            let columns = (0..<Int32(columnCount)).map { $0 }
            Cbc_setMIPStartI(cbc, Int32(columnCount), columns, start)
        }
        Cbc_setObjSense(cbc, sense == .minimise ? 1 : -1)
        Cbc_setLogLevel(cbc, 0)
        // "log" first: CbcMain1 reads its arguments in order and prints nothing once it is 0.
        let parameters: [(String, String)] = [
            ("log", "0"), ("slog", "0"), ("threads", "1"), ("randomCbcSeed", "-1"), ("randomSeed", "1234567"),
            ("timeMode", "elapsed"), ("ratioGap", String(relativeGap)), ("allowableGap", "1e-10"),
        ] + (timeLimitSeconds.map { [("sec", String($0))] } ?? [])
        for (name, value) in parameters { Cbc_setParameter(cbc, name, value) }

        let integerModel = hasIntegerVariables
        _ = Cbc_solve(cbc)

        if Cbc_isAbandoned(cbc) != 0 {
            throw NumericsError(.libraryFailure, operation: op, detail: "CBC abandoned the solve (numerical difficulties)")
        }
        if !integerModel {
            // Clp: optimal, or infeasible/unbounded undistinguished (see the file header).
            guard Cbc_isProvenOptimal(cbc) != 0 else {
                if Cbc_isProvenInfeasible(cbc) != 0 { return none(.unbounded, relaxationUnbounded: true) }
                throw NumericsError(.libraryFailure, operation: op,
                                    detail: "Clp finished the LP with status \(Cbc_status(cbc)) and no verdict")
            }
            guard let solution = Cbc_getColSolution(cbc) else {
                throw NumericsError(.libraryFailure, operation: op, detail: "Clp proved the LP optimal but returned no solution")
            }
            let values = Array(UnsafeBufferPointer(start: solution, count: columnCount))
            let value = Cbc_getObjValue(cbc) + objectiveConstant
            return (MILPSolution(status: .optimal, objective: value, bestBound: value, relativeGap: 0,
                                 values: values, solveSeconds: 0), false)
        }

        let secondary = Cbc_secondaryStatus(cbc)
        if Cbc_isContinuousUnbounded(cbc) != 0 || secondary == 7 {
            return none(.unbounded, relaxationUnbounded: true)
        }
        let best = Cbc_bestSolution(cbc)
        // Secondary status 1 ("relaxation infeasible") is also what CBC leaves when the time limit
        // stops it inside the root relaxation: without a proof, that is a time limit.
        if Cbc_isProvenInfeasible(cbc) != 0 || (secondary == 1 && best == nil && Cbc_isSecondsLimitReached(cbc) == 0) {
            return none(.infeasible)
        }
        guard let best else {
            if Cbc_isSecondsLimitReached(cbc) != 0 || secondary == 4 { return none(.timeLimitNoSolution) }
            throw NumericsError(.libraryFailure, operation: op,
                                detail: "CBC finished with status \(Cbc_status(cbc)), secondary status \(secondary) and no solution")
        }
        let values = Array(UnsafeBufferPointer(start: best, count: columnCount))
        let incumbent = Cbc_getObjValue(cbc) + objectiveConstant
        // Finished the search, and not stopped early by the requested gap: proven optimal.
        if Cbc_isProvenOptimal(cbc) != 0, secondary != 2 {
            return (MILPSolution(status: .optimal, objective: incumbent, bestBound: incumbent, relativeGap: 0,
                                 values: values, solveSeconds: 0), false)
        }
        guard Cbc_isProvenOptimal(cbc) != 0 || Cbc_isSecondsLimitReached(cbc) != 0 || secondary == 4 || secondary == 2 else {
            throw NumericsError(.libraryFailure, operation: op,
                                detail: "CBC stopped with status \(Cbc_status(cbc)), secondary status \(secondary)")
        }
        // Stopped by the time limit or the gap tolerance: CBC's best possible objective is the
        // bound (in the problem's own sense), never better than the incumbent itself.
        var bound = Cbc_getBestPossibleObjValue(cbc) + objectiveConstant
        if !bound.isFinite || abs(bound) >= 1e30 { bound = sense == .minimise ? -Double.infinity : Double.infinity }
        bound = sense == .minimise ? min(bound, incumbent) : max(bound, incumbent)
        let gap = abs(incumbent - bound) / (abs(incumbent) + Double.ulpOfOne)
        return (MILPSolution(status: .feasible(relativeGap: gap), objective: incumbent, bestBound: bound.isFinite ? bound : nil,
                             relativeGap: gap, values: values, solveSeconds: 0), false)
    }
}

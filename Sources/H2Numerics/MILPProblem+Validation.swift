// GLPK aborts the whole process on misuse (an index out of range, lb > ub, a duplicate index in
// a row, an over-long name). Every such case is caught here first and becomes `.invalidArgument`
// naming the variable or constraint, so a bad model is an error message, never a crash.

/// The problem in the shape GLPK wants: merged, finite, in-range coefficients.
struct ValidatedMILP {
    /// Per constraint, its terms with duplicates summed and zeros dropped, sorted by variable.
    var rows: [[(column: Int, value: Double)]]
    var nonZeroCount: Int
}

extension MILPProblem {
    /// GLPK limits symbolic names to 255 bytes and rejects control characters.
    static let maximumNameBytes = 255

    func validated(operation op: String) throws(NumericsError) -> ValidatedMILP {
        // GLPK indexes rows and columns with C `int`, 1-based.
        guard variables.count < Int(Int32.max), constraints.count < Int(Int32.max) else {
            throw NumericsError(.invalidArgument, operation: op, detail: "too many variables or constraints for GLPK")
        }
        guard objectiveConstant.isFinite else {
            throw NumericsError(.invalidArgument, operation: op, detail: "objective constant is \(objectiveConstant), must be finite")
        }
        if let start {
            guard start.count == variables.count, start.allSatisfy(\.isFinite) else {
                throw NumericsError(.invalidArgument, operation: op,
                                    detail: "the start has \(start.count) values for \(variables.count) variables, or a value that is not finite")
            }
        }
        for (j, v) in variables.enumerated() {
            let who = "variable \(j) '\(v.name)'"
            try Self.checkName(v.name, who: who, op)
            guard !v.lowerBound.isNaN, !v.upperBound.isNaN else {
                throw NumericsError(.invalidArgument, operation: op, detail: "\(who): a bound is NaN")
            }
            guard v.lowerBound != .infinity, v.upperBound != -.infinity else {
                throw NumericsError(.invalidArgument, operation: op,
                                    detail: "\(who): lower bound \(v.lowerBound) / upper bound \(v.upperBound) leave no value")
            }
            guard v.lowerBound <= v.upperBound else {
                throw NumericsError(.invalidArgument, operation: op,
                                    detail: "\(who): lower bound \(v.lowerBound) exceeds upper bound \(v.upperBound)")
            }
            guard v.objectiveCoefficient.isFinite else {
                throw NumericsError(.invalidArgument, operation: op, detail: "\(who): objective coefficient is \(v.objectiveCoefficient)")
            }
            if v.kind != .continuous {
                // glp_intopt refuses (GLP_EBOUND) an integer column with fractional bounds.
                for b in [v.lowerBound, v.upperBound] where b.isFinite && b.rounded() != b {
                    throw NumericsError(.invalidArgument, operation: op, detail: "\(who): \(v.kind.rawValue) variable has fractional bound \(b)")
                }
            }
            if v.kind == .binary, v.lowerBound < 0 || v.upperBound > 1 {
                throw NumericsError(.invalidArgument, operation: op,
                                    detail: "\(who): binary variable bounds [\(v.lowerBound), \(v.upperBound)] are not within [0, 1]")
            }
        }
        var rows: [[(column: Int, value: Double)]] = []
        rows.reserveCapacity(constraints.count)
        var nonZeroCount = 0
        var merged: [Int: Double] = [:]
        for (i, c) in constraints.enumerated() {
            let who = "constraint \(i) '\(c.name)'"
            try Self.checkName(c.name, who: who, op)
            guard c.rightHandSide.isFinite else {
                throw NumericsError(.invalidArgument, operation: op, detail: "\(who): right-hand side is \(c.rightHandSide)")
            }
            merged.removeAll(keepingCapacity: true)
            for term in c.terms {
                guard variables.indices.contains(term.variable.index) else {
                    throw NumericsError(.invalidArgument, operation: op,
                                        detail: "\(who): variable index \(term.variable.index) is not a variable of this problem (it has \(variables.count))")
                }
                guard term.coefficient.isFinite else {
                    throw NumericsError(.invalidArgument, operation: op,
                                        detail: "\(who): coefficient of variable \(term.variable.index) '\(variables[term.variable.index].name)' is \(term.coefficient)")
                }
                merged[term.variable.index, default: 0] += term.coefficient
            }
            var row: [(column: Int, value: Double)] = []
            row.reserveCapacity(merged.count)
            for (column, value) in merged where value != 0 {
                guard value.isFinite else {
                    throw NumericsError(.invalidArgument, operation: op, detail: "\(who): summed coefficient of variable \(column) overflows")
                }
                row.append((column, value))
            }
            row.sort { $0.column < $1.column }
            nonZeroCount += row.count
            rows.append(row)
        }
        guard nonZeroCount < Int(Int32.max) else {
            throw NumericsError(.invalidArgument, operation: op, detail: "too many non-zero coefficients for GLPK")
        }
        return ValidatedMILP(rows: rows, nonZeroCount: nonZeroCount)
    }

    private static func checkName(_ name: String, who: String, _ op: String) throws(NumericsError) {
        guard name.utf8.count <= maximumNameBytes else {
            throw NumericsError(.invalidArgument, operation: op, detail: "\(who): name longer than \(maximumNameBytes) bytes")
        }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw NumericsError(.invalidArgument, operation: op, detail: "\(who): name contains a control character")
        }
    }
}

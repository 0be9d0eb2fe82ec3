// What CBC's and HiGHS's C interfaces both load: the validated model as 0-based column-major
// arrays with row bounds, and the answer for a model without variables (which neither solver
// is asked to solve).

/// A validated model in column-major form. `I` is the library's index type (CBC's
/// `CoinBigIndex`, HiGHS's `HighsInt`).
struct ColumnMajorMILP<I: FixedWidthInteger> {
    /// Column j's entries are `rowIndex[starts[j]..<starts[j + 1]]` and the same range of `elements`.
    var starts: [I]
    var rowIndex: [I]
    var elements: [Double]
    /// Row bounds; an absent bound is ±`infinity`.
    var rowLower: [Double]
    var rowUpper: [Double]
}

extension MILPProblem {
    func columnMajor<I: FixedWidthInteger>(_ model: ValidatedMILP, index: I.Type, infinity: Double) -> ColumnMajorMILP<I> {
        let columnCount = variables.count
        var starts = [I](repeating: 0, count: columnCount + 1)
        for row in model.rows { for entry in row { starts[entry.column + 1] += 1 } }
        for j in 0..<columnCount { starts[j + 1] += starts[j] }
        var next = Array(starts.dropLast())
        var rowIndex = [I](repeating: 0, count: max(model.nonZeroCount, 1))
        var elements = [Double](repeating: 0, count: max(model.nonZeroCount, 1))
        for (i, row) in model.rows.enumerated() {
            for entry in row {
                let k = Int(next[entry.column])
                rowIndex[k] = I(i)
                elements[k] = entry.value
                next[entry.column] += 1
            }
        }
        var rowLower = [Double](repeating: -infinity, count: max(constraints.count, 1))
        var rowUpper = [Double](repeating: infinity, count: max(constraints.count, 1))
        for (i, c) in constraints.enumerated() {
            switch c.relation {
            case .lessOrEqual: rowUpper[i] = c.rightHandSide
            case .greaterOrEqual: rowLower[i] = c.rightHandSide
            case .equal: rowLower[i] = c.rightHandSide; rowUpper[i] = c.rightHandSide
            }
        }
        return ColumnMajorMILP(starts: starts, rowIndex: rowIndex, elements: elements, rowLower: rowLower, rowUpper: rowUpper)
    }

    /// A model without variables: every row reads 0 relation rhs, so it is optimal at the
    /// objective constant or infeasible.
    var solutionWithoutVariables: MILPSolution {
        let feasible = constraints.allSatisfy { c in
            switch c.relation {
            case .lessOrEqual: 0 <= c.rightHandSide
            case .greaterOrEqual: 0 >= c.rightHandSide
            case .equal: c.rightHandSide == 0
            }
        }
        return feasible
            ? MILPSolution(status: .optimal, objective: objectiveConstant, bestBound: objectiveConstant, relativeGap: 0, values: [], solveSeconds: 0)
            : MILPSolution(status: .infeasible, objective: nil, bestBound: nil, relativeGap: nil, values: [], solveSeconds: 0)
    }
}

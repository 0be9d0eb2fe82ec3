// The problem in CPLEX LP format, so another solver (HiGHS, CBC, glpsol) can be run on the very
// model GLPK is given: for side-by-side benchmarks and for checking an optimum independently.

extension MILPProblem {
    public var lpFormat: String {
        func name(_ j: Int) -> String { "x\(j)" }
        func terms(_ t: [(Int, Double)]) -> String {
            t.isEmpty ? "0 \(name(0))" : t.map { "\($0.1 < 0 ? "-" : "+") \(abs($0.1).description) \(name($0.0))" }.joined(separator: " ")
        }
        var out = sense == .minimise ? "Minimize\n" : "Maximize\n"
        out += " obj: " + terms(variables.indices.compactMap { variables[$0].objectiveCoefficient == 0 ? nil : ($0, variables[$0].objectiveCoefficient) }) + "\n"
        out += "Subject To\n"
        for (i, c) in constraints.enumerated() {
            let op = c.relation == .lessOrEqual ? "<=" : c.relation == .greaterOrEqual ? ">=" : "="
            out += " c\(i): " + terms(c.terms.map { ($0.variable.index, $0.coefficient) }) + " \(op) \(c.rightHandSide.description)\n"
        }
        out += "Bounds\n"
        for (j, v) in variables.enumerated() {
            let lo = v.lowerBound.isFinite ? v.lowerBound.description : "-inf"
            let hi = v.upperBound.isFinite ? v.upperBound.description : "+inf"
            out += " \(lo) <= \(name(j)) <= \(hi)\n"
        }
        let ints = variables.indices.filter { variables[$0].kind != .continuous }
        if !ints.isEmpty { out += "General\n " + ints.map(name).joined(separator: " ") + "\n" }
        return out + "End\n"
    }
}

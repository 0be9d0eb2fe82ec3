// `sweep`: cases given as a grid (Cartesian product of values per key) or a case table; each
// case sets its keys on top of the scenario and is evaluated once.

public struct SweepDesign: Sendable {
    /// The swept parameters, in column order.
    public var parameters: [ParameterSpec]
    /// One row per case, one value per swept parameter.
    public var cases: [[Double]]

    public init(parameters: [ParameterSpec], cases: [[Double]]) {
        precondition(cases.allSatisfy { $0.count == parameters.count }, "a case has the wrong number of values")
        self.parameters = parameters
        self.cases = cases
    }

    /// Every combination of the axes' values; the first axis varies slowest (as nested loops
    /// written in axis order), so the case count is the product of the axes' lengths.
    public static func grid(_ axes: [(spec: ParameterSpec, values: [Double])]) -> SweepDesign {
        var cases: [[Double]] = [[]]
        for axis in axes {
            cases = cases.flatMap { prefix in axis.values.map { prefix + [$0] } }
        }
        return SweepDesign(parameters: axes.map(\.spec), cases: axes.isEmpty ? [] : cases)
    }

    /// `count` evenly spaced values from `low` to `high` inclusive (`count` ≥ 1; one value is `low`).
    public static func linearlySpaced(_ low: Double, _ high: Double, count: Int) -> [Double] {
        precondition(count >= 1, "a range needs at least one value")
        if count == 1 { return [low] }
        return (0..<count).map { i in i == count - 1 ? high : low + (high - low) * Double(i) / Double(count - 1) }
    }

    /// The outputs of cases `range` (nil where the model had no answer), in case order.
    public func evaluate(_ model: SensitivityModel, base: Assumptions, rows range: Range<Int>, jobs: Int,
                         progress: (@Sendable (Int) -> Void)? = nil) throws -> [[Double]?] {
        let design = self
        return try ParallelEvaluation.map(range, jobs: jobs, chunkSize: model.depth == .reoptimised ? 1 : 16, progress: progress) { chunk in
            chunk.map { i in
                var a = base
                for (spec, v) in zip(design.parameters, design.cases[i]) { a[keyPath: spec.path] = v }
                return model.evaluate(a)
            }
        }
    }
}

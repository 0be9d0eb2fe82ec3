// `sweep`: cases given as a grid (Cartesian product of values per key) or a case table; each
// case sets its keys on top of the scenario and is evaluated once.

public struct SweepDesign: Sendable {
    public var parameters: [ParameterSpec]
    /// A case table's rows (empty for a grid).
    private var table: [[Double]]
    /// A grid's values per key (nil for a case table): case i is computed from i, so a grid
    /// of any size takes memory for its axes only.
    private var axes: [[Double]]?
    /// The number of cases.
    public private(set) var caseCount: Int

    public init(parameters: [ParameterSpec], cases: [[Double]]) {
        precondition(cases.allSatisfy { $0.count == parameters.count }, "a case has the wrong number of values")
        self.parameters = parameters
        self.table = cases
        self.axes = nil
        self.caseCount = cases.count
    }

    /// Every combination of the axes' values, the first key varying slowest. The product of
    /// the axis lengths must fit an Int (`gridCaseCount` checks it first).
    public static func grid(_ axes: [(spec: ParameterSpec, values: [Double])]) -> SweepDesign {
        guard let count = gridCaseCount(axes.map(\.values.count)) else { preconditionFailure("grid too large") }
        var design = SweepDesign(parameters: axes.map(\.spec), cases: [])
        if !axes.isEmpty {
            design.axes = axes.map(\.values)
            design.caseCount = count
        }
        return design
    }

    /// The number of cases of a grid with these axis lengths; nil when it overflows an Int.
    public static func gridCaseCount(_ lengths: [Int]) -> Int? {
        var product = 1
        for n in lengths {
            let (p, overflow) = product.multipliedReportingOverflow(by: n)
            if overflow { return nil }
            product = p
        }
        return lengths.isEmpty ? 0 : product
    }

    /// The values of case `i` (one per parameter).
    public func values(ofCase i: Int) -> [Double] {
        precondition(i >= 0 && i < caseCount, "case \(i) outside 0..<\(caseCount)")
        guard let axes else { return table[i] }
        var rest = i
        var values = [Double](repeating: 0, count: axes.count)
        for a in axes.indices.reversed() {
            values[a] = axes[a][rest % axes[a].count]
            rest /= axes[a].count
        }
        return values
    }

    /// Memory the design holds: 8 B a grid value, or 8 B a cell and 40 B a row of a case table.
    public var memoryBytes: Double {
        if let axes { return Double(axes.reduce(0) { $0 + $1.count }) * 8 }
        return Double(table.count) * (40 + 8 * Double(parameters.count))
    }

    /// Every case, materialised (for small designs and tests).
    public var cases: [[Double]] { (0..<caseCount).map(values(ofCase:)) }

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
                for (spec, v) in zip(design.parameters, design.values(ofCase: i)) { a[keyPath: spec.path] = v }
                return model.evaluate(a)
            }
        }
    }
}

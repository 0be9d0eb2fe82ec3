// `sweep`: cases given as a grid (Cartesian product of values per key) or a case table; each
// case sets its keys on top of the scenario and is evaluated once. A key is a catalogue
// parameter, or a scenario setting that is not one ([placement] keys, demand.scale): a setting
// changes the plan itself, so its cases are evaluated on a scenario read with that setting.

/// One swept key.
public enum SweepColumn: Sendable {
    case parameter(ParameterSpec)
    /// A scenario setting and its values as written (`cbc`, `[2025, 2030]`); a case holds the
    /// index of its value.
    case setting(key: String, values: [String])

    public var key: String {
        switch self {
        case .parameter(let spec): spec.key
        case .setting(let key, _): key
        }
    }
}

public struct SweepDesign: Sendable {
    /// The swept keys in the order given (the first varies slowest in a grid).
    public private(set) var columns: [SweepColumn]
    /// The swept catalogue parameters.
    public var parameters: [ParameterSpec] { columns.compactMap { if case .parameter(let spec) = $0 { spec } else { nil } } }
    /// The swept settings' keys.
    public var settingKeys: [String] { columns.compactMap { if case .setting(let key, _) = $0 { key } else { nil } } }
    public var keys: [String] { columns.map(\.key) }
    /// A case table's rows (empty for a grid).
    private var table: [[Double]]
    /// A grid's values per key (nil for a case table): case i is computed from i, so a grid
    /// of any size takes memory for its axes only.
    private var axes: [[Double]]?
    /// The number of cases.
    public private(set) var caseCount: Int

    public init(parameters: [ParameterSpec], cases: [[Double]]) {
        self.init(columns: parameters.map(SweepColumn.parameter), cases: cases)
    }

    /// A case table; a setting column's cells are indices into its values.
    public init(columns: [SweepColumn], cases: [[Double]]) {
        precondition(cases.allSatisfy { $0.count == columns.count }, "a case has the wrong number of values")
        self.columns = columns
        self.table = cases
        self.axes = nil
        self.caseCount = cases.count
    }

    /// Every combination of the axes' values, the first key varying slowest. The product of
    /// the axis lengths must fit an Int (`gridCaseCount` checks it first).
    public static func grid(_ axes: [(spec: ParameterSpec, values: [Double])]) -> SweepDesign {
        grid(columns: axes.map { (SweepColumn.parameter($0.spec), $0.values) })
    }

    /// A grid over parameters and settings (a setting axis's values are 0, 1, … n−1).
    public static func grid(columns axes: [(column: SweepColumn, values: [Double])]) -> SweepDesign {
        guard let count = gridCaseCount(axes.map(\.values.count)) else { preconditionFailure("grid too large") }
        var design = SweepDesign(columns: axes.map(\.column), cases: [])
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

    /// The cells of case `i` for sweep.csv: numbers in their shortest form, settings as written.
    public func texts(ofCase i: Int) -> [String] {
        zip(columns, values(ofCase: i)).map { column, v in
            if case .setting(_, let values) = column { return values[Int(v)] }
            return formatNumber(v)
        }
    }

    /// The value indices of the setting columns of case `i`, in column order.
    public func settingChoice(ofCase i: Int) -> [Int] {
        zip(columns, values(ofCase: i)).compactMap { column, v in if case .setting = column { Int(v) } else { nil } }
    }

    /// Every distinct setting choice of the design, in case order (one empty choice when no
    /// setting is swept); nil when there are more than `limit`.
    public func settingChoices(limit: Int) -> [[Int]]? {
        let sizes = columns.compactMap { if case .setting(_, let values) = $0 { values.count } else { nil } }
        if axes != nil {
            guard let count = Self.gridCaseCount(sizes), count <= limit else { return nil }
            return (0..<max(1, count)).map { i in
                var rest = i
                var choice = [Int](repeating: 0, count: sizes.count)
                for a in sizes.indices.reversed() { choice[a] = rest % sizes[a]; rest /= sizes[a] }
                return choice
            }
        }
        var seen: Set<[Int]> = [], result: [[Int]] = []
        for i in 0..<caseCount where seen.insert(settingChoice(ofCase: i)).inserted {
            result.append(settingChoice(ofCase: i))
            if result.count > limit { return nil }
        }
        return result.isEmpty ? [[]] : result
    }

    /// Memory the design holds: 8 B a grid value, or 8 B a cell and 40 B a row of a case table.
    public var memoryBytes: Double {
        if let axes { return Double(axes.reduce(0) { $0 + $1.count }) * 8 }
        return Double(table.count) * (40 + 8 * Double(columns.count))
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
    /// `scenarios` holds the scenario of each setting choice (`settingChoices`) when settings
    /// are swept; a case is then evaluated on its choice's scenario.
    public func evaluate(_ model: SensitivityModel, base: Assumptions, rows range: Range<Int>, jobs: Int,
                         progress: (@Sendable (Int) -> Void)? = nil, scenarios: [[Int]: PlanningScenario] = [:]) throws -> [[Double]?] {
        let design = self
        return try ParallelEvaluation.map(range, jobs: jobs, chunkSize: model.depth == .reoptimised ? 1 : 16, progress: progress) { chunk in
            chunk.map { i in
                var a = base
                for (column, v) in zip(design.columns, design.values(ofCase: i)) {
                    if case .parameter(let spec) = column { a[keyPath: spec.path] = v }
                }
                guard !scenarios.isEmpty else { return model.evaluate(a) }
                guard let scenario = scenarios[design.settingChoice(ofCase: i)] else { return nil }
                var m = model
                m.scenario = scenario
                return m.evaluate(a)
            }
        }
    }
}

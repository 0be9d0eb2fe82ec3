// `tornado`: each uncertain parameter alone at its low and at its high value, everything else
// at the scenario's values; the bars sorted by how far they move the network average.

/// A parameter of the tornado with the three values it takes.
public struct TornadoParameter: Sendable {
    public var spec: ParameterSpec
    public var low: Double
    /// The scenario's value in force.
    public var base: Double
    public var high: Double

    /// Every catalogued parameter with a low and a high (low < high), in catalogue order,
    /// except `fixed` keys (pinned with `--set`). Low and high are the catalogue's, even when
    /// the scenario's value lies outside them.
    public static func catalogue(_ assumptions: Assumptions, fixed: Set<String> = []) -> [TornadoParameter] {
        ParameterCatalogue.all.compactMap { spec in
            guard !fixed.contains(spec.key), let low = spec.low, let high = spec.high, low < high else { return nil }
            return TornadoParameter(spec: spec, low: low, base: assumptions[keyPath: spec.path], high: high)
        }
    }
}

/// One one-at-a-time run: parameter `parameter` at its low (`high == false`) or high value.
public struct TornadoRunResult: Sendable, Equatable {
    public var parameter: Int
    public var high: Bool
    public var input: Double
    public var outputs: [Double]?
}

public enum TornadoRun {
    /// Runs 2p (parameter p low) and 2p+1 (parameter p high) for the indices in `range`.
    public static func evaluate(_ parameters: [TornadoParameter], model: SensitivityModel, base: Assumptions, rows range: Range<Int>,
                                jobs: Int, progress: (@Sendable (Int) -> Void)? = nil) throws -> [TornadoRunResult] {
        precondition(range.lowerBound >= 0 && range.upperBound <= 2 * parameters.count, "tornado runs \(range)")
        return try ParallelEvaluation.map(range, jobs: jobs, chunkSize: model.depth == .reoptimised ? 1 : 8, progress: progress) { chunk in
            chunk.map { i in
                let p = parameters[i / 2], high = i % 2 == 1
                var a = base
                let v = high ? p.high : p.low
                a[keyPath: p.spec.path] = v
                return TornadoRunResult(parameter: i / 2, high: high, input: v, outputs: model.evaluate(a))
            }
        }
    }
}

/// One bar of the tornado chart.
public struct TornadoBar: Sendable, Equatable {
    public var key: String
    public var lowInput: Double
    public var highInput: Double
    /// The output with the parameter at its low / high value.
    public var lowOutput: Double
    public var highOutput: Double
    public init(key: String, lowInput: Double, highInput: Double, lowOutput: Double, highOutput: Double) {
        self.key = key
        self.lowInput = lowInput
        self.highInput = highInput
        self.lowOutput = lowOutput
        self.highOutput = highOutput
    }

    /// |high − low| of the output.
    public var swing: Double { abs(highOutput - lowOutput) }

    /// Bars sorted by swing, largest first; equal swings keep the given (catalogue) order.
    /// Parameters whose low or high run had no answer are left out (the caller reports them).
    public static func sorted(_ bars: [TornadoBar]) -> [TornadoBar] {
        bars.enumerated().sorted { x, y in
            x.element.swing != y.element.swing ? x.element.swing > y.element.swing : x.offset < y.offset
        }.map(\.element)
    }
}

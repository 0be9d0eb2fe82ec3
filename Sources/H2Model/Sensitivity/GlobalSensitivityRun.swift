// `sobol`: the model evaluated on the rows of a Saltelli design (SaltelliDesign, by the Sobol
// analysis), each row's unit point mapped to parameter values through their distributions.

public struct GlobalSensitivityRun: Sendable {
    public var parameters: [UncertainParameter]
    public var design: SaltelliDesign

    public init(parameters: [UncertainParameter], design: SaltelliDesign) {
        precondition(parameters.count == design.parameters, "\(parameters.count) parameters for a design of \(design.parameters)")
        self.parameters = parameters
        self.design = design
    }

    /// The default choice of parameters: the `count` with the largest tornado swing of the
    /// network average (ties in catalogue order), in catalogue order. The Sobol sampler of a
    /// Saltelli design uses 2 dimensions per parameter and GSL has 40, so at most 20 can be
    /// analysed together; a tornado's leaders carry nearly all of a cost's variance.
    public static func leadingParameters(_ tornado: [TornadoParameter], runs: [TornadoRunResult], count: Int) -> [String] {
        var bars: [TornadoBar] = []
        for (p, parameter) in tornado.enumerated() {
            guard let low = runs[2 * p].outputs?.first, let high = runs[2 * p + 1].outputs?.first else { continue }
            bars.append(TornadoBar(key: parameter.spec.key, lowInput: parameter.low, highInput: parameter.high, lowOutput: low, highOutput: high))
        }
        let chosen = Set(TornadoBar.sorted(bars).prefix(count).map(\.key))
        return tornado.map(\.spec.key).filter(chosen.contains)
    }

    /// Rows `range` of the design evaluated on `jobs` threads, in row order. Only the first
    /// output of the model (the network average) is analysed, but all are kept.
    public func evaluate(_ model: SensitivityModel, base: Assumptions, rows range: Range<Int>, jobs: Int,
                         progress: (@Sendable (Int) -> Void)? = nil) throws -> [SampleResult] {
        // The design's Sobol points have no skip-ahead: draw the slice once, serially.
        let points = try design.rows(range)
        let parameters = self.parameters
        let chunkSize = model.depth == .reoptimised ? 1 : 256
        return try ParallelEvaluation.map(range, jobs: jobs, chunkSize: chunkSize, progress: progress) { chunk in
            chunk.map { i in
                let (a, values, clamped) = base.applyingCountingClamps(parameters, unitPoint: points[i - range.lowerBound])
                return SampleResult(index: i, inputs: values, outputs: model.evaluate(a), clamped: clamped)
            }
        }
    }
}

// `montecarlo`: samples of the uncertain parameters, each evaluated by the model.
import H2Numerics

/// One evaluated sample: its index in the run, the parameter values drawn, and the outputs
/// (nil when the model had no answer for these values).
public struct SampleResult: Sendable, Equatable {
    public var index: Int
    public var inputs: [Double]
    public var outputs: [Double]?
    /// Positions of the inputs whose draw was clamped into the parameter's domain (ClampTally).
    public var clamped: [Int] = []
}

extension MonteCarloDesign {
    /// Samples `range` evaluated on `jobs` threads, in index order.
    public func evaluate(_ model: SensitivityModel, base: Assumptions, rows range: Range<Int>, jobs: Int,
                         progress: (@Sendable (Int) -> Void)? = nil) throws -> [SampleResult] {
        // Sobol points need a skip to the first index: draw the slice once, serially (about
        // 0.1 µs a coordinate), rather than once per chunk.
        let sobolPoints: [[Double]]? = sampler == .sobol ? try unitPoints(range) : nil
        return try evaluate(model, base: base, rows: range, jobs: jobs, progress: progress, sobolPoints: sobolPoints)
    }

    /// Samples `range` in consecutive blocks of at most `blockSize`, each evaluated on `jobs`
    /// threads and handed to `sink` in index order before the next block is computed: memory
    /// holds one block, whatever the sample count. The samples are those of `evaluate`.
    public func evaluate(_ model: SensitivityModel, base: Assumptions, rows range: Range<Int>, jobs: Int, blockSize: Int,
                         progress: (@Sendable (Int) -> Void)? = nil, sink: ([SampleResult]) throws -> Void) throws {
        precondition(blockSize >= 1, "block size \(blockSize)")
        // One Sobol sequence walks the whole slice (a skip per block would cost O(N²)).
        let sequence: SobolSequence? = sampler == .sobol && !parameters.isEmpty ? try SobolSequence(dimensions: parameters.count) : nil
        try sequence?.skip(range.lowerBound)
        var start = range.lowerBound
        while start < range.upperBound {
            let block = start..<min(start + blockSize, range.upperBound)
            var points: [[Double]]? = nil
            if let sequence {
                var point = [Double](repeating: 0, count: parameters.count)
                points = []
                points!.reserveCapacity(block.count)
                for _ in block {
                    try sequence.next(into: &point)
                    points!.append(point)
                }
            } else if sampler == .sobol {
                points = Array(repeating: [], count: block.count)
            }
            let offset = block.lowerBound - range.lowerBound
            let blockProgress: (@Sendable (Int) -> Void)? = progress.map { report in { @Sendable done in report(offset + done) } }
            try sink(try evaluate(model, base: base, rows: block, jobs: jobs, progress: blockProgress, sobolPoints: points))
            start = block.upperBound
        }
    }

    func evaluate(_ model: SensitivityModel, base: Assumptions, rows range: Range<Int>, jobs: Int,
                  progress: (@Sendable (Int) -> Void)?, sobolPoints: [[Double]]?) throws -> [SampleResult] {
        let design = self
        let chunkSize = model.depth == .reoptimised ? 1 : 256
        return try ParallelEvaluation.map(range, jobs: jobs, chunkSize: chunkSize, progress: progress) { chunk in
            let points = try sobolPoints.map { Array($0[(chunk.lowerBound - range.lowerBound)..<(chunk.upperBound - range.lowerBound)]) }
                ?? design.unitPoints(chunk)
            return zip(chunk, points).map { i, point in
                let (a, values, clamped) = base.applyingCountingClamps(design.parameters, unitPoint: point)
                return SampleResult(index: i, inputs: values, outputs: model.evaluate(a), clamped: clamped)
            }
        }
    }
}

/// P5, P50, P95 and mean of one output over the samples that have it.
public struct OutputSummary: Sendable, Equatable {
    public var output: String
    public var samples: Int
    public var failed: Int
    public var p5: Double
    public var p50: Double
    public var p95: Double
    public var mean: Double

    /// `values` holds one entry per sample, nil where the sample had no answer. Nil when no
    /// sample had one.
    public static func of(_ output: String, values: [Double?]) -> OutputSummary? {
        var good = values.compactMap { $0 }
        return of(output, answered: &good, samples: values.count)
    }

    /// The same summary from the `answered` values alone (in sample order) out of `samples`:
    /// the mean is taken first, in that order, then `answered` is sorted in place for the
    /// percentiles, so a million samples need one array of 8 MB.
    public static func of(_ output: String, answered good: inout [Double], samples: Int) -> OutputSummary? {
        guard !good.isEmpty else { return nil }
        let mean = H2Numerics.mean(good)
        let p = percentiles(sortingInPlace: &good, at: [0.05, 0.5, 0.95])
        return OutputSummary(output: output, samples: good.count, failed: samples - good.count,
                             p5: p[0], p50: p[1], p95: p[2], mean: mean)
    }
}

// Which uniform point a Monte Carlo sample gets. Sample i's point depends only on the seed and
// i — never on the shard, the thread or the order samples are computed in — so any `--jobs` and
// any `--shard` split give the same sample i.
import H2Numerics

/// How uniform points are drawn.
public enum Sampler: String, Sendable, CaseIterable {
    /// Mersenne Twister; sample i draws from its own generator `RandomGenerator(seed:stream: i)`.
    case mt
    /// GSL's Sobol sequence; sample i is point i of the sequence (the seed is not used: the
    /// sequence is not scrambled). At most `SobolSequence.maximumDimensions` parameters.
    case sobol
}

public struct MonteCarloDesign: Sendable {
    public var parameters: [UncertainParameter]
    public var samples: Int
    public var seed: UInt64
    public var sampler: Sampler

    /// Throws `.invalidArgument` when the Sobol sampler is asked for more dimensions than GSL has.
    public init(parameters: [UncertainParameter], samples: Int, seed: UInt64, sampler: Sampler) throws(NumericsError) {
        precondition(samples >= 0, "negative sample count")
        if sampler == .sobol, parameters.count > SobolSequence.maximumDimensions || parameters.isEmpty {
            throw NumericsError(.invalidArgument, operation: "MonteCarloDesign",
                                detail: "the Sobol sampler handles 1...\(SobolSequence.maximumDimensions) uncertain parameters, this run has \(parameters.count)")
        }
        self.parameters = parameters
        self.samples = samples
        self.seed = seed
        self.sampler = sampler
    }

    /// The unit points of samples `range` (one row per sample, one coordinate per parameter).
    /// For `.sobol` this skips to `range.lowerBound` (cost proportional to it), so callers ask
    /// for long contiguous ranges; for `.mt` any range is cheap.
    public func unitPoints(_ range: Range<Int>) throws(NumericsError) -> [[Double]] {
        precondition(range.lowerBound >= 0 && range.upperBound <= samples, "samples \(range) outside 0..<\(samples)")
        let d = parameters.count
        if d == 0 { return Array(repeating: [], count: range.count) }
        switch sampler {
        case .mt:
            let generator = RandomGenerator(seed: seed, stream: 0)
            var points: [[Double]] = []
            points.reserveCapacity(range.count)
            for i in range {
                generator.reseed(seed: seed, stream: UInt64(i))
                points.append((0..<d).map { _ in generator.uniformPositive() })
            }
            return points
        case .sobol:
            let sequence = try SobolSequence(dimensions: d)
            try sequence.skip(range.lowerBound)
            var points: [[Double]] = []
            points.reserveCapacity(range.count)
            var point = [Double](repeating: 0, count: d)
            for _ in range {
                try sequence.next(into: &point)
                points.append(point)
            }
            return points
        }
    }
}

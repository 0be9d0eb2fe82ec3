// Saltelli's sampling design for global Sobol indices: which unit-hypercube points the model is
// evaluated at, as a pure function of the row number so shards and threads agree.
import H2Numerics

/// Where the base samples A_k and B_k of a Saltelli design come from.
public enum SaltelliSampler: String, Sendable, CaseIterable {
    /// Sobol quasi-random points (GSL, Bratley–Fox direction numbers): lower error for the same
    /// number of model runs; at most 20 parameters (2 × 20 = GSL's 40 dimensions).
    case sobol
    /// Mersenne Twister pseudo-random points, one seeded stream per base sample: any number of
    /// parameters.
    case mt
}

/// Saltelli's design: N base samples of two independent matrices A and B in the unit hypercube
/// [0,1)^D, plus for each parameter j the matrix AB_j (A with column j from B). Model evaluation
/// rows are laid out in blocks of D + 2 per base sample k: [A_k, B_k, AB_k^1, …, AB_k^D], so row
/// i belongs to block i / (D + 2). Rows are a pure function of (D, N, seed, sampler, i):
/// independent of how the rows are split into shards or threads.
///
/// Every coordinate lies strictly inside (0, 1), never exactly 0, so it can go straight into
/// `Distribution.quantile(_:)` even for normal and log-normal inputs.
///
/// **Sobol sampler.** Base sample k is one 2D-dimensional Sobol point: its first D coordinates
/// are A_k, its last D are B_k (Saltelli 2002/2010). The points used are numbers P … P + N − 1
/// of the sequence, where P is the smallest power of two ≥ N. Why skip P points rather than
/// none:
/// - point 0 is the origin, which a normal or log-normal quantile maps to −∞ or 0;
/// - points P … 2P − 1 of a Sobol sequence form a (digitally shifted) net, so when N is a power
///   of two the N base samples keep the balance (stratification) of the first N points without
///   containing the origin. Dropping only the origin would break that balance (Owen 2020,
///   "On dropping the first Sobol' point"). SALib's `saltelli.sample` uses the same rule
///   (`skip_values` defaults to the smallest power of two ≥ N).
/// The sequence is deterministic, so the seed does not change a Sobol design (it is kept so a
/// design and its run manifest record the same settings). Choose N a power of two.
///
/// **MT sampler.** Base sample k draws 2D uniforms on (0, 1) from
/// `RandomGenerator(seed: seed, stream: k)` — first D for A_k, last D for B_k.
public struct SaltelliDesign: Sendable, Equatable {
    /// D, the number of uncertain parameters (columns of A and B).
    public let parameters: Int
    /// N, the number of base samples (blocks of D + 2 model runs).
    public let baseSamples: Int
    /// Seeds the MT sampler; unused by the Sobol sampler (see the type's discussion).
    public let seed: UInt64
    public let sampler: SaltelliSampler

    /// The most points GSL's Sobol generator produces after the origin (2³⁰ − 1).
    static let sobolSequenceLength = (1 << 30) - 1

    /// Throws `SobolAnalysisError`: `.tooManyParametersForSobolSampler` when the Sobol sampler
    /// would need more than 40 dimensions (D > 20); `.invalidDesign` for D < 1, N < 2 (no
    /// variance can be estimated from one base sample), a Sobol design that would run past the
    /// end of the sequence (N > 2²⁹), or N × (D + 2) overflowing `Int`.
    public init(parameters: Int, baseSamples: Int, seed: UInt64, sampler: SaltelliSampler) throws {
        guard parameters >= 1 else {
            throw SobolAnalysisError.invalidDesign("\(parameters) uncertain parameters; at least 1 is needed")
        }
        guard baseSamples >= 2 else {
            throw SobolAnalysisError.invalidDesign("\(baseSamples) base samples; at least 2 are needed to estimate a variance (a few thousand for usable indices)")
        }
        let (rows, overflow) = baseSamples.multipliedReportingOverflow(by: parameters + 2)
        guard !overflow else {
            throw SobolAnalysisError.invalidDesign("\(baseSamples) base samples × \(parameters + 2) rows each is too many rows")
        }
        _ = rows
        if sampler == .sobol {
            let maximumParameters = SobolSequence.maximumDimensions / 2
            guard parameters <= maximumParameters else {
                throw SobolAnalysisError.tooManyParametersForSobolSampler(parameters: parameters, maximumParameters: maximumParameters)
            }
            let first = Self.sobolFirstPoint(baseSamples: baseSamples)
            guard first - 1 + baseSamples <= Self.sobolSequenceLength else {
                throw SobolAnalysisError.invalidDesign("\(baseSamples) base samples run past the end of the Sobol sequence (at most \(1 << 29)); use --sampler mt")
            }
        }
        self.parameters = parameters
        self.baseSamples = baseSamples
        self.seed = seed
        self.sampler = sampler
    }

    /// N × (D + 2): one model run per row.
    public var rowCount: Int { baseSamples * (parameters + 2) }

    /// D + 2, the rows of one base sample's block: A_k, B_k, then AB_k^j for each parameter j.
    public var rowsPerBlock: Int { parameters + 2 }

    /// The position of the first base sample in the Sobol sequence (the origin is point 0):
    /// the smallest power of two ≥ N.
    static func sobolFirstPoint(baseSamples: Int) -> Int {
        var power = 1
        while power < baseSamples { power <<= 1 }
        return power
    }

    /// Unit-hypercube points of rows `range`, each with `parameters` coordinates in (0, 1).
    ///
    /// Cost: the MT sampler reseeds one generator per block, O(range.count). The Sobol sampler
    /// must generate the sequence from its start, because GSL's Sobol generator has no
    /// skip-ahead: O(P + range.upperBound / (D + 2)) points of 2D coordinates, where P is the
    /// smallest power of two ≥ N. That is cheap beside the model runs (a few milliseconds per
    /// million points), but a shard should ask for its whole range in one call rather than row
    /// by row.
    ///
    /// Throws `SobolAnalysisError.rowsOutOfRange` for rows outside `0..<rowCount`.
    public func rows(_ range: Range<Int>) throws -> [[Double]] {
        var result: [[Double]] = []
        result.reserveCapacity(range.count)
        try forEachRow(range) { _, point in result.append(point) }
        return result
    }

    /// Calls `body(row, point)` for every row in `range`, in order, without building the whole
    /// array: for a shard that evaluates the model as it goes. `point` has `parameters`
    /// coordinates in (0, 1). Same cost and errors as `rows(_:)`; errors thrown by `body` are
    /// passed on.
    public func forEachRow(_ range: Range<Int>, _ body: (_ row: Int, _ point: [Double]) throws -> Void) throws {
        guard range.lowerBound >= 0, range.upperBound <= rowCount else {
            throw SobolAnalysisError.rowsOutOfRange(requested: range, rowCount: rowCount)
        }
        guard !range.isEmpty else { return }
        let d = parameters
        let firstBlock = range.lowerBound / rowsPerBlock
        let lastBlock = (range.upperBound - 1) / rowsPerBlock
        var base = [Double](repeating: 0, count: 2 * d) // A_k then B_k
        var point = [Double](repeating: 0, count: d)

        // One generator for the whole range.
        var sequence: SobolSequence?
        var generator: RandomGenerator?
        switch sampler {
        case .sobol:
            do {
                let s = try SobolSequence(dimensions: 2 * d)
                // GSL's first draw is point 1: skip points 1 … P + firstBlock − 1.
                try s.skip(Self.sobolFirstPoint(baseSamples: baseSamples) + firstBlock - 1)
                sequence = s
            } catch {
                throw SobolAnalysisError.numerics(error)
            }
        case .mt:
            generator = RandomGenerator(seed: seed, stream: 0)
        }

        for block in firstBlock...lastBlock {
            if let sequence {
                do { try sequence.next(into: &base) } catch { throw SobolAnalysisError.numerics(error) }
            } else if let generator {
                generator.reseed(seed: seed, stream: UInt64(block))
                for c in 0..<(2 * d) { base[c] = generator.uniformPositive() }
            }
            let blockStart = block * rowsPerBlock
            let from = Swift.max(range.lowerBound, blockStart)
            let to = Swift.min(range.upperBound, blockStart + rowsPerBlock)
            for row in from..<to {
                let position = row - blockStart
                switch position {
                case 0:
                    for c in 0..<d { point[c] = base[c] }
                case 1:
                    for c in 0..<d { point[c] = base[d + c] }
                default:
                    let j = position - 2
                    for c in 0..<d { point[c] = base[c] }
                    point[j] = base[d + j]
                }
                try body(row, point)
            }
        }
    }
}

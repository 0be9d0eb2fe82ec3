// Global Sobol sensitivity indices (first and total order) from the model outputs of a Saltelli
// design, with percentile bootstrap confidence intervals.
import H2Numerics

/// The Sobol indices of one uncertain parameter.
///
/// `firstOrder` (S_j) is the share of the output variance explained by parameter j alone;
/// `totalOrder` (ST_j) adds every interaction that involves j, so ST_j ≥ S_j up to sampling
/// error, and ST_j ≈ 0 means the parameter can be fixed anywhere in its range without changing
/// the result. Estimates can stray slightly outside [0, 1] with few samples; they are reported
/// as estimated, not clipped, so the interval shows the sampling error honestly.
public struct SobolIndex: Sendable, Equatable {
    /// The parameter's column in the design (0-based, the order the caller listed them in).
    public var parameter: Int
    public var firstOrder: Double
    public var firstOrderInterval: ClosedRange<Double>
    public var totalOrder: Double
    public var totalOrderInterval: ClosedRange<Double>

    public init(parameter: Int, firstOrder: Double, firstOrderInterval: ClosedRange<Double>,
                totalOrder: Double, totalOrderInterval: ClosedRange<Double>) {
        self.parameter = parameter
        self.firstOrder = firstOrder
        self.firstOrderInterval = firstOrderInterval
        self.totalOrder = totalOrder
        self.totalOrderInterval = totalOrderInterval
    }
}

extension Array where Element == SobolIndex {
    /// Most influential first: by total-order index (what fixing the parameter would lose),
    /// then first-order index, then parameter column, so ties rank the same way on every run.
    public func rankedByTotalOrder() -> [SobolIndex] {
        sorted { a, b in
            if a.totalOrder != b.totalOrder { return a.totalOrder > b.totalOrder }
            if a.firstOrder != b.firstOrder { return a.firstOrder > b.firstOrder }
            return a.parameter < b.parameter
        }
    }
}

/// Indices from the outputs of every row of the design (outputs[i] = model(row i)), with
/// percentile bootstrap intervals (resampling base-sample blocks with a seeded RandomGenerator).
///
/// Estimators, over base samples k = 1…N with f_A = f(A_k), f_B = f(B_k), f_ABj = f(AB_k^j):
/// - V = the variance of the 2N pooled f_A and f_B values (dividing by 2N, as SALib does);
/// - first order, Saltelli et al. 2010: S_j = mean(f_B · (f_ABj − f_A)) / V;
/// - total order, Jansen 1999: ST_j = mean((f_A − f_ABj)²) / 2 / V.
/// f_B is centred on the pooled mean of f_A and f_B first. That leaves the expectation of S_j
/// unchanged but makes the estimate invariant to adding a constant to the output: a levelised
/// cost of ¥35 ± 1/kg would otherwise carry sampling noise proportional to 35 rather than to 1.
/// (SALib standardises the outputs for the same reason.)
///
/// Intervals: `bootstrapResamples` times, draw N base samples with replacement (whole blocks,
/// so each resample is a Saltelli design again), recompute every index, and take the
/// (1 − confidenceLevel)/2 and (1 + confidenceLevel)/2 percentiles. Resample r draws from
/// `RandomGenerator(seed: seed, stream: r)`, so the intervals depend only on the seed, not on
/// the order resamples are computed in. Percentile intervals (not SALib's normal-approximation
/// ± 1.96 σ) because the indices are ratios, bounded and skewed when small. With the MT sampler
/// the intervals match the real spread across independent designs (tested). With the Sobol
/// sampler they are conservative: the bootstrap treats the quasi-random base samples as
/// independent, while their actual error is usually much smaller (Ishigami, N = 2¹³: estimates
/// within 0.0005 of the analytic values, interval half-widths about 0.02).
///
/// Zero variance: when the pooled f_A, f_B outputs do not vary (their standard deviation is at
/// most 10⁻¹² of their largest magnitude, i.e. rounding noise), no parameter changes the
/// result, and every index and interval is exactly 0 rather than 0/0. The same rule applies
/// inside a bootstrap resample. Callers should say so to the planner ("output is constant over
/// the ranges sampled").
///
/// Throws `SobolAnalysisError`: `.outputCountMismatch` unless there is one output per design
/// row; `.nonFiniteOutput(row:block:)` naming the first row whose output is NaN or infinite;
/// `.invalidBootstrap` for fewer than 1 resample or a confidence level outside (0, 1).
public func sobolIndices(design: SaltelliDesign, outputs: [Double], bootstrapResamples: Int = 1000,
                         confidenceLevel: Double = 0.95, seed: UInt64) throws -> [SobolIndex] {
    guard outputs.count == design.rowCount else {
        throw SobolAnalysisError.outputCountMismatch(expected: design.rowCount, got: outputs.count)
    }
    if let row = outputs.firstIndex(where: { !$0.isFinite }) {
        throw SobolAnalysisError.nonFiniteOutput(row: row, block: row / design.rowsPerBlock)
    }
    guard bootstrapResamples >= 1 else {
        throw SobolAnalysisError.invalidBootstrap("\(bootstrapResamples) bootstrap resamples; at least 1 is needed (1000 is usual)")
    }
    guard confidenceLevel > 0, confidenceLevel < 1 else {
        throw SobolAnalysisError.invalidBootstrap("confidence level \(confidenceLevel) must lie strictly between 0 and 1 (e.g. 0.95)")
    }

    let outputsByBlock = SaltelliOutputs(design: design, outputs: outputs)
    let n = design.baseSamples, d = design.parameters
    let estimate = outputsByBlock.indices(blocks: Array(0..<n))

    // bootstrap[r][j] for S_j, then for ST_j.
    var firstOrderResamples = [[Double]](repeating: [], count: d)
    var totalOrderResamples = [[Double]](repeating: [], count: d)
    for j in 0..<d {
        firstOrderResamples[j].reserveCapacity(bootstrapResamples)
        totalOrderResamples[j].reserveCapacity(bootstrapResamples)
    }
    let generator = RandomGenerator(seed: seed, stream: 0)
    var blocks = [Int](repeating: 0, count: n)
    for resample in 0..<bootstrapResamples {
        generator.reseed(seed: seed, stream: UInt64(resample))
        for k in 0..<n {
            // Multiply-shift maps a 32-bit draw onto 0..<n with bias below n / 2³², nil here.
            blocks[k] = Int((UInt64(generator.nextUInt32()) &* UInt64(n)) >> 32)
        }
        let resampled = outputsByBlock.indices(blocks: blocks)
        for j in 0..<d {
            firstOrderResamples[j].append(resampled.firstOrder[j])
            totalOrderResamples[j].append(resampled.totalOrder[j])
        }
    }

    let tails = [(1 - confidenceLevel) / 2, (1 + confidenceLevel) / 2]
    return (0..<d).map { j in
        let s = percentiles(of: firstOrderResamples[j], at: tails)
        let st = percentiles(of: totalOrderResamples[j], at: tails)
        return SobolIndex(parameter: j,
                          firstOrder: estimate.firstOrder[j], firstOrderInterval: s[0]...s[1],
                          totalOrder: estimate.totalOrder[j], totalOrderInterval: st[0]...st[1])
    }
}

/// The outputs of a Saltelli design regrouped by role and centred on the pooled mean of f_A
/// and f_B, laid out so that one pass over a list of base samples (run once, then once per
/// bootstrap resample) computes every index.
struct SaltelliOutputs {
    let parameters: Int
    let baseSamples: Int
    /// f(A_k) − m and f(B_k) − m, where m is the pooled mean of all f_A and f_B. Centring once
    /// lets each resample use single-pass sums without cancellation: a resample's own pooled
    /// mean differs from m only by sampling error.
    let centredA: [Double]
    let centredB: [Double]
    /// change[k × D + j] = f(AB_k^j) − f(A_k): the effect of moving parameter j alone.
    let change: [Double]
    /// The largest |f_A|, |f_B|: the scale below which variation is rounding noise.
    let largestMagnitude: Double

    init(design: SaltelliDesign, outputs: [Double]) {
        let n = design.baseSamples, d = design.parameters, stride = design.rowsPerBlock
        parameters = d
        baseSamples = n
        var sum = 0.0, largest = 0.0
        for k in 0..<n {
            let a = outputs[k * stride], b = outputs[k * stride + 1]
            sum += a + b
            largest = Swift.max(largest, Swift.max(Swift.abs(a), Swift.abs(b)))
        }
        let pooledMean = sum / Double(2 * n)
        centredA = (0..<n).map { outputs[$0 * stride] - pooledMean }
        centredB = (0..<n).map { outputs[$0 * stride + 1] - pooledMean }
        var change = [Double](repeating: 0, count: n * d)
        for k in 0..<n {
            for j in 0..<d { change[k * d + j] = outputs[k * stride + 2 + j] - outputs[k * stride] }
        }
        self.change = change
        largestMagnitude = largest
    }

    /// First- and total-order estimates over the base samples listed in `blocks` (all of them
    /// in order for the point estimate; a bootstrap resample, repeats allowed, otherwise).
    ///
    /// With a = f_A − m, b = f_B − m, δ_j = f_ABj − f_A summed over the listed samples, and the
    /// resample's own pooled mean μ = Σ(a + b) / 2n (so its variance is V = Σ(a² + b²)/2n − μ²):
    /// S_j = (Σ b δ_j − μ Σ δ_j) / n / V and ST_j = Σ δ_j² / 2n / V.
    func indices(blocks: [Int]) -> (firstOrder: [Double], totalOrder: [Double]) {
        let d = parameters, count = Double(blocks.count)
        var firstOrder = [Double](repeating: 0, count: d), totalOrder = firstOrder
        var productSums = firstOrder, changeSums = firstOrder, squareSums = firstOrder
        var sum = 0.0, squares = 0.0
        // Unchecked buffers: this runs bootstrapResamples × N × D times, and every k is a base
        // sample index below N by construction.
        centredA.withUnsafeBufferPointer { fA in
        centredB.withUnsafeBufferPointer { fB in
        change.withUnsafeBufferPointer { change in
        productSums.withUnsafeMutableBufferPointer { productSums in
        changeSums.withUnsafeMutableBufferPointer { changeSums in
        squareSums.withUnsafeMutableBufferPointer { squareSums in
            for k in blocks {
                let a = fA[k], b = fB[k]
                sum += a + b
                squares += a * a + b * b
                let row = k * d
                for j in 0..<d {
                    let delta = change[row + j]
                    productSums[j] += b * delta
                    changeSums[j] += delta
                    squareSums[j] += delta * delta
                }
            }
        }}}}}}
        let pooledMean = sum / (2 * count)
        let variance = squares / (2 * count) - pooledMean * pooledMean
        // Rounding noise, not variation: see `sobolIndices` on zero variance.
        guard variance > 0, variance.squareRoot() > 1e-12 * largestMagnitude else { return (firstOrder, totalOrder) }
        for j in 0..<d {
            firstOrder[j] = (productSums[j] - pooledMean * changeSums[j]) / count / variance
            totalOrder[j] = squareSums[j] / (2 * count) / variance
        }
        return (firstOrder, totalOrder)
    }
}

// Uncertain-parameter distributions, sampled by inverse CDF so that Monte Carlo (u from
// RandomGenerator) and quasi-Monte Carlo (u from SobolSequence) share one code path.
import CGSL

/// The distribution of an uncertain input (a capex, a tariff, a utilisation), in the input's
/// own unit.
public enum Distribution: Sendable, Equatable {
    /// Planner's low / most likely / high estimate; low ≤ mode ≤ high (low == high fixes the value).
    case triangular(low: Double, mode: Double, high: Double)
    /// Every value in [low, high] equally likely; low ≤ high.
    case uniform(low: Double, high: Double)
    /// Normal with standard deviation `sd` ≥ 0 (sd == 0 fixes the value at the mean).
    case normal(mean: Double, sd: Double)
    /// Log-normal: ln X is normal with mean ln(median) and standard deviation `sigma`. Half the
    /// draws fall below `median`; sigma ≈ the relative spread for small values (sigma 0.2 puts
    /// about two thirds of draws within ×/÷ e^0.2 ≈ 1.22 of the median). Suits strictly
    /// positive, right-skewed inputs such as costs. See `lognormal(mean:standardDeviation:)`.
    case lognormal(median: Double, sigma: Double)

    /// The log-normal with the given arithmetic mean and standard deviation (both in the
    /// input's unit), for planners who think in mean ± sd: σ² = ln(1 + sd²/mean²),
    /// median = mean / √(1 + sd²/mean²).
    public static func lognormal(mean: Double, standardDeviation sd: Double) -> Distribution {
        let ratio = 1 + (sd * sd) / (mean * mean)
        return .lognormal(median: mean / ratio.squareRoot(), sigma: log(ratio).squareRoot())
    }

    /// Throws `.invalidArgument`, naming the problem, when the parameters describe no
    /// distribution (non-finite, low > mode, negative sd, non-positive median, ...).
    public func validate() throws(NumericsError) {
        func fail(_ detail: String) -> NumericsError {
            NumericsError(.invalidArgument, operation: "Distribution.validate", detail: detail)
        }
        switch self {
        case let .triangular(low, mode, high):
            guard low.isFinite, mode.isFinite, high.isFinite else { throw fail("triangular(\(low), \(mode), \(high)) is not finite") }
            guard low <= mode, mode <= high else {
                throw fail("triangular needs low ≤ mode ≤ high, got low \(low), mode \(mode), high \(high)")
            }
        case let .uniform(low, high):
            guard low.isFinite, high.isFinite else { throw fail("uniform(\(low), \(high)) is not finite") }
            guard low <= high else { throw fail("uniform needs low ≤ high, got low \(low), high \(high)") }
        case let .normal(mean, sd):
            guard mean.isFinite, sd.isFinite else { throw fail("normal(\(mean), \(sd)) is not finite") }
            guard sd >= 0 else { throw fail("normal needs sd ≥ 0, got \(sd)") }
        case let .lognormal(median, sigma):
            guard median.isFinite, sigma.isFinite else { throw fail("lognormal(\(median), \(sigma)) is not finite") }
            guard median > 0 else { throw fail("lognormal needs median > 0, got \(median)") }
            guard sigma >= 0 else { throw fail("lognormal needs sigma ≥ 0, got \(sigma)") }
        }
    }

    /// The inverse CDF: the value below which a fraction `u` of draws fall. `u` must lie in
    /// [0, 1] (a programmer error otherwise); normal and log-normal give ∓∞ / 0 at the ends, so
    /// feed them `RandomGenerator.uniformPositive()` or Sobol coordinates (never exactly 0).
    /// Assumes `validate()` passed.
    public func quantile(_ u: Double) -> Double {
        precondition(u >= 0 && u <= 1, "Distribution.quantile: u = \(u) is outside [0, 1]")
        switch self {
        case let .triangular(a, c, b):
            if a == b { return a }
            // F(c) = (c − a)/(b − a); invert each quadratic half of the CDF.
            let split = (c - a) / (b - a)
            if u < split { return a + (u * (b - a) * (c - a)).squareRoot() }
            return b - ((1 - u) * (b - a) * (b - c)).squareRoot()
        case let .uniform(low, high):
            return low + u * (high - low)
        case let .normal(mean, sd):
            if sd == 0 { return mean }
            return mean + gsl_cdf_gaussian_Pinv(u, sd)
        case let .lognormal(median, sigma):
            if sigma == 0 { return median }
            return gsl_cdf_lognormal_Pinv(u, log(median), sigma)
        }
    }

    /// The arithmetic mean, e.g. to report the expected value of an input.
    public var mean: Double {
        switch self {
        case let .triangular(low, mode, high): return (low + mode + high) / 3
        case let .uniform(low, high): return (low + high) / 2
        case let .normal(mean, _): return mean
        case let .lognormal(median, sigma): return median * exp(sigma * sigma / 2)
        }
    }
}

extension RandomGenerator {
    /// One Monte Carlo draw from `distribution` (inverse CDF of a uniform on (0, 1)).
    public func draw(from distribution: Distribution) -> Double {
        distribution.quantile(uniformPositive())
    }
}

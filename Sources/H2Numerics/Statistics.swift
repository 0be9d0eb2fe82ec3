// Summary statistics of Monte Carlo results, through GSL's gsl_stats_* and gsl_sort.
//
// Empty input (or a single value where a spread is asked) is a programmer error and traps: a
// caller summarising samples always has some. NaN values propagate (the result is NaN) rather
// than being dropped silently; callers remove failed samples first.
import CGSL

/// The arithmetic mean (gsl_stats_mean).
public func mean(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "mean: no values")
    return values.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
}

/// The sample variance, dividing by n − 1 (gsl_stats_variance). Needs at least 2 values.
public func variance(_ values: [Double]) -> Double {
    precondition(values.count >= 2, "variance: needs at least 2 values, got \(values.count)")
    return values.withUnsafeBufferPointer { gsl_stats_variance($0.baseAddress, 1, $0.count) }
}

/// The sample standard deviation, √ of `variance` (gsl_stats_sd). Needs at least 2 values.
public func standardDeviation(_ values: [Double]) -> Double {
    precondition(values.count >= 2, "standardDeviation: needs at least 2 values, got \(values.count)")
    return values.withUnsafeBufferPointer { gsl_stats_sd($0.baseAddress, 1, $0.count) }
}

/// Pearson's correlation coefficient of paired samples (gsl_stats_correlation), e.g. between
/// an uncertain input and the resulting ¥/kg. Same count, at least 2 pairs; NaN when either
/// sample is constant.
public func correlation(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "correlation: \(x.count) x values but \(y.count) y values")
    precondition(x.count >= 2, "correlation: needs at least 2 pairs, got \(x.count)")
    return x.withUnsafeBufferPointer { xp in
        y.withUnsafeBufferPointer { yp in gsl_stats_correlation(xp.baseAddress, 1, yp.baseAddress, 1, xp.count) }
    }
}

/// The p-quantile (0 ≤ p ≤ 1) of values already sorted ascending
/// (gsl_stats_quantile_from_sorted_data): linear interpolation between order statistics at
/// position (n − 1)·p, the same rule as NumPy's default `percentile(method="linear")`.
public func quantile(_ p: Double, ofSorted sorted: [Double]) -> Double {
    precondition(!sorted.isEmpty, "quantile: no values")
    precondition(p >= 0 && p <= 1, "quantile: p = \(p) is outside [0, 1]")
    precondition(zip(sorted, sorted.dropFirst()).allSatisfy { !($1 < $0) }, "quantile: values are not sorted")
    if sorted.contains(where: \.isNaN) { return .nan }
    return sorted.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, p) }
}

/// The quantiles of `values` at each fraction in `ps` (0 ≤ p ≤ 1; e.g. [0.05, 0.5, 0.95] for
/// P5/P50/P95), sorting one copy (gsl_sort) for all of them. Every result is NaN when any value
/// is NaN, since a sort order with NaN means nothing.
public func percentiles(of values: [Double], at ps: [Double]) -> [Double] {
    var sorted = values
    return percentiles(sortingInPlace: &sorted, at: ps)
}

/// `percentiles(of:at:)` sorting `values` itself rather than a copy (a million samples: 8 MB
/// less at the peak). The same results; `values` is left sorted (unchanged when it holds NaN).
public func percentiles(sortingInPlace values: inout [Double], at ps: [Double]) -> [Double] {
    precondition(!values.isEmpty, "percentiles: no values")
    precondition(ps.allSatisfy { $0 >= 0 && $0 <= 1 }, "percentiles: fractions \(ps) must lie in [0, 1]")
    if values.contains(where: \.isNaN) { return ps.map { _ in .nan } }
    values.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
    return values.withUnsafeBufferPointer { buffer in
        ps.map { gsl_stats_quantile_from_sorted_data(buffer.baseAddress, 1, buffer.count, $0) }
    }
}

// Physical ranges of the scenario files' columns and settings (issue 12), checked where each
// field is read so the message names file, row and field. The ranges are wide — they refuse
// what cannot be a corridor (a design year of 0, a 10⁹ km road, 210.5 vehicles), not what is
// merely unusual.
import H2Model
import H2Numerics

public enum DomainLimits {
    /// Years a plan can be designed for.
    public static let designYears = 2000...2100
    /// Years before `designYears` that a run still handles (the cost engine has no calendar
    /// before the policies it is given): accepted with a plausibility warning, not refused.
    public static let plausibleDesignYears = 1900...1999
    /// Shortest road segment: below 10 m two nodes are one place (and a 1e-9 km edge is a
    /// typing slip, which otherwise shows up later as a "disconnected network").
    public static let minimumEdgeKm = 0.01
    /// Longest road segment, and longest delivery distance: 5,000 km crosses China.
    public static let maximumKm = 5_000.0
    /// Largest log-normal sigma: at 3, one draw in 10,000 is already 70,000 × the median;
    /// at 200 the mean is infinite.
    public static let maximumLognormalSigma = 3.0

    /// Why `km` is not a road segment's length, or nil.
    public static func edgeProblem(_ km: Double) -> String? {
        if km < minimumEdgeKm { return "\(formatNumber(km)) km is below the \(formatNumber(minimumEdgeKm)) km floor of an edge (10 m: closer nodes are one place)" }
        if km > maximumKm { return "\(formatNumber(km)) km is longer than \(formatNumber(maximumKm)) km, more than any road in China" }
        return nil
    }

    /// Why `year` cannot be a design year, or nil.
    public static func designYearProblem(_ year: Int) -> String? {
        designYears.contains(year) ? nil : "\(year) is outside \(designYears.lowerBound)–\(designYears.upperBound)"
    }

    /// Why `count` is not a number of vehicles, or nil.
    public static func vehicleCountProblem(_ count: Double) -> String? {
        count.rounded() == count ? nil : "\(formatNumber(count)) is not a whole number of vehicles"
    }

    /// Why a sampling distribution cannot be used, or nil: its tails (the quantiles at 2⁻⁵³
    /// and 1 − 2⁻⁵³, the extremes a sampler reaches) must be finite and a log-normal's sigma
    /// at most `maximumLognormalSigma`.
    public static func distributionProblem(_ d: Distribution) -> String? {
        if case let .lognormal(_, sigma) = d, sigma > maximumLognormalSigma {
            return "a log-normal sigma of \(formatNumber(sigma)) is above \(formatNumber(maximumLognormalSigma)) (its draws would reach \(describe(d.quantile(1 - 0x1p-53))))"
        }
        let low = d.quantile(0x1p-53), high = d.quantile(1 - 0x1p-53)
        if !low.isFinite || !high.isFinite { return "its extreme draws are not finite numbers (\(describe(low)) to \(describe(high)))" }
        return nil
    }

    /// A number for a message, infinities and NaN included (formatNumber refuses them).
    static func describe(_ x: Double) -> String {
        if x.isFinite { return formatNumber(x) }
        return x.isNaN ? "NaN" : (x > 0 ? "infinity" : "−infinity")
    }
}

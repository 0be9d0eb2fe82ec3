// An uncertain input of a sensitivity run: a catalogued parameter and the distribution its
// values are drawn from (DESIGN §2.8). Uniform points in [0, 1) become values through the
// distribution's inverse CDF, so pseudo-random and Sobol points share one path.
import H2Numerics

public struct UncertainParameter: Sendable, Equatable {
    public var spec: ParameterSpec
    public var distribution: Distribution

    public init(spec: ParameterSpec, distribution: Distribution) {
        self.spec = spec
        self.distribution = distribution
    }

    public var key: String { spec.key }

    /// The value for the uniform coordinate `u`. Whole-number parameters (years) are rounded
    /// to the nearest whole number, since the model counts years with `Int(...)`; values are
    /// clamped into the parameter's domain so a normal tail cannot produce, say, a negative
    /// price the model would refuse.
    public func value(at u: Double) -> Double { draw(at: u).value }

    /// The value for `u` and whether it was clamped: the distribution's quantile (rounded for
    /// a whole-number parameter) fell outside the domain and the nearest value inside was
    /// taken. Decided from the quantile itself, not from the value, so a draw that lands on a
    /// bound by itself (a rounded year of 1) is not counted.
    public func draw(at u: Double) -> (value: Double, clamped: Bool) {
        // Sobol coordinates and uniformPositive() never give 0, but a caller's own points may:
        // keep normal and log-normal quantiles finite.
        let safe = min(max(u, 0x1p-53), 1 - 0x1p-53)
        var v = distribution.quantile(safe)
        if spec.domain.integral { v = v.rounded() }
        let (low, high) = bounds
        if v < low { return (low, true) }
        if v > high { return (high, true) }
        return (v, false)
    }

    /// The smallest and largest value a draw may take: the domain's, with an exclusive minimum
    /// stepped inside (to the next whole number for a whole-number parameter, which the
    /// model would otherwise get as 5e-324 years), and within the magnitude every parameter
    /// is held to (ParameterDomain.magnitudeCeiling: a log-normal tail reaches past it).
    public var bounds: (low: Double, high: Double) {
        let d = spec.domain
        var low = max(d.minimum, -ParameterDomain.magnitudeCeiling)
        if d.minimumIsExclusive && low <= d.minimum { low = d.integral ? d.minimum.rounded(.down) + 1 : d.minimum.nextUp }
        return (low, min(d.maximum, ParameterDomain.magnitudeCeiling))
    }

    /// "normal(mean 95, sd 10)": the distribution as the warnings name it.
    public var distributionSummary: String {
        switch distribution {
        case let .triangular(low, mode, high): return "triangular(\(formatNumber(low)), \(formatNumber(mode)), \(formatNumber(high)))"
        case let .uniform(low, high): return "uniform(\(formatNumber(low)), \(formatNumber(high)))"
        case let .normal(mean, sd): return "normal(mean \(formatNumber(mean)), sd \(formatNumber(sd)))"
        case let .lognormal(median, sigma): return "lognormal(median \(formatNumber(median)), sigma \(formatNumber(sigma)))"
        }
    }

    public static func == (a: UncertainParameter, b: UncertainParameter) -> Bool {
        a.spec.key == b.spec.key && a.distribution == b.distribution
    }

    /// The default distribution of a catalogued parameter whose value in force is `value`:
    /// triangular(low, value, high) from the catalogue's low and high, widened to include the
    /// value when a scenario moved it outside the catalogue's range. Nil for a parameter
    /// without low/high (it stays fixed).
    public static func triangular(_ spec: ParameterSpec, value: Double) -> UncertainParameter? {
        guard let low = spec.low, let high = spec.high, low < high else { return nil }
        return UncertainParameter(spec: spec, distribution: .triangular(low: min(low, value), mode: value, high: max(high, value)))
    }

    /// The uncertain parameters of a run under `assumptions` (the scenario's values in force):
    /// every catalogued parameter with a low and a high, in catalogue order, except the keys in
    /// `fixed` (set with `--set`: the planner pinned them) and with `chosen` distributions
    /// replacing the default ones. `only`, when given, restricts the list to those keys.
    public static func catalogue(_ assumptions: Assumptions, fixed: Set<String> = [], chosen: [String: Distribution] = [:],
                                 only: [String]? = nil) -> [UncertainParameter] {
        var result: [UncertainParameter] = []
        let keep = only.map(Set.init)
        for spec in ParameterCatalogue.all where !fixed.contains(spec.key) {
            if let keep, !keep.contains(spec.key) { continue }
            if let d = chosen[spec.key] {
                result.append(UncertainParameter(spec: spec, distribution: d))
            } else if let p = triangular(spec, value: assumptions[keyPath: spec.path]) {
                result.append(p)
            }
        }
        return result
    }
}

extension Assumptions {
    /// These assumptions with each parameter set to the value of its coordinate in `point`.
    public func applying(_ parameters: [UncertainParameter], unitPoint point: [Double]) -> (assumptions: Assumptions, values: [Double]) {
        let (a, values, _) = applyingCountingClamps(parameters, unitPoint: point)
        return (a, values)
    }

    /// As `applying`, with the positions of the parameters whose draw was clamped into their
    /// domain (usually none: the array is then empty and costs nothing).
    public func applyingCountingClamps(_ parameters: [UncertainParameter], unitPoint point: [Double]) -> (assumptions: Assumptions, values: [Double], clamped: [Int]) {
        precondition(point.count == parameters.count, "a point has \(point.count) coordinates for \(parameters.count) parameters")
        var a = self
        var values: [Double] = []
        var clamped: [Int] = []
        values.reserveCapacity(parameters.count)
        for (j, (p, u)) in zip(parameters, point).enumerated() {
            let (v, wasClamped) = p.draw(at: u)
            a[keyPath: p.spec.path] = v
            values.append(v)
            if wasClamped { clamped.append(j) }
        }
        return (a, values, clamped)
    }
}

/// Draws clamped into their parameter's domain, counted per parameter over the samples of a
/// run (issue 12, item 4). Sample i's draws depend only on the seed and i, so the counts of
/// the shards of a run add up to the count of the whole run.
public struct ClampTally: Sendable, Equatable {
    /// Clamped draws per parameter, in the run's parameter order.
    public private(set) var counts: [Int]
    /// Samples counted.
    public private(set) var samples = 0

    public init(parameters: Int) { counts = Array(repeating: 0, count: parameters) }

    public mutating func add(_ r: SampleResult) {
        samples += 1
        for j in r.clamped { counts[j] += 1 }
    }

    public mutating func add(_ results: [SampleResult]) { for r in results { add(r) } }

    /// One line per parameter with clamped draws, e.g. "316 of 2000 draws of
    /// station.utilisation_pct, normal(mean 95, sd 10), fell outside its range (≥ 0, ≤ 100)
    /// and were clamped to the bound; narrow its distribution". `what` names the draws
    /// ("draws", "model runs' draws").
    public func warnings(_ parameters: [UncertainParameter], what: String = "draws") -> [String] {
        precondition(parameters.count == counts.count, "\(parameters.count) parameters for a tally of \(counts.count)")
        return zip(parameters, counts).filter { $0.1 > 0 }.map { p, n in
            "\(n) of \(samples) \(what) of \(p.key), \(p.distributionSummary), fell outside its range (\(p.spec.domain.summary)) and were clamped to the bound; narrow its distribution"
        }
    }
}

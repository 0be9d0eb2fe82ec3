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
    public func value(at u: Double) -> Double {
        // Sobol coordinates and uniformPositive() never give 0, but a caller's own points may:
        // keep normal and log-normal quantiles finite.
        let safe = min(max(u, 0x1p-53), 1 - 0x1p-53)
        var v = distribution.quantile(safe)
        let d = spec.domain
        if d.integral { v = v.rounded() }
        if v < d.minimum { v = d.minimum }
        if d.minimumIsExclusive && v <= d.minimum { v = d.minimum.nextUp }
        if v > d.maximum { v = d.maximum }
        return v
    }

    /// Whether `v` (a value this parameter took) is a domain bound the draw was clamped to:
    /// only distributions whose support reaches past the domain are clamped.
    public func wasClamped(_ v: Double) -> Bool {
        let d = spec.domain
        let low = d.minimumIsExclusive ? d.minimum.nextUp : d.minimum
        let reachesLow = distribution.quantile(0x1p-53) < low
        let reachesHigh = distribution.quantile(1 - 0x1p-53) > d.maximum
        return (reachesLow && v == low) || (reachesHigh && v == d.maximum)
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
        precondition(point.count == parameters.count, "a point has \(point.count) coordinates for \(parameters.count) parameters")
        var a = self
        var values: [Double] = []
        values.reserveCapacity(parameters.count)
        for (p, u) in zip(parameters, point) {
            let v = p.value(at: u)
            a[keyPath: p.spec.path] = v
            values.append(v)
        }
        return (a, values)
    }
}

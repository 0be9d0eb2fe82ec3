// One row of the parameter catalogue: what a planner can set, in which unit, where the default
// comes from and how sure it is (PyPSA technology-data / component_attrs style).

/// How a number is known (the tags of the cited reference dataset).
public enum Basis: String, Sendable, CaseIterable {
    /// Stated by the cited source.
    case reported = "REPORTED"
    /// Computed from reported numbers or physics; the method is given.
    case derived = "DERIVED"
    /// A judgement where nothing was found: a placeholder a planner should see and replace.
    case estimate = "ESTIMATE"
}

/// The allowed range of a parameter, checked when a scenario or override sets it.
public struct ParameterDomain: Sendable, Equatable {
    public var minimum: Double
    public var maximum: Double
    public var minimumIsExclusive: Bool
    public var integral: Bool

    /// The largest magnitude any parameter may take.
    public static let magnitudeCeiling = 1e9
    public static let nonNegative = ParameterDomain(minimum: 0, maximum: .infinity, minimumIsExclusive: false, integral: false)
    public static let positive = ParameterDomain(minimum: 0, maximum: .infinity, minimumIsExclusive: true, integral: false)
    public static let percent = ParameterDomain(minimum: 0, maximum: 100, minimumIsExclusive: false, integral: false)
    public static let positivePercent = ParameterDomain(minimum: 0, maximum: 100, minimumIsExclusive: true, integral: false)
    public static let years = ParameterDomain(minimum: 0, maximum: 100, minimumIsExclusive: true, integral: true)
    public static let yearsOrZero = ParameterDomain(minimum: 0, maximum: 100, minimumIsExclusive: false, integral: true)
    public static let flag = ParameterDomain(minimum: 0, maximum: 1, minimumIsExclusive: false, integral: true)
    public static func between(_ lo: Double, _ hi: Double) -> ParameterDomain {
        ParameterDomain(minimum: lo, maximum: hi, minimumIsExclusive: false, integral: false)
    }

    /// Why `value` is not allowed, or nil when it is.
    public func problem(with value: Double) -> String? {
        if value.isNaN { return "NaN is not a value" }
        if !value.isFinite { return "must be finite" }
        // No quantity of the catalogue, in its units, comes near 10⁹ (the largest are trailer
        // prices of about 10⁶ EUR); beyond it a value is a slip (1e308) that would overflow.
        if abs(value) > Self.magnitudeCeiling { return "must be at most \(formatNumber(Self.magnitudeCeiling)) in size (no quantity here is that large)" }
        if minimumIsExclusive ? value <= minimum : value < minimum {
            return minimumIsExclusive ? "must be greater than \(formatNumber(minimum))" : "must be at least \(formatNumber(minimum))"
        }
        if value > maximum { return "must be at most \(formatNumber(maximum))" }
        if integral && value.rounded() != value { return "must be a whole number" }
        return nil
    }

    /// A short human description, e.g. "> 0", "0 to 100", "whole number ≥ 0".
    public var summary: String {
        var s = minimumIsExclusive ? "> \(formatNumber(minimum))" : "≥ \(formatNumber(minimum))"
        if maximum.isFinite { s += ", ≤ \(formatNumber(maximum))" }
        if integral { s = "whole number " + s }
        return s
    }
}

/// A catalogued parameter.
public struct ParameterSpec: Sendable {
    /// Dotted key with the unit in the name, e.g. `station.capex_500kgd_35mpa_mcny`.
    public let key: String
    public let unit: String
    public let base: Double
    public let low: Double?
    public let high: Double?
    public let basis: Basis
    /// The row of the reference dataset (`cost_parameters.csv`) this value comes from, if any.
    public let referenceRow: String?
    /// Source and method, as a planner would cite it.
    public let source: String
    public let description: String
    public let domain: ParameterDomain
    public let path: WritableKeyPath<Assumptions, Double> & Sendable

    public init(_ key: String, _ unit: String, base: Double, low: Double? = nil, high: Double? = nil,
                basis: Basis, ref: String? = nil, source: String, description: String,
                domain: ParameterDomain, _ path: WritableKeyPath<Assumptions, Double> & Sendable) {
        self.key = key
        self.unit = unit
        self.base = base
        self.low = low
        self.high = high
        self.basis = basis
        self.referenceRow = ref
        self.source = source
        self.description = description
        self.domain = domain
        self.path = path
    }
}

// The values in force for a run, each with where it came from (DESIGN §2.8, Calliope style):
// the catalogue default, a scenario or override file (with its line), or `--set`.

/// Where a parameter's value came from.
public enum ValueOrigin: Sendable, Equatable, CustomStringConvertible {
    case catalogue
    /// A scenario or override file, and the line the key is on.
    case file(path: String, line: Int?)
    /// `--set key=value` on the command line.
    case commandLine

    public var description: String {
        switch self {
        case .catalogue: "catalogue"
        case .file(let path, let line): line.map { "\(path):\($0)" } ?? path
        case .commandLine: "--set"
        }
    }
}

/// Override layers, from weakest to strongest. Within one layer a key may be set only once:
/// two override files that both set a key conflict, and that is an error, not a silent winner.
public enum OverrideLayer: Int, Sendable, Comparable {
    case scenario = 1
    case overrideFile = 2
    case commandLine = 3
    public static func < (a: OverrideLayer, b: OverrideLayer) -> Bool { a.rawValue < b.rawValue }
}

/// A problem with a parameter setting, located by key and origin.
public struct ParameterProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var key: String
    public var origin: ValueOrigin
    public var message: String
    public var fix: String
    public var description: String { "\(origin): \(key): \(message). Fix: \(fix)" }
}

/// One parameter as `explain` shows it.
public struct ParameterValue: Sendable {
    public var spec: ParameterSpec
    public var value: Double
    public var origin: ValueOrigin
    /// The basis of the value in force: the catalogue's, or what the overriding file states
    /// (a value set without a stated basis is shown as an ESTIMATE of whoever set it).
    public var basis: Basis
    public var source: String
}

public struct ParameterSet: Sendable {
    struct Override: Sendable {
        var value: Double
        var origin: ValueOrigin
        var layer: OverrideLayer
        var basis: Basis
        var source: String
    }

    public private(set) var assumptions: Assumptions = ParameterCatalogue.defaults
    private var overrides: [String: Override] = [:]
    /// Keys in the order they were set, for the manifest.
    private var order: [String] = []

    public init() {}

    /// Sets `key` to `value`. Throws when the key is unknown, the value is outside the
    /// parameter's domain, or the same layer already set the key.
    public mutating func set(_ key: String, to value: Double, origin: ValueOrigin, layer: OverrideLayer,
                             basis: Basis? = nil, source: String? = nil) throws(ParameterProblem) {
        guard let spec = ParameterCatalogue.byKey[key] else {
            throw ParameterProblem(key: key, origin: origin, message: "unknown parameter",
                                   fix: "run `h2corridor explain` for the list of parameters")
        }
        if let why = spec.domain.problem(with: value) {
            throw ParameterProblem(key: key, origin: origin, message: "\(formatNumber(value)) \(spec.unit): \(why)",
                                   fix: "give a value \(spec.domain.summary) (catalogue base \(formatNumber(spec.base)) \(spec.unit))")
        }
        if let existing = overrides[key], existing.layer == layer {
            throw ParameterProblem(key: key, origin: origin, message: "set twice: also set at \(existing.origin)",
                                   fix: "keep one of the two settings")
        }
        if let existing = overrides[key], existing.layer > layer { return } // a stronger layer already decided
        if overrides[key] == nil { order.append(key) }
        let defaultSource = layer == .commandLine ? "set on the command line" : "set in \(origin)"
        overrides[key] = Override(value: value, origin: origin, layer: layer, basis: basis ?? .estimate,
                                  source: source ?? defaultSource)
        assumptions[keyPath: spec.path] = value
    }

    /// The value in force for `key`, with its provenance.
    public func value(of key: String) -> ParameterValue? {
        guard let spec = ParameterCatalogue.byKey[key] else { return nil }
        return value(of: spec)
    }

    func value(of spec: ParameterSpec) -> ParameterValue {
        if let o = overrides[spec.key] {
            return ParameterValue(spec: spec, value: o.value, origin: o.origin, basis: o.basis, source: o.source)
        }
        return ParameterValue(spec: spec, value: spec.base, origin: .catalogue, basis: spec.basis, source: spec.source)
    }

    /// Every parameter in catalogue order.
    public var all: [ParameterValue] { ParameterCatalogue.all.map(value(of:)) }

    /// The overridden keys in the order they were first set.
    public var overridden: [ParameterValue] { order.compactMap { value(of: $0) } }
}

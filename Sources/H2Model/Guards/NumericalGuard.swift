// Numerical guards (issue 12, item 5). The parameter domains keep every input finite and at
// most 10⁹ in size, but a finite input can still make the engine's arithmetic overflow or divide
// by almost nothing: crews that work 1e-300 hours a year, a stack that lasts 1e-300 hours, a fleet
// of 1e308 vehicles. Such a number must not reach the MILP, the root finder or an output file,
// where it surfaces far from its cause ("objective coefficient is inf", "NPV does not change sign
// between nan and nan", a crash while formatting). So the engine's results are checked where
// they are computed, before they are handed on, and the fault is blamed on its input:
// - a parameter: each overridden parameter is put back to its catalogue value in turn, and
//   those whose reset makes the result sound again are the cause (when no single one is, the
//   smallest set found by putting the overrides back one at a time);
// - a table row (a fleet's vehicles, a source's tonnes a year): by the quantity it feeds.

/// The largest amount of money, CNY a year or CNY, that a sound result may hold: 10¹⁸, more
/// than a thousand years of China's GDP (about 1.3 × 10¹⁴ CNY a year). Beyond it a result is
/// an overflow in the making (a cost per kg times kg a year times years), not an economy.
public let soundMoneyCeilingCny = 1e18
/// The largest hydrogen flow, kg/day, that a sound input may give: 10⁹ kg/day, about ten times
/// China's whole hydrogen output (about 3.3 × 10⁷ t a year ≈ 9 × 10⁷ kg/day). Beyond it the
/// MILP's coefficients lose all precision.
public let soundKgPerDayCeiling = 1e9

/// A result of the cost engine that is not a sound number, and the input that causes it.
public struct EngineFault: Error, Sendable, CustomStringConvertible {
    /// What was computed: "grid-electrolysis + tube-trailer-20 (100 km, 500 kg/day at 80 %): production, CNY/kg".
    public var quantity: String
    /// What is wrong with it: "is infinite", "is NaN", "is 1.2e305 CNY a year, beyond 1e18".
    public var problem: String
    /// Overridden parameters that cause it (empty when none does: the cause is the chain's own
    /// inputs or a table's).
    public var causes: [ParameterValue]
    /// True when the causes act only together (no one of them alone is the cause).
    public var jointly: Bool

    public init(quantity: String, problem: String, causes: [ParameterValue] = [], jointly: Bool = false) {
        self.quantity = quantity; self.problem = problem; self.causes = causes; self.jointly = jointly
    }

    public var description: String {
        var text = "\(quantity) \(problem)"
        if !causes.isEmpty {
            let named = causes.map { "\($0.spec.key) = \(formatNumber($0.value)) \($0.spec.unit) (\($0.origin))" }
            text += jointly ? "; caused by these values together: " : "; caused by "
            text += named.joined(separator: ", ")
        }
        return text
    }
}

public enum NumericalGuard {
    /// Why `x` is not a sound result, or nil.
    public static func problem(_ x: Double, ceiling: Double = soundMoneyCeilingCny, unit: String = "CNY") -> String? {
        if x.isNaN { return "is NaN (not a number)" }
        if x.isInfinite { return x > 0 ? "is infinite" : "is minus infinity" }
        if abs(x) > ceiling { return "is \(short(x)) \(unit), beyond \(short(ceiling)): an overflow, not a result" }
        return nil
    }

    /// Three significant digits for a large number: "5.5e304".
    static func short(_ x: Double) -> String {
        guard abs(x) >= 1e6 else { return formatNumber(x) }
        var exponent = (_log(abs(x)) / _log(10)).rounded(.down)
        var mantissa = ((x / _pow(10, exponent)) * 100).rounded() / 100
        if abs(mantissa) >= 10 { mantissa /= 10; exponent += 1 }
        return "\(formatNumber(mantissa))e\(Int(exponent))"
    }

    /// The first unsound quantity of a list of (name, value, ceiling), as "name problem".
    static func first(_ values: [(String, Double, Double)], unit: String) -> (String, String)? {
        for (name, x, ceiling) in values {
            // A name may end in its own unit (", CNY a year"): the unit goes with the number.
            var label = name, u = unit
            if let comma = name.range(of: ", ", options: .backwards) { label = String(name[..<comma.lowerBound]); u = String(name[comma.upperBound...]) }
            if let p = problem(x, ceiling: ceiling, unit: u) { return (label, p) }
        }
        return nil
    }

    /// "byproduct + tube-trailer-20 (100 km, 500 kg/day at 80 %)".
    public static func describe(_ c: SupplyChain) -> String {
        "\(c.production.rawValue) + \(c.delivery.rawValue) (\(formatNumber(c.distanceKm)) km, \(formatNumber(c.stationCapacityKgPerDay)) kg/day at \(formatNumber(c.utilisationPct)) %)"
    }

    /// The first unsound number of the engine's evaluation of `chain`: the station project's
    /// capital, yearly and per-kg amounts (and what they come to in a year), then the cost per
    /// kg in `mode`. Nil when every number is sound, or when the chain cannot be built for a
    /// reason of its own (a source too small, an incompatible pair): that is reported as it is.
    public static func fault(_ chain: SupplyChain, _ a: Assumptions, mode: FinanceMode) -> (quantity: String, problem: String)? {
        guard let e = try? ChainModel.evaluate(chain, a) else { return nil }
        let name = describe(chain)
        let p = e.project
        var money: [(String, Double, Double)] = p.capital.map { ("\(name): capital '\($0.name)' (\($0.item.rawValue)), CNY", $0.amountCny, soundMoneyCeilingCny) }
        for item in CostItem.allCases {
            money.append(("\(name): \(item.rawValue) per kg, CNY/kg", p.variableCnyPerKg[item], soundMoneyCeilingCny))
            money.append(("\(name): \(item.rawValue) a year at \(formatNumber(p.dispensedKgPerYear)) kg, CNY", p.variableCnyPerKg[item] * p.dispensedKgPerYear, soundMoneyCeilingCny))
            money.append(("\(name): \(item.rawValue) fixed a year, CNY", p.fixedCnyPerYear[item], soundMoneyCeilingCny))
        }
        if let f = first(money, unit: "CNY") { return f }
        let physical: [(String, Double, Double)] = [
            ("\(name): kg dispensed a year, kg", p.dispensedKgPerYear, soundKgPerDayCeiling * 365),
            ("\(name): share of hydrogen lost, of 1", e.lossFraction, 1),
            ("\(name): station energy, kWh/kg", e.stationEnergyKwhPerKg, soundMoneyCeilingCny),
        ]
        if let f = first(physical, unit: "") { return f }
        let cost: CostVector
        switch mode {
        case .annuity: cost = ChainModel.annuityCost(e, a)
        case .proforma:
            do { cost = try ChainModel.proFormaCost(e, a).cost } catch {
                // The project's numbers are sound, so a pro-forma that fails has a reason of its
                // own (nothing sold, taxes that take every yuan): not a numerical fault.
                return nil
            }
        }
        return first(CostItem.allCases.map { ("\(name): \($0.rawValue), CNY/kg", cost[$0], soundMoneyCeilingCny) }
                     + [("\(name): total, CNY/kg", cost.total, soundMoneyCeilingCny)], unit: "CNY/kg")
    }

    /// The overridden parameters that make `isFaulty` true: every one whose reset to the
    /// catalogue value alone makes it false; when there is none, the overrides that must all be
    /// reset (found by resetting every override, then putting each back while the result stays
    /// sound). Empty when even the catalogue values give the fault.
    public static func causes(in parameters: ParameterSet, _ isFaulty: (Assumptions) -> Bool) -> (causes: [ParameterValue], jointly: Bool) {
        let overridden = parameters.overridden
        func resetting(_ values: [ParameterValue]) -> Assumptions {
            var a = parameters.assumptions
            for v in values { a[keyPath: v.spec.path] = v.spec.base }
            return a
        }
        let single = overridden.filter { !isFaulty(resetting([$0])) }
        if !single.isEmpty { return (single, false) }
        guard !overridden.isEmpty, !isFaulty(resetting(overridden)) else { return ([], false) }
        var reset = overridden
        for v in overridden {
            let without = reset.filter { $0.spec.key != v.spec.key }
            if !isFaulty(resetting(without)) { reset = without }
        }
        return (reset, reset.count > 1)
    }

    /// Checks one chain under `parameters`; throws the fault with its causes.
    public static func check(_ chain: SupplyChain, _ parameters: ParameterSet, mode: FinanceMode) throws(EngineFault) {
        guard let f = fault(chain, parameters.assumptions, mode: mode) else { return }
        let found = causes(in: parameters) { fault(chain, $0, mode: mode) != nil }
        throw EngineFault(quantity: f.quantity, problem: f.problem, causes: found.causes, jointly: found.jointly)
    }
}

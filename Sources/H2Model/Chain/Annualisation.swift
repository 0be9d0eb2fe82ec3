// Annuity arithmetic shared by the upstream (merchant) cost models.

/// Capital recovery factor r(1+r)^n / ((1+r)^n − 1); 1/n when r = 0.
@inlinable
public func capitalRecoveryFactor(ratePct: Double, years: Double) -> Double {
    let r = ratePct / 100
    if r == 0 { return 1 / years }
    let g = pow1p(r, years)
    return r * g / (g - 1)
}

/// (1 + r)^n without Foundation.
@inlinable
func pow1p(_ r: Double, _ n: Double) -> Double {
    _exp(n * _log1p(r))
}

/// The yearly cost of owning `capex`: annuity plus fixed O&M as a percentage of capex.
@inlinable
func annualOwnershipCost(capex: Double, ratePct: Double, lifeYears: Double, fixedOmPct: Double) -> Double {
    capex * (capitalRecoveryFactor(ratePct: ratePct, years: lifeYears) + fixedOmPct / 100)
}

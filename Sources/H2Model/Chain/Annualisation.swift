// Annuity arithmetic shared by the upstream (merchant) cost models; the capital recovery
// factor itself lives with the finance engine (Finance/CapitalRecovery.swift).

/// The yearly cost of owning `capex`: annuity at `ratePct` over `lifeYears` plus fixed O&M as
/// a percentage of capex.
@inlinable
func annualOwnershipCost(capex: Double, ratePct: Double, lifeYears: Double, fixedOmPct: Double) -> Double {
    capex * (capitalRecoveryFactor(rate: ratePct / 100, years: Int(lifeYears)) + fixedOmPct / 100)
}

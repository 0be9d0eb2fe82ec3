// Annuity (CRF) mode: the fast convention of DESIGN §2.7.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Capital recovery factor: the level annual payment, at the end of each of `years` years, that
/// repays 1 CNY borrowed at t = 0 at `rate` per year: r / (1 − (1 + r)^−n), and 1/n when r = 0.
/// Returns NaN when `years` < 1 (the validation functions catch that case before use).
public func capitalRecoveryFactor(rate: Double, years: Int) -> Double {
    guard years >= 1 else { return .nan }
    let n = Double(years)
    if rate == 0 { return 1 / n }
    // -expm1(-n·log1p(r)) = 1 − (1+r)^−n without cancellation for small r.
    let oneMinusDiscount = -expm1(-n * log1p(rate))
    return rate / oneMinusDiscount
}

/// Annuity-mode cost per kg, itemised: for each item, capex × CRF(r, life) + fixed O&M per year,
/// divided by the representative year's kilograms, plus the variable cost per kg.
///
/// Conventions:
/// - r is the real `discountRate`; costs are in price-year CNY; no inflation, no taxes (`taxes` is 0)
///   and no construction period: capital is paid at t = 0 and operation starts at once.
/// - the representative year sells the mean of `annualKg` (so a ramp is averaged, not discounted).
/// - `subsidies` = −(construction subsidy × CRF(r, N)) / mean kg − the kg-weighted mean per-kg
///   operating subsidy, N = `operatingYears`.
/// With zero taxes, constant kg, no construction period and lives that divide the horizon, the
/// pro-forma break-even price equals this total exactly.
public func annuityCost(_ project: ProjectDefinition, finance: FinanceAssumptions) throws(FinanceError) -> ItemisedCost {
    let problems = finance.validate() + project.validate(operatingYears: finance.operatingYears)
    guard problems.isEmpty else { throw .invalidInput(problems) }
    let r = finance.discountRate
    let totalKg = project.annualKg.reduce(0, +)
    let meanKg = totalKg / Double(project.annualKg.count)
    var cost = ItemisedCost()
    for c in project.capital {
        cost[c.item] += c.amountCNY * capitalRecoveryFactor(rate: r, years: c.lifeYears) / meanKg
    }
    for f in project.fixedCosts { cost[f.item] += f.cnyPerYear / meanKg }
    for v in project.variableCosts { cost[v.item] += v.cnyPerKg }
    var subsidyPerKg = project.constructionSubsidyCNY * capitalRecoveryFactor(rate: r, years: finance.operatingYears) / meanKg
    if !project.operatingSubsidyCNYPerKg.isEmpty {
        var paid = 0.0
        for (s, kg) in zip(project.operatingSubsidyCNYPerKg, project.annualKg) { paid += s * kg }
        subsidyPerKg += paid / totalKg
    }
    cost[.subsidies] = -subsidyPerKg
    return cost
}

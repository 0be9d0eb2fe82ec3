// The station project of a chain, financed: pro-forma DCF (default) or annuity mode.

/// Which finance convention produced a ¥/kg (DESIGN §2.7).
public enum FinanceMode: String, CaseIterable, Sendable, Codable {
    /// Capex × CRF + O&M + variable; no taxes; fast.
    case annuity
    /// Pro-forma DCF with construction, ramp, taxes, debt and subsidies; break-even price.
    case proforma
}

extension Assumptions {
    /// The finance engine's view of these assumptions (rates as fractions).
    public var financeAssumptions: FinanceAssumptions {
        let f = finance
        return FinanceAssumptions(
            discountRate: f.discountRatePct / 100, inflation: f.inflationPct / 100,
            priceBasis: f.nominal >= 0.5 ? .nominal : .real,
            constructionYears: Int(f.constructionYears), operatingYears: Int(f.operatingYears),
            incomeTaxRate: f.incomeTaxRatePct / 100, vatRate: f.vatRatePct / 100,
            vatSurchargeRate: f.vatSurchargePct / 100, debtShare: f.debtSharePct / 100,
            debtInterestRate: f.debtInterestRatePct / 100, debtTenorYears: Int(f.debtTenorYears),
            depreciationYears: Int(f.depreciationYears), lossCarryForwardYears: Int(f.lossCarryForwardYears))
    }
}

extension ChainModel {
    /// The chain's station project for the finance engine. `annualKg` gives the kilograms sold
    /// in each operating year (a demand ramp); by default every year sells at the chain's
    /// utilisation. Land-use rights carry no input VAT; station O&M is mostly wages (no VAT).
    public static func projectDefinition(_ e: ChainEvaluation, _ a: Assumptions, annualKg: [Double]? = nil) -> ProjectDefinition {
        let years = Int(a.finance.operatingYears)
        let p = e.project
        let capital = p.capital.map {
            CapitalItem(item: $0.item, amountCNY: $0.amountCny, lifeYears: Int($0.lifeYears), vatable: $0.name != "land")
        }
        var fixed: [FixedCost] = []
        var variable: [VariableCost] = []
        for item in CostItem.allCases {
            if p.fixedCnyPerYear[item] != 0 { fixed.append(FixedCost(item: item, cnyPerYear: p.fixedCnyPerYear[item])) }
            if p.variableCnyPerKg[item] != 0 { variable.append(VariableCost(item: item, cnyPerKg: p.variableCnyPerKg[item])) }
        }
        let subsidySchedule = (0..<years).map { operatingSubsidy(year: $0, a.policy) }
        return ProjectDefinition(
            capital: capital, fixedCosts: fixed, variableCosts: variable,
            annualKg: annualKg ?? Array(repeating: p.dispensedKgPerYear, count: years),
            constructionSubsidyCNY: a.policy.constructionSubsidyMcny * 1e6,
            operatingSubsidyCNYPerKg: subsidySchedule.contains { $0 != 0 } ? subsidySchedule : [])
    }

    /// The break-even nozzle price of the chain, itemised (pro-forma mode), with the pro-forma
    /// for NPV, IRR, payback and the cash-flow table.
    public static func proFormaCost(_ e: ChainEvaluation, _ a: Assumptions, annualKg: [Double]? = nil) throws -> (cost: CostVector, proForma: ProForma) {
        let proForma = try ProForma(project: projectDefinition(e, a, annualKg: annualKg), finance: a.financeAssumptions)
        let itemised = try proForma.itemisedBreakEven()
        var cost = CostVector()
        for item in CostItem.allCases { cost[item] = itemised[item] }
        return (cost, proForma)
    }

    /// ¥/kg of the chain in the chosen convention.
    public static func cost(_ chain: SupplyChain, _ a: Assumptions, mode: FinanceMode) throws -> CostVector {
        let e = try evaluate(chain, a)
        switch mode {
        case .annuity: return annuityCost(e, a)
        case .proforma: return try proFormaCost(e, a).cost
        }
    }
}

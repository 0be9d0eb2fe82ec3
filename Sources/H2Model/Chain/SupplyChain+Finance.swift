// The station project of a chain, financed: pro-forma DCF (default) or annuity mode.

/// Which finance convention produced a ¥/kg (DESIGN §2.7).
public enum FinanceMode: String, CaseIterable, Sendable, Codable {
    /// Capex × CRF + O&M + variable; no taxes; fast.
    case annuity
    /// Pro-forma DCF with construction, ramp, taxes, debt and subsidies; break-even price.
    case proforma
}

extension Assumptions {
    /// The finance engine's view of these assumptions (rates as fractions). The engine works
    /// with real rates; the catalogue's loan rate is nominal (a loan contract is fixed in yuan)
    /// and is deflated with Fisher's equation, real = (1 + nominal)/(1 + inflation) − 1.
    public var financeAssumptions: FinanceAssumptions {
        let f = finance
        let realDebtRate = (1 + f.debtInterestRatePct / 100) / (1 + f.inflationPct / 100) - 1
        return FinanceAssumptions(
            discountRate: f.discountRatePct / 100, inflation: f.inflationPct / 100,
            priceBasis: f.nominal >= 0.5 ? .nominal : .real,
            constructionYears: Int(f.constructionYears), operatingYears: Int(f.operatingYears),
            incomeTaxRate: f.incomeTaxRatePct / 100, vatRate: f.vatRatePct / 100,
            vatSurchargeRate: f.vatSurchargePct / 100, debtShare: f.debtSharePct / 100,
            debtInterestRate: realDebtRate, debtTenorYears: Int(f.debtTenorYears),
            depreciationYears: Int(f.depreciationYears), lossCarryForwardYears: Int(f.lossCarryForwardYears))
    }
}

extension ChainModel {
    /// The chain's station project for the finance engine. `annualKg` gives the kilograms sold
    /// in each operating year (a demand ramp); by default every year sells at the chain's
    /// utilisation. Land-use rights carry no input VAT; station O&M is mostly wages (no VAT).
    ///
    /// Subsidies and tax treatments: with a `policy` schedule (a station of a planned network,
    /// from the scenario's policies.csv, by calendar year and scope) that schedule alone applies;
    /// without one (a single chain of `h2corridor cost`, which has no place or calendar) the
    /// catalogue's `policy.*` keys apply by operating year.
    public static func projectDefinition(_ e: ChainEvaluation, _ a: Assumptions, annualKg: [Double]? = nil,
                                         policy: PolicySchedule? = nil) -> ProjectDefinition {
        let years = Int(a.finance.operatingYears)
        let p = e.project
        let capital = p.capital.map {
            CapitalItem(item: $0.item, amountCNY: $0.amountCny, lifeYears: Int($0.lifeYears), vatable: $0.name != "land",
                        depreciationYears: $0.name == "land" ? Int(a.station.landAmortisationYears) : nil)
        }
        var fixed: [FixedCost] = []
        var variable: [VariableCost] = []
        for item in CostItem.allCases {
            if p.fixedCnyPerYear[item] != 0 { fixed.append(FixedCost(item: item, cnyPerYear: p.fixedCnyPerYear[item])) }
            if p.variableCnyPerKg[item] != 0 { variable.append(VariableCost(item: item, cnyPerKg: p.variableCnyPerKg[item])) }
        }
        let kg = annualKg ?? Array(repeating: p.dispensedKgPerYear, count: years)
        guard let policy = policy?.resized(operatingYears: years) else {
            let subsidySchedule = (0..<years).map { operatingSubsidy(year: $0, a.policy) }
            return ProjectDefinition(
                capital: capital, fixedCosts: fixed, variableCosts: variable, annualKg: kg,
                constructionSubsidyCNY: a.policy.constructionSubsidyMcny * 1e6,
                operatingSubsidyCNYPerKg: subsidySchedule.contains { $0 != 0 } ? subsidySchedule : [])
        }
        // A capped subsidy is not a flat rate: the year's CNY over the year's kg gives the
        // effective rate the pro-forma multiplies back by the same kg.
        let perKg = kg.indices.map { j in kg[j] > 0 ? policy.operatingSubsidyCNY(year: j, kg: kg[j]) / kg[j] : 0 }
        let initialCapital = capital.reduce(0) { $0 + $1.amountCNY }
        let taxRates = policy.incomeTaxRate, refunds = policy.vatRefundShare
        return ProjectDefinition(
            capital: capital, fixedCosts: fixed, variableCosts: variable, annualKg: kg,
            constructionSubsidyCNY: policy.constructionSubsidyCNY(initialCapitalCNY: initialCapital),
            operatingSubsidyCNYPerKg: perKg.contains { $0 != 0 } ? perKg : [],
            preferentialIncomeTaxRate: taxRates.contains { $0 != nil } ? taxRates : [],
            vatRefundShare: refunds.contains { $0 != 0 } ? refunds : [])
    }

    /// The break-even nozzle price of the chain, itemised (pro-forma mode), with the pro-forma
    /// for NPV, IRR, payback and the cash-flow table.
    public static func proFormaCost(_ e: ChainEvaluation, _ a: Assumptions, annualKg: [Double]? = nil,
                                    policy: PolicySchedule? = nil) throws -> (cost: CostVector, proForma: ProForma) {
        let proForma = try ProForma(project: projectDefinition(e, a, annualKg: annualKg, policy: policy), finance: a.financeAssumptions)
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

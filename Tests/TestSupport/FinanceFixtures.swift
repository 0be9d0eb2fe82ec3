// Finance projects shared by the finance tests. Figures follow reference/data-china-h2.md §D/§F.
import H2Model

public enum FinanceFixtures {
    /// A 1,000 kg/day 35 MPa station (Air Products Haiyan: 18.5 M CNY total) with land, a demand
    /// ramp from 25 % to 80 % utilisation, by-product hydrogen delivered by 20 MPa tube trailer,
    /// and the Jiaxing operating subsidy (¥9/kg for one year, then ¥6/kg for two).
    public static func station(operatingYears: Int = 20, subsidised: Bool = true) -> ProjectDefinition {
        let ramp: [Double] = [0.25, 0.4, 0.55, 0.7] + Array(repeating: 0.8, count: max(0, operatingYears - 4))
        let kg = ramp.prefix(operatingYears).map { $0 * 1_000 * 365 }
        return ProjectDefinition(
            capital: [
                CapitalItem(item: .stationCapex, amountCNY: 9_000_000, lifeYears: 10),    // compressors, storage
                CapitalItem(item: .stationCapex, amountCNY: 5_500_000, lifeYears: 15),    // dispensers, chiller, controls
                CapitalItem(item: .stationCapex, amountCNY: 4_000_000, lifeYears: 30, vatable: false,
                            depreciationYears: 50), // land-use right, amortised over 50 years
            ],
            fixedCosts: [FixedCost(item: .stationOM, cnyPerYear: 740_000)],                // 4 %/yr of 18.5 M
            variableCosts: [
                VariableCost(item: .production, cnyPerKg: 15),
                VariableCost(item: .purification, cnyPerKg: 2),
                VariableCost(item: .transport, cnyPerKg: 6.5),
                VariableCost(item: .energy, cnyPerKg: 0.78),                                // 1.2 kWh/kg × 0.65 CNY/kWh
            ],
            annualKg: kg,
            constructionSubsidyCNY: subsidised ? 2_000_000 : 0,
            operatingSubsidyCNYPerKg: subsidised ? [9, 6, 6] + Array(repeating: 0, count: max(0, operatingYears - 3)) : []
        )
    }

    /// The full Chinese base case: one construction year, 25 % income tax, 13 % VAT, 70 % debt at
    /// 2 % real over 10 years, 15-year depreciation, 5-year loss carry-forward.
    public static func chineseBaseCase(_ basis: PriceBasis = .real) -> FinanceAssumptions {
        FinanceAssumptions(priceBasis: basis, debtShare: 0.7, debtInterestRate: 0.02, debtTenorYears: 10)
    }
}

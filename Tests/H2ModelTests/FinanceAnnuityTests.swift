// Annuity (CRF) mode against hand-computed values.
import Testing
import H2Model

/// CRF(r, n) = r / (1 − (1 + r)^−n), reference values computed independently in Python (double
/// precision, error ≤ 1e-15 relative).
@Test(arguments: [
    (0.08, 15, 0.11682954493601999),
    (0.08, 10, 0.14902948869707536),
    (0.08, 20, 0.10185220882315058),
    (0.0, 20, 0.05),      // zero rate: 1/n
    (0.1, 1, 1.1),        // one year: repay principal and one year's interest
])
func capitalRecoveryFactorMatchesReference(rate: Double, years: Int, expected: Double) {
    #expect(abs(capitalRecoveryFactor(rate: rate, years: years) - expected) <= 1e-14 * expected)
}

@Test func capitalRecoveryFactorOfNoYearsIsNaN() {
    #expect(capitalRecoveryFactor(rate: 0.08, years: 0).isNaN)
}

/// A 500 kg/day station at 80 % utilisation: 146,000 kg/yr.
///   station body 10,000,000 × CRF(8 %, 15) = 10,000,000 × 0.11682954493602 = 1,168,295.4493602 /yr
///   dispensers    2,000,000 × CRF(8 %, 10) =  2,000,000 × 0.14902948869708 =   298,058.9773942 /yr
///   station capex = 1,466,354.4267544 / 146,000 = 10.0435234709202 CNY/kg
///   station O&M   = 400,000 / 146,000           =  2.7397260273973 CNY/kg
///   production 25, transport 7, energy 0.84 CNY/kg as given
///   construction subsidy 1,000,000 × CRF(8 %, 20) / 146,000 = 0.6976178686517 CNY/kg
///   operating subsidy (9 × 2 + 6 × 18) / 20 = 6.3 CNY/kg (constant kg, so the kg-weighted mean)
///   total = 10.0435234709202 + 2.7397260273973 + 25 + 7 + 0.84 − 0.6976178686517 − 6.3
///         = 38.6256316296658 CNY/kg
@Test func annuityCostMatchesHandCalculation() throws {
    let project = ProjectDefinition(
        capital: [
            CapitalItem(item: .stationCapex, amountCNY: 10_000_000, lifeYears: 15),
            CapitalItem(item: .stationCapex, amountCNY: 2_000_000, lifeYears: 10),
        ],
        fixedCosts: [FixedCost(item: .stationOM, cnyPerYear: 400_000)],
        variableCosts: [
            VariableCost(item: .production, cnyPerKg: 25),
            VariableCost(item: .transport, cnyPerKg: 7),
            VariableCost(item: .energy, cnyPerKg: 0.84),
        ],
        annualKg: Array(repeating: 146_000, count: 20),
        constructionSubsidyCNY: 1_000_000,
        operatingSubsidyCNYPerKg: [9, 9] + Array(repeating: 6, count: 18)
    )
    let cost = try annuityCost(project, finance: FinanceAssumptions(discountRate: 0.08, operatingYears: 20))
    let tolerance = 1e-12
    #expect(abs(cost[.stationCapex] - 10.04352347092021) <= tolerance * 10)
    #expect(abs(cost[.stationOM] - 2.73972602739726) <= tolerance * 10)
    #expect(cost[.production] == 25)
    #expect(cost[.transport] == 7)
    #expect(cost[.energy] == 0.84)
    #expect(cost[.taxes] == 0)
    #expect(abs(cost[.subsidies] - -(0.6976178686517163 + 6.3)) <= tolerance * 10)
    #expect(abs(cost.total - 38.6256316296658) <= 1e-11)
    #expect(cost.items.map(\.item) == CostItem.allCases)
}

@Test func annuityCostRejectsInvalidInput() {
    let project = ProjectDefinition(capital: [], annualKg: [1, 2])
    #expect(throws: FinanceError.self) {
        try annuityCost(project, finance: FinanceAssumptions(operatingYears: 3))
    }
}

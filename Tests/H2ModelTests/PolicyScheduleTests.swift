// The per-station policy schedule (issue 9): scope, calendar years, caps with a second rate,
// the lower of two income-tax rates, VAT refunds, and their effect on the pro-forma.
import H2Model
import Testing

private func measure(_ id: String, _ kind: PolicyMeasureKind, level: PolicyScope.Level = .city, nodes: Set<String> = ["JX", "PH"],
                     _ start: Int, _ end: Int, rate: Double, cap: Double? = nil, above: Double? = nil) -> PolicyMeasure {
    PolicyMeasure(id: id, kind: kind, scope: PolicyScope(level: level, name: id, nodes: nodes), startYear: start, endYear: end,
                  rate: rate, cap: cap, rateAboveCap: above, basis: .reported, source: "test")
}

@Test func scheduleHoldsOnlyTheMeasuresInScopeAndInForce() {
    let set = PolicySet([measure("jx9", .operatingSubsidy, 2023, 2023, rate: 9), measure("jx6", .operatingSubsidy, 2025, 2027, rate: 6),
                         measure("build", .constructionSubsidyPerStation, 2024, 2025, rate: 1_000_000)])
    let inside = set.schedule(node: "JX", firstOperatingYear: 2025, operatingYears: 20)
    let perKg = (0..<20).map { inside.operatingSubsidyCNY(year: $0, kg: 1000) / 1000 }
    #expect(perKg == [6, 6, 6] + Array(repeating: 0, count: 17))
    #expect(inside.constructionSubsidyCNY(initialCapitalCNY: 2e7) == 1_000_000)
    #expect(inside.measureIDs == ["jx6", "build"])
    let outside = set.schedule(node: "HZ", firstOperatingYear: 2025, operatingYears: 20)
    #expect(outside.isEmpty && outside.measureIDs.isEmpty)
    // Commissioned in 2026, the construction subsidy (2024–2025) has ended.
    #expect(set.schedule(node: "JX", firstOperatingYear: 2026, operatingYears: 20).constructionSubsidyCNY(initialCapitalCNY: 2e7) == 0)
}

/// Zhoushan (Liuheng): 40 CNY/kg up to 30,000 kg a year, 25 above (D.subsidy_zhoushan_liuheng_refuelling).
/// 50,000 kg: 40 × 30,000 + 25 × 20,000 = 1,700,000; 20,000 kg: 800,000.
@Test func capWithASecondRate() {
    let m = measure("zs", .operatingSubsidy, 2025, 2030, rate: 40, cap: 30_000, above: 25)
    #expect(m.operatingSubsidyCNY(kgPerYear: 50_000) == 1_700_000)
    #expect(m.operatingSubsidyCNY(kgPerYear: 20_000) == 800_000)
    let noSecondRate = measure("cap", .operatingSubsidy, 2025, 2030, rate: 40, cap: 30_000)
    #expect(noSecondRate.operatingSubsidyCNY(kgPerYear: 50_000) == 1_200_000)
    // A capex share with a cap in CNY (Jiaxing Port Area style: 10 %, at most 20 M).
    let share = PolicySet([measure("s", .constructionSubsidyCapexShare, 2025, 2025, rate: 0.1, cap: 2e6)])
        .schedule(node: "PH", firstOperatingYear: 2025, operatingYears: 5)
    #expect(share.constructionSubsidyCNY(initialCapitalCNY: 1.5e7) == 1.5e6)
    #expect(share.constructionSubsidyCNY(initialCapitalCNY: 3e7) == 2e6)
}

@Test func theMostSpecificTaxRateWinsAndOnlyInItsYears() {
    let set = PolicySet([measure("west", .incomeTaxRate, level: .province, nodes: ["JX", "PH", "HZ"], 2021, 2030, rate: 0.15),
                         measure("zone", .incomeTaxRate, level: .nodes, nodes: ["PH"], 2025, 2026, rate: 0.10)])
    let ph = set.schedule(node: "PH", firstOperatingYear: 2025, operatingYears: 8)
    #expect(ph.incomeTaxRate == [0.10, 0.10, 0.15, 0.15, 0.15, 0.15, nil, nil])
    let hz = set.schedule(node: "HZ", firstOperatingYear: 2025, operatingYears: 8)
    #expect(hz.incomeTaxRate == [0.15, 0.15, 0.15, 0.15, 0.15, 0.15, nil, nil])
}

/// A preferential rate lowers the income tax of its years only, and never raises it; a VAT
/// refund adds its share of the VAT remitted. Checked on the cash-flow table at a fixed price.
@Test func preferentialTaxAndVATRefundInTheProForma() throws {
    let finance = FinanceAssumptions(constructionYears: 1, operatingYears: 20)
    var project = ProjectDefinition(capital: [CapitalItem(item: .stationCapex, amountCNY: 1e7, lifeYears: 20)],
                                    fixedCosts: [FixedCost(item: .stationOM, cnyPerYear: 4e5)],
                                    variableCosts: [VariableCost(item: .production, cnyPerKg: 15)],
                                    annualKg: Array(repeating: 3e5, count: 20))
    let general = try ProForma(project: project, finance: finance).cashFlows(atPrice: 45)
    project.preferentialIncomeTaxRate = (0..<20).map { $0 < 6 ? 0.15 : ($0 == 6 ? 0.40 : nil) }
    project.vatRefundShare = (0..<20).map { $0 < 3 ? 0.5 : 0 }
    let proForma = try ProForma(project: project, finance: finance)
    let preferential = proForma.cashFlows(atPrice: 45)
    for t in 2...21 {
        let j = t - 2
        let expectedRate = j < 6 ? 0.15 : 0.25            // 40 % is above the general rate: ignored
        #expect(preferential[t].incomeTaxRate == expectedRate)
        if preferential[t].lossUsed == 0 && general[t].lossUsed == 0 && general[t].taxableIncome > 0 {
            #expect(abs(preferential[t].incomeTax - expectedRate * preferential[t].taxableIncome) <= 1e-6, "t = \(t)")
        }
        #expect(abs(preferential[t].vatRefund - (j < 3 ? 0.5 : 0) * preferential[t].vatRemitted) <= 1e-9)
    }
    #expect(preferential.map(\.incomeTax).reduce(0, +) < general.map(\.incomeTax).reduce(0, +))
    // Break-even: NPV 0 there and the IRR is the discount rate.
    let price = try proForma.breakEvenPrice()
    #expect(abs(proForma.npv(atPrice: price)) <= 1e-6)
    #expect(abs(try #require(try proForma.irr(atPrice: price)) - finance.discountRate) <= 1e-9)
    #expect(price < (try ProForma(project: project.withoutSubsidies, finance: finance).breakEvenPrice()) + 1e-12)
}

// Finance benchmarks: the break-even price solve of a realistic station pro-forma
// (DESIGN §6: microseconds, against ~5 ms for a Python pro-forma tool).
import H2Model

/// The 1,000 kg/day station of the finance tests (TestSupport.FinanceFixtures.station): one
/// construction year, 20 operating years with a ramp, 25 % income tax, 13 % VAT + 12 % surcharges,
/// 70 % debt over 10 years, compressors replaced at 10 years and dispensers at 15, land, Jiaxing
/// subsidies. `Benchmarks/python/proforma.py` builds the same project.
func financeBenchmarkProject() -> (ProjectDefinition, FinanceAssumptions) {
    let ramp: [Double] = [0.25, 0.4, 0.55, 0.7] + Array(repeating: 0.8, count: 16)
    let project = ProjectDefinition(
        capital: [
            CapitalItem(item: .stationCapex, amountCNY: 9_000_000, lifeYears: 10),
            CapitalItem(item: .stationCapex, amountCNY: 5_500_000, lifeYears: 15),
            CapitalItem(item: .stationCapex, amountCNY: 4_000_000, lifeYears: 30, vatable: false, depreciationYears: 50),
        ],
        fixedCosts: [FixedCost(item: .stationOM, cnyPerYear: 740_000)],
        variableCosts: [
            VariableCost(item: .production, cnyPerKg: 15),
            VariableCost(item: .purification, cnyPerKg: 2),
            VariableCost(item: .transport, cnyPerKg: 6.5),
            VariableCost(item: .energy, cnyPerKg: 0.78),
        ],
        annualKg: ramp.map { $0 * 1_000 * 365 },
        constructionSubsidyCNY: 2_000_000,
        operatingSubsidyCNYPerKg: [9, 6, 6] + Array(repeating: 0, count: 17)
    )
    let finance = FinanceAssumptions(priceBasis: .real, debtShare: 0.7, debtInterestRate: 0.02, debtTenorYears: 10)
    return (project, finance)
}

let financeBenchmarkGroup: (String, @Sendable () -> Void) = ("finance", {
    let (project, finance) = financeBenchmarkProject()
    let pythonReferenceMicroseconds = 5_000.0
    guard let proForma = try? ProForma(project: project, finance: finance),
          let price = try? proForma.breakEvenPrice() else {
        print("finance: the benchmark project did not solve")
        return
    }
    print("station break-even price: \(price) CNY/kg (real, VAT-inclusive)")
    let solve = measure("finance: break-even solve (precomputed pro-forma)", iterationsPerRound: 20_000) {
        (try? proForma.breakEvenPrice()) ?? .nan
    }
    report(solve, target: "≤ 10 µs")
    print("  ratio to the 5 ms Python reference: \(Int((pythonReferenceMicroseconds * 1000 / solve.medianNanoseconds).rounded()))× faster (measure this machine: python3 Benchmarks/python/proforma.py)")
    let build = measure("finance: build pro-forma + break-even solve", iterationsPerRound: 5_000) {
        (try? ProForma(project: project, finance: finance).breakEvenPrice()) ?? .nan
    }
    report(build)
    var p = price
    let npv = measure("finance: one NPV evaluation", iterationsPerRound: 200_000) {
        p += 1e-9
        return proForma.npv(atPrice: p)
    }
    report(npv)
    let irr = measure("finance: IRR at ¥35/kg", iterationsPerRound: 5_000) {
        ((try? proForma.irr(atPrice: 35)) ?? nil) ?? .nan
    }
    report(irr)
    let itemised = measure("finance: itemised break-even (3 solves)", iterationsPerRound: 2_000) {
        (try? proForma.itemisedBreakEven().total) ?? .nan
    }
    report(itemised)
})

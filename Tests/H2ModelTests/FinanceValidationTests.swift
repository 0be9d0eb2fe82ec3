// Bad finance inputs are reported as problems naming the field and the fix; nothing traps.
import Testing
import H2Model
import TestSupport

@Test(arguments: [
    ("discountRate", { @Sendable (f: inout FinanceAssumptions) in f.discountRate = .nan }),
    ("discountRate", { @Sendable (f: inout FinanceAssumptions) in f.discountRate = -0.01 }),
    ("inflation", { @Sendable (f: inout FinanceAssumptions) in f.inflation = .infinity }),
    ("operatingYears", { @Sendable (f: inout FinanceAssumptions) in f.operatingYears = 0 }),
    ("constructionYears", { @Sendable (f: inout FinanceAssumptions) in f.constructionYears = -1 }),
    ("incomeTaxRate", { @Sendable (f: inout FinanceAssumptions) in f.incomeTaxRate = -0.25 }),
    ("vatRate", { @Sendable (f: inout FinanceAssumptions) in f.vatRate = .nan }),
    ("debtShare", { @Sendable (f: inout FinanceAssumptions) in f.debtShare = 1.5 }),
    ("debtTenorYears", { @Sendable (f: inout FinanceAssumptions) in f.debtShare = 0.5; f.debtTenorYears = 0 }),
    ("depreciationYears", { @Sendable (f: inout FinanceAssumptions) in f.depreciationYears = 0 }),
    ("lossCarryForwardYears", { @Sendable (f: inout FinanceAssumptions) in f.lossCarryForwardYears = -5 }),
] as [(String, @Sendable (inout FinanceAssumptions) -> Void)])
func badAssumptionsAreReported(field: String, spoil: @Sendable (inout FinanceAssumptions) -> Void) {
    var finance = FinanceAssumptions()
    #expect(finance.validate().isEmpty)
    spoil(&finance)
    let problems = finance.validate()
    #expect(problems.contains { $0.field == field && !$0.message.isEmpty && !$0.fix.isEmpty }, "\(problems)")
    #expect(throws: FinanceError.self) { try ProForma(project: FinanceFixtures.station(), finance: finance) }
}

@Test(arguments: [
    ("capital[1].amountCNY", { @Sendable (p: inout ProjectDefinition) in p.capital[1].amountCNY = -1 }),
    ("capital[0].amountCNY", { @Sendable (p: inout ProjectDefinition) in p.capital[0].amountCNY = .nan }),
    ("capital[2].lifeYears", { @Sendable (p: inout ProjectDefinition) in p.capital[2].lifeYears = 0 }),
    ("capital[2].depreciationYears", { @Sendable (p: inout ProjectDefinition) in p.capital[2].depreciationYears = 0 }),
    ("fixedCosts[0].cnyPerYear", { @Sendable (p: inout ProjectDefinition) in p.fixedCosts[0].cnyPerYear = .nan }),
    ("variableCosts[3].cnyPerKg", { @Sendable (p: inout ProjectDefinition) in p.variableCosts[3].cnyPerKg = -0.5 }),
    ("annualKg", { @Sendable (p: inout ProjectDefinition) in p.annualKg.removeLast() }),
    ("annualKg[4]", { @Sendable (p: inout ProjectDefinition) in p.annualKg[4] = -10 }),
    ("annualKg", { @Sendable (p: inout ProjectDefinition) in p.annualKg = Array(repeating: 0, count: 20) }),
    ("constructionSubsidyCNY", { @Sendable (p: inout ProjectDefinition) in p.constructionSubsidyCNY = .nan }),
    ("operatingSubsidyCNYPerKg", { @Sendable (p: inout ProjectDefinition) in p.operatingSubsidyCNYPerKg = [9, 6] }),
    ("operatingSubsidyCNYPerKg[1]", { @Sendable (p: inout ProjectDefinition) in p.operatingSubsidyCNYPerKg[1] = -6 }),
] as [(String, @Sendable (inout ProjectDefinition) -> Void)])
func badProjectsAreReported(field: String, spoil: @Sendable (inout ProjectDefinition) -> Void) {
    var project = FinanceFixtures.station()
    #expect(project.validate(operatingYears: 20).isEmpty)
    spoil(&project)
    let problems = project.validate(operatingYears: 20)
    #expect(problems.contains { $0.field == field && !$0.message.isEmpty && !$0.fix.isEmpty }, "\(problems)")
    do {
        _ = try ProForma(project: project, finance: FinanceAssumptions())
        Issue.record("ProForma accepted an invalid project")
    } catch let error {
        guard case .invalidInput(let listed) = error else { Issue.record("wrong error \(error)"); return }
        #expect(listed == problems)
    }
}

// Consistency checks on finance inputs. They report every problem and never trap; a ProForma
// refuses to build from inputs with problems.

extension FinanceAssumptions {
    /// Every problem with these assumptions (empty when they are usable).
    public func validate() -> [FinanceInputProblem] {
        var problems: [FinanceInputProblem] = []
        func rate(_ value: Double, _ field: String, _ range: ClosedRange<Double>, _ fix: String) {
            if !value.isFinite {
                problems.append(.init(field: field, message: "is \(value), not a number", fix: fix))
            } else if !range.contains(value) {
                problems.append(.init(field: field, message: "is \(value), outside \(range.lowerBound) … \(range.upperBound)", fix: fix))
            }
        }
        func years(_ value: Int, _ field: String, _ range: ClosedRange<Int>, _ fix: String) {
            if !range.contains(value) {
                problems.append(.init(field: field, message: "is \(value), outside \(range.lowerBound) … \(range.upperBound)", fix: fix))
            }
        }
        rate(discountRate, "discountRate", 0...1, "give a real rate as a fraction per year, e.g. 0.08 for 8 %")
        rate(inflation, "inflation", -0.5...1, "give inflation as a fraction per year, e.g. 0.02 for 2 %")
        years(constructionYears, "constructionYears", 0...20, "give whole years of construction, 0 for capital paid at the start of operation")
        years(operatingYears, "operatingYears", 1...100, "give the operating horizon in whole years, e.g. 20")
        rate(incomeTaxRate, "incomeTaxRate", 0...0.99, "give the income tax rate as a fraction, e.g. 0.25")
        rate(vatRate, "vatRate", 0...0.99, "give the VAT rate as a fraction, e.g. 0.13")
        rate(vatSurchargeRate, "vatSurchargeRate", 0...0.99, "give the surcharge on VAT as a fraction, e.g. 0.12")
        if incomeTaxRate.isFinite, vatRate.isFinite, vatSurchargeRate.isFinite,
           incomeTaxRate + vatRate * vatSurchargeRate >= 1 {
            problems.append(.init(field: "incomeTaxRate", message: "with the VAT surcharge, taxes take every extra yuan of revenue",
                                  fix: "lower incomeTaxRate or vatSurchargeRate"))
        }
        rate(debtShare, "debtShare", 0...1, "give the debt-financed share of the initial capital, 0 … 1")
        rate(debtInterestRate, "debtInterestRate", -0.5...1, "give the real loan rate as a fraction per year, e.g. 0.02")
        if debtShare > 0 {
            years(debtTenorYears, "debtTenorYears", 1...operatingYears.clamped(1, 100),
                  "give a loan tenor of at least one year and at most the operating horizon")
        }
        years(depreciationYears, "depreciationYears", 1...100, "give the straight-line depreciation period in years, e.g. 15")
        years(lossCarryForwardYears, "lossCarryForwardYears", 0...100, "give the years a tax loss may be carried forward, e.g. 5")
        return problems
    }
}

extension ProjectDefinition {
    /// Every problem with this project for an analysis of `operatingYears` years.
    public func validate(operatingYears: Int) -> [FinanceInputProblem] {
        var problems: [FinanceInputProblem] = []
        func amount(_ value: Double, _ field: String, _ fix: String) {
            if !value.isFinite {
                problems.append(.init(field: field, message: "is \(value), not a number", fix: fix))
            } else if value < 0 {
                problems.append(.init(field: field, message: "is negative (\(value))", fix: fix))
            }
        }
        for (i, c) in capital.enumerated() {
            amount(c.amountCNY, "capital[\(i)].amountCNY", "give the purchase cost in CNY, zero or more")
            if c.lifeYears < 1 {
                problems.append(.init(field: "capital[\(i)].lifeYears", message: "is \(c.lifeYears)",
                                      fix: "give the economic life in whole years, at least 1"))
            }
            if let years = c.depreciationYears, years < 1 {
                problems.append(.init(field: "capital[\(i)].depreciationYears", message: "is \(years)",
                                      fix: "give the depreciation period in whole years, at least 1, or leave it out for the default"))
            }
        }
        for (i, f) in fixedCosts.enumerated() {
            amount(f.cnyPerYear, "fixedCosts[\(i)].cnyPerYear", "give the yearly cost in CNY, zero or more")
        }
        for (i, v) in variableCosts.enumerated() {
            amount(v.cnyPerKg, "variableCosts[\(i)].cnyPerKg", "give the cost per kg in CNY, zero or more")
        }
        if annualKg.count != operatingYears {
            problems.append(.init(field: "annualKg", message: "has \(annualKg.count) entries for \(operatingYears) operating years",
                                  fix: "give one kg figure per operating year"))
        }
        for (i, kg) in annualKg.enumerated() {
            amount(kg, "annualKg[\(i)]", "give the kilograms sold that year, zero or more")
        }
        if annualKg.allSatisfy({ $0 == 0 }) {
            problems.append(.init(field: "annualKg", message: "nothing is sold in any year, so no price per kg exists",
                                  fix: "give the kilograms sold per operating year"))
        }
        amount(constructionSubsidyCNY, "constructionSubsidyCNY", "give the construction subsidy in CNY, zero or more")
        if !operatingSubsidyCNYPerKg.isEmpty && operatingSubsidyCNYPerKg.count != operatingYears {
            problems.append(.init(field: "operatingSubsidyCNYPerKg",
                                  message: "has \(operatingSubsidyCNYPerKg.count) entries for \(operatingYears) operating years",
                                  fix: "give one subsidy per operating year (0 where none), or none at all"))
        }
        for (i, s) in operatingSubsidyCNYPerKg.enumerated() {
            amount(s, "operatingSubsidyCNYPerKg[\(i)]", "give the subsidy in CNY per kg, zero or more")
        }
        if !preferentialIncomeTaxRate.isEmpty && preferentialIncomeTaxRate.count != operatingYears {
            problems.append(.init(field: "preferentialIncomeTaxRate",
                                  message: "has \(preferentialIncomeTaxRate.count) entries for \(operatingYears) operating years",
                                  fix: "give one rate per operating year (nil where the general rate applies), or none at all"))
        }
        for (i, r) in preferentialIncomeTaxRate.enumerated() {
            if let r, !(r.isFinite && r >= 0 && r < 1) {
                problems.append(.init(field: "preferentialIncomeTaxRate[\(i)]", message: "is \(r), outside 0 … 1",
                                      fix: "give the rate as a fraction, e.g. 0.15"))
            }
        }
        if !vatRefundShare.isEmpty && vatRefundShare.count != operatingYears {
            problems.append(.init(field: "vatRefundShare", message: "has \(vatRefundShare.count) entries for \(operatingYears) operating years",
                                  fix: "give one share per operating year (0 where none), or none at all"))
        }
        for (i, r) in vatRefundShare.enumerated() where !(r.isFinite && r >= 0 && r <= 1) {
            problems.append(.init(field: "vatRefundShare[\(i)]", message: "is \(r), outside 0 … 1",
                                  fix: "give the refunded share of the VAT remitted as a fraction, e.g. 0.5"))
        }
        return problems
    }
}

extension Int {
    fileprivate func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(Swift.max(self, low), high) }
}

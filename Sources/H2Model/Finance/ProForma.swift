// Pro-forma discounted cash flow in the H2A / H2FAST tradition (DESIGN §2.7).
//
// Everything that does not depend on the selling price is computed once here, so that the
// NPV at a price (ProForma+Evaluation.swift) is one allocation-free pass over the years and a
// break-even solve costs microseconds.

/// A pro-forma of one project under one set of financial assumptions.
///
/// Perspective: **equity cash flows** discounted at `discountRate` taken as the cost of equity.
/// Without debt they are the project's after-tax cash flows. With debt the loan draws come in,
/// interest and principal go out, and interest is deductible for income tax.
///
/// Cash flow of equity at time t (see `FinanceAssumptions` for the time grid):
///
///     sales ex VAT + output VAT − VAT remitted + VAT refunded − VAT surcharges − income tax
///     − capital (incl. replacements) − input VAT on VAT-able purchases − fixed − variable costs
///     + loan draws − interest − principal + construction and operating subsidies + salvage
///
/// Taxes:
/// - VAT: output VAT = `vatRate` × sales ex VAT (the nozzle price is VAT-inclusive, so sales ex VAT
///   = price × kg / (1 + vat)). Input VAT = `vatRate` × the VAT-able purchases of the year:
///   capital items, variable costs and fixed costs whose `vatable` flag is set (defaults: capital
///   and variable yes, fixed no). Remitted VAT = max(0, output − input − credit brought forward);
///   the excess input VAT is carried forward without limit and without refund (an unused credit at
///   the end of the horizon is lost). Surcharges = `vatSurchargeRate` × remitted VAT.
/// - VAT refund (即征即退, from a policy): `vatRefundShare` of the year × remitted VAT, cash in,
///   not taxable; surcharges stay on the VAT remitted.
/// - Income tax = `incomeTaxRate` (or the year's lower preferential rate) × max(0, taxable income − losses brought forward), with taxable
///   income = sales ex VAT (+ operating subsidy if taxable) − fixed − variable costs − depreciation
///   − write-offs − interest − surcharges + (salvage − book value). A loss may offset the income of
///   the following `lossCarryForwardYears` years, oldest loss first; afterwards it expires.
/// - Depreciation: straight line over `depreciationYears` (or the item's own period) from the year after each purchase
///   enters service (operating year 1 for the initial capital), on the nominal purchase cost net of
///   the construction subsidy share. A replaced item's remaining book value is written off when it
///   is replaced.
///
/// Debt: a loan of `debtShare` × each construction-capital payment is drawn with that payment;
/// interest on the balance is paid every year (during construction too); from the first operating
/// year it is repaid in `debtTenorYears` equal payments at `appliedDebtInterestRate`. Replacements
/// are paid with equity.
public struct ProForma: Sendable {
    public let project: ProjectDefinition
    public let finance: FinanceAssumptions

    /// Number of times on the grid, C + N + 1.
    let rowCount: Int
    /// Sales ex VAT at time t per 1 CNY/kg of real nozzle price: kg × escalation / (1 + vat).
    let revenuePerUnitPrice: ContiguousArray<Double>
    /// Every cash flow at time t that does not depend on the price and is not a tax on sales or profit.
    let cashBeforeSalesAndTaxes: ContiguousArray<Double>
    /// Input VAT paid with the year's VAT-able purchases.
    let inputVAT: ContiguousArray<Double>
    /// Taxable income at time t = sales ex VAT − `taxDeductions[t]` − surcharges.
    let taxDeductions: ContiguousArray<Double>
    let discountFactor: ContiguousArray<Double>
    let vatRate: Double
    let vatSurchargeRate: Double
    /// Income-tax rate at time t: the general rate, or the lower preferential rate of the year.
    let incomeTaxRateByTime: ContiguousArray<Double>
    /// Share of the VAT remitted at time t that is refunded.
    let vatRefundShareByTime: ContiguousArray<Double>
    /// The highest income-tax rate of any year (bounds the break-even search).
    let maximumIncomeTaxRate: Double
    let lossCarryForwardYears: Int

    /// The price-independent columns, kept for the cash flow table and the itemisation.
    let columns: PriceIndependentColumns

    /// Present value of sales ex VAT per 1 CNY/kg of real nozzle price.
    public let presentValueOfSalesPerUnitPrice: Double
    /// Present value of (kg × escalation): the denominator of a levelised CNY per kg.
    public let presentValueOfKg: Double

    /// Builds the pro-forma. Throws `FinanceError.invalidInput` listing every problem of the
    /// inputs (see `FinanceAssumptions.validate()` and `ProjectDefinition.validate(operatingYears:)`).
    public init(project: ProjectDefinition, finance: FinanceAssumptions) throws(FinanceError) {
        let problems = finance.validate() + project.validate(operatingYears: finance.operatingYears)
        guard problems.isEmpty else { throw .invalidInput(problems) }
        self.project = project
        self.finance = finance
        let columns = PriceIndependentColumns(project: project, finance: finance)
        self.columns = columns
        let rows = columns.kg.count
        rowCount = rows
        vatRate = finance.vatRate
        vatSurchargeRate = finance.vatSurchargeRate
        var taxRates = ContiguousArray<Double>(repeating: finance.incomeTaxRate, count: rows)
        var refunds = ContiguousArray<Double>(repeating: 0, count: rows)
        let C = finance.constructionYears
        for j in 0..<finance.operatingYears {
            if j < project.preferentialIncomeTaxRate.count, let r = project.preferentialIncomeTaxRate[j] {
                taxRates[C + 1 + j] = min(finance.incomeTaxRate, r)
            }
            if j < project.vatRefundShare.count { refunds[C + 1 + j] = project.vatRefundShare[j] }
        }
        incomeTaxRateByTime = taxRates
        vatRefundShareByTime = refunds
        maximumIncomeTaxRate = taxRates.max() ?? finance.incomeTaxRate
        lossCarryForwardYears = finance.lossCarryForwardYears

        var revenue = ContiguousArray<Double>(repeating: 0, count: rows)
        var cash = ContiguousArray<Double>(repeating: 0, count: rows)
        var deductions = ContiguousArray<Double>(repeating: 0, count: rows)
        var pvSales = 0.0, pvKg = 0.0
        for t in 0..<rows {
            let c = columns
            revenue[t] = c.kg[t] * c.escalation[t] / (1 + finance.vatRate)
            let operating = c.fixedCost[t] + c.variableCost[t]
            let taxableSubsidy = finance.operatingSubsidyIsTaxable ? c.operatingSubsidy[t] : 0
            deductions[t] = operating + c.depreciation[t] + c.writeOff[t] + c.interest[t]
                - taxableSubsidy - (c.salvage[t] - c.salvageBookValue[t])
            cash[t] = -c.capital[t] - c.inputVAT[t] - operating
                + c.loanDraw[t] - c.interest[t] - c.principal[t]
                + c.constructionSubsidy[t] + c.operatingSubsidy[t] + c.salvage[t]
            pvSales += revenue[t] * c.discountFactor[t]
            pvKg += c.kg[t] * c.escalation[t] * c.discountFactor[t]
        }
        revenuePerUnitPrice = revenue
        cashBeforeSalesAndTaxes = cash
        inputVAT = ContiguousArray(columns.inputVAT)
        taxDeductions = deductions
        discountFactor = ContiguousArray(columns.discountFactor)
        presentValueOfSalesPerUnitPrice = pvSales
        presentValueOfKg = pvKg
    }
}

/// The columns of the pro-forma that do not depend on the selling price, one entry per time
/// t = 0 … C + N, in the CNY of the basis (constant or nominal).
struct PriceIndependentColumns: Sendable {
    var kg: [Double]
    var escalation: [Double]
    var discountFactor: [Double]
    /// Capital paid, by `CostItem` index, then per time.
    var capitalByItem: [[Double]]
    var operatingCostByItem: [[Double]]
    /// Salvage value returned at the horizon, by item.
    var salvageByItem: [[Double]]
    var capital: [Double]
    var fixedCost: [Double]
    var variableCost: [Double]
    var inputVAT: [Double]
    var depreciation: [Double]
    var writeOff: [Double]
    var salvage: [Double]
    var salvageBookValue: [Double]
    var loanDraw: [Double]
    var interest: [Double]
    var principal: [Double]
    var loanBalance: [Double]
    var constructionSubsidy: [Double]
    var operatingSubsidy: [Double]
    /// Share of the initial capital in each `CostItem` (allocates the loan's effect in the itemisation).
    var initialCapitalShareByItem: [Double]

    init(project: ProjectDefinition, finance: FinanceAssumptions) {
        let C = finance.constructionYears, N = finance.operatingYears, T = C + N, rows = T + 1
        let itemCount = CostItem.allCases.count
        let zeros = [Double](repeating: 0, count: rows)
        kg = zeros
        escalation = zeros
        discountFactor = zeros
        capitalByItem = Array(repeating: zeros, count: itemCount)
        operatingCostByItem = capitalByItem
        salvageByItem = capitalByItem
        capital = zeros; fixedCost = zeros; variableCost = zeros; inputVAT = zeros
        depreciation = zeros; writeOff = zeros; salvage = zeros; salvageBookValue = zeros
        loanDraw = zeros; interest = zeros; principal = zeros; loanBalance = zeros
        constructionSubsidy = zeros; operatingSubsidy = zeros
        initialCapitalShareByItem = [Double](repeating: 0, count: itemCount)

        let inflation = finance.appliedInflation
        let discountBase = 1 + finance.appliedDiscountRate
        escalation[0] = 1
        discountFactor[0] = 1
        for t in 1..<rows {
            escalation[t] = escalation[t - 1] * (1 + inflation)
            discountFactor[t] = discountFactor[t - 1] / discountBase
        }
        for j in 1...N {
            kg[C + j] = project.annualKg[j - 1]
            if !project.operatingSubsidyCNYPerKg.isEmpty {
                operatingSubsidy[C + j] = project.operatingSubsidyCNYPerKg[j - 1] * project.annualKg[j - 1]
            }
        }
        constructionSubsidy[C] = project.constructionSubsidyCNY

        let vat = finance.vatRate
        let tranches = max(C, 1)
        let initialTotal = project.capital.reduce(0) { $0 + $1.amountCNY }
        var initialPaid = [Double](repeating: 0, count: rows)

        func depreciate(_ basis: Double, over D: Int, from first: Int, through last: Int) {
            guard first <= last else { return }
            let perYear = basis / Double(D)
            for t in first...last { depreciation[t] += perYear }
        }

        for c in project.capital {
            let k = ItemisedCost.index(of: c.item)
            let D = c.depreciationYears ?? finance.depreciationYears
            var basis = 0.0
            for t in 0..<tranches {
                let pay = c.amountCNY / Double(tranches) * escalation[t]
                capitalByItem[k][t] += pay
                capital[t] += pay
                initialPaid[t] += pay
                if c.vatable { inputVAT[t] += vat * pay }
                basis += pay
            }
            if initialTotal > 0 {
                initialCapitalShareByItem[k] += c.amountCNY / initialTotal
                basis = max(0, basis - project.constructionSubsidyCNY * c.amountCNY / initialTotal)
            }
            let L = c.lifeYears
            var inService = C
            var replacement = 1
            while replacement * L < N {
                let s = C + replacement * L
                depreciate(basis, over: D, from: inService + 1, through: min(inService + D, s))
                writeOff[s] += basis * Double(max(0, D - (s - inService))) / Double(D)
                let pay = c.amountCNY * escalation[s]
                capitalByItem[k][s] += pay
                capital[s] += pay
                if c.vatable { inputVAT[s] += vat * pay }
                basis = pay
                inService = s
                replacement += 1
            }
            depreciate(basis, over: D, from: inService + 1, through: min(inService + D, T))
            let yearsInService = T - inService
            let value = c.amountCNY * Double(max(0, L - yearsInService)) / Double(L) * escalation[T]
            salvageByItem[k][T] += value
            salvage[T] += value
            salvageBookValue[T] += basis * Double(max(0, D - yearsInService)) / Double(D)
        }

        for f in project.fixedCosts {
            let k = ItemisedCost.index(of: f.item)
            for j in 1...N {
                let t = C + j
                let cost = f.cnyPerYear * escalation[t]
                operatingCostByItem[k][t] += cost
                fixedCost[t] += cost
                if f.vatable { inputVAT[t] += vat * cost }
            }
        }
        for v in project.variableCosts {
            let k = ItemisedCost.index(of: v.item)
            for j in 1...N {
                let t = C + j
                let cost = v.cnyPerKg * kg[t] * escalation[t]
                operatingCostByItem[k][t] += cost
                variableCost[t] += cost
                if v.vatable { inputVAT[t] += vat * cost }
            }
        }

        if finance.debtShare > 0 {
            let rate = finance.appliedDebtInterestRate
            let tenor = finance.debtTenorYears
            var balance = 0.0
            var payment = 0.0
            for t in 0..<rows {
                interest[t] = balance * rate
                if t < tranches { loanDraw[t] = finance.debtShare * initialPaid[t] }
                if t == C + 1 { payment = balance * capitalRecoveryFactor(rate: rate, years: tenor) }
                if t > C && t <= C + tenor { principal[t] = payment - interest[t] }
                balance += loanDraw[t] - principal[t]
                loanBalance[t] = balance
            }
        }
    }
}

// The financial assumptions of a pro-forma (DESIGN §2.7): discounting, inflation basis, taxes,
// debt, depreciation. Every rate here is a fraction per year.

/// Whether cash flows are expressed in constant price-year CNY or in the CNY of the year paid.
///
/// - `real`: every value stays in constant CNY of the price year (the year of time 0) and is
///   discounted at the real `discountRate`; inflation is not used at all. This is the zero-inflation
///   picture: it treats depreciation, loan payments and subsidies as if the price level never moved.
/// - `nominal`: prices, costs and capital escalate with `inflation` from time 0; rates are turned
///   into nominal ones with Fisher's rule, nominal = (1 + real)(1 + inflation) − 1; depreciation is
///   charged on the historical (nominal) cost and loans are fixed nominal contracts; subsidy amounts
///   are fixed yuan set by policy and do not escalate. This is the exact treatment when inflation > 0.
///
/// Without income tax, without debt and without subsidies the two give the same break-even price in
/// price-year CNY (inflation neutrality). With income tax they differ because depreciation is not
/// indexed: in nominal mode the tax shield of a yuan of capex is worth less in real terms, so the
/// nominal break-even (deflated) is higher. Debt and fixed-yuan subsidies break neutrality for the
/// same reason (their yuan do not escalate).
public enum PriceBasis: String, Sendable, Equatable, CaseIterable, Codable {
    case real
    case nominal
}

/// Financial assumptions of a station or supply-chain project.
///
/// Timing convention (end-of-year cash flows on a grid of times t = 0 … C + N, in years):
/// - construction lasts C = `constructionYears`; the capital of construction year k (k = 1 … C) is
///   paid at the start of that year, t = k − 1. With C = 0 all capital is paid at t = 0 and
///   operation starts at once.
/// - operating year j (j = 1 … N, N = `operatingYears`) books its sales, costs, taxes and subsidies
///   at its end, t = C + j.
/// - everything is discounted to t = 0, the start of construction; the price year is the year of t = 0.
public struct FinanceAssumptions: Sendable, Equatable, Codable {
    /// Real discount rate of the equity cash flows: the investor's required return on equity
    /// (equity hurdle). Not the social discount rate of a public appraisal.
    public var discountRate: Double
    /// General inflation per year; used only in `.nominal` basis.
    public var inflation: Double
    public var priceBasis: PriceBasis
    /// Years of construction before operation; the initial capital is spread evenly over them.
    public var constructionYears: Int
    /// Years of operation analysed (the horizon after construction).
    public var operatingYears: Int
    /// Enterprise income tax on taxable profit (China: 25 %; 15 % for high-tech enterprises).
    public var incomeTaxRate: Double
    /// VAT rate on hydrogen sales and on VAT-able purchases (China: 13 % for goods). The nozzle
    /// price is VAT-inclusive; cost inputs are entered net of VAT.
    public var vatRate: Double
    /// Surcharges levied on the VAT remitted: urban maintenance and construction tax 7 % (city
    /// districts), education surcharge 3 %, local education surcharge 2 %: 12 % in total.
    /// They are deductible for income tax.
    public var vatSurchargeRate: Double
    /// Share of the initial (construction) capital financed by debt, 0 … 1.
    public var debtShare: Double
    /// Real interest rate of the loan (turned into a nominal rate in `.nominal` basis).
    public var debtInterestRate: Double
    /// Loan tenor in operating years: equal (annuity) payments from the first operating year.
    public var debtTenorYears: Int
    /// Straight-line tax depreciation period for capital items (Chinese equipment default 15 years).
    public var depreciationYears: Int
    /// Years a tax loss may be carried forward (China: 5).
    public var lossCarryForwardYears: Int
    /// Whether per-kg operating subsidies are taxable income (Chinese default: they are).
    public var operatingSubsidyIsTaxable: Bool

    /// Creates assumptions; the defaults are the Chinese base values of
    /// `reference/data-china-h2.md` §F (8 % discount rate, 2 % inflation, 25 % income tax,
    /// 13 % VAT, 15-year depreciation, 5-year loss carry-forward), no debt, one construction year
    /// and 20 operating years.
    public init(
        discountRate: Double = 0.08,
        inflation: Double = 0.02,
        priceBasis: PriceBasis = .real,
        constructionYears: Int = 1,
        operatingYears: Int = 20,
        incomeTaxRate: Double = 0.25,
        vatRate: Double = 0.13,
        vatSurchargeRate: Double = 0.12,
        debtShare: Double = 0,
        debtInterestRate: Double = 0.02,
        debtTenorYears: Int = 10,
        depreciationYears: Int = 15,
        lossCarryForwardYears: Int = 5,
        operatingSubsidyIsTaxable: Bool = true
    ) {
        self.discountRate = discountRate
        self.inflation = inflation
        self.priceBasis = priceBasis
        self.constructionYears = constructionYears
        self.operatingYears = operatingYears
        self.incomeTaxRate = incomeTaxRate
        self.vatRate = vatRate
        self.vatSurchargeRate = vatSurchargeRate
        self.debtShare = debtShare
        self.debtInterestRate = debtInterestRate
        self.debtTenorYears = debtTenorYears
        self.depreciationYears = depreciationYears
        self.lossCarryForwardYears = lossCarryForwardYears
        self.operatingSubsidyIsTaxable = operatingSubsidyIsTaxable
    }

    /// The same assumptions with every tax (income tax, VAT, VAT surcharges) set to zero.
    public var withoutTaxes: FinanceAssumptions {
        var copy = self
        copy.incomeTaxRate = 0
        copy.vatRate = 0
        copy.vatSurchargeRate = 0
        return copy
    }

    /// Inflation actually applied to cash flows: zero in `.real` basis.
    var appliedInflation: Double { priceBasis == .nominal ? inflation : 0 }

    /// Discount rate applied to the cash flows: real, or Fisher-nominal in `.nominal` basis.
    public var appliedDiscountRate: Double { (1 + discountRate) * (1 + appliedInflation) - 1 }

    /// Loan rate applied to the cash flows: real, or Fisher-nominal in `.nominal` basis.
    public var appliedDebtInterestRate: Double { (1 + debtInterestRate) * (1 + appliedInflation) - 1 }

    /// Real after-tax weighted average cost of capital of the initial financing, DERIVED:
    /// (1 − debt share) × required return on equity + debt share × real loan rate × (1 − income tax).
    /// Reported beside the equity hurdle; the pro-forma itself discounts the equity cash flows
    /// (loan draws and payments are in them), so it never needs the WACC.
    public var realWACCAfterTax: Double {
        (1 - debtShare) * discountRate + debtShare * debtInterestRate * (1 - incomeTaxRate)
    }
}

// What a project buys, spends and sells, independent of how it is financed.

/// A piece of capital equipment (or land, or installation work). Amounts are in price-year CNY,
/// net of VAT.
///
/// Replacement: an item whose life L is shorter than the operating horizon N is bought again at the
/// end of operating years L, 2L, … (while kL < N), paid with equity. At the end of the horizon the
/// last purchase returns a salvage value equal to its remaining economic value on a straight line
/// over its life, amount × (L − years in service)/L (zero when L divides N); the difference
/// between salvage and the remaining tax book value is a taxable gain (or deductible loss).
public struct CapitalItem: Sendable, Equatable, Codable {
    public var item: CostItem
    /// Purchase cost of one unit in price-year CNY, excluding VAT.
    public var amountCNY: Double
    /// Economic life in years; the item is replaced at the end of it.
    public var lifeYears: Int
    /// Whether input VAT is paid on the purchase (equipment: yes, deductible since China's 2009
    /// VAT reform; land-use rights and labour-only installation: set false).
    public var vatable: Bool
    /// Tax depreciation (amortisation) period for this item, overriding
    /// `FinanceAssumptions.depreciationYears` (e.g. 50 years for a land-use right); nil: the default.
    public var depreciationYears: Int?

    public init(item: CostItem, amountCNY: Double, lifeYears: Int, vatable: Bool = true, depreciationYears: Int? = nil) {
        self.item = item
        self.amountCNY = amountCNY
        self.lifeYears = lifeYears
        self.vatable = vatable
        self.depreciationYears = depreciationYears
    }
}

/// A cost paid every operating year whatever the volume (staff, maintenance contracts, insurance).
public struct FixedCost: Sendable, Equatable, Codable {
    public var item: CostItem
    /// CNY per operating year, price-year CNY, excluding VAT.
    public var cnyPerYear: Double
    /// Whether input VAT is paid on it. Default false: station fixed O&M is mostly wages and
    /// insurance, which carry no creditable VAT.
    public var vatable: Bool

    public init(item: CostItem, cnyPerYear: Double, vatable: Bool = false) {
        self.item = item
        self.cnyPerYear = cnyPerYear
        self.vatable = vatable
    }
}

/// A cost proportional to the kilograms sold (hydrogen bought, electricity, delivery).
public struct VariableCost: Sendable, Equatable, Codable {
    public var item: CostItem
    /// CNY per kg sold, price-year CNY, excluding VAT.
    public var cnyPerKg: Double
    /// Whether input VAT is paid on it. Default true: purchased hydrogen and electricity are goods
    /// taxed at 13 % (transport services are 9 %; the model uses one rate, `vatRate`).
    public var vatable: Bool

    public init(item: CostItem, cnyPerKg: Double, vatable: Bool = true) {
        self.item = item
        self.cnyPerKg = cnyPerKg
        self.vatable = vatable
    }
}

/// A project: capital, costs, the kilograms sold each operating year and the subsidies received.
public struct ProjectDefinition: Sendable, Equatable, Codable {
    public var capital: [CapitalItem]
    public var fixedCosts: [FixedCost]
    public var variableCosts: [VariableCost]
    /// Kilograms sold in each operating year (demand ramp × utilisation); one entry per year.
    public var annualKg: [Double]
    /// One-off construction subsidy in CNY, received at commissioning (t = C). It reduces the
    /// depreciable basis of the initial capital pro rata (the net method of CAS 16), so it is not
    /// taxed as income. Fixed yuan: not escalated in `.nominal` basis.
    public var constructionSubsidyCNY: Double
    /// Operating subsidy in CNY per kg sold, one entry per operating year, or empty for none
    /// (e.g. Jiaxing: ¥9/kg, then ¥6/kg). Fixed yuan: not escalated in `.nominal` basis.
    /// Not subject to VAT; taxable income when `operatingSubsidyIsTaxable`.
    public var operatingSubsidyCNYPerKg: [Double]
    /// A preferential income-tax rate (fraction) per operating year, nil where the general
    /// `FinanceAssumptions.incomeTaxRate` applies; empty: none. The rate applied is the lower of
    /// the two, so a run without taxes (`withoutTaxes`) stays tax-free. Construction years use
    /// the general rate.
    public var preferentialIncomeTaxRate: [Double?]
    /// Share of the VAT remitted that is refunded in each operating year (即征即退); empty: none.
    /// The refund is cash to the station, not taxable income (Cai Shui [2008] 151 treats
    /// earmarked VAT refunds as non-taxable) and does not reduce the surcharges, which are
    /// levied on the VAT remitted.
    public var vatRefundShare: [Double]

    public init(
        capital: [CapitalItem],
        fixedCosts: [FixedCost] = [],
        variableCosts: [VariableCost] = [],
        annualKg: [Double],
        constructionSubsidyCNY: Double = 0,
        operatingSubsidyCNYPerKg: [Double] = [],
        preferentialIncomeTaxRate: [Double?] = [],
        vatRefundShare: [Double] = []
    ) {
        self.capital = capital
        self.fixedCosts = fixedCosts
        self.variableCosts = variableCosts
        self.annualKg = annualKg
        self.constructionSubsidyCNY = constructionSubsidyCNY
        self.operatingSubsidyCNYPerKg = operatingSubsidyCNYPerKg
        self.preferentialIncomeTaxRate = preferentialIncomeTaxRate
        self.vatRefundShare = vatRefundShare
    }

    /// The same project without any subsidy. Preferential tax rates and VAT refunds are kept:
    /// they are tax treatments and so belong to the `taxes` item of the itemisation.
    public var withoutSubsidies: ProjectDefinition {
        var copy = self
        copy.constructionSubsidyCNY = 0
        copy.operatingSubsidyCNYPerKg = []
        return copy
    }
}

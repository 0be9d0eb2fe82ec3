/// One row of the pro-forma cash flow table: the flows at time t (years from the start of
/// construction), in the CNY of the basis (constant price-year CNY, or nominal CNY of that year).
/// All costs are net of VAT; VAT appears only in its own columns.
public struct CashFlowYear: Sendable, Equatable {
    /// Time t on the grid, 0 … C + N.
    public var time: Int
    /// Operating year t − C: 1 … N in operation, ≤ 0 during construction.
    public var operatingYear: Int
    public var kg: Double
    /// Nozzle price, VAT-inclusive (escalated in nominal basis).
    public var nozzlePriceCNYPerKg: Double
    public var salesExVAT: Double
    public var outputVAT: Double
    /// Capital paid (initial and replacements), by `CostItem` in `CostItem.allCases` order.
    public var capitalInItemOrder: [Double]
    /// Fixed plus variable operating costs, by `CostItem` in `CostItem.allCases` order.
    public var operatingCostInItemOrder: [Double]
    public var capital: Double
    public var fixedCost: Double
    public var variableCost: Double
    public var inputVAT: Double
    public var vatRemitted: Double
    /// Input VAT credit carried to the next year.
    public var vatCreditCarried: Double
    public var vatSurcharge: Double
    /// VAT refunded under a policy (a share of the VAT remitted).
    public var vatRefund: Double
    public var depreciation: Double
    /// Remaining book value of replaced items, deducted when they are replaced.
    public var writeOff: Double
    /// Salvage value of the last purchases at the end of the horizon.
    public var salvage: Double
    public var loanDraw: Double
    public var interest: Double
    public var principal: Double
    public var loanBalance: Double
    /// Taxable income before losses brought forward (negative: a loss).
    public var taxableIncome: Double
    public var lossUsed: Double
    /// Unexpired losses carried to later years.
    public var lossCarried: Double
    public var incomeTax: Double
    /// Income-tax rate applied at this time (general or preferential), fraction.
    public var incomeTaxRate: Double
    public var constructionSubsidy: Double
    public var operatingSubsidy: Double
    /// Net cash flow to equity (see `ProForma` for the formula).
    public var equityCashFlow: Double
    public var discountFactor: Double
    public var discountedEquityCashFlow: Double
    public var cumulativeDiscountedEquityCashFlow: Double
}

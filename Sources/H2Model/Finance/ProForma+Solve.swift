// Break-even price, IRR, payback and the itemised break-even. Every root is found with
// H2Numerics.findRoot (GSL Brent).
import H2Numerics

extension ProForma {
    /// The break-even price: the VAT-inclusive nozzle price in price-year CNY per kg, constant in
    /// real terms (escalating with inflation in nominal basis), at which the NPV of the equity cash
    /// flows at `discountRate` is exactly zero.
    ///
    /// Method: the NPV is increasing in the price. Without income tax, with VAT refunded at once
    /// and no surcharges it would be linear, NPV₀(p) = p·A + B, with root p₀ = −B/A; the real taxes
    /// only take cash away, so p₀ is a lower bound. Each extra yuan of price adds at least
    /// (1 − income tax − surcharge × VAT) yuan of sales ex VAT to the NPV, which gives an upper
    /// bound; Brent then solves inside that narrow bracket.
    public func breakEvenPrice() throws(FinanceError) -> Double {
        let a = presentValueOfSalesPerUnitPrice
        guard a > 0 else { throw .noBreakEvenPrice("no kilograms are sold, so no price can pay for the project") }
        var b = 0.0
        for t in 0..<rowCount { b += (cashBeforeSalesAndTaxes[t] + inputVAT[t]) * discountFactor[t] }
        // The root finder must never see NaN or infinity (NumericalGuard stops them upstream,
        // naming the input; this is the last line).
        guard a.isFinite, b.isFinite else {
            throw .noBreakEvenPrice("the cash flows are not finite numbers (present value of costs \(b) CNY, of sales per CNY/kg \(a) kg): an input overflows the arithmetic")
        }
        let linearRoot = -b / a
        let npvAtLinearRoot = npv(atPrice: linearRoot)
        if npvAtLinearRoot == 0 { return linearRoot }
        let minimumSlope = a * max(1 - maximumIncomeTaxRate - vatSurchargeRate * vatRate, 1e-3)
        let floorStep = 1e-9 * max(1, abs(linearRoot))
        var step = max(abs(npvAtLinearRoot) / minimumSlope * (1 + 1e-6), floorStep)
        // Search towards the root (upwards when the NPV is negative) until the sign changes; the
        // first step already brackets it unless the discount rate is negative.
        let direction: Double = npvAtLinearRoot < 0 ? 1 : -1
        var near = linearRoot
        var far = linearRoot + direction * step
        var npvFar = npv(atPrice: far)
        var expansions = 0
        while (npvFar < 0) == (npvAtLinearRoot < 0) && npvFar != 0 {
            expansions += 1
            guard expansions < 200, npvFar.isFinite else {
                throw .noBreakEvenPrice("the NPV does not change sign between \(linearRoot) and \(far) CNY/kg")
            }
            near = far
            step *= 2
            far = near + direction * step
            npvFar = npv(atPrice: far)
        }
        if npvFar == 0 { return far }
        let bracket = direction > 0 ? near...far : far...near
        do {
            return try findRoot(in: bracket, tolerance: Tolerance(absolute: 1e-13, relative: 1e-14, maxIterations: 200)) {
                npv(atPrice: $0)
            }
        } catch {
            throw .numerics(error)
        }
    }

    /// Internal rate of return of the equity cash flows at `price`, as a **real** rate (in nominal
    /// basis the nominal IRR x is deflated: (1 + x)/(1 + inflation) − 1), so that at the break-even
    /// price it equals `discountRate`.
    ///
    /// Returns nil when the cash flows never change sign (no rate makes the NPV zero) or when no
    /// root lies between −95 % and +5,000 % nominal. When several rates make the NPV zero (flows
    /// that change sign more than once, e.g. with late replacements), returns the one nearest the
    /// discount rate. Throws only when the root finder itself fails.
    public func irr(atPrice price: Double) throws(FinanceError) -> Double? {
        let flows = equityCashFlows(atPrice: price)
        guard flows.contains(where: { $0 > 0 }), flows.contains(where: { $0 < 0 }) else { return nil }
        func presentValue(_ rate: Double) -> Double {
            let v = 1 / (1 + rate)
            var sum = 0.0
            for cashFlow in flows.reversed() { sum = sum * v + cashFlow }
            return sum
        }
        let target = finance.appliedDiscountRate
        var grid: [Double] = [-0.95, -0.8, -0.6, -0.4, -0.2, -0.1, -0.05, 0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12,
                              0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 50]
        grid.append(target)
        grid.sort()
        var best: Double?
        var previousRate = grid[0]
        var previousValue = presentValue(previousRate)
        for rate in grid.dropFirst() {
            let value = presentValue(rate)
            var root: Double?
            if previousValue == 0 {
                root = previousRate
            } else if value == 0 {
                root = rate
            } else if (previousValue < 0) != (value < 0) {
                do {
                    root = try findRoot(in: previousRate...rate,
                                        tolerance: Tolerance(absolute: 1e-15, relative: 1e-15, maxIterations: 200),
                                        presentValue)
                } catch {
                    throw .numerics(error)
                }
            }
            if let root, best.map({ abs(root - target) < abs($0 - target) }) ?? true { best = root }
            previousRate = rate
            previousValue = value
        }
        guard let nominal = best else { return nil }
        return (1 + nominal) / (1 + finance.appliedInflation) - 1
    }

    /// Discounted payback at `price`: the first operating year after which the cumulative
    /// discounted equity cash flow (from t = 0, the start of construction, at `discountRate`)
    /// is not negative and stays so to the end of the horizon. Counted in whole operating years
    /// from commissioning (1 = the end of the first year of sales). nil when the cumulative
    /// discounted cash is negative at the horizon (the price does not pay for the project).
    ///
    /// Why discounted and "stays": a mid-life replacement can push the undiscounted cumulative
    /// cash below zero again and restart an undiscounted payback, although the investment has
    /// earned its required return; with discounting a dip below zero after the first crossing
    /// means the project really is under water again, so the later crossing is the answer.
    public func discountedPaybackYear(atPrice price: Double) -> Int? {
        let flows = equityCashFlows(atPrice: price)
        let C = finance.constructionYears
        var cumulative = 0.0
        var payback: Int?
        for (t, flow) in flows.enumerated() {
            cumulative += flow * discountFactor[t]
            if cumulative < 0 {
                payback = nil
            } else if payback == nil {
                payback = max(1, t - C)
            }
        }
        return payback
    }

    /// The break-even price itemised by `CostItem`; the items sum to `breakEvenPrice()`.
    ///
    /// H2A-style levelised cost: each cost item = PV(its costs ex VAT, capital net of salvage) /
    /// PV(kg × escalation), in a run without taxes and without subsidies. The loan's effect on the
    /// equity (PV of draws − interest − principal) is allocated to the capital items in proportion
    /// to their share of the initial capital, since the loan finances that capital; so the cost
    /// items sum to the break-even price without taxes and subsidies.
    /// `taxes` = break-even(with taxes, no subsidies) − that sum; `subsidies` = break-even(as
    /// given) − break-even(with taxes, no subsidies), negative.
    public func itemisedBreakEven() throws(FinanceError) -> ItemisedCost {
        var cost = ItemisedCost()
        let c = columns
        var loanValue = 0.0
        for t in 0..<rowCount {
            loanValue += (c.loanDraw[t] - c.interest[t] - c.principal[t]) * c.discountFactor[t]
        }
        for (k, item) in CostItem.allCases.enumerated() {
            var value = 0.0
            for t in 0..<rowCount {
                value += (c.capitalByItem[k][t] - c.salvageByItem[k][t] + c.operatingCostByItem[k][t]) * c.discountFactor[t]
            }
            value -= c.initialCapitalShareByItem[k] * loanValue
            cost[item] = value / presentValueOfKg
        }
        let beforeTaxes = cost.total
        let withTaxes = try ProForma(project: project.withoutSubsidies, finance: finance).breakEvenPrice()
        let full = try breakEvenPrice()
        cost[.taxes] += withTaxes - beforeTaxes
        cost[.subsidies] += full - withTaxes
        return cost
    }
}

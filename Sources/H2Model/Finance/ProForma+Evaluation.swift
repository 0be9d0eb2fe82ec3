// The one pass over the years that turns a price into equity cash flows. The NPV, the cash flow
// table and the IRR all come from this same loop, so they cannot disagree.

/// The price-dependent values of one time, handed to a recorder.
struct PriceDependentRow {
    var salesExVAT: Double
    var outputVAT: Double
    var vatRemitted: Double
    var vatCreditCarried: Double
    var vatSurcharge: Double
    var vatRefund: Double
    var taxableIncome: Double
    var lossUsed: Double
    var lossCarried: Double
    var incomeTax: Double
    var equityCashFlow: Double
}

/// Receives the rows of an evaluation. The NPV path uses `DiscardRows`, whose calls vanish
/// once the generic loop is specialised.
protocol CashFlowRecorder {
    static var recordsRows: Bool { get }
    mutating func record(time: Int, _ row: PriceDependentRow)
}

struct DiscardRows: CashFlowRecorder {
    static var recordsRows: Bool { false }
    @inline(__always) mutating func record(time: Int, _ row: PriceDependentRow) {}
}

struct CollectRows: CashFlowRecorder {
    static var recordsRows: Bool { true }
    var rows: [PriceDependentRow] = []
    mutating func record(time: Int, _ row: PriceDependentRow) { rows.append(row) }
}

extension ProForma {
    /// Net present value of the equity cash flows at a VAT-inclusive nozzle price given in
    /// price-year CNY per kg (constant in real terms; escalated with inflation in nominal basis),
    /// discounted to t = 0. Allocation-free.
    public func npv(atPrice price: Double) -> Double {
        var discard = DiscardRows()
        return evaluate(price: price, recorder: &discard)
    }

    /// Present value of sales ex VAT at `price` (the scale against which an NPV of zero is judged).
    public func presentValueOfSales(atPrice price: Double) -> Double {
        price * presentValueOfSalesPerUnitPrice
    }

    @inline(__always)
    func evaluate<Recorder: CashFlowRecorder>(price: Double, recorder: inout Recorder) -> Double {
        let rows = rowCount
        let lossYears = lossCarryForwardYears
        let vat = vatRate, surchargeRate = vatSurchargeRate
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: rows) { losses in
            var npv = 0.0
            var credit = 0.0
            for t in 0..<rows {
                let sales = price * revenuePerUnitPrice[t]
                let outputVAT = vat * sales
                let netVAT = outputVAT - inputVAT[t] - credit
                let remitted: Double
                if netVAT > 0 {
                    remitted = netVAT
                    credit = 0
                } else {
                    remitted = 0
                    credit = -netVAT
                }
                let surcharge = surchargeRate * remitted
                let refund = vatRefundShareByTime[t] * remitted
                let taxable = sales - taxDeductions[t] - surcharge
                var tax = 0.0
                var lossUsed = 0.0
                losses[t] = 0
                if taxable > 0 {
                    // Oldest unexpired loss first: a loss of year v offsets years v+1 … v+L.
                    var remaining = taxable
                    var v = max(0, t - lossYears)
                    while v < t && remaining > 0 {
                        let use = min(losses[v], remaining)
                        losses[v] -= use
                        remaining -= use
                        v += 1
                    }
                    lossUsed = taxable - remaining
                    tax = incomeTaxRateByTime[t] * remaining
                } else {
                    losses[t] = -taxable
                }
                let cashFlow = sales + outputVAT - remitted + refund - surcharge - tax + cashBeforeSalesAndTaxes[t]
                npv += cashFlow * discountFactor[t]
                if Recorder.recordsRows {
                    var carried = 0.0
                    if lossYears > 0 {
                        for v in max(0, t + 1 - lossYears)...t { carried += losses[v] }
                    }
                    recorder.record(time: t, PriceDependentRow(
                        salesExVAT: sales, outputVAT: outputVAT, vatRemitted: remitted,
                        vatCreditCarried: credit, vatSurcharge: surcharge, vatRefund: refund, taxableIncome: taxable,
                        lossUsed: lossUsed, lossCarried: carried, incomeTax: tax, equityCashFlow: cashFlow))
                }
            }
            return npv
        }
    }

    /// Equity cash flow at each time t = 0 … C + N at `price`.
    public func equityCashFlows(atPrice price: Double) -> [Double] {
        var collect = CollectRows()
        _ = evaluate(price: price, recorder: &collect)
        return collect.rows.map(\.equityCashFlow)
    }

    /// The full cash flow table at `price` (see `CashFlowYear`); its discounted column sums to
    /// `npv(atPrice:)`.
    public func cashFlows(atPrice price: Double) -> [CashFlowYear] {
        var collect = CollectRows()
        _ = evaluate(price: price, recorder: &collect)
        let c = columns
        let C = finance.constructionYears
        var cumulative = 0.0
        var table: [CashFlowYear] = []
        table.reserveCapacity(rowCount)
        for (t, row) in collect.rows.enumerated() {
            let discounted = row.equityCashFlow * c.discountFactor[t]
            cumulative += discounted
            table.append(CashFlowYear(
                time: t,
                operatingYear: t - C,
                kg: c.kg[t],
                nozzlePriceCNYPerKg: c.kg[t] > 0 || t > C ? price * c.escalation[t] : 0,
                salesExVAT: row.salesExVAT,
                outputVAT: row.outputVAT,
                capitalInItemOrder: c.capitalByItem.map { $0[t] },
                operatingCostInItemOrder: c.operatingCostByItem.map { $0[t] },
                capital: c.capital[t],
                fixedCost: c.fixedCost[t],
                variableCost: c.variableCost[t],
                inputVAT: c.inputVAT[t],
                vatRemitted: row.vatRemitted,
                vatCreditCarried: row.vatCreditCarried,
                vatSurcharge: row.vatSurcharge,
                vatRefund: row.vatRefund,
                depreciation: c.depreciation[t],
                writeOff: c.writeOff[t],
                salvage: c.salvage[t],
                loanDraw: c.loanDraw[t],
                interest: c.interest[t],
                principal: c.principal[t],
                loanBalance: c.loanBalance[t],
                taxableIncome: row.taxableIncome,
                lossUsed: row.lossUsed,
                lossCarried: row.lossCarried,
                incomeTax: row.incomeTax,
                incomeTaxRate: incomeTaxRateByTime[t],
                constructionSubsidy: c.constructionSubsidy[t],
                operatingSubsidy: c.operatingSubsidy[t],
                equityCashFlow: row.equityCashFlow,
                discountFactor: c.discountFactor[t],
                discountedEquityCashFlow: discounted,
                cumulativeDiscountedEquityCashFlow: cumulative))
        }
        return table
    }
}

// Reusable invariant checks for the finance engine (DESIGN §6): every finance test runs its
// pro-formas through these, so each scenario is checked for the same conservation laws.
import H2Model
import Testing

/// Solves the break-even price of `proForma` and checks, with `#expect`:
/// - the NPV at that price is zero within 1e-9 of the PV of sales;
/// - the IRR at that price equals the discount rate within 1e-9;
/// - the cash flow table reproduces the NPV and obeys its accounting identities
///   (`checkCashFlowTable`);
/// - the itemised break-even sums to the price within 1e-9 (relative), items in `CostItem` order.
/// Returns the price, or nil (after recording an issue) when the solve fails.
@discardableResult
public func checkBreakEvenInvariants(
    _ proForma: ProForma,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Double? {
    let price: Double
    do {
        price = try proForma.breakEvenPrice()
    } catch {
        Issue.record("break-even solve failed: \(error)", sourceLocation: sourceLocation)
        return nil
    }
    let scale = abs(proForma.presentValueOfSales(atPrice: price))
    let npv = proForma.npv(atPrice: price)
    #expect(abs(npv) <= 1e-9 * scale,
            "NPV at the break-even price \(price) is \(npv); PV of sales is \(scale)",
            sourceLocation: sourceLocation)

    do {
        if let irr = try proForma.irr(atPrice: price) {
            #expect(abs(irr - proForma.finance.discountRate) <= 1e-9,
                    "IRR at the break-even price is \(irr), discount rate \(proForma.finance.discountRate)",
                    sourceLocation: sourceLocation)
        } else {
            Issue.record("no IRR at the break-even price \(price)", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("IRR failed: \(error)", sourceLocation: sourceLocation)
    }

    checkCashFlowTable(proForma, atPrice: price, sourceLocation: sourceLocation)

    do {
        let itemised = try proForma.itemisedBreakEven()
        #expect(itemised.items.map(\.item) == CostItem.allCases, sourceLocation: sourceLocation)
        let sum = itemised.items.reduce(0) { $0 + $1.cnyPerKg }
        #expect(abs(sum - itemised.total) <= 1e-12 * max(1, abs(price)), sourceLocation: sourceLocation)
        #expect(abs(itemised.total - price) <= 1e-9 * max(1, abs(price)),
                "itemised total \(itemised.total) ≠ break-even price \(price)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("itemisation failed: \(error)", sourceLocation: sourceLocation)
    }
    return price
}

/// Checks the cash flow table at `price` against identities that hold whatever the inputs:
/// - its discounted column sums to `npv(atPrice:)`, and the cumulative column is that running sum;
/// - each row's equity cash flow equals the sum of its columns (the formula in `ProForma`);
/// - VAT is conserved: Σ remitted − final credit carried = Σ output VAT − Σ input VAT;
/// - income tax is never negative and never exceeds rate × max(0, taxable income);
/// - the capital and operating columns by item sum to their totals;
/// - the loan is repaid: the final balance is zero within 1e-6 of the amount drawn.
public func checkCashFlowTable(
    _ proForma: ProForma,
    atPrice price: Double,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let table = proForma.cashFlows(atPrice: price)
    let finance = proForma.finance
    #expect(table.count == finance.constructionYears + finance.operatingYears + 1, sourceLocation: sourceLocation)
    let npv = proForma.npv(atPrice: price)
    let scale = max(1, abs(proForma.presentValueOfSales(atPrice: price)))
    let discountedSum = table.reduce(0) { $0 + $1.discountedEquityCashFlow }
    #expect(abs(discountedSum - npv) <= 1e-12 * scale, sourceLocation: sourceLocation)
    #expect(abs((table.last?.cumulativeDiscountedEquityCashFlow ?? 0) - npv) <= 1e-12 * scale, sourceLocation: sourceLocation)

    var outputVAT = 0.0, inputVAT = 0.0, remitted = 0.0, drawn = 0.0
    for row in table {
        let rowScale = max(1, abs(row.salesExVAT), abs(row.capital), abs(row.loanDraw))
        let expected = row.salesExVAT + row.outputVAT - row.vatRemitted - row.vatSurcharge - row.incomeTax
            - row.capital - row.inputVAT - row.fixedCost - row.variableCost
            + row.loanDraw - row.interest - row.principal
            + row.constructionSubsidy + row.operatingSubsidy + row.salvage
        #expect(abs(row.equityCashFlow - expected) <= 1e-9 * rowScale,
                "t = \(row.time): equity cash flow \(row.equityCashFlow) ≠ sum of columns \(expected)",
                sourceLocation: sourceLocation)
        #expect(abs(row.discountedEquityCashFlow - row.equityCashFlow * row.discountFactor) <= 1e-9 * rowScale,
                sourceLocation: sourceLocation)
        #expect(abs(row.capitalInItemOrder.reduce(0, +) - row.capital) <= 1e-9 * rowScale, sourceLocation: sourceLocation)
        #expect(abs(row.operatingCostInItemOrder.reduce(0, +) - row.fixedCost - row.variableCost) <= 1e-9 * rowScale,
                sourceLocation: sourceLocation)
        #expect(row.incomeTax >= 0 && row.incomeTax <= finance.incomeTaxRate * max(0, row.taxableIncome) * (1 + 1e-12) + 1e-9,
                "t = \(row.time): income tax \(row.incomeTax) on taxable income \(row.taxableIncome)",
                sourceLocation: sourceLocation)
        #expect(row.vatRemitted >= 0 && row.vatCreditCarried >= 0 && row.lossCarried >= 0, sourceLocation: sourceLocation)
        outputVAT += row.outputVAT
        inputVAT += row.inputVAT
        remitted += row.vatRemitted
        drawn += row.loanDraw
    }
    let finalCredit = table.last?.vatCreditCarried ?? 0
    #expect(abs(remitted - finalCredit - (outputVAT - inputVAT)) <= 1e-9 * max(1, outputVAT + inputVAT),
            "VAT: remitted \(remitted), final credit \(finalCredit), output \(outputVAT), input \(inputVAT)",
            sourceLocation: sourceLocation)
    #expect(abs(table.last?.loanBalance ?? 0) <= 1e-6 * max(1, drawn), sourceLocation: sourceLocation)
}

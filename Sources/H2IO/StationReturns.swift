// What an investor in each planned station earns at a retail price (issue 9): NPV of the
// equity cash flows at the required return, real IRR and discounted payback, and the policy
// columns of the cash flow table. Kept apart from PlanResults.swift so the table layouts there
// change by one call each.
import H2Model

enum StationReturns {
    /// npv_at_retail_cny, irr_at_retail_pct, payback_years_at_retail, policies: for one of the
    /// node's identical stations. IRR is empty when no rate makes the NPV zero (the cash flows
    /// never turn positive), payback when the cumulative discounted cash is still negative at
    /// the horizon.
    static func cells(_ st: StationPlan, retailPriceCnyPerKg price: Double) -> [CSVCell] {
        let irr = (try? st.proForma.irr(atPrice: price)) ?? nil
        let payback = st.proForma.discountedPaybackYear(atPrice: price)
        return [.number(st.proForma.npv(atPrice: price)), .optional(irr.map { 100 * $0 }), .optional(payback.map(Double.init)),
                .text(st.policy.measureIDs.joined(separator: " "))]
    }

    /// Stations (counting each of a node's identical stations) whose NPV at `price` is positive.
    static func profitableStationCount(_ plan: CorridorPlan, retailPriceCnyPerKg price: Double) -> Int {
        plan.stations.reduce(0) { $0 + ($1.proForma.npv(atPrice: price) > 0 ? $1.stationCount : 0) }
    }

    /// calendar_year (empty during construction), operating_subsidy_cny, construction_subsidy_cny,
    /// vat_refund_cny, income_tax_rate_pct (the rate applied that year).
    static func policyCells(_ y: CashFlowYear, _ st: StationPlan) -> [CSVCell] {
        let calendar: CSVCell = y.operatingYear >= 1 ? .integer(st.policy.firstOperatingYear + y.operatingYear - 1) : .empty
        return [calendar, .number(y.operatingSubsidy), .number(y.constructionSubsidy), .number(y.vatRefund), .number(100 * y.incomeTaxRate)]
    }
}

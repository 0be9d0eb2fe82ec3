// The human summary of a cost run, on stderr: the physical picture behind the numbers.
import H2IO
import H2Model

enum CostReport {
    static func summary(_ e: ChainEvaluation, cost: CostVector, proForma: ProForma?, finance: FinanceMode,
                        scenario: Scenario, _ a: Assumptions) -> String {
        func f(_ x: Double, _ digits: Int = 2) -> String {
            let scale = Double(pow10(digits))
            return formatNumber((x * scale).rounded() / scale)
        }
        let c = e.chain
        var lines = ["\(c.production.rawValue) + \(c.delivery.rawValue), \(f(c.distanceKm, 1)) km, station \(f(c.stationCapacityKgPerDay, 0)) kg/day at \(f(c.utilisationPct, 1)) % (\(f(c.dispensedKgPerDay, 0)) kg/day), \(c.pressure.rawValue) MPa; scenario \(scenario.name), price year \(scenario.priceYear)"]
        lines.append("  total \(f(cost.total)) CNY/kg (\(finance.rawValue))")
        let grade = HydrogenGrade.of(e.co2.total, renewable: CarbonIntensity.isRenewable(e.chain.production), a)
        lines.append("  carbon intensity \(f(e.co2.total)) kg CO2e/kg at the nozzle: \(grade.rawValue) under T/CAB 0078-2020 (clean <= \(f(a.emissions.tcabCleanKgPerKg)), low-carbon <= \(f(a.emissions.tcabLowCarbonKgPerKg)))")
        if let hours = e.source.operatingHoursPerDay {
            lines.append("  time-of-use electrolysis: \(f(hours)) h/day; flat operation would cost \(f(e.source.flatOperationCnyPerKg ?? .nan)) CNY/kg")
        }
        let d = e.delivery
        if d.tripsPerDay > 0 {
            lines.append("  delivery: \(f(d.deliveredPerTripKg, 0)) kg per trip, \(f(d.tripsPerDay)) trips/day, \(f(d.trailers)) trailers, \(f(d.tractors)) tractors, \(f(d.crewFullTimeEquivalents)) crew FTE, \(f(d.dieselLitresPerDay, 0)) L diesel/day")
        }
        if d.compressionAtSourceKwhPerKg > 0 { lines.append("  compression at the source: \(f(d.compressionAtSourceKwhPerKg)) kWh/kg") }
        if e.lossFraction > 0 { lines.append("  losses before the nozzle: \(f(100 * e.lossFraction)) % of production") }
        lines.append("  station: capex \(f(e.stationCapexCny / 1e6)) M CNY excl. land, energy \(f(e.stationEnergyKwhPerKg)) kWh/kg")
        if e.onsiteElectrolyserKw > 0 { lines.append("  on-site electrolyser: \(f(e.onsiteElectrolyserKw, 0)) kW") }
        if let carrier = e.chain.production.stationCarrier { lines.append("  station \(carrier.plantWord): \(f(e.stationCrackerKgPerDay, 0)) kg/day") }
        if let proForma {
            let price = a.policy.retailPriceCnyPerKg
            let npv = proForma.npv(atPrice: price)
            let irr = (try? proForma.irr(atPrice: price)) ?? nil
            let payback = proForma.discountedPaybackYear(atPrice: price)
            let fa = a.financeAssumptions
            lines.append("  finance (real): required return on equity \(f(100 * fa.discountRate)) %, loan \(f(100 * fa.debtInterestRate)) % (\(f(a.finance.debtInterestRatePct)) % nominal), after-tax WACC \(f(100 * fa.realWACCAfterTax)) %; social discount rate \(f(a.finance.socialDiscountRatePct)) % (placement)")
            lines.append("  at \(f(price)) CNY/kg: NPV \(f(npv / 1e6)) M CNY, IRR \(irr.map { f(100 * $0) + " %" } ?? "none"), discounted payback \(payback.map { "\($0) yr" } ?? "never")")
        }
        let estimates = scenario.parameters.all.filter { $0.basis == .estimate }.count
        lines.append("  \(estimates) of \(ParameterCatalogue.all.count) parameters are ESTIMATES (h2corridor explain lists them)")
        return lines.joined(separator: "\n")
    }

    static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { r, _ in r * 10 } }
}

// Fixed-placement break-even prices of every station of a plan, not only the network average:
// the fast depth of DESIGN §2.8 with a per-station view (tornado --per-station, montecarlo
// --per-station). Same computation as `CorridorPlanner.recost(_:_:itemised: false)`.

extension CorridorPlan {
    /// Each station's break-even nozzle price (¥/kg) under `a`, in the plan's station order,
    /// with placement, sizes, supply links and demand ramps held fixed; and their average
    /// weighted by design-year throughput.
    ///
    /// When `a` changes the number of operating years, each station's yearly kg is cut at the
    /// new horizon or extended with its last year's kg (the demand ramp is flat after its last
    /// year), so the project always has one kg figure per operating year.
    public func fixedPlacementPrices(_ a: Assumptions) throws -> (stations: [Double], average: Double) {
        let total = horizonKg
        guard total > 0 else { return ([], 0) }
        let years = Int(a.finance.operatingYears)
        var prices: [Double] = []
        prices.reserveCapacity(stations.count)
        var average = 0.0
        for st in stations {
            let evaluation = try st.evaluation(a)
            var annualKg = st.annualKg
            if annualKg.count > years { annualKg.removeLast(annualKg.count - years) }
            while annualKg.count < years { annualKg.append(annualKg.last ?? 365) }
            let project = ChainModel.projectDefinition(evaluation, a, annualKg: annualKg, policy: st.policy)
            let price = try ProForma(project: project, finance: a.financeAssumptions).breakEvenPrice()
            prices.append(price)
            average += price * (st.horizonKg / total)
        }
        return (prices, average)
    }
}

// Published figures the cost model must reproduce at base inputs, each printed as model vs
// source. Where base data cannot reach a band the test says why rather than bending data.
import Testing
@testable import H2Model

@Suite struct PublishedFigureTests {
    let base = ParameterCatalogue.defaults

    func annuity(_ chain: SupplyChain, _ a: Assumptions? = nil) throws -> CostVector {
        let a = a ?? base
        return ChainModel.annuityCost(try ChainModel.evaluate(chain, a), a)
    }

    /// Innova Research 2025: 6.3 CNY/kg at 100 km; newradargas: 7.1 by interpolation (reference
    /// row C.tube_trailer_delivery_cost_100km); band widened to 5.4 (newradargas' 50 km figure)
    /// because neither source states the daily volume. The sources quote the haulage cost, so the
    /// model's transport item is compared; compression at the filling station is a separate
    /// conditioning item (printed, not part of the comparison). 1,000 kg/d station at 80 %.
    @Test func tubeTrailer20At100kmMatchesChineseSources() throws {
        let chain = SupplyChain(production: .byproduct, delivery: .tubeTrailer20, distanceKm: 100,
                                stationCapacityKgPerDay: 1000, utilisationPct: 80)
        let e = try ChainModel.evaluate(chain, base)
        let transport = e.delivery.transportCnyPerKg
        print("20 MPa tube trailer, 100 km, 800 kg/d: model transport \(transport) CNY/kg (filling compression, separate: \(e.delivery.conditioningCnyPerKg)); source 6.3-7.1, band 5.4-7.1; trips/day \(e.delivery.tripsPerDay), trailers \(e.delivery.trailers), tractors \(e.delivery.tractors), crew FTE \(e.delivery.crewFullTimeEquivalents)")
        #expect(transport >= 5.4 && transport <= 7.1)
        // The slope the two sources imply: 2.5-3.3 CNY/kg per 100 km (C.tube_trailer_marginal_cost).
        // At base inputs the model is steeper, because it carries a two-person hazardous-goods
        // crew at 50 km/h (both ESTIMATE); with one driver at 60 km/h it lands in the band.
        func slope(_ a: Assumptions) throws -> Double {
            var far = chain
            far.distanceKm = 500
            return (try ChainModel.evaluate(far, a).delivery.transportCnyPerKg
                    - ChainModel.evaluate(chain, a).delivery.transportCnyPerKg) / 4
        }
        var oneDriver = base
        oneDriver.road.crewPerTruck = 1
        oneDriver.road.averageSpeedKmPerH = 60
        let baseSlope = try slope(base), sourceLikeSlope = try slope(oneDriver)
        print("marginal tube-trailer cost per 100 km: model \(baseSlope) at base (2 crew, 50 km/h), \(sourceLikeSlope) with 1 driver at 60 km/h; source 2.5-3.3")
        #expect(baseSlope >= 2.5 && baseSlope <= 4.5)
        #expect(sourceLikeSlope >= 2.5 && sourceLikeSlope <= 3.3)
    }

    /// Innova 2025: liquid hydrogen beats tube trailers beyond about 400 km. Landed cost at the
    /// station = production + conditioning + transport + station energy (the station energy
    /// differs: compression from a trailer vs a cryogenic pump).
    @Test func liquidOvertakesTubeTrailerBetween250And600km() throws {
        func landed(_ mode: DeliveryMode, _ km: Double) throws -> Double {
            let c = try annuity(SupplyChain(production: .byproduct, delivery: mode, distanceKm: km,
                                            stationCapacityKgPerDay: 1000, utilisationPct: 100))
            return c.production + c.purification + c.conditioning + c.transport + c.energy
        }
        var crossover: Double? = nil
        var km = 50.0
        while km <= 1000 {
            if try landed(.liquid, km) < landed(.tubeTrailer20, km) { crossover = km; break }
            km += 10
        }
        print("liquid vs 20 MPa tube trailer at 1,000 kg/d: crossover \(crossover.map { "\($0) km" } ?? "none up to 1,000 km"); source about 400 km (Innova 2025). At 100 km: LH2 \(try landed(.liquid, 100)) vs tube \(try landed(.tubeTrailer20, 100)); at 500 km: LH2 \(try landed(.liquid, 500)) vs tube \(try landed(.tubeTrailer20, 500))")
        let found = try #require(crossover)
        #expect(found >= 250 && found <= 600)
    }

    /// Reference row D.hrs_capex_500kgd_35MPa_fixed_ex_land: 10-12.5 M CNY.
    @Test func station500kgPerDayCapexWithinReportedRange() {
        let capex = StationModel.capexCny(capacityKgPerDay: 500, pressure: .mpa35, base)
        print("500 kg/d 35 MPa station capex: model \(capex / 1e6) M CNY; source 10-12.5 M CNY")
        #expect(capex >= 10e6 && capex <= 12.5e6)
        let capex1000 = StationModel.capexCny(capacityKgPerDay: 1000, pressure: .mpa35, base)
        print("1,000 kg/d: model \(capex1000 / 1e6) M CNY; source Haiyan 18.5 M CNY incl. everything, range 15-22")
        #expect(capex1000 >= 15e6 && capex1000 <= 22e6)
    }

    /// By-product + 20 MPa trailer at 100 km + 500 kg/d station at 80 %: ¥25–45/kg at the nozzle.
    /// The Chinese station-cost studies behind that band quote costs before VAT and income tax,
    /// so the pre-tax total is compared in both conventions (annuity; pro-forma break-even less
    /// its `taxes` item). The pro-forma's full nozzle price adds VAT at 13 % of the ex-VAT price
    /// (paid along the chain and borne at the nozzle), VAT surcharges and income tax on the
    /// equity return: about ¥7/kg more, printed here and checked to be of that size.
    @Test func byproductChainAtTheNozzle() throws {
        let chain = SupplyChain(production: .byproduct, delivery: .tubeTrailer20, distanceKm: 100,
                                stationCapacityKgPerDay: 500, utilisationPct: 80)
        for mode in FinanceMode.allCases {
            let c = try ChainModel.cost(chain, base, mode: mode)
            let preTax = c.total - c.taxes
            print("by-product + 20 MPa trailer 100 km + 500 kg/d at 80 % (\(mode.rawValue)): model \(preTax) CNY/kg before tax, \(c.total) with taxes; source band 25-45 (before tax); items \(CostItem.allCases.map { "\($0.rawValue)=\(c[$0])" }.joined(separator: " "))")
            #expect(preTax >= 25 && preTax <= 45)
            if mode == .proforma {
                // VAT alone is 13 % of the ex-VAT price: at least 0.13/1.13 of the total.
                #expect(c.taxes >= 0.13 / 1.13 * c.total && c.taxes <= 0.25 * c.total)
            }
        }
    }

    /// The purified gate cost of by-product hydrogen reproduces the REPORTED 14–16 CNY/kg.
    @Test func byproductGateCostMatchesReportedRange() throws {
        let s = try ProductionModel.sourceCost(.byproduct, base)
        print("by-product purified at gate: model \(s.production + s.purification) CNY/kg; source 14-16 (Integral New Energy 2021)")
        #expect(s.production + s.purification >= 14 && s.production + s.purification <= 16)
    }
}

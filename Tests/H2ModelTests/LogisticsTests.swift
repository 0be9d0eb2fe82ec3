// The logistics of a supply link against a hand calculation from the catalogue's parameters.
import Testing
@testable import H2Model

@Suite struct LogisticsTests {
    let a = ParameterCatalogue.defaults

    /// trips × payload = kg/day (0.1 %), and the fleet worked out by hand from payload, speed,
    /// loading time, availability and driver hours.
    @Test(arguments: [DeliveryMode.tubeTrailer20, .tubeTrailer30, .tubeTrailer50, .liquid, .ammoniaTanker], [10.0, 150, 520])
    func roadLinkByHand(mode: DeliveryMode, distanceKm: Double) {
        let kg = 1_700.0
        let l = DeliveryLogistics.link(mode, distanceKm: distanceKm, kgPerDay: kg, a)
        let payload = try! #require(l.payloadKgPerTrip)
        // Liquid supply also replaces the station tank's steady boil-off (half a load's a day).
        let delivered = kg + (mode == .liquid ? a.liquid.boilOffPctPerDay / 100 * a.liquid.trailerPayloadKg / 2 : 0)
        #expect(abs(l.tripsPerDay * payload - delivered) <= 1e-3 * delivered)
        #expect(abs(l.truckKmPerDay - l.tripsPerDay * 2 * distanceKm) <= 1e-9 * max(1, l.truckKmPerDay))

        let road = a.road
        let expectedPayload: Double
        switch mode {
        case .tubeTrailer20, .tubeTrailer30, .tubeTrailer50:
            let t = mode == .tubeTrailer20 ? a.tubeTrailer20 : mode == .tubeTrailer30 ? a.tubeTrailer30 : a.tubeTrailer50
            expectedPayload = t.grossPayloadKg * (1 - t.densityAtResidualPressureKgPerM3 / t.densityAtFullPressureKgPerM3)
        case .liquid:
            expectedPayload = a.liquid.trailerPayloadKg * (1 - a.liquid.boilOffPctPerDay / 100 * distanceKm / road.averageSpeedKmPerH / 24)
        default:
            expectedPayload = a.ammoniaTanker.payloadTonnes * 1000 / a.ammonia.crackerNh3KgPerKgH2
        }
        #expect(abs(payload - expectedPayload) <= 1e-9 * expectedPayload)
        let trips = delivered / expectedPayload
        let driving = trips * (2 * distanceKm / road.averageSpeedKmPerH + road.loadingUnloadingHours)
        let filling = trips * road.trailerFillingHours
        let available = 24 * road.fleetAvailabilityPct / 100
        let dropAndSwap = [DeliveryMode.tubeTrailer20, .tubeTrailer30, .tubeTrailer50].contains(mode)
        // A dropped tube trailer is filled without its tractor; a liquid or ammonia truck waits.
        let tractorHours = driving + (dropAndSwap ? 0 : filling)
        #expect(abs(l.tractors - tractorHours / available) <= 1e-9 * l.tractors)
        #expect(abs(l.trailers - (driving + filling + (dropAndSwap ? 24 : 0)) / available) <= 1e-9 * l.trailers)
        #expect(abs(l.crewFullTimeEquivalents - tractorHours * 365 * road.crewPerTruck / road.driverHoursPerYear) <= 1e-9 * l.crewFullTimeEquivalents)
    }

    /// A 50 MPa trailer carries about 0.8 t net: Guiyang's 5.1 t/day from Liuzhi is six to seven
    /// deliveries a day (the order of magnitude a planner would check).
    @Test func guiyangOrderOfMagnitude() {
        let l = DeliveryLogistics.link(.tubeTrailer50, distanceKm: 153.6, kgPerDay: 5_100, a)
        #expect(l.tripsPerDay > 5 && l.tripsPerDay < 8)
        #expect(abs(l.truckKmPerDay - l.tripsPerDay * 307.2) < 1e-9 * l.truckKmPerDay)
    }

    @Test func pipelineAndOnsiteHaveNoTrucks() {
        for mode in [DeliveryMode.pipeline, .none] {
            let l = DeliveryLogistics.link(mode, distanceKm: 10, kgPerDay: 1_000, a)
            #expect(!l.isRoad && l.payloadKgPerTrip == nil && l.tripsPerDay == 0 && l.trailers == 0 && l.truckKmPerDay == 0)
        }
        let idle = DeliveryLogistics.link(.tubeTrailer20, distanceKm: 50, kgPerDay: 0, a)
        #expect(idle.isRoad && idle.tripsPerDay == 0 && idle.tractors == 0)
    }

    @Test func arrivalsSumPerDestination() {
        let one = DeliveryLogistics.link(.tubeTrailer20, distanceKm: 50, kgPerDay: 900, a)
        let two = DeliveryLogistics.link(.liquid, distanceKm: 300, kgPerDay: 2_000, a)
        let arrivals = DeliveryLogistics.arrivalsPerDay([("X", one), ("Y", one), ("X", two)])
        #expect(abs(arrivals["X"]! - (one.tripsPerDay + two.tripsPerDay)) < 1e-12)
        #expect(arrivals["Y"] == one.tripsPerDay)
    }
}

// The physical side of a supply link (issue 11): trips, trailers, tractors, crews and truck-km a
// day. The delivery cost model already works these out to price a kilogram; this exposes them
// so a planner sees, for example, how many hazardous-goods trailer deliveries a city receives.

/// What keeps one supply link running, per day.
public struct LinkLogistics: Sendable, Equatable {
    public var mode: DeliveryMode
    public var distanceKm: Double
    /// Hydrogen dispensed at the station from this link.
    public var kgPerDay: Double
    /// Hydrogen (or H2-equivalent ammonia) unloaded per trip; nil for pipeline and on-site supply.
    public var payloadKgPerTrip: Double?
    /// Loaded deliveries a day (each one a round trip of 2 × distance).
    public var tripsPerDay: Double
    /// Trailers (tube trailers, cryogenic trailers or ammonia tankers) in use, as shared-fleet
    /// equivalents: a source's fleet serves several stations, each paying for its fraction.
    public var trailers: Double
    public var tractors: Double
    public var crewFullTimeEquivalents: Double
    /// Truck-km driven a day, loaded out and empty back.
    public var truckKmPerDay: Double

    /// True for modes carried by road (trailers and tankers).
    public var isRoad: Bool { payloadKgPerTrip != nil }
}

public enum DeliveryLogistics {
    /// The logistics of delivering `kgPerDay` over `distanceKm` one way by `mode`.
    ///
    /// Uses the same shuttle arithmetic as the delivery cost (DeliveryModel), so the fleet
    /// reported is the fleet paid for: trips = kg/day ÷ payload; tractor-hours = trips × (round
    /// trip at the average speed + loading/unloading); trailers add the 24 h a dropped tube
    /// trailer stands at the station; fleets are hours ÷ available hours; crew = tractor-hours
    /// × 365 × crew per truck ÷ driver hours per year. The source's outlet pressure changes only
    /// the compression energy, not these figures, so none is asked for.
    public static func link(_ mode: DeliveryMode, distanceKm: Double, kgPerDay: Double, _ a: Assumptions) -> LinkLogistics {
        let isRoad = mode != .pipeline && mode != .none
        guard isRoad, kgPerDay > 0 else {
            return LinkLogistics(mode: mode, distanceKm: distanceKm, kgPerDay: kgPerDay, payloadKgPerTrip: isRoad ? payload(mode, distanceKm: distanceKm, a) : nil,
                                 tripsPerDay: 0, trailers: 0, tractors: 0, crewFullTimeEquivalents: 0, truckKmPerDay: 0)
        }
        let d = DeliveryModel.evaluate(mode, distanceKm: distanceKm, kgPerDay: kgPerDay, sourceOutletMpa: 1, a)
        return LinkLogistics(mode: mode, distanceKm: distanceKm, kgPerDay: kgPerDay, payloadKgPerTrip: d.deliveredPerTripKg,
                             tripsPerDay: d.tripsPerDay, trailers: d.trailers, tractors: d.tractors,
                             crewFullTimeEquivalents: d.crewFullTimeEquivalents, truckKmPerDay: d.tripsPerDay * 2 * distanceKm)
    }

    /// Payload per trip of a road mode, for a link that carries nothing today.
    private static func payload(_ mode: DeliveryMode, distanceKm: Double, _ a: Assumptions) -> Double {
        DeliveryModel.evaluate(mode, distanceKm: distanceKm, kgPerDay: 1, sourceOutletMpa: 1, a).deliveredPerTripKg
    }

    /// Deliveries a day arriving at each destination, summed over its links (order of first
    /// appearance kept by the caller; this is a plain sum).
    public static func arrivalsPerDay(_ links: [(destination: String, logistics: LinkLogistics)]) -> [String: Double] {
        var total: [String: Double] = [:]
        for link in links { total[link.destination, default: 0] += link.logistics.tripsPerDay }
        return total
    }
}

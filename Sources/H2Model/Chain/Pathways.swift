// The supply-chain choices a planner names on the command line and in scenarios.

/// How the hydrogen is made (DESIGN §2.3).
public enum ProductionPathway: String, CaseIterable, Sendable, Codable {
    case byproduct
    case gridElectrolysis = "grid-electrolysis"
    case touElectrolysis = "tou-electrolysis"
    case surplusHydroElectrolysis = "surplus-hydro-electrolysis"
    case onsiteElectrolysis = "onsite-electrolysis"
    case ammoniaCrackingHub = "ammonia-cracking-hub"
    case ammoniaCrackingStation = "ammonia-cracking-station"
    case smr
    case coal

    public var summary: String {
        switch self {
        case .byproduct: "industrial by-product hydrogen (chlor-alkali, coke-oven gas, PDH) bought purified at the gate"
        case .gridElectrolysis: "central alkaline electrolysis on grid power at a flat tariff"
        case .touElectrolysis: "central electrolysis on a time-of-use tariff, hours and size optimised"
        case .surplusHydroElectrolysis: "central electrolysis on surplus hydro / curtailed power"
        case .onsiteElectrolysis: "electrolyser at the station on grid power"
        case .ammoniaCrackingHub: "ammonia bought and cracked at a regional hub, then delivered as hydrogen"
        case .ammoniaCrackingStation: "ammonia delivered by road tanker and cracked at the station"
        case .smr: "natural-gas steam reforming at market price (reference)"
        case .coal: "coal gasification at market price (reference)"
        }
    }
}

/// How the hydrogen reaches the station (DESIGN §2.4).
public enum DeliveryMode: String, CaseIterable, Sendable, Codable {
    case tubeTrailer20 = "tube-trailer-20"
    case tubeTrailer30 = "tube-trailer-30"
    case tubeTrailer50 = "tube-trailer-50"
    case liquid
    case pipeline
    case ammoniaTanker = "ammonia-tanker"
    case none

    public var summary: String {
        switch self {
        case .tubeTrailer20: "20 MPa steel tube trailer, dropped and swapped at the station"
        case .tubeTrailer30: "30 MPa tube trailer, dropped and swapped at the station"
        case .tubeTrailer50: "50 MPa composite tube trailer, dropped and swapped at the station"
        case .liquid: "liquefied at a regional plant, carried by cryogenic trailer"
        case .pipeline: "dedicated hydrogen pipeline"
        case .ammoniaTanker: "liquid ammonia by road tanker (station cracking)"
        case .none: "no delivery: produced at the station"
        }
    }
}

/// Dispensing pressure of a station.
public enum DispensingPressure: Int, CaseIterable, Sendable, Codable {
    case mpa35 = 35
    case mpa70 = 70
}

extension ProductionPathway {
    /// Whether this production pathway can be combined with `delivery`, and if not, why.
    public func incompatibility(with delivery: DeliveryMode) -> String? {
        switch (self, delivery) {
        case (.onsiteElectrolysis, .none): return nil
        case (.onsiteElectrolysis, _): return "on-site electrolysis needs no delivery: use --delivery none"
        case (_, .none): return "only on-site electrolysis works without delivery"
        case (.ammoniaCrackingStation, .ammoniaTanker): return nil
        case (.ammoniaCrackingStation, _): return "ammonia cracked at the station arrives by ammonia tanker: use --delivery ammonia-tanker"
        case (_, .ammoniaTanker): return "an ammonia tanker only feeds a station cracker: use --production ammonia-cracking-station"
        default: return nil
        }
    }
}

// The supply-chain choices a planner names on the command line and in scenarios. Carrier
// pathways and tankers are generated from `Carrier.all` (Delivery/Carrier.swift).

/// How the hydrogen is made (DESIGN §2.3).
public struct ProductionPathway: RawRepresentable, CaseIterable, Sendable, Codable, Hashable, CustomStringConvertible {
    public let rawValue: String
    /// The carrier and where it is reconverted, for carrier pathways.
    public let carrier: Carrier?
    public let site: ReconversionSite?

    private init(_ rawValue: String) { self.rawValue = rawValue; carrier = nil; site = nil }

    init(carrier: Carrier, site: ReconversionSite) {
        rawValue = "\(carrier.id)-\(carrier.reconversion)-\(site.rawValue)"
        self.carrier = carrier
        self.site = site
    }

    public init?(rawValue: String) {
        guard let known = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = known
    }

    public static func == (a: ProductionPathway, b: ProductionPathway) -> Bool { a.rawValue == b.rawValue }
    public func hash(into h: inout Hasher) { h.combine(rawValue) }
    public var description: String { rawValue }

    public static let byproduct = ProductionPathway("byproduct")
    public static let gridElectrolysis = ProductionPathway("grid-electrolysis")
    public static let touElectrolysis = ProductionPathway("tou-electrolysis")
    public static let surplusHydroElectrolysis = ProductionPathway("surplus-hydro-electrolysis")
    public static let onsiteElectrolysis = ProductionPathway("onsite-electrolysis")
    public static let ammoniaCrackingHub = Carrier.ammonia.hubPathway
    public static let ammoniaCrackingStation = Carrier.ammonia.stationPathway
    public static let smr = ProductionPathway("smr")
    public static let coal = ProductionPathway("coal")

    /// Every pathway, in the order they are listed: carriers after the electrolysis pathways,
    /// each carrier's hub then station pathway.
    public static let allCases: [ProductionPathway] =
        [.byproduct, .gridElectrolysis, .touElectrolysis, .surplusHydroElectrolysis, .onsiteElectrolysis]
        + Carrier.all.flatMap { [$0.hubPathway, $0.stationPathway] } + [.smr, .coal]

    public var summary: String {
        if let carrier, let site { return site == .hub ? carrier.hubSummary : carrier.stationSummary }
        switch self {
        case .byproduct: return "industrial by-product hydrogen (chlor-alkali, coke-oven gas, PDH) bought purified at the gate"
        case .gridElectrolysis: return "central alkaline electrolysis on grid power at a flat tariff"
        case .touElectrolysis: return "central electrolysis on a time-of-use tariff, hours and size optimised"
        case .surplusHydroElectrolysis: return "central electrolysis on surplus hydro / curtailed power"
        case .onsiteElectrolysis: return "electrolyser at the station on grid power"
        case .smr: return "natural-gas steam reforming at market price (reference)"
        default: return "coal gasification at market price (reference)"
        }
    }

    /// The carrier reconverted at the station, if this is a station-carrier pathway.
    public var stationCarrier: Carrier? { site == .station ? carrier : nil }
    /// The carrier reconverted at a hub, if this is a hub-carrier pathway.
    public var hubCarrier: Carrier? { site == .hub ? carrier : nil }
}

/// How the hydrogen reaches the station (DESIGN §2.4).
public struct DeliveryMode: RawRepresentable, CaseIterable, Sendable, Codable, Hashable, CustomStringConvertible {
    public let rawValue: String
    /// The carrier a tanker mode carries.
    public let carrier: Carrier?

    private init(_ rawValue: String) { self.rawValue = rawValue; carrier = nil }

    init(tankerOf carrier: Carrier) {
        rawValue = "\(carrier.id)-tanker"
        self.carrier = carrier
    }

    public init?(rawValue: String) {
        guard let known = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = known
    }

    public static func == (a: DeliveryMode, b: DeliveryMode) -> Bool { a.rawValue == b.rawValue }
    public func hash(into h: inout Hasher) { h.combine(rawValue) }
    public var description: String { rawValue }

    public static let tubeTrailer20 = DeliveryMode("tube-trailer-20")
    public static let tubeTrailer30 = DeliveryMode("tube-trailer-30")
    public static let tubeTrailer50 = DeliveryMode("tube-trailer-50")
    public static let liquid = DeliveryMode("liquid")
    public static let pipeline = DeliveryMode("pipeline")
    public static let ammoniaTanker = Carrier.ammonia.tanker
    public static let none = DeliveryMode("none")

    public static let allCases: [DeliveryMode] = [.tubeTrailer20, .tubeTrailer30, .tubeTrailer50, .liquid, .pipeline]
        + Carrier.all.map(\.tanker) + [.none]

    public var summary: String {
        if let carrier { return carrier.tankerSummary }
        switch self {
        case .tubeTrailer20: return "20 MPa steel tube trailer, dropped and swapped at the station"
        case .tubeTrailer30: return "30 MPa tube trailer, dropped and swapped at the station"
        case .tubeTrailer50: return "50 MPa composite tube trailer, dropped and swapped at the station"
        case .liquid: return "liquefied at a regional plant, carried by cryogenic trailer"
        case .pipeline: return "dedicated hydrogen pipeline"
        default: return "no delivery: produced at the station"
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
        if self == .onsiteElectrolysis {
            return delivery == .none ? nil : "on-site electrolysis needs no delivery: use --delivery none"
        }
        if delivery == .none { return "only on-site electrolysis works without delivery" }
        if let c = stationCarrier {
            return delivery == c.tanker ? nil
                : "\(c.name) \(c.reconvertedWord) at the station arrives by \(c.name) tanker: use --delivery \(c.tanker.rawValue)"
        }
        if let c = delivery.carrier {
            return "\(c.articleName) tanker only feeds a station \(c.plantWord): use --production \(c.stationPathway.rawValue)"
        }
        return nil
    }
}

// The demand and supply side of a provincial plan: vehicle classes, fleets with a demand ramp,
// hydrogen sources, and the settings of the placement run (DESIGN §2.2, §2.6).

public struct VehicleClass: Sendable, Equatable {
    public var id: String
    public var name: String
    public var kgPer100Km: Double
    public var tankKg: Double
    /// Usable range on a full tank.
    public var rangeKm: Double
    public var pressure: DispensingPressure
    public var dailyKm: Double
    public init(id: String, name: String, kgPer100Km: Double, tankKg: Double, rangeKm: Double, pressure: DispensingPressure, dailyKm: Double) {
        self.id = id; self.name = name; self.kgPer100Km = kgPer100Km; self.tankKg = tankKg
        self.rangeKm = rangeKm; self.pressure = pressure; self.dailyKm = dailyKm
    }
}

public struct Fleet: Sendable, Equatable {
    public enum Pattern: Sendable, Equatable {
        /// Refuels at a station at or within `serviceRadiusKm` of its home node.
        case depot(home: String, serviceRadiusKm: Double)
        /// Round trips origin → destination → origin on the shortest path.
        case corridor(origin: String, destination: String, roundTripsPerVehiclePerDay: Double)
    }
    public var id: String
    public var name: String
    public var pattern: Pattern
    public var vehicleClass: String
    /// Vehicles in the design year.
    public var vehicles: Double
    /// Demand as a share of the design year's, by calendar year (interpolated linearly,
    /// constant outside the given years).
    public var shareByYear: [(year: Int, share: Double)]

    public init(id: String, name: String, pattern: Pattern, vehicleClass: String, vehicles: Double, shareByYear: [(year: Int, share: Double)]) {
        self.id = id; self.name = name; self.pattern = pattern; self.vehicleClass = vehicleClass
        self.vehicles = vehicles; self.shareByYear = shareByYear.sorted { $0.year < $1.year }
    }

    public static func == (a: Fleet, b: Fleet) -> Bool {
        a.id == b.id && a.name == b.name && a.pattern == b.pattern && a.vehicleClass == b.vehicleClass && a.vehicles == b.vehicles
            && a.shareByYear.map(\.year) == b.shareByYear.map(\.year) && a.shareByYear.map(\.share) == b.shareByYear.map(\.share)
    }

    /// Demand share in `year` relative to the design year.
    public func share(in year: Int) -> Double {
        guard let first = shareByYear.first, let last = shareByYear.last else { return 1 }
        if year <= first.year { return first.share }
        if year >= last.year { return last.share }
        for (a, b) in zip(shareByYear, shareByYear.dropFirst()) where year >= a.year && year <= b.year {
            return a.share + (b.share - a.share) * Double(year - a.year) / Double(b.year - a.year)
        }
        return last.share
    }
}

public struct HydrogenSource: Sendable, Equatable {
    public var id: String
    public var name: String
    public var node: String
    public var pathway: ProductionPathway
    public var availableTonnesPerYear: Double
    public init(id: String, name: String, node: String, pathway: ProductionPathway, availableTonnesPerYear: Double) {
        self.id = id; self.name = name; self.node = node; self.pathway = pathway; self.availableTonnesPerYear = availableTonnesPerYear
    }
}

public struct PlanningSettings: Sendable, Equatable {
    public var objective: PlanningObjective = .leastCost
    public var stationSizesKgPerDay: [Double] = [500, 1000, 2000]
    /// Add candidate sites every N km along edges longer than N km (nil: nodes only).
    public var splitEdgesKm: Double?
    /// Stations of one size a single node (a city) may host; a busy city needs several.
    public var maximumStationsPerNode = 3
    public var designYear = 2025
    public var timeLimitSeconds = 120.0
    /// Delivery modes a source may use to reach a station (ammonia tankers only feed station crackers).
    public var deliveryModes: [DeliveryMode] = [.tubeTrailer20, .tubeTrailer30, .tubeTrailer50, .liquid, .pipeline]
    /// Haul distance when the station is at the source's own node (across town).
    public var sameNodeDistanceKm = 10.0
    /// Station size at which supply options are priced (delivery cost per kg depends on volume).
    public var referenceStationKgPerDay = 1000.0
    /// Figures of the plan, shown beside the model's.
    public var planVehicles: Double?
    public var planStations: Double?
    public var planCapacityTonnesPerDay: Double?
    public init() {}
}

public struct PlanningScenario: Sendable {
    public var network: Network
    public var vehicleClasses: [VehicleClass]
    public var fleets: [Fleet]
    public var sources: [HydrogenSource]
    public var candidateSites: [String]?
    public var settings: PlanningSettings
    /// Policy measures with scope and calendar years (policies.csv; empty without one).
    public var policies = PolicySet()
    public init(network: Network, vehicleClasses: [VehicleClass], fleets: [Fleet], sources: [HydrogenSource],
                candidateSites: [String]?, settings: PlanningSettings) {
        self.network = network; self.vehicleClasses = vehicleClasses; self.fleets = fleets
        self.sources = sources; self.candidateSites = candidateSites; self.settings = settings
    }

    public func vehicleClass(_ id: String) -> VehicleClass? { vehicleClasses.first { $0.id == id } }

    /// Hydrogen a depot fleet needs per day in the design year.
    public func depotDemandKgPerDay(_ fleet: Fleet) -> Double {
        guard let c = vehicleClass(fleet.vehicleClass) else { return 0 }
        return fleet.vehicles * c.dailyKm * c.kgPer100Km / 100
    }
}

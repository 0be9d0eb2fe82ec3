// The demand and supply side of a provincial plan: vehicle classes, fleets with a demand ramp,
// hydrogen sources, and the settings of the placement run (DESIGN §2.2, §2.6).
import H2Numerics

/// The MILP solver a planning run uses (the numerical layer's backends).
public typealias PlanningSolver = MILPBackend

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
    /// First calendar year the source can supply (a plant still to be built); nil: from the start.
    public var firstYear: Int?
    public init(id: String, name: String, node: String, pathway: ProductionPathway, availableTonnesPerYear: Double, firstYear: Int? = nil) {
        self.id = id; self.name = name; self.node = node; self.pathway = pathway; self.availableTonnesPerYear = availableTonnesPerYear
        self.firstYear = firstYear
    }

    /// kg/day the source can supply in `year`.
    public func capacityKgPerDay(in year: Int) -> Double {
        if let first = firstYear, year < first { return 0 }
        return availableTonnesPerYear * 1000 / 365
    }
}

/// A station that already exists (or is committed) before the plan: open from its opening year
/// with its capacity and pressure; it costs no new capital, but its O&M counts.
public struct ExistingStation: Sendable, Equatable {
    public var id: String
    public var name: String
    public var node: String
    public var capacityKgPerDay: Double
    /// True when the capacity was not reported and the scenario's default was used.
    public var capacityIsDefault: Bool
    public var pressure: DispensingPressure
    public var openingYear: Int
    public init(id: String, name: String, node: String, capacityKgPerDay: Double, capacityIsDefault: Bool = false,
                pressure: DispensingPressure, openingYear: Int) {
        self.id = id; self.name = name; self.node = node; self.capacityKgPerDay = capacityKgPerDay
        self.capacityIsDefault = capacityIsDefault; self.pressure = pressure; self.openingYear = openingYear
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
    /// First calendar years of the planning periods, strictly increasing; empty: one period,
    /// the design year.
    public var periods: [Int] = []
    /// The periods planned: `periods`, or the design year alone.
    public var periodYears: [Int] { periods.isEmpty ? [designYear] : periods }
    /// Fleets whose hydrogen would cost more than this at the nozzle (CNY/kg, the network's
    /// cost of serving them) are left unserved and listed; nil serves every fleet.
    public var maximumPriceCnyPerKg: Double?
    /// Offer an electrolyser at every candidate site (grid power, the station's own plant).
    public var onsiteElectrolysis = false
    /// Largest relative error allowed in the piecewise-linear supply cost curves the optimiser
    /// is given (a share; the error reached is reported in summary.csv).
    public var curveTolerance = 0.004
    /// The MILP solver of the planning run. HiGHS by default: on both flagships' phased
    /// planning models it proves the optimum 3–7 times faster than CBC, which is many times
    /// faster than GLPK (`h2bench flagship`, Benchmarks/lp_solvers.sh).
    public var solver: PlanningSolver = .highs
    /// Start the search from a plan rounded up from the LP relaxation and completed
    /// (PhasedPlanning+Start.swift): a time-limited run on a large network then always has a
    /// plan to report (least-cost plans). Off by default: the flagships are proven optimal
    /// without it, and it would only add two solves (Guizhou's start is 4.8 % above its relaxation).
    public var startHeuristic = false
    /// Capacity assumed for an existing station whose capacity is not reported.
    public var existingStationDefaultKgPerDay = 500.0
    public var timeLimitSeconds = 120.0
    /// The search stops once the plan is proven within this share of the optimum (CPLEX's and
    /// Gurobi's default, 0.01 %): far inside the cost curves' own approximation (curveTolerance),
    /// and it spares the solver proving ties among plans that differ by less than that.
    public var relativeGap = 1e-4
    /// Delivery modes a source may use to reach a station (ammonia tankers only feed station crackers).
    public var deliveryModes: [DeliveryMode] = [.tubeTrailer20, .tubeTrailer30, .tubeTrailer50, .liquid, .pipeline]
    /// Haul distance when the station is at the source's own node (across town).
    public var sameNodeDistanceKm = 10.0
    /// A price on the carbon of the hydrogen (CNY per tonne CO₂e at the nozzle, issue 13): the
    /// optimiser minimises cost plus this price times the network's emissions, so a cleaner
    /// source wins where its extra cost per kg is below the price times the kg CO₂e it saves.
    /// A shadow price of the plan: not added to the stations' nozzle prices.
    public var carbonPriceCnyPerTonne = 0.0
    /// Most kg CO₂e per kg dispensed the network may emit in any period (nil: no cap).
    public var maximumCo2KgPerKg: Double?
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
    public var existingStations: [ExistingStation]
    public var settings: PlanningSettings
    /// Policy measures with scope and calendar years (policies.csv; empty without one).
    public var policies = PolicySet()
    public init(network: Network, vehicleClasses: [VehicleClass], fleets: [Fleet], sources: [HydrogenSource],
                candidateSites: [String]?, existingStations: [ExistingStation] = [], settings: PlanningSettings) {
        self.network = network; self.vehicleClasses = vehicleClasses; self.fleets = fleets
        self.sources = sources; self.candidateSites = candidateSites; self.existingStations = existingStations
        self.settings = settings
    }

    public func vehicleClass(_ id: String) -> VehicleClass? { vehicleClasses.first { $0.id == id } }

    /// Hydrogen a depot fleet needs per day in the design year.
    public func depotDemandKgPerDay(_ fleet: Fleet) -> Double {
        guard let c = vehicleClass(fleet.vehicleClass) else { return 0 }
        return fleet.vehicles * c.dailyKm * c.kgPer100Km / 100
    }
}

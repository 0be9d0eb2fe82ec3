// What a placement run is given, in the planner's units. Costs arrive as numbers computed
// elsewhere (the cost engine); this module only optimises.

/// Round trips between an origin and a destination on the shortest path (DESIGN §2.2).
public struct CorridorFlow: Sendable, Hashable {
    public var id: String
    public var origin: String
    public var destination: String
    /// Round trips per day (the FRLM's flow volume).
    public var volume: Double
    /// Usable range of the vehicle class, km; nil uses the problem's range.
    public var rangeKm: Double?
    /// Hydrogen per vehicle-km (kg/100 km ÷ 100); 0 in network-only mode.
    public var hydrogenKgPerKm: Double

    public init(id: String, origin: String, destination: String, volume: Double, rangeKm: Double? = nil, hydrogenKgPerKm: Double = 0) {
        self.id = id
        self.origin = origin
        self.destination = destination
        self.volume = volume
        self.rangeKm = rangeKm
        self.hydrogenKgPerKm = hydrogenKgPerKm
    }
}

/// Vehicles that return to a home depot and refuel at a station within a service radius.
public struct DepotFleet: Sendable, Hashable {
    public var id: String
    public var homeNode: String
    public var demandKgPerDay: Double
    public var serviceRadiusKm: Double

    public init(id: String, homeNode: String, demandKgPerDay: Double, serviceRadiusKm: Double) {
        self.id = id
        self.homeNode = homeNode
        self.demandKgPerDay = demandKgPerDay
        self.serviceRadiusKm = serviceRadiusKm
    }
}

public struct StationSizeClass: Sendable, Hashable {
    public var id: String
    public var capacityKgPerDay: Double
    /// Annualised capex plus fixed O&M, CNY per year, from the cost engine.
    public var annualisedCostCNYPerYear: Double

    public init(id: String, capacityKgPerDay: Double, annualisedCostCNYPerYear: Double) {
        self.id = id
        self.capacityKgPerDay = capacityKgPerDay
        self.annualisedCostCNYPerYear = annualisedCostCNYPerYear
    }
}

public struct SupplySource: Sendable, Hashable {
    public var id: String
    public var capacityKgPerDay: Double

    public init(id: String, capacityKgPerDay: Double) {
        self.id = id
        self.capacityKgPerDay = capacityKgPerDay
    }
}

/// One way to bring hydrogen from a source to a station site.
public struct SupplyOption: Sendable, Hashable {
    public var sourceID: String
    public var site: String
    public var deliveryMode: String
    /// Production + delivery cost of a kg landed at the station, CNY/kg.
    public var costCNYPerKg: Double
    /// Annual cost paid if the option is used at all (e.g. a dedicated trailer), CNY/yr.
    public var fixedAnnualCostCNY: Double

    public init(sourceID: String, site: String, deliveryMode: String, costCNYPerKg: Double, fixedAnnualCostCNY: Double = 0) {
        self.sourceID = sourceID
        self.site = site
        self.deliveryMode = deliveryMode
        self.costCNYPerKg = costCNYPerKg
        self.fixedAnnualCostCNY = fixedAnnualCostCNY
    }
}

/// Invalid placement input: every problem found, each naming the element and the fix.
public struct PlacementError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case invalidInput, solverFailure }
    public let kind: Kind
    public let problems: [String]

    public init(_ kind: Kind, _ problems: [String]) {
        self.kind = kind
        self.problems = problems
    }

    public var description: String { problems.joined(separator: "\n") }
}

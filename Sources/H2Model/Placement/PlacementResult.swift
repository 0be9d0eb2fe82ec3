// What a placement run reports (DESIGN §2.6): the solver's status always, and when there is a
// solution the stations and coverage; the diagnosis whenever demand cannot be served.
import H2Numerics

public struct PlacementResult: Sendable {
    public let status: MILPStatus
    /// Covered round-trip volume; nil without a solution.
    public let objective: Double?
    public let relativeGap: Double?
    public let openStations: [OpenStation]
    public let flows: [FlowCoverage]
    public let diagnosis: [PlacementDiagnosis]

    public var totalFlowVolume: Double { flows.reduce(0) { $0 + $1.volume } }
    public var coveredFlowVolume: Double { flows.reduce(0) { $0 + ($1.covered ? $1.volume : 0) } }
}

/// A candidate the network-only placement opens.
public struct OpenStation: Sendable, Equatable {
    public let site: String
}

public struct FlowCoverage: Sendable, Equatable {
    public let id: String
    public let volume: Double
    /// Decided by the fuel simulation on the open stations (not taken from the MILP).
    public let covered: Bool
    /// Node ids where the vehicle fills up, in walk order (a station passed twice appears twice).
    public let refuellingStops: [String]
    public let roundTripKm: Double?
    public let hydrogenKgPerDay: Double
    /// kg/day drawn at each station, site → kg/day (least-cost modes).
    public let drawnKgPerDayBySite: [String: Double]
}

public struct FleetAssignment: Sendable, Equatable {
    public let id: String
    public let demandKgPerDay: Double
    public let served: Bool
    /// Station site → kg/day assigned, sorted by site.
    public let kgPerDayBySite: [(site: String, kgPerDay: Double)]

    public static func == (a: Self, b: Self) -> Bool {
        a.id == b.id && a.demandKgPerDay == b.demandKgPerDay && a.served == b.served
            && a.kgPerDayBySite.map(\.site) == b.kgPerDayBySite.map(\.site)
            && a.kgPerDayBySite.map(\.kgPerDay) == b.kgPerDayBySite.map(\.kgPerDay)
    }
}

/// Why a flow, fleet or the supply as a whole cannot be served, found by direct checks.
public struct PlacementDiagnosis: Sendable, Equatable, CustomStringConvertible {
    public enum Subject: Sendable, Equatable {
        case flow(String)
        case fleet(String)
        case supply
        case stations
    }
    public enum Reason: String, Sendable, Equatable {
        /// Origin and destination are not connected.
        case noRoute
        /// Even with a station at every candidate site some stretch exceeds the range.
        case legLongerThanRange
        /// No candidate site within the service radius.
        case noCandidateWithinRadius
        /// All candidate sites it could use, at the largest size, hold less than its demand.
        case stationCapacityShort
        /// The sources that can deliver to the sites it could use hold less than its demand.
        case supplyShortOfDemand
        /// Exactly P stations were asked for but there are fewer candidate sites.
        case tooFewCandidates
        /// Each item can be served alone, but not all together.
        case jointlyInfeasible
        /// Not served in the optimum of a coverage-target or budget run.
        case notChosen
        /// The network's carbon-intensity cap cannot be met with the sources given.
        case intensityCapUnmet
    }
    public let subject: Subject
    public let reason: Reason
    public let message: String
    public var description: String { message }
}

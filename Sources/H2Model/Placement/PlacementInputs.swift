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

// A corridor flow's closed walk O→D→O on the shortest path (the return retraces the outbound
// leg), and the fuel simulation that decides coverage from first principles. The simulation is
// deliberately independent of the MILP's arc-cover sets: it is used to re-verify every flow the
// optimiser reports as covered.

public struct RoundTrip: Sendable, Equatable {
    /// Node positions along the closed walk: p0 … pk … p0 (2k + 1 entries).
    public let walk: [Int]
    /// Cumulative km at each walk index (cumulativeKm[0] = 0, last = round-trip km).
    public let cumulativeKm: [Double]

    public init(path: NetworkPath) {
        let outbound = path.positions
        walk = outbound + outbound.dropLast().reversed()
        var cumulative = [0.0]
        for leg in path.legKm { cumulative.append(cumulative.last! + leg) }
        for leg in path.legKm.reversed() { cumulative.append(cumulative.last! + leg) }
        cumulativeKm = cumulative
    }

    public var origin: Int { walk[0] }
    public var roundTripKm: Double { cumulativeKm.last! }
    /// Number of directed arcs on the walk (2k).
    public var arcCount: Int { walk.count - 1 }
    public func arcKm(_ t: Int) -> Double { cumulativeKm[t] - cumulativeKm[t - 1] }

    /// Range comparisons allow 1e-9 × range km of slack, so rounding in sums of Doubles never
    /// flips a decision; the same slack is used by the arc-cover sets.
    static func slack(_ rangeKm: Double) -> Double { 1e-9 * rangeKm }
}

public struct FuelSimulation: Sendable, Equatable {
    public enum Failure: Sendable, Equatable {
        /// The tank runs dry on arc `arc` (walk indices arc−1 → arc); the last fill was at walk
        /// index `lastFill` (nil: the half tank the vehicle started with).
        case runsDry(arc: Int, lastFill: Int?)
        /// Back at an origin without a station, the tank holds less than the half tank the trip
        /// started with, so the trip cannot be repeated.
        case returnsBelowHalfTank(fuelKm: Double)
        /// No refuelling at all on the walk.
        case noStation
    }
    public let covered: Bool
    /// Walk indices where the vehicle fills up, in order (a station passed twice appears twice;
    /// a station at the origin appears once, at index 0).
    public let refuellingStops: [Int]
    public let failure: Failure?
}

extension RoundTrip {
    /// Drives the walk with a tank of `rangeKm` of fuel: start full if the origin has a station,
    /// else half full; fill to full at every station passed (the destination once, intermediate
    /// nodes on both legs); covered when the tank never runs dry and, with no station at the
    /// origin, the vehicle returns with at least the half tank it left with (a repeatable trip).
    /// That last condition is the "gap around the closed walk" rule of DESIGN §2.6: the gap that
    /// wraps through the origin is twice the distance to the nearest station, ≤ R ⟺ ≤ R/2 each way.
    public func simulateFuel(rangeKm: Double, isStation: (Int) -> Bool) -> FuelSimulation {
        let slack = Self.slack(rangeKm)
        let originHasStation = isStation(origin)
        var fuel = originHasStation ? rangeKm : rangeKm / 2
        var stops: [Int] = originHasStation ? [0] : []
        var lastFill: Int? = originHasStation ? 0 : nil
        for t in 1..<walk.count {
            fuel -= arcKm(t)
            if fuel < -slack {
                return FuelSimulation(covered: false, refuellingStops: stops, failure: .runsDry(arc: t, lastFill: lastFill))
            }
            if t < walk.count - 1, isStation(walk[t]) {
                fuel = rangeKm
                stops.append(t)
                lastFill = t
            }
        }
        if stops.isEmpty, walk.count > 1 {
            return FuelSimulation(covered: false, refuellingStops: [], failure: .noStation)
        }
        if !originHasStation, fuel < rangeKm / 2 - slack {
            return FuelSimulation(covered: false, refuellingStops: stops, failure: .returnsBelowHalfTank(fuelKm: fuel))
        }
        return FuelSimulation(covered: true, refuellingStops: stops, failure: nil)
    }
}

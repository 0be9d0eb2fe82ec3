// What the planning optimiser is told a supply link and a station unit cost, computed by the
// cost engine itself (issue 7, item 3): no reference station, no utilisation assumed.
//
// A supply link carries kg/day from a source to a station site by one delivery mode. Its
// annual cost at a given kg/day is the engine's own chain evaluated at that volume: production
// at the source (with the mode's losses), purification, conditioning for the mode, transport
// (trailers, tractors and crews as the fractional fleet the volume keeps busy, plus the trailer
// parked at the station for drop-and-swap), cracking, and a station-side plant of the pathway
// (on-site electrolyser, station cracker) sized to the link's volume. The station's own
// equipment, land, O&M and compression energy are not in it: they belong to station units.
//
// For road modes that cost is affine in kg/day above zero (a fixed charge for the parked
// trailer, then a rate per kg), so the optimiser gets it exactly. Where it is not (liquid
// boil-off, pipeline and plant scale economies), the optimiser gets a piecewise-linear
// interpolation over [minimum, maximum] kg/day whose largest relative error against the engine,
// measured on a dense grid, is recorded and bounded (`PiecewiseCost.maximumRelativeError`).

/// The engine's cost of one supply link at a volume.
public struct SupplyLinkEvaluation: Sendable, Equatable {
    /// CNY per year to deliver the volume to the station gate.
    public var annualCny: Double
    /// The part of it that the site pays once per delivery mode, however many sources use that
    /// mode (the trailer parked for drop-and-swap).
    public var siteFixedCnyPerYear: Double = 0
    /// kg/day the source must produce (more than delivered when the mode loses hydrogen).
    public var producedKgPerDay: Double
    /// Central plants the link's hydrogen passes through (hub cracker, liquefier), whose
    /// capital is not in `annualCny`: the planner sizes each to what is routed through it.
    public var centralPlants: [CentralPlantKind] = []
    /// True when the link builds a plant at the station (on-site electrolyser, station
    /// cracker): capital that stays once spent.
    public var hasStationPlant = false
    /// kg CO₂e a day of everything up to the station gate at this volume (the engine's
    /// intensity less the station's own electricity, which `stationEnergy` gives per pressure).
    public var co2KgPerDay = 0.0
}

/// A central plant shared by every link routed through it, sized by the planner.
public enum CentralPlantKind: String, Sendable, Hashable, CaseIterable {
    case hubCracker = "hub-cracker"
    case liquefier

    /// The engine's annual cost (capital annuity and fixed O&M) of a plant of `kgPerDay`.
    public func annualCny(kgPerDay: Double, _ a: Assumptions) -> Double {
        switch self {
        case .hubCracker: ProductionModel.hubCrackerAnnualCny(kgPerDay: kgPerDay, a)
        case .liquefier: DeliveryModel.liquefierAnnualCny(kgPerDay: kgPerDay, a)
        }
    }
}

public enum SupplyLinkCost {
    /// The engine's chain for a link at `kgPerDay` (the station is sized to what it dispenses
    /// from this link: only the chain's upstream and station-side plant are used).
    static func chain(_ pathway: ProductionPathway, _ mode: DeliveryMode, distanceKm: Double, kgPerDay: Double,
                      pressure: DispensingPressure = .mpa35) -> SupplyChain {
        SupplyChain(production: pathway, delivery: mode, distanceKm: distanceKm, stationCapacityKgPerDay: kgPerDay,
                    utilisationPct: 100, pressure: pressure)
    }

    /// Annual cost and hydrogen produced for a link carrying `kgPerDay` (> 0).
    public static func evaluate(_ pathway: ProductionPathway, _ mode: DeliveryMode, distanceKm: Double, kgPerDay: Double,
                                _ a: Assumptions) throws -> SupplyLinkEvaluation {
        let e = try ChainModel.evaluate(chain(pathway, mode, distanceKm: distanceKm, kgPerDay: kgPerDay), a)
        let r = a.finance.discountRatePct
        var annual = 0.0
        var stationPlant = false
        for item in CostItem.allCases where item != .energy && item != .stationCapex && item != .stationOM {
            annual += e.project.variableCnyPerKg[item] * kgPerDay * 365 + e.project.fixedCnyPerYear[item]
        }
        // Station-side plant of the pathway (its capital items are not station capex).
        for need in e.project.capital where need.item != .stationCapex {
            annual += annualOwnershipCost(capex: need.amountCny, ratePct: r, lifeYears: need.lifeYears, fixedOmPct: 0)
            stationPlant = stationPlant || need.amountCny > 0
        }
        // Central plants are sized by the planner: their merchant capital comes out here.
        let produced = kgPerDay / (1 - e.lossFraction)
        var plants: [CentralPlantKind] = []
        if e.source.centralPlantCapitalCnyPerKg > 0 {
            annual -= e.source.centralPlantCapitalCnyPerKg * produced * 365
            plants.append(.hubCracker)
        }
        if e.delivery.centralPlantCapitalCnyPerKg > 0 {
            annual -= e.delivery.centralPlantCapitalCnyPerKg * kgPerDay * 365
            plants.append(.liquefier)
        }
        return SupplyLinkEvaluation(annualCny: annual, siteFixedCnyPerYear: DeliveryModel.parkedTrailerAnnualCny(mode, a),
                                    producedKgPerDay: produced, centralPlants: plants, hasStationPlant: stationPlant,
                                    co2KgPerDay: (e.co2.total - e.co2.stationElectricity) * kgPerDay)
    }

    /// The station's energy (compression from the mode's inlet pressure, precooling at 70 MPa)
    /// per kg dispensed at `pressure` from a link of this mode, in CNY and in kg CO₂e;
    /// independent of the volume.
    public static func stationEnergy(_ pathway: ProductionPathway, _ mode: DeliveryMode, distanceKm: Double,
                                     pressure: DispensingPressure, _ a: Assumptions) throws -> (cnyPerKg: Double, co2KgPerKg: Double) {
        let e = try ChainModel.evaluate(chain(pathway, mode, distanceKm: distanceKm, kgPerDay: 1000, pressure: pressure), a)
        return (e.project.variableCnyPerKg.energy, e.co2.stationElectricity)
    }

    public static func stationEnergyCnyPerKg(_ pathway: ProductionPathway, _ mode: DeliveryMode, distanceKm: Double,
                                             pressure: DispensingPressure, _ a: Assumptions) throws -> Double {
        try stationEnergy(pathway, mode, distanceKm: distanceKm, pressure: pressure, a).cnyPerKg
    }
}

/// A piecewise-linear stand-in for a link's annual cost and production over
/// [minimumKgPerDay, maximumKgPerDay], with a fixed charge when the link is used: segment j
/// covers [lower_j, upper_j] and costs fixed_j + rate_j × kg there.
public struct PiecewiseCost: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        public var lowerKgPerDay: Double
        public var upperKgPerDay: Double
        public var fixedCnyPerYear: Double
        public var cnyPerYearPerKgPerDay: Double
        public var producedFixedKgPerDay: Double
        public var producedPerKg: Double
        /// kg CO₂e a day on the segment: fixed + per kg × kg (the chord, like production; not
        /// part of the fitted error, since it follows production and the volume linearly).
        public var co2FixedKgPerDay = 0.0
        public var co2PerKg = 0.0
    }
    public var segments: [Segment]
    /// Largest |approximation − engine| / engine over a dense grid of every segment.
    public var maximumRelativeError: Double

    /// Fits `f` (annual cost and production at a volume) on [minimum, maximum]. An affine cost
    /// gets one segment from zero (exact). Otherwise segments are split at their worst point
    /// until every segment is within `tolerance` or `maximumSegments` is reached.
    public static func fit(minimumKgPerDay: Double, maximumKgPerDay: Double, tolerance: Double = 0.004, maximumSegments: Int = 8,
                           _ f: (Double) throws -> SupplyLinkEvaluation) rethrows -> PiecewiseCost {
        let hi = maximumKgPerDay, lo = min(minimumKgPerDay, hi)
        func segment(_ a: Double, _ b: Double, _ fa: SupplyLinkEvaluation, _ fb: SupplyLinkEvaluation) -> Segment {
            let w = b - a
            let rate = w > 0 ? (fb.annualCny - fa.annualCny) / w : 0
            let prate = w > 0 ? (fb.producedKgPerDay - fa.producedKgPerDay) / w : fa.producedKgPerDay / max(a, 1e-300)
            let crate = w > 0 ? (fb.co2KgPerDay - fa.co2KgPerDay) / w : fa.co2KgPerDay / max(a, 1e-300)
            return Segment(lowerKgPerDay: a, upperKgPerDay: b, fixedCnyPerYear: fa.annualCny - rate * a,
                           cnyPerYearPerKgPerDay: rate, producedFixedKgPerDay: fa.producedKgPerDay - prate * a, producedPerKg: prate,
                           co2FixedKgPerDay: fa.co2KgPerDay - crate * a, co2PerKg: crate)
        }
        // Worst relative error of a segment on 24 interior points (cost and production).
        func worst(_ s: Segment) throws -> (error: Double, at: Double) {
            var best = (error: 0.0, at: (s.lowerKgPerDay + s.upperKgPerDay) / 2)
            for i in 1...24 {
                let k = s.lowerKgPerDay + (s.upperKgPerDay - s.lowerKgPerDay) * Double(i) / 25
                let exact = try f(k)
                let cost = abs(s.fixedCnyPerYear + s.cnyPerYearPerKgPerDay * k - exact.annualCny) / max(abs(exact.annualCny), 1e-300)
                let made = abs(s.producedFixedKgPerDay + s.producedPerKg * k - exact.producedKgPerDay) / max(exact.producedKgPerDay, 1e-300)
                let e = max(cost, made)
                if e > best.error { best = (e, k) }
            }
            return best
        }
        let fLo = try f(lo), fHi = try f(hi)
        // Affine check: the chord from lo to hi reproduces f everywhere → one segment from 0.
        let chord = segment(lo, hi, fLo, fHi)
        let chordError = try worst(chord)
        if chordError.error <= 1e-9 {
            var s = chord
            s.lowerKgPerDay = 0
            return PiecewiseCost(segments: [s], maximumRelativeError: chordError.error)
        }
        // Breakpoints with their values; split the segment with the largest error.
        var points: [(k: Double, v: SupplyLinkEvaluation)] = [(lo, fLo), (hi, fHi)]
        var errors: [(error: Double, at: Double)] = [chordError]
        while points.count - 1 < maximumSegments {
            guard let j = errors.indices.max(by: { errors[$0].error < errors[$1].error }), errors[j].error > tolerance else { break }
            // Split at the worst point, kept away from the ends.
            let a = points[j].k, b = points[j + 1].k
            let k = min(max(errors[j].at, a + (b - a) * 0.1), b - (b - a) * 0.1)
            let fk = try f(k)
            points.insert((k, fk), at: j + 1)
            errors[j] = try worst(segment(a, k, points[j].v, fk))
            errors.insert(try worst(segment(k, b, fk, points[j + 2].v)), at: j + 1)
        }
        let segments = zip(points, points.dropFirst()).map { segment($0.k, $1.k, $0.v, $1.v) }
        return PiecewiseCost(segments: segments, maximumRelativeError: errors.map(\.error).max() ?? 0)
    }

    /// The approximation at `kgPerDay` (0 when not used).
    public func annualCny(at kgPerDay: Double) -> Double {
        guard kgPerDay > 0, let s = segment(at: kgPerDay) else { return 0 }
        return s.fixedCnyPerYear + s.cnyPerYearPerKgPerDay * kgPerDay
    }

    /// kg CO₂e a day at `kgPerDay` (0 when not used).
    public func co2KgPerDay(at kgPerDay: Double) -> Double {
        guard kgPerDay > 0, let s = segment(at: kgPerDay) else { return 0 }
        return s.co2FixedKgPerDay + s.co2PerKg * kgPerDay
    }

    func segment(at kgPerDay: Double) -> Segment? { segments.first(where: { kgPerDay <= $0.upperKgPerDay }) ?? segments.last }
}

// Objective (b), the classic FRLM in network-only mode: with exactly P stations at candidate
// sites, maximise the volume of flows covered. AC-PC formulation:
//   max Σ_q volume_q · y_q
//   s.t. Σ_n x_n = P
//        Σ_{n ∈ K} x_n ≥ y_q   for every reduced arc-cover set K of flow q
//        x_n ∈ {0, 1},  0 ≤ y_q ≤ 1
// y_q may stay continuous: the right-hand sides are integers, so at an optimum each y_q with
// positive volume sits at 0 or 1. Coverage is reported from the fuel simulation, not from y.
import H2Numerics

public struct MaxCoverageFormulation: Sendable {
    public let problem: MILPProblem
    /// Candidate position → its station variable.
    public let stationVariables: [Int: MILPVariableID]
    /// Per flow, its coverage variable (nil for flows no station set can cover).
    public let coverageVariables: [MILPVariableID?]
}

extension FlowRefuellingModel {
    public func maxCoverageFormulation(stations: Int) -> MaxCoverageFormulation {
        var p = MILPProblem(sense: .maximise)
        var x: [Int: MILPVariableID] = [:]
        for c in candidatePositions {
            x[c] = p.addVariable("open_\(c)", kind: .binary)
        }
        p.addConstraint("station_count", candidatePositions.map { MILPTerm(x[$0]!, 1) }, .equal, Double(stations))
        var y: [MILPVariableID?] = []
        for (q, pf) in flows.enumerated() {
            guard pf.isCoverable else { y.append(nil); continue }
            let yq = p.addVariable("covered_\(q)", upperBound: 1, objective: pf.flow.volume)
            y.append(yq)
            for (k, set) in pf.arcCoverSets.enumerated() {
                p.addConstraint("cover_\(q)_\(k)", set.map { MILPTerm(x[$0]!, 1) } + [MILPTerm(yq, -1)], .greaterOrEqual, 0)
            }
        }
        return MaxCoverageFormulation(problem: p, stationVariables: x, coverageVariables: y)
    }

    /// Per flow, its coverage under a given set of open station positions (fuel simulation).
    public func coverage(openStations: Set<Int>) -> [FlowCoverage] {
        flows.map { pf in
            guard let trip = pf.roundTrip else {
                return FlowCoverage(id: pf.flow.id, volume: pf.flow.volume, covered: false, refuellingStops: [],
                                    roundTripKm: nil, hydrogenKgPerDay: 0, drawnKgPerDayBySite: [:])
            }
            let sim = trip.simulateFuel(rangeKm: pf.rangeKm, isStation: openStations.contains)
            return FlowCoverage(id: pf.flow.id, volume: pf.flow.volume, covered: sim.covered,
                                refuellingStops: sim.refuellingStops.map { network.nodes[trip.walk[$0]].id },
                                roundTripKm: trip.roundTripKm, hydrogenKgPerDay: pf.hydrogenKgPerDay, drawnKgPerDayBySite: [:])
        }
    }
}

/// Network-only FRLM (DESIGN §4 `place`): the placement of exactly `stations` stations that
/// maximises the covered round-trip volume.
/// - Parameters:
///   - candidates: node ids allowed to host a station; nil means every node.
///   - solver: the MILP backend. HiGHS by default: it proves the 300-node benchmark instance
///     optimal in about 7 s where GLPK and CBC stop at their 60 s limit 13–43 % short
///     (`h2bench backends`); GLPK is faster only on models that take under a second anyway.
public func solveMaxCoverage(
    network: Network, flows: [CorridorFlow], rangeKm: Double, stations: Int, candidates: [String]? = nil,
    timeLimitSeconds: Double? = nil, relativeGap: Double = 0, solver: MILPBackend = .highs
) throws(PlacementError) -> PlacementResult {
    let model = try FlowRefuellingModel(network: network, flows: flows, rangeKm: rangeKm, candidates: candidates)
    guard stations >= 0 else { throw PlacementError(.invalidInput, ["number of stations \(stations) must be ≥ 0"]) }
    var diagnosis = model.uncoverableFlowDiagnoses()
    if stations > model.candidatePositions.count {
        diagnosis.append(PlacementDiagnosis(subject: .stations, reason: .tooFewCandidates,
                                            message: "\(stations) stations were asked for but there are only \(model.candidatePositions.count) candidate sites"))
    }
    let formulation = model.maxCoverageFormulation(stations: stations)
    var problem = formulation.problem
    problem.backend = solver
    let solution: MILPSolution
    do {
        solution = try problem.solve(timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap)
    } catch {
        throw PlacementError(.solverFailure, ["network-only placement: \(error)"])
    }
    guard solution.status.hasSolution else {
        return PlacementResult(status: solution.status, objective: nil, relativeGap: nil, openStations: [],
                               flows: model.coverage(openStations: []).map { $0.uncovered }, diagnosis: diagnosis)
    }
    let open = model.candidatePositions.filter { solution[formulation.stationVariables[$0]!] > 0.5 }
    let coverage = model.coverage(openStations: Set(open))
    return PlacementResult(
        status: solution.status, objective: solution.objective, relativeGap: solution.relativeGap,
        openStations: open.map { OpenStation(site: network.nodes[$0].id) },
        flows: coverage, diagnosis: diagnosis)
}

extension FlowCoverage {
    var uncovered: FlowCoverage {
        FlowCoverage(id: id, volume: volume, covered: false, refuellingStops: [], roundTripKm: roundTripKm,
                     hydrogenKgPerDay: hydrogenKgPerDay, drawnKgPerDayBySite: [:])
    }
}

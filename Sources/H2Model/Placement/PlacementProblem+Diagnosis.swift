// Naming what cannot be served, by direct checks rather than by guessing from the solver:
// before the MILP, each fleet and flow is checked on its own against the network, the range,
// the candidate sites, station sizes and supply; after an infeasible MILP with no such finding,
// each demand item is solved alone, and the items that fail alone are named; if every item can
// be served alone, the shortage is joint and reported with the totals.
import H2Numerics

extension PlanningData {
    func directDiagnoses() -> [PlacementDiagnosis] {
        let p = problem, net = p.network
        var found = frlm.uncoverableFlowDiagnoses()
        let reachable = reachableSourceCapacity()
        func km(_ x: Double) -> String { formatShortestKm(x) }
        for (g, fleet) in p.depotFleets.enumerated() {
            let sites = fleetSites[g].map(\.site)
            if sites.isEmpty {
                let dist = net.distances(from: net.position(of: fleet.homeNode)!)
                let nearest = frlm.candidatePositions.min { dist[$0] < dist[$1] }
                let nearText = nearest.map { dist[$0].isFinite ? "; the nearest is \(net.nodes[$0].id) at \(km(dist[$0])) km" : "; none is reachable" } ?? ""
                found.append(PlacementDiagnosis(subject: .fleet(fleet.id), reason: .noCandidateWithinRadius,
                                                message: "fleet \(fleet.id): no candidate site within \(km(fleet.serviceRadiusKm)) km of \(fleet.homeNode)\(nearText)"))
                continue
            }
            let capacity = Double(sites.count) * maxStationKgPerDay
            if fleet.demandKgPerDay > capacity * (1 + 1e-12) {
                found.append(PlacementDiagnosis(subject: .fleet(fleet.id), reason: .stationCapacityShort,
                                                message: "fleet \(fleet.id): demand \(fleet.demandKgPerDay) kg/day exceeds the \(capacity) kg/day the \(sites.count) site(s) within its radius can dispense at the largest size"))
            }
            let supply = reachable(sites)
            if fleet.demandKgPerDay > supply * (1 + 1e-12) {
                found.append(PlacementDiagnosis(subject: .fleet(fleet.id), reason: .supplyShortOfDemand,
                                                message: "fleet \(fleet.id): demand \(fleet.demandKgPerDay) kg/day exceeds the \(supply) kg/day the sources delivering to the sites within its radius can supply"))
            }
        }
        for (q, pf) in frlm.flows.enumerated() where pf.isCoverable && pf.hydrogenKgPerDay > 0 {
            let sites = Array(Set(flowFuelGroups[q].flatMap(\.sites)))
            let supply = reachable(sites)
            if pf.hydrogenKgPerDay > supply * (1 + 1e-12) {
                found.append(PlacementDiagnosis(subject: .flow(pf.flow.id), reason: .supplyShortOfDemand,
                                                message: "flow \(pf.flow.id): it burns \(pf.hydrogenKgPerDay) kg/day but the sources delivering to sites along its route can supply \(supply) kg/day"))
            }
        }
        let totalSupply = p.sources.reduce(0) { $0 + $1.capacityKgPerDay }
        if totalDemandKgPerDay > totalSupply * (1 + 1e-12) {
            found.append(PlacementDiagnosis(subject: .supply, reason: .supplyShortOfDemand,
                                            message: "total demand \(totalDemandKgPerDay) kg/day exceeds total source capacity \(totalSupply) kg/day"))
        }
        return found
    }

    /// Capacity of the sources that have an option to any of the given sites.
    private func reachableSourceCapacity() -> ([Int]) -> Double {
        let p = problem
        var sourcesBySite: [Int: Set<String>] = [:]
        for o in p.supplyOptions { sourcesBySite[p.network.position(of: o.site)!, default: []].insert(o.sourceID) }
        let capacity = Dictionary(uniqueKeysWithValues: p.sources.map { ($0.id, $0.capacityKgPerDay) })
        return { sites in
            let ids = sites.reduce(into: Set<String>()) { $0.formUnion(sourcesBySite[$1] ?? []) }
            return ids.reduce(0) { $0 + capacity[$1]! }
        }
    }

    /// After an infeasible solve: items that cannot be served even alone (and were not already
    /// named), or one joint diagnosis when each can be served alone.
    func infeasibilityDiagnoses(already: [PlacementDiagnosis], timeLimitSeconds: Double?) throws(PlacementError) -> [PlacementDiagnosis] {
        let p = problem
        if case .leastCost = p.objective {} else {
            if !already.isEmpty { return [] }
            return [PlacementDiagnosis(subject: .stations, reason: .jointlyInfeasible,
                                       message: "no placement meets the coverage target or budget with the candidate sites, sizes and supply given")]
        }
        let named = Set(already.compactMap { d -> String? in
            switch d.subject {
            case .fleet(let id): "fleet:" + id
            case .flow(let id): "flow:" + id
            default: nil
            }
        })
        var found: [PlacementDiagnosis] = []
        do {
            for g in p.depotFleets.indices where !named.contains("fleet:" + p.depotFleets[g].id) {
                let alone = formulation(coverage: .all, fleets: [g], flows: [])
                if try alone.milp.solve(timeLimitSeconds: timeLimitSeconds).status == .infeasible {
                    found.append(PlacementDiagnosis(subject: .fleet(p.depotFleets[g].id), reason: .supplyShortOfDemand,
                                                    message: "fleet \(p.depotFleets[g].id) cannot be served even on its own: station sizes or supply within \(formatShortestKm(p.depotFleets[g].serviceRadiusKm)) km of \(p.depotFleets[g].homeNode) fall short"))
                }
            }
            for q in frlm.flows.indices where !named.contains("flow:" + frlm.flows[q].flow.id) {
                let alone = formulation(coverage: .all, fleets: [], flows: [q])
                if try alone.milp.solve(timeLimitSeconds: timeLimitSeconds).status == .infeasible {
                    found.append(PlacementDiagnosis(subject: .flow(frlm.flows[q].flow.id), reason: .supplyShortOfDemand,
                                                    message: "flow \(frlm.flows[q].flow.id) cannot be served even on its own: station sizes or supply along its route fall short"))
                }
            }
        } catch {
            throw PlacementError(.solverFailure, ["placement diagnosis: \(error)"])
        }
        if found.isEmpty && already.isEmpty {
            let totalSupply = p.sources.reduce(0) { $0 + $1.capacityKgPerDay }
            let totalStations = Double(frlm.candidatePositions.count) * maxStationKgPerDay
            found.append(PlacementDiagnosis(subject: .stations, reason: .jointlyInfeasible,
                                            message: "every fleet and flow can be served on its own but not all together: demand \(totalDemandKgPerDay) kg/day against source capacity \(totalSupply) kg/day and at most \(totalStations) kg/day of station capacity; shared sites or sources are short"))
        }
        return found
    }

    func notChosenDiagnoses(_ result: PlacementResult) -> [PlacementDiagnosis] {
        guard problem.objective != .leastCost else { return [] }
        let fleets = result.fleets.filter { !$0.served }.map {
            PlacementDiagnosis(subject: .fleet($0.id), reason: .notChosen, message: "fleet \($0.id) is not served in this optimum")
        }
        let flows = result.flows.filter { !$0.covered && $0.hydrogenKgPerDay > 0 }.map {
            PlacementDiagnosis(subject: .flow($0.id), reason: .notChosen, message: "flow \($0.id) is not covered in this optimum")
        }
        return fleets + flows
    }
}

// Solving the planning problem: prepare the data, run direct feasibility checks, solve the MILP
// for the chosen objective, read the answer back, and on infeasibility name what cannot be
// served (PlacementProblem+Diagnosis.swift).
import H2Numerics

extension PlacementProblem {
    func prepared() throws(PlacementError) -> PlanningData {
        let frlm = try FlowRefuellingModel(network: network, flows: corridorFlows, rangeKm: rangeKm, candidates: candidateSites)
        let candidates = Set(frlm.candidatePositions)
        let problems = inputProblems(candidates: candidates)
        guard problems.isEmpty else { throw PlacementError(.invalidInput, problems) }
        let fleetSites = depotFleets.map { g -> [(site: Int, km: Double)] in
            let dist = network.distances(from: network.position(of: g.homeNode)!)
            let limit = g.serviceRadiusKm * (1 + Network.tieTolerance)
            return frlm.candidatePositions.filter { dist[$0] <= limit }.map { ($0, dist[$0]) }
        }
        let groups = frlm.flows.map { $0.fuelGroups(candidates: candidates) }
        return PlanningData(problem: self, frlm: frlm, fleetSites: fleetSites, flowFuelGroups: groups)
    }

    /// Solves the planning problem for `objective`.
    /// - Throws: `PlacementError.invalidInput` listing every input problem; `.solverFailure`
    ///   when GLPK fails. Infeasibility is a status with a diagnosis, not an error.
    public func solve(timeLimitSeconds: Double? = nil, relativeGap: Double = 0) throws(PlacementError) -> PlacementResult {
        let data = try prepared()
        let allFleets = Array(depotFleets.indices), allFlows = Array(corridorFlows.indices)
        var diagnosis = data.directDiagnoses()
        var f: PlanningFormulation
        let solution: MILPSolution
        do {
            switch objective {
            case .leastCost:
                f = data.formulation(coverage: .all, fleets: allFleets, flows: allFlows)
                solution = try f.milp.solve(timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap)
            case .leastCostForCoverage(let share):
                f = data.formulation(coverage: .choose, fleets: allFleets, flows: allFlows)
                f.milp.addConstraint("coverage_target", f.servedTerms, .greaterOrEqual, share * data.totalDemandKgPerDay)
                solution = try f.milp.solve(timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap)
            case .mostCoverageWithinBudget(let budget):
                // Stage 1: most served within budget. Stage 2: cheapest placement serving that much.
                f = data.formulation(coverage: .choose, fleets: allFleets, flows: allFlows)
                f.milp.addConstraint("budget", f.costTerms, .lessOrEqual, budget)
                var stage1 = f.milp
                for j in stage1.variables.indices { stage1.setObjectiveCoefficient(MILPVariableID(j), 0) }
                stage1.sense = .maximise
                for t in f.servedTerms { stage1.setObjectiveCoefficient(t.variable, stage1.variables[t.variable.index].objectiveCoefficient + t.coefficient) }
                let first = try stage1.solve(timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap)
                if let best = first.objective, first.status.hasSolution {
                    f.milp.addConstraint("served_at_least", f.servedTerms, .greaterOrEqual, best - 1e-9 * max(1, abs(best)))
                    solution = try f.milp.solve(timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap)
                } else {
                    solution = first
                }
            }
        } catch {
            throw PlacementError(.solverFailure, ["placement: \(error)"])
        }

        guard solution.status.hasSolution else {
            if solution.status == .infeasible {
                diagnosis += try data.infeasibilityDiagnoses(already: diagnosis, timeLimitSeconds: timeLimitSeconds)
            }
            return PlacementResult(status: solution.status, objective: nil, relativeGap: nil, openStations: [],
                                   flows: data.frlm.coverage(openStations: []).map { $0.uncovered }, fleets: [], supply: [],
                                   diagnosis: diagnosis)
        }
        var result = data.read(solution, f)
        if case .mostCoverageWithinBudget = objective {
            result = PlacementResult(status: result.status, objective: f.servedTerms.reduce(0) { $0 + $1.coefficient * solution[$1.variable] },
                                     relativeGap: result.relativeGap, openStations: result.openStations, flows: result.flows,
                                     fleets: result.fleets, supply: result.supply, diagnosis: result.diagnosis)
        }
        diagnosis += data.notChosenDiagnoses(result)
        return PlacementResult(status: result.status, objective: result.objective, relativeGap: result.relativeGap,
                               openStations: result.openStations, flows: result.flows, fleets: result.fleets,
                               supply: result.supply, diagnosis: diagnosis)
    }
}

extension PlanningData {
    func read(_ solution: MILPSolution, _ f: PlanningFormulation) -> PlacementResult {
        let p = problem, net = p.network
        let tiny = 1e-9
        var throughput: [Int: Double] = [:]
        let fleets = p.depotFleets.indices.map { g -> FleetAssignment in
            let fleet = p.depotFleets[g]
            let served = f.fleetServed[g].index >= 0 && solution[f.fleetServed[g]] > 0.5
            let parts = f.fleetAssign[g].compactMap { (s, v) -> (site: String, kgPerDay: Double)? in
                let kg = solution[v]
                guard kg > tiny else { return nil }
                throughput[s, default: 0] += kg
                return (net.nodes[s].id, kg)
            }
            return FleetAssignment(id: fleet.id, demandKgPerDay: fleet.demandKgPerDay, served: served,
                                   kgPerDayBySite: parts.sorted { $0.site < $1.site })
        }
        var open: [Int] = []
        var stations: [OpenStation] = []
        for s in frlm.candidatePositions {
            guard let c = f.size[s]!.firstIndex(where: { solution[$0] > 0.5 }) else { continue }
            open.append(s)
            let size = p.sizeClasses[c]
            stations.append(OpenStation(site: net.nodes[s].id, sizeClass: size.id, capacityKgPerDay: size.capacityKgPerDay,
                                        annualisedCostCNYPerYear: size.annualisedCostCNYPerYear, throughputKgPerDay: 0))
        }
        let simulated = frlm.coverage(openStations: Set(open))
        let flows = simulated.indices.map { q -> FlowCoverage in
            var drawn: [String: Double] = [:]
            for (s, v) in f.flowDraw[q] where solution[v] > tiny {
                drawn[net.nodes[s].id, default: 0] += solution[v]
                throughput[s, default: 0] += solution[v]
            }
            let c = simulated[q]
            return FlowCoverage(id: c.id, volume: c.volume, covered: c.covered, refuellingStops: c.refuellingStops,
                                roundTripKm: c.roundTripKm, hydrogenKgPerDay: c.hydrogenKgPerDay, drawnKgPerDayBySite: drawn)
        }
        stations = stations.map {
            OpenStation(site: $0.site, sizeClass: $0.sizeClass, capacityKgPerDay: $0.capacityKgPerDay,
                        annualisedCostCNYPerYear: $0.annualisedCostCNYPerYear,
                        throughputKgPerDay: throughput[net.position(of: $0.site)!] ?? 0)
        }
        let supply = p.supplyOptions.indices.compactMap { i -> StationSupply? in
            let o = p.supplyOptions[i]
            let kg = solution[f.supply[i]]
            guard kg > tiny else { return nil }
            return StationSupply(site: o.site, sourceID: o.sourceID, deliveryMode: o.deliveryMode, kgPerDay: kg,
                                 costCNYPerYear: kg * o.costCNYPerKg * p.operatingDaysPerYear + o.fixedAnnualCostCNY)
        }
        return PlacementResult(status: solution.status, objective: solution.objective, relativeGap: solution.relativeGap,
                               openStations: stations, flows: flows, fleets: fleets, supply: supply, diagnosis: [])
    }
}

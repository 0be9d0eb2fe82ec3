// The planning MILP. Variables and constraints (all linear):
//   z[s,c] ∈ {0,1}     site s has a station of size class c;  Σ_c z[s,c] ≤ 1
//   open(s) = Σ_c z[s,c]
//   Depot fleet g (demand D_g, eligible sites E_g = candidates within the radius by
//   shortest-path km): a[g,s] ≥ 0 kg/day, Σ_s a[g,s] = D_g · u_g, a[g,s] ≤ D_g · open(s).
//   Splitting a fleet over several stations is allowed.
//   Corridor flow q: cover constraints Σ_{n∈K} open(n) ≥ y_q for its reduced arc-cover sets.
//   Where its hydrogen is drawn — the linear rule: the fuel burnt on each arc t of the walk,
//   volume × km(t) × kg/km, is drawn at an open station of that arc's cover set K_t (a station
//   from which the arc is reachable within range, i.e. where the vehicle could have taken that
//   fuel on). w[q,K,s] ≥ 0 for arcs grouped by identical K: Σ_s w[q,K,s] = fuel(K) · y_q. The
//   total drawn equals what the round trip burns; the split among covering stations is free
//   (the optimiser picks the cheapest feasible one), which bounds each station's share to fuel
//   for arcs within one tank of it. The refuel-to-full amounts themselves are not linear in
//   the station choice, so this is the defensible linear stand-in.
//   Station load L_s = Σ_g a[g,s] + Σ w[·,·,s] ≤ Σ_c capacity_c · maxUtilisation · z[s,c].
//   Supply v[o] ≥ 0 kg/day per option; Σ_{o at s} v[o] = L_s; Σ_{o from source} v[o] ≤ capacity.
//   An option with a fixed cost gets b[o] ∈ {0,1}, v[o] ≤ M_o · b[o] (M_o = min(source
//   capacity, largest station capacity × maxUtilisation)).
//   cost = Σ annualisedCost_c · z[s,c] + Σ_o (days · cost/kg · v[o] + fixed · b[o])
//   served = Σ_g D_g u_g + Σ_q H_q y_q (kg/day)
import H2Numerics

struct PlanningData {
    let problem: PlacementProblem
    let frlm: FlowRefuellingModel
    /// Per fleet: eligible candidate positions (ascending) with their km from home.
    let fleetSites: [[(site: Int, km: Double)]]
    /// Per flow: groups of arcs with the same cover set restricted to candidates, with fuel kg/day.
    let flowFuelGroups: [[(sites: [Int], kgPerDay: Double)]]
    var maxStationKgPerDay: Double {
        (problem.sizeClasses.map(\.capacityKgPerDay).max() ?? 0) * problem.maximumUtilisation
    }
    var totalDemandKgPerDay: Double {
        problem.depotFleets.reduce(0) { $0 + $1.demandKgPerDay } + frlm.flows.reduce(0) { $0 + $1.hydrogenKgPerDay }
    }
}

struct PlanningFormulation {
    var milp: MILPProblem
    var size: [Int: [MILPVariableID]] = [:]
    var fleetServed: [MILPVariableID] = []
    var fleetAssign: [[(site: Int, variable: MILPVariableID)]] = []
    var flowCovered: [MILPVariableID] = []
    var flowDraw: [[(site: Int, variable: MILPVariableID)]] = []
    var supply: [MILPVariableID] = []
    var costTerms: [MILPTerm] = []
    var servedTerms: [MILPTerm] = []
}

enum CoverageRule {
    /// Every fleet and flow must be served (u = y = 1).
    case all
    /// u and y are binary; served share handled by the caller's constraints.
    case choose
}

extension PlanningData {
    /// Builds the MILP. `fleets` / `flows` restrict which demand items exist (the others are
    /// left out entirely), which the infeasibility diagnosis uses to test items one at a time.
    func formulation(coverage: CoverageRule, fleets: [Int], flows: [Int]) -> PlanningFormulation {
        let p = problem
        var f = PlanningFormulation(milp: MILPProblem(sense: .minimise))
        let candidates = frlm.candidatePositions
        for s in candidates {
            f.size[s] = p.sizeClasses.indices.map { c in
                f.milp.addVariable("size_\(s)_\(c)", kind: .binary)
            }
            f.milp.addConstraint("one_size_\(s)", f.size[s]!.map { MILPTerm($0, 1) }, .lessOrEqual, 1)
            for (c, z) in f.size[s]!.enumerated() { f.costTerms.append(MILPTerm(z, p.sizeClasses[c].annualisedCostCNYPerYear)) }
        }
        func openTerms(_ s: Int, _ scale: Double) -> [MILPTerm] { f.size[s]!.map { MILPTerm($0, scale) } }
        var load: [Int: [MILPTerm]] = [:]

        f.fleetServed = Array(repeating: MILPVariableID(-1), count: p.depotFleets.count)
        f.fleetAssign = Array(repeating: [], count: p.depotFleets.count)
        for g in fleets {
            let fleet = p.depotFleets[g]
            let u = coverage == .all ? f.milp.addVariable("fleet_served_\(g)", lowerBound: 1, upperBound: 1)
                                     : f.milp.addVariable("fleet_served_\(g)", kind: .binary)
            f.fleetServed[g] = u
            f.servedTerms.append(MILPTerm(u, fleet.demandKgPerDay))
            var sum: [MILPTerm] = []
            for (s, _) in fleetSites[g] {
                let a = f.milp.addVariable("assign_\(g)_\(s)")
                f.fleetAssign[g].append((s, a))
                sum.append(MILPTerm(a, 1))
                load[s, default: []].append(MILPTerm(a, 1))
                f.milp.addConstraint("assign_open_\(g)_\(s)", [MILPTerm(a, 1)] + openTerms(s, -fleet.demandKgPerDay), .lessOrEqual, 0)
            }
            f.milp.addConstraint("fleet_demand_\(g)", sum + [MILPTerm(u, -fleet.demandKgPerDay)], .equal, 0)
        }

        f.flowCovered = Array(repeating: MILPVariableID(-1), count: frlm.flows.count)
        f.flowDraw = Array(repeating: [], count: frlm.flows.count)
        for q in flows {
            let pf = frlm.flows[q]
            let y = coverage == .all ? f.milp.addVariable("flow_covered_\(q)", lowerBound: 1, upperBound: 1)
                                     : f.milp.addVariable("flow_covered_\(q)", kind: .binary)
            f.flowCovered[q] = y
            f.servedTerms.append(MILPTerm(y, pf.hydrogenKgPerDay))
            for (k, set) in pf.arcCoverSets.enumerated() {
                f.milp.addConstraint("cover_\(q)_\(k)", set.flatMap { openTerms($0, 1) } + [MILPTerm(y, -1)], .greaterOrEqual, 0)
            }
            for (k, group) in flowFuelGroups[q].enumerated() where group.kgPerDay > 0 {
                var sum: [MILPTerm] = []
                for s in group.sites {
                    let w = f.milp.addVariable("draw_\(q)_\(k)_\(s)")
                    f.flowDraw[q].append((s, w))
                    sum.append(MILPTerm(w, 1))
                    load[s, default: []].append(MILPTerm(w, 1))
                }
                f.milp.addConstraint("flow_fuel_\(q)_\(k)", sum + [MILPTerm(y, -group.kgPerDay)], .equal, 0)
            }
        }

        for s in candidates {
            let capacity = p.sizeClasses.indices.map { MILPTerm(f.size[s]![$0], -p.sizeClasses[$0].capacityKgPerDay * p.maximumUtilisation) }
            f.milp.addConstraint("capacity_\(s)", (load[s] ?? []) + capacity, .lessOrEqual, 0)
        }

        let sourceIndex = Dictionary(uniqueKeysWithValues: p.sources.enumerated().map { ($1.id, $0) })
        var bySource = [[MILPTerm]](repeating: [], count: p.sources.count)
        var bySite: [Int: [MILPTerm]] = [:]
        for (i, o) in p.supplyOptions.enumerated() {
            let s = p.network.position(of: o.site)!
            let source = sourceIndex[o.sourceID]!
            let v = f.milp.addVariable("supply_\(i)")
            f.supply.append(v)
            f.costTerms.append(MILPTerm(v, o.costCNYPerKg * p.operatingDaysPerYear))
            bySource[source].append(MILPTerm(v, 1))
            bySite[s, default: []].append(MILPTerm(v, 1))
            if o.fixedAnnualCostCNY > 0 {
                let b = f.milp.addVariable("supply_used_\(i)", kind: .binary)
                f.costTerms.append(MILPTerm(b, o.fixedAnnualCostCNY))
                let bigM = min(p.sources[source].capacityKgPerDay, maxStationKgPerDay)
                f.milp.addConstraint("supply_fixed_\(i)", [MILPTerm(v, 1), MILPTerm(b, -bigM)], .lessOrEqual, 0)
            }
        }
        for s in candidates {
            let drawn = (load[s] ?? []).map { MILPTerm($0.variable, -1) }
            f.milp.addConstraint("supply_balance_\(s)", (bySite[s] ?? []) + drawn, .equal, 0)
        }
        for (i, terms) in bySource.enumerated() where !terms.isEmpty {
            f.milp.addConstraint("source_capacity_\(i)", terms, .lessOrEqual, p.sources[i].capacityKgPerDay)
        }
        for t in f.costTerms {
            f.milp.setObjectiveCoefficient(t.variable, f.milp.variables[t.variable.index].objectiveCoefficient + t.coefficient)
        }
        return f
    }
}

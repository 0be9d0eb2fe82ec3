// Naming what cannot be served, period by period, by direct checks before the MILP and, when
// the MILP is infeasible without such a finding, by solving each fleet alone.
import H2Numerics

extension PhasedPlanningInputs {
    func directDiagnoses() -> [PlacementDiagnosis] {
        var found: [PlacementDiagnosis] = []
        func km(_ x: Double) -> String { formatShortestKm(x) }
        func kg(_ x: Double) -> String { formatNumber((x * 10).rounded() / 10) }
        // Flows no choice of stations can refuel, in any period.
        let uncoverable = Dictionary(frlm.uncoverableFlowDiagnoses().map { d -> (String, PlacementDiagnosis) in
            if case .flow(let id) = d.subject { return (id, d) }
            return ("", d)
        }, uniquingKeysWith: { a, _ in a })
        // Sources that can reach each site, for supply checks.
        var sourcesAt: [Int: Set<Int>] = [:]
        for l in links { if let i = l.key.source { sourcesAt[l.key.site, default: []].insert(i) } }
        let onsite = Set(links.filter { $0.key.source == nil }.map(\.key.site))
        let largest = (unitTypes.map(\.capacityKgPerDay).max() ?? 0) * Double(maximumUnitsPerSite) * maximumUtilisation
        for demand in demands {
            guard let t = periods.indices.first(where: { demand.kgPerDay($0) > 0 }) else { continue }
            let first = periods[t].year
            if let q = demand.flow, let d = uncoverable[frlm.flows[q].flow.id] {
                found.append(PlacementDiagnosis(subject: d.subject, reason: d.reason, message: "\(d.message) (needed from \(first))"))
                continue
            }
            let sites: [Int] = demand.depotSites ?? Array(Set(fuelGroups[demand.flow!].flatMap(\.sites))).sorted()
            if let sites = demand.depotSites, sites.isEmpty {
                found.append(PlacementDiagnosis(subject: .fleet(demand.id), reason: .noCandidateWithinRadius,
                                                message: "fleet \(demand.id): no candidate site within its service radius (needed from \(first)); add a candidate site near its home or widen service_radius_km"))
                continue
            }
            for (t, period) in periods.enumerated() where demand.kgPerDay(t) > 0 {
                let need = demand.kgPerDay(t)
                let holdable = sites.reduce(0.0) { $0 + largest + existingCapacity(at: $1, in: period, pressure70Only: false) * maximumUtilisation }
                if need > holdable * (1 + 1e-12) {
                    found.append(PlacementDiagnosis(subject: .fleet(demand.id), reason: .stationCapacityShort,
                                                    message: "fleet \(demand.id) in \(period.year): it needs \(kg(need)) kg/day but the \(sites.count) site(s) it can use dispense at most \(kg(holdable)) kg/day at the largest size; allow more stations per node or larger sizes"))
                    break
                }
                if sites.contains(where: onsite.contains) { continue }
                let reachable = sites.reduce(into: Set<Int>()) { $0.formUnion(sourcesAt[$1] ?? []) }
                let supply = reachable.reduce(0.0) { $0 + sourceCapacityKgPerDay[$1][t] }
                if need > supply * (1 + 1e-12) {
                    found.append(PlacementDiagnosis(subject: .fleet(demand.id), reason: .supplyShortOfDemand,
                                                    message: "fleet \(demand.id) in \(period.year): it needs \(kg(need)) kg/day but the sources that can deliver to its sites supply \(kg(supply)) kg/day in \(period.year); add a source or raise available_t_per_year"))
                    break
                }
            }
        }
        // Fleets that share their sites: together they may need more than those sites can hold
        // even when each alone fits (all fleets whose sites lie within one fleet's sites).
        let depotSets = Set(demands.compactMap { $0.depotSites }.filter { !$0.isEmpty }.map { Set($0) })
        for set in depotSets.sorted(by: { $0.sorted().lexicographicallyPrecedes($1.sorted()) }) {
            let inside = demands.filter { d in d.depotSites.map { !$0.isEmpty && Set($0).isSubset(of: set) } ?? false }
            guard inside.count > 1 else { continue }
            for (t, period) in periods.enumerated() {
                let need = inside.reduce(0) { $0 + $1.kgPerDay(t) }
                let holdable = set.reduce(0.0) { $0 + largest + existingCapacity(at: $1, in: period, pressure70Only: false) * maximumUtilisation }
                if need > holdable * (1 + 1e-12) {
                    let names = set.sorted().map { network.nodes[$0].id }.joined(separator: ", ")
                    found.append(PlacementDiagnosis(subject: .stations, reason: .stationCapacityShort,
                                                    message: "in \(period.year) the fleets \(inside.map(\.id).joined(separator: ", ")) need \(kg(need)) kg/day together but their sites (\(names)) dispense at most \(kg(holdable)) kg/day at the largest size; raise placement.max_stations_per_node, add a larger size or a candidate site nearby"))
                    break
                }
            }
        }
        for (t, period) in periods.enumerated() {
            let demand = demands.reduce(0) { $0 + $1.kgPerDay(t) }
            let supply = sourceCapacityKgPerDay.reduce(0) { $0 + $1[t] }
            if onsite.isEmpty && demand > supply * (1 + 1e-12) {
                found.append(PlacementDiagnosis(subject: .supply, reason: .supplyShortOfDemand,
                                                message: "in \(period.year) the fleets need \(kg(demand)) kg/day but the sources supply \(kg(supply)) kg/day; add a source, raise available_t_per_year or move a source's first year earlier"))
            }
        }
        return found
    }

    /// After an infeasible solve with no direct finding: the fleets that cannot be served even
    /// alone, or one joint diagnosis.
    func infeasibilityDiagnoses(timeLimitSeconds: Double?) throws -> [PlacementDiagnosis] {
        var found: [PlacementDiagnosis] = []
        for (d, demand) in demands.enumerated() {
            var alone = self
            alone.objective = .leastCost
            alone.unservedCnyPerKg = nil
            let f = alone.formulation(only: [d])
            if try f.milp.solve(timeLimitSeconds: timeLimitSeconds).status == .infeasible {
                let first = periods.first { demand.kgPerDay($0.index) > 0 }?.year ?? periods[0].year
                found.append(PlacementDiagnosis(subject: demand.flow == nil ? .fleet(demand.id) : .flow(demand.id), reason: .supplyShortOfDemand,
                                                message: "fleet \(demand.id) cannot be served even on its own from \(first): station sizes or supply within its reach fall short"))
            }
        }
        if found.isEmpty {
            found.append(PlacementDiagnosis(subject: .stations, reason: .jointlyInfeasible,
                                            message: "every fleet can be served on its own but not all together in \(periods.map { String($0.year) }.joined(separator: ", ")): shared sites or sources are short; raise max_stations_per_node or source capacity"))
        }
        return found
    }
}

extension PhasedPlanningInputs {
    /// Why a plan under an intensity cap is infeasible when it is the cap: the same scenario
    /// without it has a plan, whose intensity by period is given so the planner sees how far
    /// the cap is. Empty when the scenario has no plan even without the cap.
    func intensityCapDiagnosis(_ cap: Double, timeLimitSeconds: Double?, relativeGap: Double) throws -> [PlacementDiagnosis] {
        var free = self
        free.maximumCo2KgPerKg = nil
        let g = free.formulation()
        let uncapped = try g.milp.solve(timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap)
        guard uncapped.status.hasSolution else { return [] }
        let byPeriod = periods.indices.map { t -> String in
            let co2 = g.co2Terms[t].reduce(0) { $0 + $1.coefficient * uncapped[$1.variable] }
            let served = g.servedTerms[t].reduce(g.servedConstant[t]) { $0 + $1.coefficient * uncapped[$1.variable] }
            return "\(periods[t].year) \(formatNumber((co2 / max(served, 1e-300) * 100).rounded() / 100))"
        }
        return [PlacementDiagnosis(subject: .supply, reason: .intensityCapUnmet,
                                   message: "no plan keeps the network at or below max_co2_kg_per_kg = \(formatNumber(cap)) kg CO2e/kg in every period "
                                       + "with these sources; the least-cost plan without the cap emits \(byPeriod.joined(separator: ", ")) kg CO2e/kg. "
                                       + "Raise the cap, add a cleaner source to sources.csv, or price carbon with carbon_price_cny_per_t instead")]
    }
}

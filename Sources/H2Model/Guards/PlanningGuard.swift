// The numerical guard of a planning run (issue 12, item 5), called before the planner: every
// number the planner will take from the tables (a fleet's demand, a source's capacity) and from
// the cost engine (station units, supply links at their smallest and largest volume and their
// longest haul, central plants, each station's pro-forma) is computed once here and must be
// sound, so no NaN, infinity or overflow-sized coefficient reaches the MILP or the root finder.
// A fault names the table row or the parameter (with its origin) that causes it.

/// A planning input that gives an unsound number.
public struct PlanningFault: Error, Sendable, CustomStringConvertible {
    /// A table row whose values give the quantity.
    public struct Row: Sendable, Equatable {
        /// The table's file name: "fleets.csv".
        public var table: String
        /// 1-based data row (the records are kept in file order).
        public var row: Int
        public var id: String
        /// The row's fields that enter the quantity, with their values.
        public var fields: [String: Double]
        public var fieldOrder: [String]
    }
    public var fault: EngineFault
    /// The rows behind a table quantity (empty for an engine result).
    public var rows: [Row]
    public var description: String {
        rows.isEmpty ? fault.description
            : fault.description + " (from " + rows.map { "\($0.table) row \($0.row) '\($0.id)'" }.joined(separator: ", ") + ")"
    }
}

public enum PlanningGuard {
    /// Checks the tables, then the engine's results the planner will use.
    public static func check(_ s: PlanningScenario, _ parameters: ParameterSet) throws(PlanningFault) {
        try checkTables(s)
        try checkEngine(s, parameters)
    }

    static func row(_ table: String, _ index: Int, _ id: String, _ fields: [(String, Double)]) -> PlanningFault.Row {
        PlanningFault.Row(table: table, row: index + 1, id: id, fields: Dictionary(fields, uniquingKeysWith: { a, _ in a }), fieldOrder: fields.map(\.0))
    }

    static func checkTables(_ s: PlanningScenario) throws(PlanningFault) {
        for (i, fleet) in s.fleets.enumerated() {
            guard let j = s.vehicleClasses.firstIndex(where: { $0.id == fleet.vehicleClass }) else { continue }
            let c = s.vehicleClasses[j]
            let kg: Double, fleetFields: [(String, Double)], classFields: [(String, Double)]
            switch fleet.pattern {
            case .depot:
                kg = s.depotDemandKgPerDay(fleet)
                fleetFields = [("vehicles", fleet.vehicles)]
                classFields = [("daily_km", c.dailyKm), ("kg_per_100km", c.kgPer100Km)]
            case .corridor(let origin, let destination, let trips):
                // The round trip on the shortest path (what the planner's flow model draws).
                var km = 0.0
                if let o = s.network.position(of: origin), let d = s.network.position(of: destination) {
                    let x = s.network.distances(from: o)[d]
                    if x.isFinite { km = 2 * x }
                }
                kg = fleet.vehicles * trips * km * c.kgPer100Km / 100
                fleetFields = [("vehicles", fleet.vehicles), ("trips_per_day", trips)]
                classFields = [("kg_per_100km", c.kgPer100Km)]
            }
            if let p = NumericalGuard.problem(kg, ceiling: soundKgPerDayCeiling, unit: "kg/day") {
                throw PlanningFault(fault: EngineFault(quantity: "the hydrogen demand of fleet '\(fleet.id)'", problem: p),
                                    rows: [row("fleets.csv", i, fleet.id, fleetFields), row("vehicle_classes.csv", j, c.id, classFields)])
            }
        }
        for (i, source) in s.sources.enumerated() {
            if let p = NumericalGuard.problem(source.capacityKgPerDay(in: Int.max), ceiling: soundKgPerDayCeiling, unit: "kg/day") {
                throw PlanningFault(fault: EngineFault(quantity: "the daily capacity of source '\(source.id)'", problem: p),
                                    rows: [row("sources.csv", i, source.id, [("available_t_per_year", source.availableTonnesPerYear)])])
            }
        }
        for (i, e) in s.existingStations.enumerated() {
            if let p = NumericalGuard.problem(e.capacityKgPerDay, ceiling: soundKgPerDayCeiling, unit: "kg/day") {
                throw PlanningFault(fault: EngineFault(quantity: "the capacity of existing station '\(e.id)'", problem: p),
                                    rows: [row("existing_stations.csv", i, e.id, [("capacity_kg_per_day", e.capacityKgPerDay)])])
            }
        }
    }

    /// One engine result to check: its name and how to compute its first unsound number.
    typealias Check = (Assumptions) -> (quantity: String, problem: String)?

    static func money(_ name: String, _ values: [(String, Double)]) -> (String, String)? {
        NumericalGuard.first(values.map { ("\(name): \($0.0)", $0.1, soundMoneyCeilingCny) }, unit: "CNY")
    }

    /// The engine results of a planning run, as checks.
    static func engineChecks(_ s: PlanningScenario, _ a: Assumptions) -> [Check] {
        var checks: [Check] = []
        let set = s.settings
        let pressures: [DispensingPressure] = s.vehicleClasses.contains { $0.pressure == .mpa70 } ? [.mpa35, .mpa70] : [.mpa35]
        for p in pressures {
            for size in set.stationSizesKgPerDay {
                checks.append { a in
                    money("a station unit of \(formatNumber(size)) kg/day at \(p.rawValue) MPa", [
                        ("annual capital, CNY a year", StationModel.annualCostCny(capacityKgPerDay: size, pressure: p, a)),
                        ("O&M, CNY a year", StationModel.annualOmCny(capacityKgPerDay: size, pressure: p, a)),
                    ])
                }
            }
        }
        for e in s.existingStations {
            checks.append { a in
                money("existing station '\(e.id)'", [("O&M, CNY a year", StationModel.annualOmCny(capacityKgPerDay: e.capacityKgPerDay, pressure: e.pressure, a))])
            }
        }
        // Supply links: every pathway and mode the planner offers, at the smallest and the
        // largest volume and at the shortest and longest haul from the source.
        let largestSite = (set.stationSizesKgPerDay.max() ?? 0) * Double(max(1, set.maximumStationsPerNode))
            + (s.existingStations.map(\.capacityKgPerDay).max() ?? 0)
        let utilisation = a.station.maximumUtilisationPct
        var links: [(ProductionPathway, DeliveryMode, [Double], String, Double)] = []  // pathway, mode, km, name, source kg/day
        for source in s.sources {
            guard let from = s.network.position(of: source.node) else { continue }
            let reachable = s.network.distances(from: from).filter { $0.isFinite && $0 > 0 }
            let kms = [set.sameNodeDistanceKm, reachable.max() ?? set.sameNodeDistanceKm]
            let modes: [DeliveryMode] = source.pathway == .ammoniaCrackingStation ? [.ammoniaTanker] : set.deliveryModes
            for mode in modes where source.pathway.incompatibility(with: mode) == nil {
                links.append((source.pathway, mode, kms, "source '\(source.id)'", source.capacityKgPerDay(in: Int.max)))
            }
        }
        if set.onsiteElectrolysis { links.append((.onsiteElectrolysis, .none, [0], "on-site electrolysis", largestSite)) }
        for (pathway, mode, kms, name, sourceKg) in links {
            let top = max(CorridorPlanner.minimumLinkKgPerDay, min(largestSite, sourceKg))
            for km in kms {
                for kg in [CorridorPlanner.minimumLinkKgPerDay, top] {
                    checks.append { a in
                        guard let e = try? SupplyLinkCost.evaluate(pathway, mode, distanceKm: km, kgPerDay: kg, a) else { return nil }
                        let link = "the supply link from \(name) by \(mode.rawValue) (\(pathway.rawValue), \(formatNumber(km)) km, \(formatNumber(kg)) kg/day)"
                        if let p = NumericalGuard.problem(e.producedKgPerDay, ceiling: soundKgPerDayCeiling, unit: "kg/day") {
                            return ("\(link): hydrogen produced, kg/day", p)
                        }
                        var values = [("annual cost, CNY a year", e.annualCny), ("parked trailer, CNY a year", e.siteFixedCnyPerYear)]
                        for kind in e.centralPlants {
                            values.append(("\(kind.rawValue) of \(formatNumber(sourceKg)) kg/day, CNY a year", kind.annualCny(kgPerDay: min(sourceKg, soundKgPerDayCeiling), a)))
                        }
                        for p in pressures {
                            if let energy = try? SupplyLinkCost.stationEnergyCnyPerKg(pathway, mode, distanceKm: km, pressure: p, a) {
                                values.append(("station energy at \(p.rawValue) MPa, CNY/kg", energy))
                            }
                        }
                        return money(link, values)
                    }
                }
                // The station's own pro-forma with this supply, at every size (the re-costing).
                for p in pressures {
                    for size in set.stationSizesKgPerDay {
                        let chain = SupplyChain(production: pathway, delivery: mode, distanceKm: km, stationCapacityKgPerDay: size,
                                                utilisationPct: utilisation, pressure: p)
                        checks.append { a in NumericalGuard.fault(chain, a, mode: .proforma) }
                    }
                }
            }
        }
        return checks
    }

    static func checkEngine(_ s: PlanningScenario, _ parameters: ParameterSet) throws(PlanningFault) {
        let checks = engineChecks(s, parameters.assumptions)
        for check in checks {
            guard let f = check(parameters.assumptions) else { continue }
            let found = NumericalGuard.causes(in: parameters) { check($0) != nil }
            throw PlanningFault(fault: EngineFault(quantity: f.quantity, problem: f.problem, causes: found.causes, jointly: found.jointly), rows: [])
        }
    }
}

// The CSV tables of a scenario folder (nodes, edges, vehicle classes, fleets, sources,
// candidates) read into a PlanningScenario; `[placement]` and `[plan]` of scenario.toml set
// the run. Every problem names file, line, row and field.
import H2Model

extension ScenarioLoader {
    static let placementKeys: Set<String> = [
        "placement.objective", "placement.coverage_target_pct", "placement.annual_budget_mcny",
        "placement.station_sizes_kg_per_day", "placement.design_year", "placement.time_limit_s",
        "placement.delivery_modes", "placement.same_node_distance_km", "placement.max_stations_per_node", "placement.split_edges_km", "placement.periods", "placement.max_price_cny_per_kg", "placement.onsite_electrolysis",
        "placement.existing_station_default_kg_per_day", "placement.solver", "placement.curve_tolerance_pct",
        "plan.vehicles", "plan.stations", "plan.capacity_t_per_day",
    ]

    /// Reads the planning tables of `directory` and the `[placement]` / `[plan]` settings.
    public static func loadPlanning(directory: String, scenario: inout Scenario) throws(ScenarioError) -> PlanningScenario {
        func path(_ name: String) -> String { directory.hasSuffix("/") ? directory + name : directory + "/" + name }
        var problems = InputErrors()
        let network: Network
        do { network = try NetworkFiles.readNetwork(nodesPath: path("nodes.csv"), edgesPath: path("edges.csv")) } catch {
            throw .data(error)
        }
        hash(path("nodes.csv"), into: &scenario)
        hash(path("edges.csv"), into: &scenario)

        let classes = readVehicleClasses(path("vehicle_classes.csv"), &problems)
        let fleets = readFleets(path("fleets.csv"), network: network, classes: classes, &problems)
        let sources = readSources(path("sources.csv"), network: network, &problems)
        var candidates: [String]? = nil
        if FileSystem.state(of: path("candidates.csv")) == .file {
            candidates = problems.recordingAll { () throws(InputErrors) in try NetworkFiles.readCandidates(path("candidates.csv"), network: network) }
            hash(path("candidates.csv"), into: &scenario)
        }
        for name in ["vehicle_classes.csv", "fleets.csv", "sources.csv"] { hash(path(name), into: &scenario) }
        let settings = readSettings(path("scenario.toml"), &problems)
        var existing: [ExistingStation] = []
        if FileSystem.state(of: path("existing_stations.csv")) == .file {
            existing = readExistingStations(path("existing_stations.csv"), network: network, settings: settings, &problems)
            hash(path("existing_stations.csv"), into: &scenario)
        }
        checkRampYears(path("fleets.csv"), settings: settings, &problems)
        // Policy measures with scope and years (PolicyFile.swift).
        let policies = problems.recordingAll { () throws(InputErrors) in
            try readPolicies(path("policies.csv"), nodesPath: path("nodes.csv"), network: network, province: scenario.province, parameters: scenario.parameters)
        } ?? PolicySet()
        if FileSystem.state(of: path("policies.csv")) == .file { hash(path("policies.csv"), into: &scenario) }
        do { try problems.throwIfAny() } catch { throw .data(error) }
        var refined = network
        if let km = settings.splitEdgesKm {
            if let problem = network.splitProblem(everyKm: km) {
                throw .data(InputErrors([InputError(file: path("scenario.toml"), field: "placement.split_edges_km", message: problem)]))
            }
            // Split points are appended after the file's nodes and become candidates too.
            do {
                let r = try network.splittingEdges(everyKm: km)
                refined = r.network
                if candidates != nil { candidates! += r.splitPointIDs }
            } catch {
                throw .data(InputErrors(error.problems.map { InputError(file: path("edges.csv"), row: $0.row, message: $0.message) }))
            }
        }
        if var c = candidates {
            // An existing station's node is a site whether or not candidates.csv lists it.
            for e in existing where !c.contains(e.node) { c.append(e.node) }
            candidates = c
        }
        var planning = PlanningScenario(network: refined, vehicleClasses: classes, fleets: fleets, sources: sources,
                                        candidateSites: candidates, existingStations: existing, settings: settings)
        planning.policies = policies
        return planning
    }

    static func hash(_ path: String, into scenario: inout Scenario) {
        guard !scenario.inputs.contains(where: { $0.path == path }), let digest = try? SHA256.hexDigest(ofFileAt: path) else { return }
        scenario.inputs.append(InputFileHash(path: path, sha256: digest))
    }

    static func table(_ path: String, required: [String], optional: [String] = [], _ problems: inout InputErrors) -> CSVTable? {
        do {
            let t = try CSVTable.read(from: path)
            try t.requireColumns(required, optional: optional)
            return t
        } catch {
            problems.append(error)
            return nil
        }
    }

    static func readVehicleClasses(_ path: String, _ problems: inout InputErrors) -> [VehicleClass] {
        guard let t = table(path, required: ["class", "kg_per_100km", "tank_kg", "range_km", "pressure_mpa", "daily_km"], &problems) else { return [] }
        var result: [VehicleClass] = []
        for row in t.rows.indices {
            let id = problems.recording { () throws(InputError) in try t.string(row, "class") }
            let kg = problems.recording { () throws(InputError) in try t.double(row, "kg_per_100km", allowZero: false) }
            let tank = problems.recording { () throws(InputError) in try t.double(row, "tank_kg", allowZero: false) }
            let range = problems.recording { () throws(InputError) in try t.double(row, "range_km", allowZero: false) }
            let daily = problems.recording { () throws(InputError) in try t.double(row, "daily_km") }
            let mpa = problems.recording { () throws(InputError) in try t.int(row, "pressure_mpa") }
            var pressure: DispensingPressure? = nil
            if let mpa {
                pressure = DispensingPressure(rawValue: mpa)
                if pressure == nil { problems.append(t.error(row: row, column: "pressure_mpa", "\(mpa) MPa is not a dispensing pressure", fix: "write 35 or 70")) }
            }
            if let id, let kg, let tank, let range, let daily, let pressure {
                if result.contains(where: { $0.id == id }) {
                    problems.append(t.error(row: row, column: "class", "class \"\(id)\" is listed twice", fix: "keep one row per class"))
                }
                result.append(VehicleClass(id: id, name: t.optionalString(row, "name") ?? id, kgPer100Km: kg, tankKg: tank,
                                           rangeKm: range, pressure: pressure, dailyKm: daily))
            }
        }
        return result
    }

    static func readFleets(_ path: String, network: Network, classes: [VehicleClass], _ problems: inout InputErrors) -> [Fleet] {
        guard let t = table(path, required: ["id", "kind", "vehicle_class", "vehicles", "year_2025_share"],
                            optional: ["name", "home", "origin", "destination", "trips_per_day", "service_radius_km"], &problems) else { return [] }
        let shareColumns: [(Int, String)] = t.header.compactMap { column in
            guard column.hasPrefix("year_"), column.hasSuffix("_share"), let year = Int(column.dropFirst(5).dropLast(6)) else { return nil }
            return (year, column)
        }
        var result: [Fleet] = []
        var seen: Set<String> = []
        func node(_ row: Int, _ column: String) -> String? {
            guard let id = problems.recording({ () throws(InputError) in try t.string(row, column) }) else { return nil }
            guard network.position(of: id) != nil else {
                let hint = closestMatch(to: id, among: network.nodes.map(\.id)).map { "did you mean \"\($0)\"? " } ?? ""
                problems.append(t.error(row: row, column: column, "unknown node \"\(id)\"", fix: "\(hint)use an id from nodes.csv"))
                return nil
            }
            return id
        }
        for row in t.rows.indices {
            guard let id = problems.recording({ () throws(InputError) in try t.string(row, "id") }) else { continue }
            if !seen.insert(id).inserted { problems.append(t.error(row: row, column: "id", "fleet \"\(id)\" is listed twice", fix: "give each fleet its own id")) }
            var vehicles = problems.recording { () throws(InputError) in try t.double(row, "vehicles") }
            if let n = vehicles, let why = DomainLimits.vehicleCountProblem(n) {
                problems.append(t.error(row: row, column: "vehicles", why, fix: "give a whole number of vehicles"))
                vehicles = nil
            }
            let classID = problems.recording { () throws(InputError) in try t.string(row, "vehicle_class") }
            if let classID, !classes.contains(where: { $0.id == classID }) {
                problems.append(t.error(row: row, column: "vehicle_class", "unknown vehicle class \"\(classID)\"", fix: "use a class from vehicle_classes.csv"))
            }
            var shares: [(year: Int, share: Double)] = []
            for (year, column) in shareColumns {
                if let share = problems.recording({ () throws(InputError) in try t.optionalDouble(row, column) }), let share { shares.append((year, share)) }
            }
            let kind = problems.recording { () throws(InputError) in try t.string(row, "kind") }
            var pattern: Fleet.Pattern? = nil
            switch kind {
            case "depot":
                let home = node(row, "home")
                let radius = problems.recording { () throws(InputError) in try t.double(row, "service_radius_km") }
                if let home, let radius { pattern = .depot(home: home, serviceRadiusKm: radius) }
            case "corridor":
                let origin = node(row, "origin"), destination = node(row, "destination")
                let trips = problems.recording { () throws(InputError) in try t.double(row, "trips_per_day", allowZero: false) }
                if let origin, let destination, origin == destination {
                    problems.append(t.error(row: row, column: "destination", "origin and destination are the same node", fix: "a corridor fleet must travel; make it a depot fleet"))
                } else if let origin, let destination, network.shortestPath(from: origin, to: destination) == nil {
                    problems.append(t.error(row: row, column: "destination", "no road path from \(origin) to \(destination): the network is disconnected", fix: "add the missing edges"))
                } else if let origin, let destination, let trips {
                    pattern = .corridor(origin: origin, destination: destination, roundTripsPerVehiclePerDay: trips)
                }
            case nil: break
            case let other?:
                problems.append(t.error(row: row, column: "kind", "unknown fleet kind \"\(other)\"", fix: "write depot or corridor"))
            }
            if let vehicles, let classID, let pattern {
                result.append(Fleet(id: id, name: t.optionalString(row, "name") ?? id, pattern: pattern, vehicleClass: classID,
                                    vehicles: vehicles, shareByYear: shares))
            }
        }
        if t.rows.isEmpty { problems.append(t.headerError("no fleets", fix: "add one row per fleet")) }
        return result
    }

    static func readSources(_ path: String, network: Network, _ problems: inout InputErrors) -> [HydrogenSource] {
        guard let t = table(path, required: ["id", "node", "pathway", "available_t_per_year"], optional: ["name", "first_year"], &problems) else { return [] }
        var result: [HydrogenSource] = []
        for row in t.rows.indices {
            let id = problems.recording { () throws(InputError) in try t.string(row, "id") }
            let nodeID = problems.recording { () throws(InputError) in try t.string(row, "node") }
            let amount = problems.recording { () throws(InputError) in try t.double(row, "available_t_per_year") }
            let name = problems.recording { () throws(InputError) in try t.string(row, "pathway") }
            var firstYear: Int? = nil
            if t.header.contains("first_year"), t.optionalString(row, "first_year") != nil {
                firstYear = problems.recording { () throws(InputError) in try t.int(row, "first_year") }
            }
            var pathway: ProductionPathway? = nil
            if let name {
                pathway = ProductionPathway(rawValue: name)
                if pathway == nil || pathway == .onsiteElectrolysis {
                    problems.append(t.error(row: row, column: "pathway", "\"\(name)\" is not a source pathway",
                                            fix: "use one of \(ProductionPathway.allCases.filter { $0 != .onsiteElectrolysis }.map(\.rawValue).joined(separator: ", "))"))
                    pathway = nil
                }
            }
            if let nodeID, network.position(of: nodeID) == nil {
                problems.append(t.error(row: row, column: "node", "unknown node \"\(nodeID)\"", fix: "use an id from nodes.csv"))
            }
            if let id, result.contains(where: { $0.id == id }) {
                problems.append(t.error(row: row, column: "id", "source \"\(id)\" is listed twice", fix: "give each source its own id"))
            }
            if let id, let nodeID, let amount, let pathway, network.position(of: nodeID) != nil {
                result.append(HydrogenSource(id: id, name: t.optionalString(row, "name") ?? id, node: nodeID, pathway: pathway, availableTonnesPerYear: amount, firstYear: firstYear))
            }
        }
        return result
    }

    static func readSettings(_ path: String, _ problems: inout InputErrors) -> PlanningSettings {
        var s = PlanningSettings()
        guard let file = problems.recordingAll({ () throws(InputErrors) in try TOMLFile.read(from: path) }) else { return s }
        if let e = file["placement.objective"], let text = problems.recording({ () throws(InputError) in try e.string() }) {
            switch text {
            case "least-cost": s.objective = .leastCost
            case "coverage-target":
                if let t = file["placement.coverage_target_pct"], let pct = problems.recording({ () throws(InputError) in try t.number() }) {
                    s.objective = .leastCostForCoverage(minimumShare: pct / 100)
                } else { problems.append(e.error("coverage-target needs placement.coverage_target_pct", fix: "add coverage_target_pct = 90")) }
            case "budget":
                if let t = file["placement.annual_budget_mcny"], let m = problems.recording({ () throws(InputError) in try t.number() }) {
                    s.objective = .mostCoverageWithinBudget(annualBudgetCNY: m * 1e6)
                } else { problems.append(e.error("budget needs placement.annual_budget_mcny", fix: "add annual_budget_mcny = 50")) }
            default:
                problems.append(e.error("unknown objective \"\(text)\"", fix: "write least-cost, coverage-target or budget"))
            }
        }
        if let e = file["placement.station_sizes_kg_per_day"], let sizes = problems.recording({ () throws(InputError) in try e.numbers() }) {
            if sizes.isEmpty || sizes.contains(where: { $0 <= 0 }) {
                problems.append(e.error("station sizes must be a non-empty list of positive kg/day", fix: "station_sizes_kg_per_day = [500, 1000, 2000]"))
            } else { s.stationSizesKgPerDay = sizes }
        }
        if let e = file["placement.max_stations_per_node"], let n = problems.recording({ () throws(InputError) in try e.integer(allowZero: false) }) {
            if n > 10 { problems.append(e.error("\(n) stations at one node is more than the model handles", fix: "use 1 to 10")) } else { s.maximumStationsPerNode = n }
        }
        if let e = file["placement.split_edges_km"] { s.splitEdgesKm = problems.recording { () throws(InputError) in try e.number(allowZero: false) } }
        if let e = file["placement.design_year"], let y = problems.recording({ () throws(InputError) in try e.integer() }) {
            if let why = DomainLimits.designYearProblem(y) { problems.append(e.error(why, fix: "give the year the plan is for, e.g. 2025")) } else { s.designYear = y }
        }
        if let e = file["placement.time_limit_s"], let v = problems.recording({ () throws(InputError) in try e.number(allowZero: false) }) { s.timeLimitSeconds = v }
        if let e = file["placement.same_node_distance_km"], let v = problems.recording({ () throws(InputError) in try e.number(allowZero: false) }) { s.sameNodeDistanceKm = v }
        if let e = file["placement.periods"], let years = problems.recording({ () throws(InputError) in try e.numbers() }) {
            let ints = years.map { Int($0) }
            if years.isEmpty || years.contains(where: { $0 != $0.rounded() }) {
                problems.append(e.error("periods must be a non-empty list of calendar years", fix: "periods = [2025, 2027, 2030]"))
            } else if let bad = zip(ints, ints.dropFirst()).first(where: { $0.1 <= $0.0 }) {
                problems.append(e.error("periods must increase: \(bad.1) follows \(bad.0)", fix: "list each period's first year once, in order, e.g. periods = [2025, 2027, 2030]"))
            } else if let bad = ints.first(where: { $0 < 2000 || $0 > 2100 }) {
                problems.append(e.error("period \(bad) is not a planning year", fix: "use calendar years between 2000 and 2100"))
            } else { s.periods = ints }
        }
        if let e = file["placement.max_price_cny_per_kg"] { s.maximumPriceCnyPerKg = problems.recording { () throws(InputError) in try e.number(allowZero: false) } }
        if let e = file["placement.curve_tolerance_pct"], let v = problems.recording({ () throws(InputError) in try e.number(allowZero: false) }) {
            if v > 5 { problems.append(e.error("a curve tolerance of \(v) % would let the optimiser see costs far from the engine's", fix: "use at most 5 (default 0.4)")) } else { s.curveTolerance = v / 100 }
        }
        if let e = file["placement.solver"], let name = problems.recording({ () throws(InputError) in try e.string() }) {
            if let b = PlanningSolver(rawValue: name) { s.solver = b } else {
                problems.append(e.error("unknown solver \"\(name)\"", fix: "write cbc or glpk"))
            }
        }
        if let e = file["placement.onsite_electrolysis"], let v = problems.recording({ () throws(InputError) in try e.bool() }) { s.onsiteElectrolysis = v }
        if let e = file["placement.existing_station_default_kg_per_day"], let v = problems.recording({ () throws(InputError) in try e.number(allowZero: false) }) {
            s.existingStationDefaultKgPerDay = v
        }
        if let e = file["placement.delivery_modes"], let names = problems.recording({ () throws(InputError) in try e.strings() }) {
            var modes: [DeliveryMode] = []
            for n in names {
                if let m = DeliveryMode(rawValue: n), m != .none, m.carrier == nil { modes.append(m) } else {
                    problems.append(e.error("\"\(n)\" is not a hydrogen delivery mode", fix: "use tube-trailer-20, tube-trailer-30, tube-trailer-50, liquid or pipeline"))
                }
            }
            s.deliveryModes = modes
        }
        if let e = file["plan.vehicles"] { s.planVehicles = problems.recording { () throws(InputError) in try e.number() } }
        if let e = file["plan.stations"] { s.planStations = problems.recording { () throws(InputError) in try e.number() } }
        if let e = file["plan.capacity_t_per_day"] { s.planCapacityTonnesPerDay = problems.recording { () throws(InputError) in try e.number() } }
        return s
    }
}

extension ScenarioLoader {
    /// existing_stations.csv: id, node, capacity (blank: the scenario's stated default),
    /// opening date (a year, YYYY-MM or YYYY-MM-DD) and pressure (blank: 35 MPa).
    static func readExistingStations(_ path: String, network: Network, settings: PlanningSettings, _ problems: inout InputErrors) -> [ExistingStation] {
        guard let t = table(path, required: ["id", "node", "opened"], optional: ["name", "name_zh", "capacity_kg_per_day", "pressure_mpa", "status", "source"], &problems) else { return [] }
        var result: [ExistingStation] = []
        for row in t.rows.indices {
            guard let id = problems.recording({ () throws(InputError) in try t.string(row, "id") }) else { continue }
            if result.contains(where: { $0.id == id }) { problems.append(t.error(row: row, column: "id", "station \"\(id)\" is listed twice", fix: "give each station its own id")) }
            let node = problems.recording { () throws(InputError) in try t.string(row, "node") }
            if let node, network.position(of: node) == nil {
                let hint = closestMatch(to: node, among: network.nodes.map(\.id)).map { "did you mean \"\($0)\"? " } ?? ""
                problems.append(t.error(row: row, column: "node", "unknown node \"\(node)\"", fix: "\(hint)use an id from nodes.csv"))
            }
            var capacity = settings.existingStationDefaultKgPerDay, isDefault = true
            if t.header.contains("capacity_kg_per_day"), t.optionalString(row, "capacity_kg_per_day") != nil {
                if let c = problems.recording({ () throws(InputError) in try t.double(row, "capacity_kg_per_day", allowZero: false) }) { capacity = c; isDefault = false }
            }
            var pressure = DispensingPressure.mpa35
            if t.header.contains("pressure_mpa"), let text = t.optionalString(row, "pressure_mpa") {
                if let mpa = Int(text), let p = DispensingPressure(rawValue: mpa) { pressure = p } else {
                    problems.append(t.error(row: row, column: "pressure_mpa", "\"\(text)\" is not a dispensing pressure", fix: "write 35 or 70, or leave it blank for 35"))
                }
            }
            var year: Int? = nil
            if let text = problems.recording({ () throws(InputError) in try t.string(row, "opened") }) {
                let head = text.prefix(4)
                if head.count == 4, let y = Int(head), (1990...2100).contains(y), text.count == 4 || text.dropFirst(4).first == "-" { year = y } else {
                    problems.append(t.error(row: row, column: "opened", "\"\(text)\" is not an opening date", fix: "write a year (2022), a month (2022-07) or a date (2022-07-15)"))
                }
            }
            if let node, network.position(of: node) != nil, let year {
                result.append(ExistingStation(id: id, name: t.optionalString(row, "name") ?? id, node: node, capacityKgPerDay: capacity,
                                              capacityIsDefault: isDefault, pressure: pressure, openingYear: year))
            }
        }
        return result
    }

    /// Every ramp year of fleets.csv must lie within the planned years: a share given for a
    /// year after the last period (or before the first) would never be used.
    static func checkRampYears(_ path: String, settings: PlanningSettings, _ problems: inout InputErrors) {
        guard !settings.periods.isEmpty, let t = try? CSVTable.read(from: path) else { return }
        let first = settings.periods.first!, last = settings.periods.last!
        for column in t.header where column.hasPrefix("year_") && column.hasSuffix("_share") {
            guard let year = Int(column.dropFirst(5).dropLast(6)) else { continue }
            if year > last || year < first {
                problems.append(t.headerError("ramp column \(column) is outside the planning periods \(first)–\(last)",
                                              fix: "add \(year) to placement.periods in scenario.toml, or drop the column"))
            }
        }
    }
}

extension InputErrors {
    /// Like `recording`, for work that reports several problems.
    mutating func recordingAll<T>(_ body: () throws(InputErrors) -> T) -> T? {
        do { return try body() } catch {
            append(contentsOf: error.errors)
            return nil
        }
    }
}

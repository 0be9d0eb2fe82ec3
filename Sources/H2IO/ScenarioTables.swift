// The CSV tables of a scenario folder (nodes, edges, vehicle classes, fleets, sources,
// candidates) read into a PlanningScenario; `[placement]` and `[plan]` of scenario.toml set
// the run. Every problem names file, line, row and field.
import H2Model

extension ScenarioLoader {
    static let placementKeys: Set<String> = [
        "placement.objective", "placement.coverage_target_pct", "placement.annual_budget_mcny",
        "placement.station_sizes_kg_per_day", "placement.design_year", "placement.time_limit_s",
        "placement.delivery_modes", "placement.same_node_distance_km", "placement.max_stations_per_node", "placement.split_edges_km", "placement.periods", "placement.max_price_cny_per_kg", "placement.onsite_electrolysis", "placement.start_heuristic",
        "placement.existing_station_default_kg_per_day", "placement.solver", "placement.curve_tolerance_pct", "placement.mip_gap_pct",
        "placement.carbon_price_cny_per_t", "placement.max_co2_kg_per_kg",
        "plan.vehicles", "plan.stations", "plan.capacity_t_per_day",
    ]

    /// Reads the planning tables of `directory` (ScenarioSchema.tables, each once and in that
    /// order) and the `[placement]` / `[plan]` settings of `settingsFile`, into
    /// `scenario.planning`. Every problem in every table is appended to `problems`; a table that
    /// cannot be read still lets the others be checked (node ids come from nodes.csv even when
    /// edges.csv is broken).
    static func readTables(_ directory: String, settingsFile: TOMLFile?, files: inout ScenarioFiles, scenario: inout Scenario,
                           _ problems: inout InputErrors, _ warnings: inout InputErrors) {
        func path(_ name: String) -> String { folderPath(directory, name) }
        // scenario.toml's settings with the command line's (--set, sweep cases) over them.
        let settingsFile = settingsFile.map { SettingOverrides.overlaid($0, with: scenario.settingOverrides) }
        var tables: [String: CSVTable] = [:]
        for schema in ScenarioSchema.tables {
            let p = path(schema.file)
            if FileSystem.state(of: p) == .absent {
                if schema.isRequired {
                    problems.append(InputError(file: p, message: "file not found: a scenario needs \(schema.file) (columns \(schema.columns.joined(separator: ",")))",
                                               fix: "add it; docs/SCENARIO.md describes every column and `h2corridor init DIR` writes an example"))
                }
                continue
            }
            do {
                let t = try files.table(p)
                try t.requireColumns(schema.columns, optional: schema.optionalColumns, allowOtherColumns: schema.file != ScenarioSchema.policies.file)
                tables[schema.file] = t
                for column in t.header where !schema.accepts(column) {
                    let hint = closestMatch(to: column, among: schema.columns + schema.optionalColumns).map { "did you mean \"\($0)\"? " } ?? ""
                    warnings.append(InputError(file: p, line: t.headerLine, field: column, message: "column \"\(column)\" is not read by h2corridor",
                                               fix: "\(hint)see docs/SCENARIO.md for the columns of \(schema.file); remove it if it is not a note for readers"))
                }
                checkBasisAndText(t, &problems, &warnings)
            } catch {
                problems.append(error)
            }
        }
        let settings = readSettings(settingsFile, &problems, &warnings)
        var network: Network? = nil
        if let nodes = tables["nodes.csv"], let edges = tables["edges.csv"] {
            network = problems.recordingAll { () throws(InputErrors) in try NetworkFiles.readNetwork(nodes: nodes, edges: edges) }
        }
        let known = KnownNodes(network: network, ids: Set((tables["nodes.csv"].map { t in t.rows.indices.compactMap { t.optionalString($0, "id") } }) ?? []),
                               hasNodes: tables["nodes.csv"] != nil)
        if let nodes = tables["nodes.csv"], nodes.hasColumn("kind") {
            for row in nodes.rows.indices {
                if let kind = nodes.optionalString(row, "kind"), !ScenarioSchema.nodeKinds.contains(kind) {
                    warnings.append(nodes.error(row: row, column: "kind", "node kind \"\(kind)\" is not one of \(ScenarioSchema.nodeKinds.joined(separator: ", "))",
                                                fix: "use one of those; only border nodes are outside the province's policy scope"))
                }
            }
        }
        let classes = tables["vehicle_classes.csv"].map { readVehicleClasses($0, &problems, &warnings) } ?? []
        var fleets = tables["fleets.csv"].map { readFleets($0, known: known, classes: classes, classesRead: tables["vehicle_classes.csv"] != nil, &problems, &warnings) } ?? []
        let sources = tables["sources.csv"].map { readSources($0, known: known, &problems) } ?? []
        var candidates: [String]? = nil
        if let t = tables["candidates.csv"] {
            candidates = readCandidates(t, known: known, &problems)
        }
        let existing = tables["existing_stations.csv"].map { readExistingStations($0, known: known, settings: settings, &problems) } ?? []
        if let t = tables["fleets.csv"] { checkRampYears(t, settings: settings, &problems) }
        // Policy measures with scope and years (PolicyFile.swift).
        var policies = known.network.flatMap { network in
            problems.recordingAll { () throws(InputErrors) in
                try readPolicies(tables["policies.csv"], nodes: tables["nodes.csv"], network: network, province: scenario.province, parameters: scenario.parameters)
            }
        } ?? PolicySet()
        if let settingsFile { SettingOverrides.apply(settingsFile, fleetsPath: path("fleets.csv"), fleets: &fleets, policies: &policies, &problems) }
        if let edges = tables["edges.csv"] { scenario.corridorNames = corridorNames(edges) }
        scenario.names = ChineseNames(nodes: chineseNames(tables["nodes.csv"]), sources: chineseNames(tables["sources.csv"]))
        guard var refined = network else { return }
        if let km = settings.splitEdgesKm {
            if let problem = refined.splitProblem(everyKm: km) {
                problems.append(InputError(file: path("scenario.toml"), line: settingsFile?.line(of: "placement.split_edges_km"), field: "placement.split_edges_km", message: problem))
            } else {
                // Split points are appended after the file's nodes and become candidates too.
                do {
                    let r = try refined.splittingEdges(everyKm: km)
                    refined = r.network
                    if candidates != nil { candidates! += r.splitPointIDs }
                } catch {
                    problems.append(contentsOf: error.problems.map { InputError(file: path("edges.csv"), row: $0.row, message: $0.message) })
                }
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
        scenario.planning = planning
    }

    /// Reads the planning tables of a scenario whose parameters are already loaded, under the
    /// scenario's setting overrides as they are now: a sweep over `placement.*` settings reads
    /// them once per case (the one-pass loader read them under the command line's overrides).
    public static func loadPlanning(directory: String, scenario: inout Scenario) throws(ScenarioError) -> PlanningScenario {
        var files = ScenarioFiles()
        var problems = InputErrors(), warnings = InputErrors()
        let settings = files.toml(folderPath(directory, "scenario.toml"), &problems)
        readTables(directory, settingsFile: settings, files: &files, scenario: &scenario, &problems, &warnings)
        for input in files.inputs where !scenario.inputs.contains(where: { $0.path == input.path }) { scenario.inputs.append(input) }
        do { try problems.throwIfAny() } catch { throw SettingOverrides.error(error) }
        guard let planning = scenario.planning else {
            throw .usage("\(directory): no planning tables were read (nodes.csv, edges.csv, fleets.csv, vehicle_classes.csv, sources.csv); `run` needs them")
        }
        return planning
    }

    /// The node ids a table may refer to: the network when it could be built, else the ids of
    /// nodes.csv (so a fleet's unknown node is still found when edges.csv is broken).
    struct KnownNodes {
        var network: Network?
        var ids: Set<String>
        /// False when nodes.csv itself could not be read: then no reference can be checked.
        var hasNodes: Bool
        func isUnknown(_ id: String) -> Bool { hasNodes && !ids.contains(id) }
        var all: [String] { ids.sorted() }
    }

    /// A `basis` column holds basis tags; Chinese text belongs in the `_zh` columns, with English
    /// beside it (a warning: it is readable, but the English reader loses it).
    static func checkBasisAndText(_ t: CSVTable, _ problems: inout InputErrors, _ warnings: inout InputErrors) {
        for row in t.rows.indices {
            if t.hasColumn("basis"), let text = t.optionalString(row, "basis"), Basis(rawValue: text) == nil {
                problems.append(t.error(row: row, column: "basis", "\"\(text)\" is not a basis tag", fix: "write REPORTED, DERIVED or ESTIMATE"))
            }
            for column in ["id", "name", "kind", "node", "home", "origin", "destination", "from", "to", "class", "vehicle_class", "pathway"] where t.hasColumn(column) {
                if let text = t.optionalString(row, column), text.unicodeScalars.contains(where: { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }) {
                    warnings.append(t.error(row: row, column: column, "Chinese text outside a _zh column", fix: "write the English (pinyin) name here and the Chinese in name_zh"))
                }
            }
        }
    }

    /// Corridor names keyed "from|to", and the Chinese ones (`corridor_zh`) keyed "zh|from|to".
    static func corridorNames(_ t: CSVTable) -> [String: String] {
        guard t.hasColumn("corridor") else { return [:] }
        var names: [String: String] = [:]
        for row in t.rows.indices {
            guard let from = t.optionalString(row, "from"), let to = t.optionalString(row, "to") else { continue }
            if let c = t.optionalString(row, "corridor") { names[from + "|" + to] = c }
            if let c = t.optionalString(row, "corridor_zh") { names["zh|" + from + "|" + to] = c }
        }
        return names
    }

    static func chineseNames(_ t: CSVTable?) -> [String: String] {
        guard let t, t.hasColumn("name_zh") else { return [:] }
        var names: [String: String] = [:]
        for row in t.rows.indices {
            if let id = t.optionalString(row, "id"), let name = t.optionalString(row, "name_zh"), names[id] == nil { names[id] = name }
        }
        return names
    }

    static func readCandidates(_ t: CSVTable, known: KnownNodes, _ problems: inout InputErrors) -> [String] {
        var seen: Set<String> = []
        var ids: [String] = []
        for row in t.rows.indices {
            guard let id = problems.recording({ () throws(InputError) in try t.string(row, "node") }) else { continue }
            if known.isUnknown(id) {
                let hint = closestMatch(to: id, among: known.all).map { "did you mean \"\($0)\"? " } ?? ""
                problems.append(t.error(row: row, column: "node", "unknown node \"\(id)\"", fix: "\(hint)use an id from nodes.csv"))
            } else if !seen.insert(id).inserted {
                problems.append(t.error(row: row, column: "node", "\"\(id)\" is listed twice", fix: "keep one row per candidate"))
            } else {
                ids.append(id)
            }
        }
        return ids
    }

    static func readVehicleClasses(_ t: CSVTable, _ problems: inout InputErrors, _ warnings: inout InputErrors) -> [VehicleClass] {
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
            if let kg, let tank, let range, range > tank / kg * 100 * 1.1 {
                // The range cannot exceed what a full tank gives at the stated consumption.
                warnings.append(t.error(row: row, column: "range_km", "\(formatNumber(range)) km is more than 110 % of what the tank gives (\(formatNumber(tank)) kg / \(formatNumber(kg)) kg per 100 km = \(formatNumber((tank / kg * 100).rounded())) km)",
                                        fix: "check range_km, tank_kg and kg_per_100km"))
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

    static func readFleets(_ t: CSVTable, known: KnownNodes, classes: [VehicleClass], classesRead: Bool,
                           _ problems: inout InputErrors, _ warnings: inout InputErrors) -> [Fleet] {
        let shareColumns: [(Int, String)] = t.header.compactMap { column in
            guard column.hasPrefix("year_"), column.hasSuffix("_share"), let year = Int(column.dropFirst(5).dropLast(6)) else { return nil }
            return (year, column)
        }
        var result: [Fleet] = []
        var seen: Set<String> = []
        func node(_ row: Int, _ column: String) -> String? {
            guard let id = problems.recording({ () throws(InputError) in try t.string(row, column) }) else { return nil }
            guard !known.isUnknown(id) else {
                let hint = closestMatch(to: id, among: known.all).map { "did you mean \"\($0)\"? " } ?? ""
                problems.append(t.error(row: row, column: column, "unknown node \"\(id)\"", fix: "\(hint)use an id from nodes.csv"))
                return nil
            }
            return id
        }
        /// Columns of the other fleet kind hold a value the model does not use.
        func ignored(_ row: Int, _ columns: [String], kind: String) {
            for column in columns where t.hasColumn(column) && t.optionalString(row, column) != nil {
                warnings.append(t.error(row: row, column: column, "a \(kind) fleet does not use \(column); the value is ignored", fix: "leave the cell empty, or check the fleet's kind"))
            }
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
            if let classID, classesRead, !classes.contains(where: { $0.id == classID }) {
                let hint = closestMatch(to: classID, among: classes.map(\.id)).map { "did you mean \"\($0)\"? " } ?? ""
                problems.append(t.error(row: row, column: "vehicle_class", "unknown vehicle class \"\(classID)\"", fix: "\(hint)use a class from vehicle_classes.csv"))
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
                ignored(row, ["origin", "destination", "trips_per_day"], kind: "depot")
            case "corridor":
                let origin = node(row, "origin"), destination = node(row, "destination")
                let trips = problems.recording { () throws(InputError) in try t.double(row, "trips_per_day", allowZero: false) }
                if let origin, let destination, origin == destination {
                    problems.append(t.error(row: row, column: "destination", "origin and destination are the same node", fix: "a corridor fleet must travel; make it a depot fleet"))
                } else if let origin, let destination, let network = known.network, network.shortestPath(from: origin, to: destination) == nil {
                    problems.append(t.error(row: row, column: "destination", "no road path from \(origin) to \(destination): the network is disconnected", fix: "add the missing edges"))
                } else if let origin, let destination, let trips {
                    pattern = .corridor(origin: origin, destination: destination, roundTripsPerVehiclePerDay: trips)
                    if let network = known.network, let c = classes.first(where: { $0.id == classID }),
                       let path = network.shortestPath(from: origin, to: destination),
                       let longest = path.legKm.max(), longest > c.rangeKm {
                        warnings.append(t.error(row: row, column: "destination", "an edge of \(formatNumber(longest)) km on the road from \(origin) to \(destination) is longer than the \(formatNumber(c.rangeKm)) km range of \(c.id): no station plan can refuel it",
                                                fix: "check the edge length and the class's range_km, or set placement.split_edges_km"))
                    }
                }
                ignored(row, ["home", "service_radius_km"], kind: "corridor")
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

    static func readSources(_ t: CSVTable, known: KnownNodes, _ problems: inout InputErrors) -> [HydrogenSource] {
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
            if let nodeID, known.isUnknown(nodeID) {
                let hint = closestMatch(to: nodeID, among: known.all).map { "did you mean \"\($0)\"? " } ?? ""
                problems.append(t.error(row: row, column: "node", "unknown node \"\(nodeID)\"", fix: "\(hint)use an id from nodes.csv"))
            }
            if let id, result.contains(where: { $0.id == id }) {
                problems.append(t.error(row: row, column: "id", "source \"\(id)\" is listed twice", fix: "give each source its own id"))
            }
            if let id, let nodeID, let amount, let pathway, !known.isUnknown(nodeID) {
                result.append(HydrogenSource(id: id, name: t.optionalString(row, "name") ?? id, node: nodeID, pathway: pathway, availableTonnesPerYear: amount, firstYear: firstYear))
            }
        }
        return result
    }

    static func readSettings(_ file: TOMLFile?, _ problems: inout InputErrors, _ warnings: inout InputErrors) -> PlanningSettings {
        var s = PlanningSettings()
        guard let file else { return s }
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
            if DomainLimits.plausibleDesignYears.contains(y) {
                // Before 2000 a run works but no hydrogen network existed to plan: said, not refused.
                warnings.append(e.error("design year \(y) is before 2000", fix: "give the year the plan is for, e.g. 2025"))
                s.designYear = y
            } else if let why = DomainLimits.designYearProblem(y) { problems.append(e.error(why, fix: "give the year the plan is for, e.g. 2025")) } else { s.designYear = y }
        }
        if let e = file["placement.time_limit_s"], let v = problems.recording({ () throws(InputError) in try e.number(allowZero: false) }) { s.timeLimitSeconds = v }
        if let e = file["placement.same_node_distance_km"], let v = problems.recording({ () throws(InputError) in try e.number(allowZero: false) }) { s.sameNodeDistanceKm = v }
        if let e = file["placement.periods"], let years = problems.recording({ () throws(InputError) in try e.numbers() }) {
            let ints = years.map { Int(exactly: $0) ?? 0 }  // not Int($0): 1e20 would trap (found by the fuzz test)
            if years.isEmpty || years.contains(where: { Int(exactly: $0) == nil }) {
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
        if let e = file["placement.mip_gap_pct"], let v = problems.recording({ () throws(InputError) in try e.number() }) {
            if v < 0 || v > 5 { problems.append(e.error("a MIP gap of \(v) % is outside 0 to 5", fix: "use 0 for an exact proof or a small share such as 0.01 (default)")) } else { s.relativeGap = v / 100 }
        }
        if let e = file["placement.carbon_price_cny_per_t"], let v = problems.recording({ () throws(InputError) in try e.number() }) {
            // Beyond 10,000 CNY/t the price dwarfs every cost of the chain (about 200 CNY/kg of
            // grid hydrogen): a typo for a price per kg, or a unit slip.
            if v < 0 || v > 10_000 {
                problems.append(e.error("a carbon price of \(v) CNY/t is outside 0 to 10,000", fix: "give CNY per tonne CO2e, e.g. 100 (China's ETS traded near 100 in 2024)"))
            } else { s.carbonPriceCnyPerTonne = v }
        }
        if let e = file["placement.max_co2_kg_per_kg"], let v = problems.recording({ () throws(InputError) in try e.number(allowZero: false) }) {
            if v > 100 { problems.append(e.error("a cap of \(v) kg CO2e/kg is above any pathway's intensity", fix: "give kg CO2e per kg H2, e.g. 4.9 (T/CAB 0078-2020 clean hydrogen)")) } else { s.maximumCo2KgPerKg = v }
        }
        if let e = file["placement.solver"], let name = problems.recording({ () throws(InputError) in try e.string() }) {
            if let b = PlanningSolver(rawValue: name) { s.solver = b } else {
                problems.append(e.error("unknown solver \"\(name)\"", fix: "write " + PlanningSolver.allCases.map(\.rawValue).joined(separator: ", ")))
            }
        }
        if let e = file["placement.onsite_electrolysis"], let v = problems.recording({ () throws(InputError) in try e.bool() }) { s.onsiteElectrolysis = v }
        if let e = file["placement.start_heuristic"], let v = problems.recording({ () throws(InputError) in try e.bool() }) { s.startHeuristic = v }
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
    static func readExistingStations(_ t: CSVTable, known: KnownNodes, settings: PlanningSettings, _ problems: inout InputErrors) -> [ExistingStation] {
        var result: [ExistingStation] = []
        for row in t.rows.indices {
            guard let id = problems.recording({ () throws(InputError) in try t.string(row, "id") }) else { continue }
            if result.contains(where: { $0.id == id }) { problems.append(t.error(row: row, column: "id", "station \"\(id)\" is listed twice", fix: "give each station its own id")) }
            let node = problems.recording { () throws(InputError) in try t.string(row, "node") }
            if let node, known.isUnknown(node) {
                let hint = closestMatch(to: node, among: known.all).map { "did you mean \"\($0)\"? " } ?? ""
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
            if let node, !known.isUnknown(node), let year {
                result.append(ExistingStation(id: id, name: t.optionalString(row, "name") ?? id, node: node, capacityKgPerDay: capacity,
                                              capacityIsDefault: isDefault, pressure: pressure, openingYear: year))
            }
        }
        return result
    }

    /// Every ramp year of fleets.csv must lie within the planned years: a share given for a
    /// year after the last period (or before the first) would never be used.
    static func checkRampYears(_ t: CSVTable, settings: PlanningSettings, _ problems: inout InputErrors) {
        guard !settings.periods.isEmpty else { return }
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

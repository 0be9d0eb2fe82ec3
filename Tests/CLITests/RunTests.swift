// `run` on the flagship scenarios (golden results, reproduced byte for byte) and on small
// scenarios built here to be infeasible or malformed in one precise way each.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Collects every `id` attribute of an XML document.
final class IDCollector: NSObject, XMLParserDelegate, @unchecked Sendable {
    var ids: Set<String> = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if let id = attributes["id"] { ids.insert(id) }
    }
}

/// A small corridor scenario: A —100— B —120— C —150— D, buses at B, trucks A↔D.
struct SmallScenario {
    var nodes = "id,name,kind,lat,lon\nA,Alpha,city,26.0,106.0\nB,Beta,city,26.0,107.0\nC,Gamma,city,26.0,108.0\nD,Delta,city,26.0,109.0\n"
    var edges = "from,to,km\nA,B,100\nB,C,120\nC,D,150\n"
    var classes = "class,kg_per_100km,tank_kg,range_km,pressure_mpa,daily_km\nbus,7.6,25,300,35,150\ntruck,9.1,55,600,35,300\n"
    var fleets = "id,kind,vehicle_class,vehicles,home,origin,destination,trips_per_day,service_radius_km,year_2023_share,year_2025_share,year_2030_share\nb_bus,depot,bus,20,B,,,,25,0.5,1,1.2\nad_truck,corridor,truck,10,A,A,D,0.5,,0.2,1,1.5\n"
    var sources = "id,node,pathway,available_t_per_year\nsrc,A,byproduct,5000\n"
    var toml = "[scenario]\nname = \"small\"\n[placement]\nobjective = \"least-cost\"\n"
    /// policies.csv, written only when set.
    var policies: String?
    /// existing_stations.csv, written only when set.
    var existing: String?

    func write(to folder: TemporaryFolder) -> String {
        let dir = folder.file("scenario")
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in [("nodes.csv", nodes), ("edges.csv", edges), ("vehicle_classes.csv", classes),
                             ("fleets.csv", fleets), ("sources.csv", sources), ("scenario.toml", toml)] + (policies.map { [("policies.csv", $0)] } ?? [])
            + (existing.map { [("existing_stations.csv", $0)] } ?? []) {
            _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(text.utf8))
        }
        return dir
    }
}

@Suite("run")
struct RunTests {
    static let files = ["cashflow.csv", "corridors.geojson", "cost_breakdown.csv", "cost_breakdown.svg", "coverage.csv", "logistics.csv",
                        "manifest.json", "map.svg", "results.xlsx", "sources.geojson", "stations.csv", "stations.geojson", "summary.csv",
                        "supply.csv", "supply_links.geojson"]

    /// The committed provincial results (the two flagships, Fujian and Yunnan) are what a fresh
    /// run writes, byte for byte (run from the package root so the manifest's input paths are the
    /// same relative paths).
    @Test(arguments: ["guizhou-2025", "zhejiang-2025", "fujian-2025", "yunnan-2025"])
    func flagshipResultsAreReproducedExactly(_ name: String) throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["run", "Models/\(name)", "--out", folder.file("out"), "--quiet"], inDirectory: CLI.packageRoot.path, timeout: 120)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let committed = CLI.packageRoot.appendingPathComponent("Results/\(name)").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: committed).sorted()) ?? []
        #expect(Set(Self.files).isSubset(of: Set(names)), "committed results: \(names)")
        for file in names {
            let fresh = FileManager.default.contents(atPath: folder.file("out/" + file))
            let golden = FileManager.default.contents(atPath: committed + "/" + file)
            #expect(fresh != nil && fresh == golden, "\(name)/\(file) differs from the committed result")
        }
        let summary = CSVRows(String(decoding: folder.read("out/summary.csv") ?? [], as: UTF8.self))
        #expect(summary.values("status") == ["optimal"])
    }

    /// stations.geojson parses as GeoJSON and map.svg as XML, and both hold every station and source.
    @Test(arguments: ["guizhou-2025", "zhejiang-2025", "fujian-2025", "yunnan-2025"])
    func mapAndGeoJSONHoldEveryStationAndSource(_ name: String) throws {
        let results = CLI.packageRoot.appendingPathComponent("Results/\(name)")
        let stations = CSVRows(try String(contentsOf: results.appendingPathComponent("stations.csv"), encoding: .utf8)).values("node")
        let sources = CSVRows(try String(contentsOf: CLI.packageRoot.appendingPathComponent("Models/\(name)/sources.csv"), encoding: .utf8)).values("id")
        #expect(!stations.isEmpty && !sources.isEmpty)

        func features(_ layer: String) throws -> [[String: Any]] {
            let data = try Data(contentsOf: results.appendingPathComponent(layer))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(json["type"] as? String == "FeatureCollection")
            return json["features"] as? [[String: Any]] ?? []
        }
        func ids(_ layer: String, _ key: String) throws -> [String] {
            try features(layer).compactMap { ($0["properties"] as? [String: Any])?[key] as? String }
        }
        #expect(Set(try ids("stations.geojson", "node")) == Set(stations))
        #expect(Set(try ids("sources.geojson", "id")) == Set(sources))
        for f in try features("stations.geojson") {
            let coordinates = (f["geometry"] as? [String: Any])?["coordinates"] as? [Double] ?? []
            // China spans about 73–135° E and 18–54° N: a swapped pair falls outside.
            #expect(coordinates.count == 2 && coordinates[0] > 73 && coordinates[0] < 136 && coordinates[1] > 18 && coordinates[1] < 54, "[lon, lat] order")
        }

        let svg = try Data(contentsOf: results.appendingPathComponent("map.svg"))
        let collector = IDCollector()
        let parser = XMLParser(data: svg)
        parser.delegate = collector
        #expect(parser.parse(), "map.svg is not well-formed XML")
        for site in stations { #expect(collector.ids.contains("station-\(site)")) }
        for id in sources { #expect(collector.ids.contains("source-\(id)")) }
    }

    /// --lang zh: the Chinese names of the scenario's nodes in the map, the cost chart and the
    /// station layer, name_zh beside name in the CSVs; --no-xlsx leaves the workbook out.
    @Test func chineseLabelsAndNoWorkbook() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["run", "Models/guizhou-2025", "--out", folder.file("out"), "--quiet", "--lang", "zh", "--no-xlsx"],
                                 inDirectory: CLI.packageRoot.path, timeout: 120)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let stations = CSVRows(String(decoding: folder.read("out/stations.csv") ?? [], as: UTF8.self))
        let names = stations.values("name_zh")
        #expect(names.count == stations.rows.count && names.allSatisfy { !$0.isEmpty } && names.contains("贵阳市"))
        #expect(CSVRows(String(decoding: folder.read("out/logistics.csv") ?? [], as: UTF8.self)).values("name_zh").contains("贵阳市"))
        let map = String(decoding: folder.read("out/map.svg") ?? [], as: UTF8.self)
        let chart = String(decoding: folder.read("out/cost_breakdown.svg") ?? [], as: UTF8.self)
        let layer = String(decoding: folder.read("out/stations.geojson") ?? [], as: UTF8.self)
        for name in names {
            // The map's label is the name and the years the site's builds open ("贵阳市 2025").
            let label = map.contains(">\(name)</text>") || map.contains(">\(name) 2")
            #expect(label && chart.contains(name) && layer.contains("\"name_zh\": \"\(name)\""), "\(name)")
        }
        #expect(map.contains("制氢路线") && chart.contains("全网平均"))
        #expect(folder.read("out/results.xlsx") == nil)
        #expect(folder.read("out/manifest.json").map { !String(decoding: $0, as: UTF8.self).contains("results.xlsx") } == true)
    }

    /// A run writes a folder of files: `--out -` (standard output) is a usage error.
    @Test func outDashIsRefused() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["run", "Models/guizhou-2025", "--out", "-"], inDirectory: CLI.packageRoot.path, timeout: 120)
        #expect(result.exitCode == 64 && result.stderr.contains("--out"))
        #expect(!FileManager.default.fileExists(atPath: CLI.packageRoot.path + "/-"))
        _ = folder
    }

    @Test func smallScenarioRunsAndCoversEverything() throws {
        let folder = TemporaryFolder()
        let dir = SmallScenario().write(to: folder)
        let result = try CLI.run(["run", dir, "--out", folder.file("out")], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let coverage = CSVRows(String(decoding: folder.read("out/coverage.csv") ?? [], as: UTF8.self))
        #expect(coverage.values("served") == ["yes", "yes"])
        let breakdown = CSVRows(String(decoding: folder.read("out/cost_breakdown.csv") ?? [], as: UTF8.self))
        // Items sum to each row's total (node, opened year and throughput come first; each cell
        // is written to 0.0001 CNY/kg).
        for row in breakdown.rows {
            let numbers = row.dropFirst(3).compactMap(Double.init)
            let items = numbers.dropLast().reduce(0, +), total = numbers.last!
            #expect(abs(items - total) <= 0.00005 * Double(numbers.count))
        }
        // An existing run folder is not replaced without --force.
        let again = try CLI.run(["run", dir, "--out", folder.file("out")], in: folder)
        #expect(again.exitCode == 64 && again.stderr.contains("--force"))
        let forced = try CLI.run(["run", dir, "--out", folder.file("out"), "--force", "--quiet"], in: folder)
        #expect(forced.exitCode == 0 && forced.stderr.isEmpty)
    }

    /// A corridor leg longer than any vehicle's range: exit 3, the flow named, nothing written.
    @Test func legLongerThanRangeIsInfeasible() throws {
        var s = SmallScenario()
        s.edges = "from,to,km\nA,B,100\nB,C,700\nC,D,150\n"
        let folder = TemporaryFolder()
        let dir = s.write(to: folder)
        let result = try CLI.run(["run", dir, "--out", folder.file("out")], in: folder)
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("ad_truck"))
        #expect(!folder.listing.contains("out"))
    }

    /// Supply short of demand: exit 3 and the message says so.
    @Test func supplyShortOfDemandIsInfeasible() throws {
        var s = SmallScenario()
        s.sources = "id,node,pathway,available_t_per_year\nsrc,A,byproduct,10\n"
        let folder = TemporaryFolder()
        let dir = s.write(to: folder)
        let result = try CLI.run(["run", dir, "--out", folder.file("out")], in: folder)
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.lowercased().contains("supply") || result.stderr.lowercased().contains("source"))
        #expect(!folder.listing.contains("out"))
    }

    /// Invalid network files: exit 65 naming the file and the row.
    @Test(arguments: [
        ("edges.csv", "from,to,km\nA,B,100\nB,X,120\nC,D,150\n", "edges.csv:3"),      // unknown node
        ("edges.csv", "from,to,km\nA,B,100\nB,C,0\nC,D,150\n", "edges.csv:3"),        // zero length
        ("edges.csv", "from,to,km\nA,B,100\nB,C,-5\nC,D,150\n", "edges.csv:3"),       // negative length
        ("nodes.csv", "id,name,kind,lat,lon\nA,a,city,26,106\nB,b,city,26,107\nB,c,city,26,108\nD,d,city,26,109\n", "nodes.csv:4"), // duplicate id
        ("edges.csv", "from,to,km\nA,B,100\nC,D,150\n", "fleets.csv:3"),              // disconnected OD pair
        ("fleets.csv", "id,kind,vehicle_class,vehicles,home,origin,destination,trips_per_day,service_radius_km,year_2025_share\nb,depot,bus,5,Z,,,,25,1\n", "fleets.csv:2"), // unknown home
    ])
    func invalidNetworkFilesAreNamed(file: String, text: String, place: String) throws {
        var s = SmallScenario()
        switch file {
        case "edges.csv": s.edges = text
        case "nodes.csv": s.nodes = text
        default: s.fleets = text
        }
        let folder = TemporaryFolder()
        let dir = s.write(to: folder)
        let result = try CLI.run(["run", dir, "--out", folder.file("out")], in: folder)
        #expect(result.exitCode == 65, "\(result.stderr)")
        #expect(result.stderr.contains(place), "\(result.stderr)")
        #expect(result.stderr.contains("Fix:"))
        #expect(!folder.listing.contains("out"))
    }

    /// Phased planning input (issue 7): each mistake exits 65 naming file, row or key, and field.
    @Test(arguments: [
        ("periods", "periods = [2027, 2025]", "", "placement.periods", "2025 follows 2027"),
        ("ramp", "periods = [2025]", "", "fleets.csv", "year_2030_share"),
        ("existing node", "periods = [2023, 2025, 2030]", "id,node,capacity_kg_per_day,opened,pressure_mpa\nold,Q,500,2020,35\n", "existing_stations.csv:2", "unknown node"),
        ("existing capacity", "periods = [2023, 2025, 2030]", "id,node,capacity_kg_per_day,opened,pressure_mpa\nold,B,-500,2020,35\n", "existing_stations.csv:2", "capacity_kg_per_day"),
        ("existing pressure", "periods = [2023, 2025, 2030]", "id,node,capacity_kg_per_day,opened,pressure_mpa\nold,B,500,2020,45\n", "existing_stations.csv:2", "pressure_mpa"),
    ])
    func phasedPlanningInputMistakesAreNamed(name: String, periods: String, existing: String, place: String, field: String) throws {
        var s = SmallScenario()
        s.toml += periods + "\n"
        if !existing.isEmpty { s.existing = existing }
        let folder = TemporaryFolder()
        let dir = s.write(to: folder)
        let result = try CLI.run(["run", dir, "--out", folder.file("out")], in: folder)
        #expect(result.exitCode == 65, "\(name): \(result.stderr)")
        #expect(result.stderr.contains(place) && result.stderr.contains(field), "\(name): \(result.stderr)")
        #expect(result.stderr.contains("Fix:"), "\(name): \(result.stderr)")
        #expect(!folder.listing.contains("out"))
    }

    /// Three periods from an existing station: nested, every period served, the existing
    /// station listed with no capital, and the optimiser's cost equal to the engine's.
    @Test func phasedPlanFromAnExistingStation() throws {
        var s = SmallScenario()
        s.toml += "periods = [2023, 2025, 2030]\n"
        s.existing = "id,node,capacity_kg_per_day,opened,pressure_mpa\nold,B,500,2021,35\n"
        let folder = TemporaryFolder()
        let dir = s.write(to: folder)
        let result = try CLI.run(["run", dir, "--out", folder.file("out"), "--no-xlsx"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let periods = CSVRows(String(decoding: folder.read("out/periods.csv") ?? [], as: UTF8.self))
        #expect(periods.values("period") == ["2023", "2025", "2030"])
        let capacity = periods.values("capacity_kg_per_day").compactMap(Double.init)
        #expect(zip(capacity, capacity.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(periods.values("demand_kg_per_day") == periods.values("served_kg_per_day"))
        let stations = CSVRows(String(decoding: folder.read("out/stations.csv") ?? [], as: UTF8.self))
        let existing = zip(stations.values("existing"), stations.values("capex_per_station_mcny")).filter { $0.0 == "true" }
        #expect(existing.count == 1 && existing.allSatisfy { Double($0.1) == 0 })
        let summary = CSVRows(String(decoding: folder.read("out/summary.csv") ?? [], as: UTF8.self))
        let optimiser = Double(summary.values("optimiser_cost_cny")[0])!, recosted = Double(summary.values("recosted_cost_cny")[0])!
        #expect(abs(optimiser - recosted) <= 0.005 * recosted)
    }
}

/// Issue 7: an existing station no fleet of the plan refuels at has its stations.csv row
/// (production "idle", no throughput, no price), its GIS point and a warning.
@Test func anIdleExistingStationHasItsRow() throws {
    let folder = TemporaryFolder()
    let dir = try editedGuizhou(folder, "existing_stations.csv") { $0 + "GZ-X1,Test station,,GZ_DZ,500,2020-01,reported,test\n" }
    let result = try CLI.run(["run", dir, "--out", folder.file("out"), "--no-xlsx"], in: folder)
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stderr.contains("existing station GZ-X1 at GZ_DZ dispenses nothing in any period"), "\(result.stderr)")
    let stations = CSVRows(String(decoding: folder.read("out/stations.csv") ?? [], as: UTF8.self))
    let node = try #require(stations.column("node"))
    let row = try #require(stations.rows.first { $0[node] == "GZ_DZ" })
    func cell(_ name: String) -> String? { stations.column(name).map { row[$0] } }
    #expect(cell("production") == "idle" && cell("existing") == "true" && cell("throughput_kg_per_day") == "0" && cell("break_even_cny_per_kg") == "")
    #expect(row.count == stations.header.count)
    let layer = String(decoding: folder.read("out/stations.geojson") ?? [], as: UTF8.self)
    #expect(layer.contains("\"GZ_DZ\""))
}

/// Issue 8, item 4: a run stopped by its time limit says what it has. With a plan: it is
/// written, and stderr gives its cost, the bound and the gap and how to raise the limit. With
/// none: exit 3 and how to raise the limit, never an empty "what cannot be served" list.
@Suite struct TimeLimitTests {
    @Test func aTimeLimitedRunSaysWhatItHas() throws {
        let folder = TemporaryFolder()
        let dir = try editedGuizhou(folder, "scenario.toml") { $0.replacingOccurrences(of: "time_limit_s = 120", with: "time_limit_s = 0.05") }
        let result = try CLI.run(["run", dir, "--out", folder.file("out"), "--no-xlsx"], in: folder)
        #expect(!result.stderr.contains("What cannot be served:\n\n"))
        if result.exitCode == 0 {
            #expect(result.stderr.contains("time_limit_s = 0.05 s was reached before the optimum was proven"), "\(result.stderr)")
            #expect(result.stderr.contains("the best bound is ¥") && result.stderr.contains("a gap of"), "\(result.stderr)")
            let summary = CSVRows(String(decoding: folder.read("out/summary.csv") ?? [], as: UTF8.self))
            #expect(summary.values("status") == ["feasible"])
        } else {
            #expect(result.exitCode == 3, "\(result.stderr)")
            #expect(result.stderr.contains("no feasible plan found within [placement] time_limit_s = 0.05 s; raise it in scenario.toml"), "\(result.stderr)")
            #expect(folder.read("out/summary.csv") == nil)
        }
    }

    /// Each case forced. A plan but no proof: Zhejiang asked for an exact proof (gap 0), which
    /// takes HiGHS minutes, with a starting plan (found in about a second) and 8 s.
    @Test func aTimeLimitWithAPlanWritesItWithItsBoundAndGap() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["run", "Models/zhejiang-2025", "--out", folder.file("out"), "--no-xlsx", "--set", "placement.mip_gap_pct=0",
                                  "--set", "placement.start_heuristic=true", "--set", "placement.time_limit_s=8"],
                                 inDirectory: CLI.packageRoot.path, timeout: 300)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("time_limit_s = 8 s was reached before the optimum was proven: the plan written costs ¥"), "\(result.stderr)")
        #expect(result.stderr.contains("the best bound is ¥") && result.stderr.contains("a gap of"), "\(result.stderr)")
        #expect(!result.stderr.contains("What cannot be served:\n\n"))
        let summary = CSVRows(String(decoding: folder.read("out/summary.csv") ?? [], as: UTF8.self))
        #expect(summary.values("status") == ["feasible"])
        let gap = Double(summary.values("relative_gap").first ?? "") ?? 0
        #expect(gap > 0 && gap < 0.5, "relative_gap \(gap)")
    }

    /// No plan: Zhejiang without a start and 0.01 s, less than HiGHS's presolve takes.
    @Test func aTimeLimitWithoutAPlanExitsThree() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["run", "Models/zhejiang-2025", "--out", folder.file("out"), "--no-xlsx", "--set", "placement.time_limit_s=0.01"],
                                 inDirectory: CLI.packageRoot.path, timeout: 300)
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("no feasible plan found within [placement] time_limit_s = 0.01 s; raise it in scenario.toml"), "\(result.stderr)")
        #expect(!result.stderr.contains("What cannot be served:\n\n"))
        #expect(folder.read("out/summary.csv") == nil)
    }
}

// Every [placement] setting, the delivery modes allowed by year and the demand scale can be set
// with --set and swept with --grid (issue 9 item 4), on the small scenario; bad values are usage
// errors naming the key.
import Foundation
import Testing

@Suite("setting overrides")
struct SettingOverrideTests {
    /// Each setting with two values a planner might compare, and --set options it needs.
    static let settings: [(key: String, a: String, b: String, needs: [String])] = [
        ("placement.objective", "least-cost", "coverage-target", []),
        ("placement.coverage_target_pct", "50", "80", ["placement.objective=coverage-target"]),
        ("placement.annual_budget_mcny", "50", "100", ["placement.objective=budget"]),
        ("placement.station_sizes_kg_per_day", "[500,1000]", "[1000,2000]", []),
        ("placement.design_year", "2025", "2026", []),
        ("placement.time_limit_s", "60", "120", []),
        ("placement.delivery_modes", "[\"tube-trailer-20\"]", "[\"tube-trailer-20\",\"liquid\"]", []),
        ("placement.same_node_distance_km", "5", "10", []),
        ("placement.max_stations_per_node", "2", "3", []),
        ("placement.split_edges_km", "50", "100", []),
        ("placement.periods", "[2023,2025,2030]", "[2023,2030]", []),
        ("placement.max_price_cny_per_kg", "60", "100", []),
        ("placement.onsite_electrolysis", "false", "true", []),
        ("placement.start_heuristic", "false", "true", []),
        ("placement.existing_station_default_kg_per_day", "500", "1000", []),
        ("placement.solver", "cbc", "glpk", []),
        ("placement.curve_tolerance_pct", "0.4", "1", []),
        ("placement.mip_gap_pct", "0.01", "0", []),
        ("placement.carbon_price_cny_per_t", "0", "200", []),
        ("placement.max_co2_kg_per_kg", "20", "14.51", []),
        ("placement.first_year.tube_trailer_50", "2025", "2030", []),
        ("placement.last_year.tube_trailer_20", "2030", "2040", []),
        ("demand.scale", "1", "2", []),
        ("demand.scale_by_group.bus", "0.5", "1", []),
    ]

    static func sets(_ s: [String]) -> [String] { s.flatMap { ["--set", $0] } }

    /// Every placement key of the loader is in the table above: a new key must be tested too.
    @Test func everyPlacementKeyIsCovered() throws {
        let source = try String(contentsOfFile: CLI.packageRoot.appendingPathComponent("Sources/H2IO/ScenarioTables.swift").path, encoding: .utf8)
        let keys = source.matches(of: /"(placement\.[a-z_]+)"/).map { String($0.output.1) }
        #expect(keys.count >= 16)
        for key in Set(keys) { #expect(Self.settings.contains { $0.key == key }, "\(key) has no --set/--grid test") }
    }

    /// The small scenario with a coverage target and a budget given (used only under their
    /// objectives), so each objective can be chosen alone.
    static var scenario: SmallScenario {
        var s = SmallScenario()
        s.toml += "coverage_target_pct = 50\nannual_budget_mcny = 50\n"
        return s
    }

    @Test(arguments: settings.map(\.key))
    func setAndSweepEachSetting(_ key: String) throws {
        let s = Self.settings.first { $0.key == key }!
        let folder = TemporaryFolder()
        let dir = Self.scenario.write(to: folder)
        // --set: the run takes it and the manifest records it with its origin.
        let run = try CLI.run(["run", dir, "--out", folder.file("run"), "--no-xlsx", "--quiet"] + Self.sets(s.needs + ["\(key)=\(s.b)"]), in: folder)
        #expect(run.exitCode == 0, "\(key): \(run.stderr)")
        let manifest = String(decoding: folder.read("run/manifest.json") ?? [], as: UTF8.self)
        #expect(manifest.contains("\"key\": \"\(key)\"") && manifest.contains("\"origin\": \"--set\""), "\(key): \(manifest.prefix(1500))")
        // --grid: two re-optimised cases, each with its value as written and an answer.
        let sweep = try CLI.run(["sweep", dir, "--grid", "\(key)=\(s.a),\(s.b)", "--reoptimize", "--jobs", "1", "--out", folder.file("sweep"), "--quiet"]
                                + Self.sets(s.needs), in: folder, timeout: 120)
        #expect(sweep.exitCode == 0, "\(key): \(sweep.stderr)")
        let rows = CSVRows(String(decoding: folder.read("sweep/sweep.csv") ?? [], as: UTF8.self))
        #expect(rows.header.first == key)
        #expect(rows.values(key) == [s.a, s.b], "\(key): \(rows.rows)")
        #expect(rows.values("network_average_cny_per_kg").allSatisfy { Double($0) != nil }, "\(key): \(rows.rows)")
        if key == "demand.scale" {
            let served = rows.values("served_kg_per_day").compactMap(Double.init)
            #expect(served.count == 2 && abs(served[1] / served[0] - 2) < 1e-9, "demand.scale=2 serves \(served)")
        }
    }

    /// A setting swept under fixed placement would change nothing: refused, with the fix.
    @Test func sweepingASettingNeedsReoptimize() throws {
        let folder = TemporaryFolder()
        let dir = SmallScenario().write(to: folder)
        let result = try CLI.run(["sweep", dir, "--grid", "placement.solver=cbc,glpk", "--out", folder.file("sweep")], in: folder)
        #expect(result.exitCode == 64 && result.stderr.contains("--reoptimize"), "\(result.stderr)")
        #expect(!folder.listing.contains("sweep"))
    }

    @Test(arguments: [
        ("placement.solver=gurobi", "unknown solver"),
        ("placement.max_stations_per_node=0", "placement.max_stations_per_node"),
        ("placement.periods=[2030,2025]", "2025 follows 2030"),
        ("placement.first_year.tube_trailer_50=1800", "placement.first_year.tube_trailer_50"),
        ("demand.scale=-1", "demand.scale"),
        ("demand.scale_by_group.ferry=2", "bus, truck"),
    ])
    func badSettingValuesAreUsageErrors(_ assignment: String, _ mention: String) throws {
        let folder = TemporaryFolder()
        let dir = SmallScenario().write(to: folder)
        let result = try CLI.run(["run", dir, "--out", folder.file("out"), "--set", assignment], in: folder)
        #expect(result.exitCode == 64, "\(assignment): \(result.stderr)")
        #expect(result.stderr.contains(mention) && result.stderr.contains("--set"), "\(assignment): \(result.stderr)")
        #expect(!folder.listing.contains("out"))
        let grid = try CLI.run(["sweep", dir, "--grid", assignment, "--reoptimize", "--out", folder.file("sweep")], in: folder)
        #expect(grid.exitCode == 64 && grid.stderr.contains("--grid"), "\(assignment): \(grid.stderr)")
    }

    /// In scenario.toml: trailer classes by year and the demand scale per fleet group (the
    /// group column, else the vehicle class); a demand scale of 2 on the buses doubles their
    /// hydrogen, and 50 MPa trailers from 2030 carry nothing before.
    @Test func scenarioFileSettings() throws {
        var s = SmallScenario()
        s.toml += "periods = [2023, 2025, 2030]\ndelivery_modes = [\"tube-trailer-20\", \"tube-trailer-50\"]\n[placement.first_year]\ntube_trailer_50 = 2030\n"
        let folder = TemporaryFolder()
        let base = try CLI.run(["run", s.write(to: folder), "--out", folder.file("base"), "--no-xlsx", "--quiet"], in: folder)
        #expect(base.exitCode == 0, "\(base.stderr)")
        let supply = CSVRows(String(decoding: folder.read("base/supply.csv") ?? [], as: UTF8.self))
        let modes = Array(zip(supply.values("period"), supply.values("delivery")))
        #expect(!modes.isEmpty && modes.allSatisfy { $0.0 == "2030" || $0.1 != "tube-trailer-50" }, "\(supply.rows)")
        s.toml += "[demand]\nscale_by_group = { bus = 2 }\n"
        let folder2 = TemporaryFolder()
        let scaled = try CLI.run(["run", s.write(to: folder2), "--out", folder2.file("out"), "--no-xlsx", "--quiet"], in: folder2)
        #expect(scaled.exitCode == 0, "\(scaled.stderr)")
        func demand(_ f: TemporaryFolder, _ out: String) -> [Double] {
            CSVRows(String(decoding: f.read(out + "/periods.csv") ?? [], as: UTF8.self)).values("demand_kg_per_day").compactMap(Double.init)
        }
        // 20 buses × 150 km × 7.6 kg/100 km = 228 kg/day at share 1 (2025): doubled adds 228.
        let before = demand(folder, "base"), after = demand(folder2, "out")
        #expect(before.count == 3 && after.count == 3)
        #expect(abs((after[1] - before[1]) - 228) < 1e-6, "2025 demand \(before[1]) → \(after[1])")
    }
}

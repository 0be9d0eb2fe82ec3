// Issue 12 on the built binary: every case of the hostile-input review as a test with its exit
// code and message — oversize requests refused before computing, absurd values refused with
// file, row and field, interrupted runs leaving nothing behind, edited results caught.
import Foundation
import Testing

/// A copy of the Guizhou scenario in `folder`/gz, with `edit` applied to one of its files.
func editedGuizhou(_ folder: TemporaryFolder, _ file: String, _ edit: (String) -> String) throws -> String {
    let source = CLI.model("guizhou-2025"), target = folder.file("gz")
    try FileManager.default.copyItem(atPath: source, toPath: target)
    let path = target + "/" + file
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let edited = edit(text)
    #expect(edited != text, "the edit of \(file) changed nothing")
    try edited.write(toFile: path, atomically: true, encoding: .utf8)
    return target
}

/// Replaces cell `column` of the first data row of a CSV text.
func replacingFirstRowCell(_ text: String, column: String, with value: String) -> String {
    var lines = text.components(separatedBy: "\n")
    let header = lines[0].components(separatedBy: ",")
    let c = header.firstIndex(of: column)!
    var cells = lines[1].components(separatedBy: ",")
    cells[c] = value
    lines[1] = cells.joined(separator: ",")
    return lines.joined(separator: "\n")
}

@Suite("robustness (issue 12)", .serialized)
struct RobustnessTests {
    static let guizhou = CLI.model("guizhou-2025")

    // MARK: bounded work

    @Test func aTenBillionCaseGridIsRefusedWithItsSizeAndHowToShard() throws {
        let folder = TemporaryFolder()
        let r = try CLI.run(["sweep", Self.guizhou, "--grid", "electricity.grid_price_cny_per_kwh=0.3:0.8:100000",
                             "--grid", "finance.discount_rate_pct=5:12:100000", "--out", "sw"], in: folder, timeout: 30)
        #expect(r.exitCode == 64, "\(r.stderr)")
        #expect(r.stderr.contains("10,000,000,000"), "\(r.stderr)")
        #expect(r.stderr.contains("--shard k/N") && r.stderr.contains("N ≥ 100"), "\(r.stderr)")
        #expect(folder.listing.isEmpty, "nothing is written: \(folder.listing)")
    }

    @Test func oneAxisOfTenBillionValuesIsRefusedBeforeItIsBuilt() throws {
        let r = try CLI.run(["sweep", Self.guizhou, "--grid", "electricity.grid_price_cny_per_kwh=0.3:0.8:10000000000", "--out", "sw"], timeout: 30)
        #expect(r.exitCode == 64, "\(r.stderr)")
        #expect(r.stderr.contains("10,000,000,000 values on one key") && r.stderr.contains("1,000,000"), "\(r.stderr)")
    }

    @Test func aGridWhoseCaseCountOverflowsIsRefused() throws {
        let axes = ["electricity.grid_price_cny_per_kwh", "finance.discount_rate_pct", "byproduct.gate_price_cny_per_kg", "station.utilisation_pct"]
        let r = try CLI.run(["sweep", Self.guizhou] + axes.flatMap { ["--grid", "\($0)=1:2:1000000"] } + ["--out", "sw"], timeout: 30)
        #expect(r.exitCode == 64, "\(r.stderr)")
        #expect(r.stderr.contains("more than can be counted"), "\(r.stderr)")
    }

    @Test func sobolWithAHundredMillionBaseSamplesIsRefusedWithItsMemory() throws {
        let folder = TemporaryFolder()
        let r = try CLI.run(["sobol", Self.guizhou, "--samples", "100000000", "--out", "so"], in: folder, timeout: 60)
        #expect(r.exitCode == 64, "\(r.stderr)")
        #expect(r.stderr.contains("sobol --samples 100000000") && r.stderr.contains("1,700,000,000 rows"), "\(r.stderr)")
        #expect(r.stderr.contains("--shard k/N"), "\(r.stderr)")
        #expect(folder.listing.isEmpty)
        // Exponent notation is not a count: a usage error too, not a crash.
        let e = try CLI.run(["sobol", Self.guizhou, "--samples", "1e8"], timeout: 30)
        #expect(e.exitCode == 64, "\(e.stderr)")
    }

    @Test func montecarloOverTheRowLimitNamesTheShardsNeeded() throws {
        let r = try CLI.run(["montecarlo", Self.guizhou, "--samples", "250000000", "--out", "mc"], timeout: 30)
        #expect(r.exitCode == 64, "\(r.stderr)")
        #expect(r.stderr.contains("250,000,000 rows") && r.stderr.contains("N ≥ 3"), "\(r.stderr)")
        // The same run as shards of 10⁸ or fewer rows passes the check (shard 1 of 3 would
        // then compute; a too-small --max-memory proves the check ran and let the rows pass).
        let s = try CLI.run(["montecarlo", Self.guizhou, "--samples", "250000000", "--shard", "1/3", "--max-memory", "1M", "--out", "mc"], timeout: 30)
        #expect(s.exitCode == 64 && s.stderr.contains("over the limit of 1 MB"), "\(s.stderr)")
    }

    @Test func maxMemoryMovesTheLimit() throws {
        let folder = TemporaryFolder()
        let small = ["montecarlo", Self.guizhou, "--samples", "20", "--quiet"]
        let refused = try CLI.run(small + ["--max-memory", "10M", "--out", "a"], in: folder)
        #expect(refused.exitCode == 64 && refused.stderr.contains("over the limit of 10 MB") && refused.stderr.contains("--max-memory"), "\(refused.stderr)")
        let allowed = try CLI.run(small + ["--max-memory", "1G", "--out", "b"], in: folder)
        #expect(allowed.exitCode == 0, "\(allowed.stderr)")
        let bad = try CLI.run(small + ["--max-memory", "lots", "--out", "c"], in: folder)
        #expect(bad.exitCode == 64 && bad.stderr.contains("--max-memory lots"), "\(bad.stderr)")
    }

    @Test func splittingEdgesEveryTenMetresIsRefusedInTheScenarioAndInPlace() throws {
        let folder = TemporaryFolder()
        let scenario = try editedGuizhou(folder, "scenario.toml") { $0.replacingOccurrences(of: "[placement]\n", with: "[placement]\nsplit_edges_km = 0.01\n") }
        let r = try CLI.run(["run", scenario, "--out", "out"], in: folder, timeout: 30)
        #expect(r.exitCode == 65, "\(r.stderr)")
        #expect(r.stderr.contains("scenario.toml") && r.stderr.contains("placement.split_edges_km") && r.stderr.contains("more than the 5000"), "\(r.stderr)")
        let gz = Self.guizhou
        let flows = folder.write("flows.csv", "origin,destination,volume\nGZ_GY,GZ_ZY,10\n")
        let started = Date()
        let p = try CLI.run(["place", "--nodes", gz + "/nodes.csv", "--edges", gz + "/edges.csv", "--flows", flows,
                             "--range-km", "250", "--stations", "3", "--split-km", "0.01", "--out", "pl"], in: folder, timeout: 30)
        #expect(p.exitCode == 64, "\(p.stderr)")
        #expect(p.stderr.contains("--split-km 0.01") && p.stderr.contains("more than the 5000") && p.stderr.contains("split every"), "\(p.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(!folder.listing.contains("pl"))
    }

    // MARK: domain limits and numerical guards

    @Test func designYearZeroIsRefusedWithFileAndField() throws {
        let folder = TemporaryFolder()
        let scenario = try editedGuizhou(folder, "scenario.toml") { $0.replacingOccurrences(of: "[placement]\n", with: "[placement]\ndesign_year = 0\n") }
        let r = try CLI.run(["run", scenario, "--out", "out"], in: folder, timeout: 30)
        #expect(r.exitCode == 65, "\(r.stderr)")
        #expect(r.stderr.contains("scenario.toml") && r.stderr.contains("design_year") && r.stderr.contains("0 is outside 2000–2100"), "\(r.stderr)")
    }

    @Test func aBillionKilometreDeliveryIsRefused() throws {
        let r = try CLI.run(["cost", "--production", "byproduct", "--delivery", "tube-trailer-20", "--distance-km", "1e9", "--station-kg-per-day", "500"])
        #expect(r.exitCode == 64, "\(r.stderr)")
        #expect(r.stderr.contains("--distance-km 1000000000") && r.stderr.contains("5000 km"), "\(r.stderr)")
    }

    @Test func aLognormalSigmaOf200IsRefusedAtItsRow() throws {
        let folder = TemporaryFolder()
        folder.write("d.csv", "key,distribution,p1,p2,p3\nbyproduct.gate_price_cny_per_kg,lognormal,12,200,\n")
        let r = try CLI.run(["montecarlo", Self.guizhou, "--samples", "10", "--distributions", "d.csv", "--out", "mc"], in: folder)
        #expect(r.exitCode == 65, "\(r.stderr)")
        #expect(r.stderr.contains("d.csv") && r.stderr.contains("row 1") && r.stderr.contains("p2") && r.stderr.contains("sigma of 200 is above 3"), "\(r.stderr)")
    }

    @Test func clampedDrawsAreCounted() throws {
        let folder = TemporaryFolder()
        // A normal of mean 95 % and sd 10 puts about 31 % of draws above 100 %.
        folder.write("d.csv", "key,distribution,p1,p2,p3\nstation.utilisation_pct,normal,95,10,\n")
        let r = try CLI.run(["montecarlo", Self.guizhou, "--samples", "200", "--distributions", "d.csv", "--parameters", "station.utilisation_pct", "--out", "mc"], in: folder)
        #expect(r.exitCode == 0, "\(r.stderr)")
        let line = r.stderr.components(separatedBy: "\n").first { $0.hasPrefix("warning:") && $0.contains("station.utilisation_pct") } ?? ""
        let count = Int(line.dropFirst("warning: ".count).prefix { $0.isNumber }) ?? -1
        #expect((40...85).contains(count), "\(r.stderr)")
        // The parameter, its distribution, the count out of the draws, the range and the fix.
        #expect(line.contains("\(count) of 200 draws of station.utilisation_pct, normal(mean 95, sd 10), fell outside its range (> 0, ≤ 100)")
                && line.contains("narrow its distribution"), "\(line)")
        // The count is the number of rows at exactly the bound.
        let rows = String(decoding: folder.read("mc/samples.csv") ?? [], as: UTF8.self).components(separatedBy: "\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.filter { $0.components(separatedBy: ",")[1] == "100" }.count == count)
        // Shards count their own draws, which add up to the whole run's count.
        var shardCounts: [Int] = []
        for k in 1...2 {
            let s = try CLI.run(["montecarlo", Self.guizhou, "--samples", "200", "--distributions", "d.csv", "--parameters", "station.utilisation_pct",
                                 "--shard", "\(k)/2", "--out", "s\(k)"], in: folder)
            #expect(s.exitCode == 0, "\(s.stderr)")
            let l = s.stderr.components(separatedBy: "\n").first { $0.hasPrefix("warning:") && $0.contains("of 100 draws of station.utilisation_pct") } ?? ""
            shardCounts.append(Int(l.dropFirst("warning: ".count).prefix { $0.isNumber }) ?? -1)
        }
        #expect(shardCounts.reduce(0, +) == count && shardCounts.allSatisfy { $0 > 0 }, "\(shardCounts) for \(count)")
    }

    @Test func clampedDrawsOfAWholeNumberParameterBecomeOneYearAndSobolReportsThemToo() throws {
        let folder = TemporaryFolder()
        // Compressor life, whole years > 0: normal(3, 4) rounds about 27 % of draws to 0 or less.
        folder.write("d.csv", "key,distribution,p1,p2,p3\ncompression.compressor_life_years,normal,3,4,\n")
        let key = "compression.compressor_life_years"
        let r = try CLI.run(["montecarlo", Self.guizhou, "--samples", "200", "--distributions", "d.csv", "--parameters", key, "--out", "mc"], in: folder)
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stderr.contains("draws of \(key), normal(mean 3, sd 4), fell outside its range (whole number > 0, ≤ 100)"), "\(r.stderr)")
        let values = String(decoding: folder.read("mc/samples.csv") ?? [], as: UTF8.self).components(separatedBy: "\n").dropFirst()
            .filter { !$0.isEmpty }.map { $0.components(separatedBy: ",")[1] }
        // The clamped draws are 1 year (not 5e-324) and every sample has an answer.
        #expect(values.allSatisfy { Double($0).map { $0 >= 1 && $0.rounded() == $0 } ?? false }, "\(Set(values).sorted())")
        #expect(!r.stderr.contains("without an answer"), "\(r.stderr)")
        let so = try CLI.run(["sobol", Self.guizhou, "--samples", "16", "--bootstrap", "10", "--distributions", "d.csv",
                              "--parameters", "\(key),finance.discount_rate_pct", "--out", "so"], in: folder)
        #expect(so.exitCode == 0, "\(so.stderr)")
        #expect(so.stderr.contains("of 64 model runs' draws of \(key), normal(mean 3, sd 4)"), "\(so.stderr)")
    }

    @Test func fractionalVehiclesAreRefusedAtTheirRow() throws {
        let folder = TemporaryFolder()
        let scenario = try editedGuizhou(folder, "fleets.csv") { replacingFirstRowCell($0, column: "vehicles", with: "210.5") }
        let r = try CLI.run(["run", scenario, "--out", "out"], in: folder, timeout: 30)
        #expect(r.exitCode == 65, "\(r.stderr)")
        #expect(r.stderr.contains("fleets.csv") && r.stderr.contains("row 1") && r.stderr.contains("vehicles") && r.stderr.contains("210.5 is not a whole number"), "\(r.stderr)")
    }

    @Test func a1e308PriceIsRefusedWhereItIsSet() throws {
        let onCommandLine = try CLI.run(["cost", "--production", "byproduct", "--delivery", "tube-trailer-20", "--distance-km", "100",
                                         "--station-kg-per-day", "500", "--scenario", "none", "--set", "byproduct.gate_price_cny_per_kg=1e308"])
        #expect(onCommandLine.exitCode == 64 || onCommandLine.exitCode == 65, "\(onCommandLine.stderr)")
        #expect(onCommandLine.stderr.contains("byproduct.gate_price_cny_per_kg") && onCommandLine.stderr.contains("at most 1000000000"), "\(onCommandLine.stderr)")
        #expect(!onCommandLine.stderr.contains("MILPProblem") && !onCommandLine.stderr.contains("nan"))
        let folder = TemporaryFolder()
        let scenario = try editedGuizhou(folder, "scenario.toml") { $0.replacingOccurrences(of: "[byproduct]\n", with: "[byproduct]\ngate_price_cny_per_kg = 1e308\n") }
        let r = try CLI.run(["run", scenario, "--out", "out"], in: folder, timeout: 30)
        #expect(r.exitCode == 65, "\(r.stderr)")
        #expect(r.stderr.contains("scenario.toml") && r.stderr.contains("gate_price_cny_per_kg"), "\(r.stderr)")
    }

    // Finite inputs that overflow the engine's arithmetic (item 5): caught where the engine
    // computes them, before the root finder or the MILP, and blamed on the input.

    @Test func aStackLifeThatOverflowsIsBlamedOnItsSetNotOnTheRootFinder() throws {
        let r = try CLI.run(["cost", "--scenario", "none", "--production", "grid-electrolysis", "--delivery", "tube-trailer-20", "--distance-km", "100",
                             "--station-kg-per-day", "500", "--set", "electrolysis.stack_life_hours=1e-300"])
        #expect(r.exitCode == 64, "\(r.stderr)")
        #expect(r.stderr.contains("--set electrolysis.stack_life_hours=1e-300") && r.stderr.contains("grid-electrolysis + tube-trailer-20"), "\(r.stderr)")
        #expect(r.stderr.contains("is infinite") || r.stderr.contains("beyond"), "\(r.stderr)")
        #expect(!r.stderr.contains("nan") && !r.stderr.contains("does not change sign"), "\(r.stderr)")
        // --compare refuses too, naming the parameter rather than listing the pathway as infeasible.
        let c = try CLI.run(["cost", "--scenario", "none", "--compare", "--distance-km", "100", "--station-kg-per-day", "500", "--set", "road.fleet_availability_pct=1e-300"])
        #expect(c.exitCode == 64 && c.stderr.contains("--set road.fleet_availability_pct=1e-300"), "\(c.stderr)")
        #expect(!c.stderr.contains("nan"), "\(c.stderr)")
    }

    @Test func anOverflowingValueInTheScenarioIsBlamedOnItsFileLineAndKey() throws {
        let folder = TemporaryFolder()
        let scenario = try editedGuizhou(folder, "scenario.toml") { $0.replacingOccurrences(of: "[placement]\n", with: "[road]\ndriver_hours_per_year = 1e-300\n\n[placement]\n") }
        let cost = try CLI.run(["cost", "--scenario", scenario, "--production", "byproduct", "--delivery", "tube-trailer-20"], in: folder)
        #expect(cost.exitCode == 65, "\(cost.stderr)")
        #expect(cost.stderr.contains("scenario.toml:") && cost.stderr.contains("road.driver_hours_per_year") && cost.stderr.contains("1e-300"), "\(cost.stderr)")
        let run = try CLI.run(["run", scenario, "--out", "out"], in: folder, timeout: 60)
        #expect(run.exitCode == 65, "\(run.stderr)")
        #expect(run.stderr.contains("scenario.toml:") && run.stderr.contains("road.driver_hours_per_year") && run.stderr.contains("supply link"), "\(run.stderr)")
        #expect(!run.stderr.contains("MILPProblem") && !run.stderr.contains("inf\n"), "\(run.stderr)")
        #expect(!folder.listing.contains("out"))
    }

    @Test func aFleetOf1e308VehiclesIsRefusedAtItsRowWithoutACrash() throws {
        let folder = TemporaryFolder()
        let scenario = try editedGuizhou(folder, "fleets.csv") { replacingFirstRowCell($0, column: "vehicles", with: "1e308") }
        let r = try CLI.run(["run", scenario, "--out", "out"], in: folder, timeout: 60)
        #expect(r.exitCode == 65, "\(r.stderr)")
        #expect(r.stderr.contains("fleets.csv") && r.stderr.contains("row 1") && r.stderr.contains("\"vehicles\"") && r.stderr.contains("is infinite"), "\(r.stderr)")
        #expect(!r.stderr.contains("crashed") && !r.stderr.contains("Precondition"), "\(r.stderr)")
    }

    @Test func aSourceOf1e308TonnesIsRefusedAtItsRowNotByTheMILP() throws {
        let folder = TemporaryFolder()
        let scenario = try editedGuizhou(folder, "sources.csv") { $0.replacingOccurrences(of: ",byproduct,10000,", with: ",byproduct,1e308,") }
        let r = try CLI.run(["run", scenario, "--out", "out"], in: folder, timeout: 60)
        #expect(r.exitCode == 65, "\(r.stderr)")
        #expect(r.stderr.contains("sources.csv") && r.stderr.contains("row 1") && r.stderr.contains("available_t_per_year") && r.stderr.contains("is infinite"), "\(r.stderr)")
        #expect(!r.stderr.contains("MILPProblem") && !r.stderr.contains("right-hand side"), "\(r.stderr)")
    }

    // MARK: MILP size (item 1)

    @Test func aPlanningMILPOverTheMemoryLimitIsRefusedBeforeItIsBuilt() throws {
        let folder = TemporaryFolder()
        // A candidate site every 5 km of road: about 1,400 sites, a MILP far over 300 MB.
        let scenario = try editedGuizhou(folder, "scenario.toml") { $0.replacingOccurrences(of: "[placement]\n", with: "[placement]\nsplit_edges_km = 5\n") }
        let started = Date()
        let r = try CLI.run(["run", scenario, "--max-memory", "300M", "--out", "out"], in: folder, timeout: 120)
        #expect(r.exitCode == 64, "\(r.stderr.prefix(2000))")
        #expect(r.stderr.contains("the planning MILP would have about") && r.stderr.contains("over the limit of 300 MB"), "\(r.stderr.prefix(2000))")
        #expect(r.stderr.contains("split_edges_km") && r.stderr.contains("--max-memory"), "\(r.stderr.prefix(2000))")
        #expect(Date().timeIntervalSince(started) < 60, "refused before the MILP is built")
        #expect(!folder.listing.contains("out"))
        // --max-memory moves the limit both ways: the flagship itself is refused under 10 MB.
        let small = try CLI.run(["run", Self.guizhou, "--max-memory", "10M", "--out", "small"], in: folder, timeout: 60)
        #expect(small.exitCode == 64 && small.stderr.contains("over the limit of 10 MB"), "\(small.stderr)")
        let bad = try CLI.run(["run", Self.guizhou, "--max-memory", "lots", "--out", "bad"], in: folder, timeout: 60)
        #expect(bad.exitCode == 64 && bad.stderr.contains("--max-memory lots"), "\(bad.stderr)")
    }

    @Test func aNanometreEdgeIsRefusedAsBelowTheFloor() throws {
        let folder = TemporaryFolder()
        let scenario = try editedGuizhou(folder, "edges.csv") { replacingFirstRowCell($0, column: "km", with: "1e-9") }
        let r = try CLI.run(["run", scenario, "--out", "out"], in: folder, timeout: 30)
        #expect(r.exitCode == 65, "\(r.stderr)")
        #expect(r.stderr.contains("edges.csv") && r.stderr.contains("row 1") && r.stderr.contains("km") && r.stderr.contains("below the 0.01 km floor"), "\(r.stderr)")
        #expect(!r.stderr.contains("disconnected"), "\(r.stderr)")
    }

    @Test(arguments: [30_000, 20_000_000])
    func aHugeNameIsRefusedAtLoadWithoutHanging(_ length: Int) throws {
        let folder = TemporaryFolder()
        let name = String(repeating: "贵", count: length / 3)  // 3 bytes each: 30 KB / 20 MB
        let scenario = try editedGuizhou(folder, "nodes.csv") { replacingFirstRowCell($0, column: "name", with: name) }
        let started = Date()
        let r = try CLI.run(["run", scenario, "--out", "out"], in: folder, timeout: 30)
        #expect(r.exitCode == 65, "\(r.stderr.prefix(500))")
        #expect(r.stderr.contains("nodes.csv") && r.stderr.contains("row 1") && r.stderr.contains("name") && r.stderr.contains("more than the 200"), "\(r.stderr.prefix(500))")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    // MARK: re-planned runs (--reoptimize): every row solves a planning MILP

    @Test func reoptimizedRunsCountTheirPlanningMILPsAndARePlanLimit() throws {
        let folder = TemporaryFolder()
        // 20,000 re-plans are over the 10,000 one process may compute (fixed placement allows 10⁸).
        let r = try CLI.run(["montecarlo", Self.guizhou, "--samples", "20000", "--reoptimize", "--jobs", "2", "--out", "mc"], in: folder, timeout: 300)
        #expect(r.exitCode == 64, "\(r.stderr)")
        #expect(r.stderr.contains("montecarlo --samples 20000: 20,000 rows in one process are over the limit of 10,000 re-planned rows per process"), "\(r.stderr)")
        #expect(r.stderr.contains("Every row re-plans: a planning MILP of about") && r.stderr.contains("2 at once on --jobs 2"), "\(r.stderr)")
        #expect(r.stderr.contains("--shard k/N") && r.stderr.contains("N ≥ 2"), "\(r.stderr)")
        #expect(!folder.listing.contains("mc"))
        // A sweep of settings re-plans each choice's scenario: the largest MILP (a site every
        // 5 km) counts, though the base scenario's is small.
        let s = try CLI.run(["sweep", Self.guizhou, "--grid", "placement.split_edges_km=50,5", "--reoptimize", "--max-memory", "300M", "--out", "sw"],
                            in: folder, timeout: 300)
        #expect(s.exitCode == 64, "\(s.stderr.prefix(2000))")
        #expect(s.stderr.contains("sweep of 2 cases") && s.stderr.contains("over the limit of 300 MB") && s.stderr.contains("Every row re-plans"), "\(s.stderr.prefix(2000))")
        #expect(s.stderr.contains("--max-memory"), "\(s.stderr.prefix(2000))")
        #expect(!folder.listing.contains("sw"))
    }

    @Test func aSensitivityCommandChecksTheBasePlanMILPBeforePlanning() throws {
        let started = Date()
        let r = try CLI.run(["tornado", Self.guizhou, "--max-memory", "10M", "--out", "t"], timeout: 60)
        #expect(r.exitCode == 64, "\(r.stderr)")
        #expect(r.stderr.contains("the planning MILP would have about") && r.stderr.contains("over the limit of 10 MB"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(started) < 10, "refused before the base plan")
    }

    // MARK: faults

    /// A folder this process cannot write: a read-only (0555) folder for an ordinary user; for
    /// root, who writes anywhere, sysfs, which refuses new entries even to root.
    static func readOnlyFolder(_ folder: TemporaryFolder) throws -> String {
        if geteuid() != 0 {
            let path = folder.file("read-only")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            chmod(path, 0o555)
            return path
        }
        return "/sys"
    }

    @Test func aReadOnlyOutIsRefusedBeforeComputing() throws {
        let folder = TemporaryFolder()
        let readOnly = try Self.readOnlyFolder(folder)
        for command in [["montecarlo", Self.guizhou, "--samples", "100000"], ["run", Self.guizhou], ["sweep", Self.guizhou, "--grid", "finance.discount_rate_pct=6:10:100000"]] {
            let started = Date()
            let r = try CLI.run(command + ["--out", readOnly + "/h2corridor-out"], in: folder, timeout: 60)
            #expect(r.exitCode == 64, "\(command[0]): \(r.stderr)")
            #expect(r.stderr.contains(readOnly) && r.stderr.contains("cannot be written"), "\(command[0]): \(r.stderr)")
            #expect(Date().timeIntervalSince(started) < 10, "\(command[0]): caught before planning and computing")
        }
        #expect(!FileManager.default.fileExists(atPath: readOnly + "/h2corridor-out"))
    }

    @Test func anUnwritableOutIsCaughtBeforeComputing() throws {
        let folder = TemporaryFolder()
        folder.write("plain-file", "not a folder")
        let started = Date()
        let r = try CLI.run(["montecarlo", Self.guizhou, "--samples", "100000", "--out", "plain-file/mc"], in: folder, timeout: 30)
        #expect(r.exitCode == 64, "\(r.stderr)")
        #expect(r.stderr.contains("plain-file"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(started) < 10, "caught before 100,000 samples were computed")
        for command in [["run", Self.guizhou], ["tornado", Self.guizhou]] {
            let x = try CLI.run(command + ["--out", "plain-file/x"], in: folder, timeout: 30)
            #expect(x.exitCode == 64, "\(command[0]): \(x.stderr)")
        }
    }

    @Test func anEditedShardIsRefusedByMerge() throws {
        let folder = TemporaryFolder()
        let args = ["montecarlo", Self.guizhou, "--samples", "40", "--seed", "3", "--quiet"]
        for k in 1...2 { #expect(try CLI.run(args + ["--shard", "\(k)/2", "--out", "s\(k)"], in: folder).exitCode == 0) }
        let path = folder.file("s2/samples.csv")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let last = lines[2].components(separatedBy: ",").last!
        text = text.replacingOccurrences(of: lines[2], with: lines[2].dropLast(last.count) + "1.5")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["merge", "s1", "s2", "--out", "m"], in: folder)
        #expect(r.exitCode == 65, "\(r.stderr)")
        #expect(r.stderr.contains("s2/samples.csv") && r.stderr.contains("was changed after the shard was written"), "\(r.stderr)")
        #expect(!folder.listing.contains("m"))
    }

    @Test func verifyChecksEveryOutputAgainstTheManifest() throws {
        let folder = TemporaryFolder()
        #expect(try CLI.run(["montecarlo", Self.guizhou, "--samples", "30", "--quiet", "--out", "mc"], in: folder).exitCode == 0)
        let ok = try CLI.run(["verify", "mc"], in: folder)
        #expect(ok.exitCode == 0 && ok.stderr.contains("3 files match"), "\(ok.stderr)")
        folder.write("mc/percentiles.csv", "output,samples\nedited,1\n")
        let bad = try CLI.run(["verify", "mc"], in: folder)
        #expect(bad.exitCode == 65 && bad.stderr.contains("mc/percentiles.csv: changed since it was written"), "\(bad.stderr)")
        try FileManager.default.removeItem(atPath: folder.file("mc/histogram.svg"))
        let missing = try CLI.run(["verify", "mc"], in: folder)
        #expect(missing.exitCode == 65 && missing.stderr.contains("mc/histogram.svg: missing"), "\(missing.stderr)")
        let none = try CLI.run(["verify", "nowhere"], in: folder)
        #expect(none.exitCode == 65, "\(none.stderr)")
    }

    /// Starts a long montecarlo, waits for its temporary folder, sends `signal`; returns the
    /// exit status and what is left in the folder.
    func interrupt(with signal: Int32) throws -> (status: Int32, listing: [String], stderr: String) {
        let folder = TemporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["montecarlo", Self.guizhou, "--samples", "5000000", "--jobs", "1", "--quiet", "--out", "mc"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let errPath = folder.file("stderr.txt")
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer { try? err.close() }
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        // Wait until rows are being written (the samples file in the temporary folder has data).
        while Date() < deadline {
            let temp = folder.listing.first { $0.hasPrefix(".mc.tmp-") }
            if let temp, let size = try? FileManager.default.attributesOfItem(atPath: folder.file(temp + "/samples.csv"))[.size] as? Int, size > 0 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let listing = folder.listing.filter { $0 != "stderr.txt" }
        return (process.terminationStatus, listing, String(decoding: folder.read("stderr.txt") ?? [], as: UTF8.self))
    }

    @Test func ctrlCStopsTheRunRemovesItsTemporaryFolderAndExits130() throws {
        let r = try interrupt(with: SIGINT)
        #expect(r.status == 130, "\(r.stderr)")
        #expect(r.listing.isEmpty, "left behind: \(r.listing)")
        #expect(r.stderr.contains("interrupted (SIGINT)"))
    }

    @Test func sigtermExits143AndLeavesNothing() throws {
        let r = try interrupt(with: SIGTERM)
        #expect(r.status == 143, "\(r.stderr)")
        #expect(r.listing.isEmpty, "left behind: \(r.listing)")
    }

    @Test func theStaleTemporaryFolderOfAKilledRunIsRemovedByTheNextRun() throws {
        let folder = TemporaryFolder()
        // What `kill -9` during the write leaves: a hidden folder named after a dead process.
        let stale = folder.file(".mc.tmp-999999")
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        folder.write(".mc.tmp-999999/samples.csv", String(repeating: "x", count: 100_000))
        // A live process's folder (our own pid) is never touched.
        let live = folder.file(".mc.tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: true)
        let r = try CLI.run(["montecarlo", Self.guizhou, "--samples", "10", "--quiet", "--out", "mc"], in: folder)
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(!folder.listing.contains(".mc.tmp-999999"), "\(folder.listing)")
        #expect(folder.listing.contains(".mc.tmp-\(ProcessInfo.processInfo.processIdentifier)"))
    }

    @Test func anExistingOutputFolderIsExit64AtTheStart() throws {
        let folder = TemporaryFolder()
        folder.write("keep.txt", "x")
        for command in [["montecarlo", Self.guizhou, "--samples", "5"], ["tornado", Self.guizhou], ["run", Self.guizhou]] {
            let r = try CLI.run(command + ["--out", "."], in: folder, timeout: 30)
            #expect(r.exitCode == 64, "\(command[0]): \(r.stderr)")
        }
    }
}

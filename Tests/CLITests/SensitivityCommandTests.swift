// The sensitivity commands on the built binary: the same seed gives the same bytes for any
// --jobs; three shards merged give exactly the unsharded run; merge refuses shards that do not
// belong together; bad specifications exit 64/65 naming the problem and write nothing; the
// tornado ranks every catalogued parameter by swing; a scenario may list override files.
import Foundation
import Testing

/// Every file of a run folder with its bytes, by name.
func folderContents(_ path: String) -> [String: [UInt8]] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    var result: [String: [UInt8]] = [:]
    for name in names { result[name] = FileManager.default.contents(atPath: path + "/" + name).map(Array.init) }
    return result
}

@Suite("sensitivity commands", .serialized)
struct SensitivityCommandTests {
    static let guizhou = CLI.model("guizhou-2025")
    static let sobolKeys = "electricity.grid_price_cny_per_kwh,finance.discount_rate_pct,byproduct.gate_price_cny_per_kg"

    /// The command lines whose outputs must not depend on --jobs or --shard.
    static let runs: [(String, [String])] = [
        ("montecarlo", ["montecarlo", guizhou, "--samples", "200", "--seed", "11", "--quiet"]),
        ("montecarlo-sobol-points", ["montecarlo", guizhou, "--samples", "100", "--sampler", "sobol", "--parameters", sobolKeys, "--quiet"]),
        ("sobol", ["sobol", guizhou, "--samples", "16", "--seed", "5", "--parameters", sobolKeys, "--bootstrap", "50", "--quiet"]),
        ("sweep", ["sweep", guizhou, "--grid", "electricity.grid_price_cny_per_kwh=0.3:0.8:3", "--grid", "finance.discount_rate_pct=6,8", "--quiet"]),
        ("tornado", ["tornado", guizhou, "--per-station", "--quiet"]),
    ]

    @Test(arguments: runs.map(\.0))
    func oneThreadAndTwoThreadsWriteTheSameBytes(_ name: String) throws {
        let arguments = Self.runs.first { $0.0 == name }!.1
        let folder = TemporaryFolder()
        let one = try CLI.run(arguments + ["--jobs", "1", "--out", "one"], in: folder)
        let two = try CLI.run(arguments + ["--jobs", "2", "--out", "two"], in: folder)
        #expect(one.exitCode == 0, "\(one.stderr)")
        #expect(two.exitCode == 0, "\(two.stderr)")
        let a = folderContents(folder.file("one")), b = folderContents(folder.file("two"))
        #expect(!a.isEmpty && a.keys.sorted() == b.keys.sorted())
        for (file, bytes) in a { #expect(b[file] == bytes, "\(name): \(file) differs between --jobs 1 and --jobs 2") }
    }

    @Test(arguments: runs.map(\.0))
    func threeShardsMergedEqualTheUnshardedRun(_ name: String) throws {
        let arguments = Self.runs.first { $0.0 == name }!.1
        let folder = TemporaryFolder()
        let whole = try CLI.run(arguments + ["--out", "whole"], in: folder)
        #expect(whole.exitCode == 0, "\(whole.stderr)")
        for k in 1...3 {
            let shard = try CLI.run(arguments + ["--shard", "\(k)/3", "--jobs", "\(k == 2 ? 2 : 1)", "--out", "shard\(k)"], in: folder)
            #expect(shard.exitCode == 0, "\(shard.stderr)")
            #expect(folderContents(folder.file("shard\(k)")).keys.contains("shard.json"))
        }
        let merged = try CLI.run(["merge", "shard3", "shard1", "shard2", "--out", "merged", "--quiet"], in: folder)
        #expect(merged.exitCode == 0, "\(merged.stderr)")
        let a = folderContents(folder.file("whole")), b = folderContents(folder.file("merged"))
        #expect(a.keys.sorted() == b.keys.sorted())
        for (file, bytes) in a { #expect(b[file] == bytes, "\(name): merged \(file) differs from the unsharded run's") }
    }

    @Test func montecarloWritesOneRowPerSampleInOrderAndPercentiles() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(Self.runs[0].1 + ["--out", "mc"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let samples = CSVRows(String(decoding: folder.read("mc/samples.csv") ?? [], as: UTF8.self))
        #expect(samples.rows.map { $0[0] } == (0..<200).map(String.init))
        #expect(samples.header.last == "network_average_cny_per_kg")
        let prices = samples.rows.compactMap { Double($0.last!) }.sorted()
        #expect(prices.count == 200)
        let percentiles = CSVRows(String(decoding: folder.read("mc/percentiles.csv") ?? [], as: UTF8.self))
        #expect(percentiles.header == ["output", "samples", "failed", "p5", "p50", "p95", "mean"])
        let row = percentiles.rows[0]
        // Independent check: linear interpolation at (n − 1)p between order statistics, and the mean.
        func quantile(_ p: Double) -> Double {
            let h = Double(prices.count - 1) * p, lo = Int(h.rounded(.down))
            return prices[lo] + (h - Double(lo)) * (prices[min(lo + 1, prices.count - 1)] - prices[lo])
        }
        for (column, p) in [(3, 0.05), (4, 0.5), (5, 0.95)] { #expect(abs(Double(row[column])! - quantile(p)) < 1e-9) }
        #expect(abs(Double(row[6])! - prices.reduce(0, +) / 200) < 1e-9)
        #expect(folder.read("mc/histogram.svg") != nil)
    }

    /// `--lang zh` (issue 11): the tornado and histogram charts in Chinese with the scenario's
    /// title_zh; the CSVs are those of the English run (headers and ids stay ASCII); the
    /// language is in the manifest, so shards merge into the Chinese charts.
    @Test func chineseChartsCarryTheChineseTitleAxisAndLegend() throws {
        let folder = TemporaryFolder()
        let tornado = try CLI.run(["tornado", Self.guizhou, "--lang", "zh", "--quiet", "--out", "t"], in: folder)
        #expect(tornado.exitCode == 0, "\(tornado.stderr)")
        let chart = String(decoding: folder.read("t/tornado.svg") ?? [], as: UTF8.self)
        for words in ["贵州 2025：1,000 辆燃料电池汽车——全网平均加注价格单因素敏感性", ">元/公斤<", ">参数取低值<", ">参数取高值<", ">基准 "] {
            #expect(chart.contains(words), "tornado.svg lacks \(words)")
        }
        #expect(!chart.contains(">low input<") && !chart.contains("Guizhou 2025"))
        let manifest = String(decoding: folder.read("t/manifest.json") ?? [], as: UTF8.self)
        #expect(manifest.contains("\"language\": \"zh\"") && manifest.contains("\"scenario_title_zh\": \"贵州 2025：1,000 辆燃料电池汽车\""))
        let english = try CLI.run(["tornado", Self.guizhou, "--quiet", "--out", "e"], in: folder)
        #expect(english.exitCode == 0, "\(english.stderr)")
        #expect(folder.read("t/tornado.csv") == folder.read("e/tornado.csv") && folder.read("t/tornado_runs.csv") == folder.read("e/tornado_runs.csv"))

        let mc = try CLI.run(["montecarlo", Self.guizhou, "--samples", "50", "--lang", "zh", "--quiet", "--out", "mc"], in: folder)
        #expect(mc.exitCode == 0, "\(mc.stderr)")
        let histogram = String(decoding: folder.read("mc/histogram.svg") ?? [], as: UTF8.self)
        for words in ["贵州 2025：1,000 辆燃料电池汽车——全网平均加注价格，50 次抽样", ">频数<", ">元/公斤<", ">均值 "] {
            #expect(histogram.contains(words), "histogram.svg lacks \(words)")
        }
        #expect(!histogram.contains(">count<"))
    }

    @Test func sweepRowsAreTheCartesianProductWithSweptKeysFirst() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(Self.runs[3].1 + ["--out", "sw"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let table = CSVRows(String(decoding: folder.read("sw/sweep.csv") ?? [], as: UTF8.self))
        #expect(Array(table.header.prefix(2)) == ["electricity.grid_price_cny_per_kwh", "finance.discount_rate_pct"])
        #expect(table.rows.map { [$0[0], $0[1]] } == [["0.3", "6"], ["0.3", "8"], ["0.55", "6"], ["0.55", "8"], ["0.8", "6"], ["0.8", "8"]])
        // A dearer tariff and a dearer cost of capital each raise the price.
        let price = table.rows.map { Double($0[2])! }
        #expect(price[0] < price[2] && price[2] < price[4] && price[0] < price[1])
    }

    @Test func sweepCasesFileGivesOneRowPerCase() throws {
        let folder = TemporaryFolder()
        folder.write("cases.csv", "finance.discount_rate_pct,station.utilisation_pct\n6,60\n10,80\n8,70\n")
        let result = try CLI.run(["sweep", Self.guizhou, "--cases", "cases.csv", "--out", "c", "--quiet"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let table = CSVRows(String(decoding: folder.read("c/sweep.csv") ?? [], as: UTF8.self))
        #expect(table.rows.map { Array($0.prefix(2)) } == [["6", "60"], ["10", "80"], ["8", "70"]])
    }

    /// network.low_confidence_km_factor stretches only the edges whose confidence is low. In the
    /// small corridor the A–B edge is made low-confidence: the A↔D trucks' route (100 + 120 + 150
    /// km) becomes 100 f + 270 km, so their demand, 10 trucks × 0.5 round trips × 2 × km × 9.1
    /// kg/100 km, plus the buses' 20 × 150 km × 7.6 kg/100 km = 228 kg/day, is known by hand
    /// for each factor; with every edge confident the factor changes nothing.
    @Test func lowConfidenceEdgeFactorMovesOnlyLowConfidenceLengths() throws {
        let folder = TemporaryFolder()
        var small = SmallScenario()
        small.edges = "from,to,km,confidence\nA,B,100,low\nB,C,120,medium\nC,D,150,medium-low\n"
        let dir = small.write(to: folder)
        let grid = ["--grid", "network.low_confidence_km_factor=0.8,1,1.5", "--reoptimize", "--quiet"]
        let result = try CLI.run(["sweep", dir] + grid + ["--out", "low"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let served = CSVRows(String(decoding: folder.read("low/sweep.csv") ?? [], as: UTF8.self)).values("served_kg_per_day").compactMap(Double.init)
        let byHand = [0.8, 1, 1.5].map { f in 10 * 0.5 * 2 * (100 * f + 270) * 0.091 + 228 }
        #expect(served.count == 3 && zip(served, byHand).allSatisfy { abs($0 - $1) < 1e-6 }, "\(served) against \(byHand)")

        var confident = SmallScenario()
        confident.edges = "from,to,km,confidence\nA,B,100,medium\nB,C,120,medium\nC,D,150,medium-low\n"
        let elsewhere = TemporaryFolder()
        let dir2 = confident.write(to: elsewhere)
        let same = try CLI.run(["sweep", dir2] + grid + ["--out", "same"], in: folder)
        #expect(same.exitCode == 0, "\(same.stderr)")
        let flat = CSVRows(String(decoding: folder.read("same/sweep.csv") ?? [], as: UTF8.self)).values("network_average_cny_per_kg")
        #expect(flat.count == 3 && Set(flat).count == 1, "\(flat)")
    }

    @Test func tornadoRanksEveryCataloguedParameterWithLowAndHighBySwing() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["tornado", Self.guizhou, "--out", "t"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        // Independent list: explain's rows with low < high.
        let explain = CSVRows(try CLI.run(["explain", Self.guizhou]).stdout)
        let low = explain.header.firstIndex(of: "low")!, high = explain.header.firstIndex(of: "high")!
        var expected: Set<String> = []
        for row in explain.rows {
            if let l = Double(row[low]), let h = Double(row[high]), l < h { expected.insert(row[0]) }
        }
        let table = CSVRows(String(decoding: folder.read("t/tornado.csv") ?? [], as: UTF8.self))
        #expect(Set(table.rows.map { $0[1] }) == expected)
        #expect(table.rows.count == expected.count)
        let column = table.header.firstIndex(of: "swing_cny_per_kg")!
        let swings = table.rows.map { Double($0[column])! }
        #expect(swings == swings.sorted(by: >))
        // swing = |high − low| from the row's own columns.
        // Each CNY/kg cell is written to 0.0001: half a step on each of the three.
        for row in table.rows { #expect(abs(Double(row[column])! - abs(Double(row[7])! - Double(row[6])!)) <= 0.00015 + 1e-12) }
        #expect(table.rows.map(\.[0]) == (1...table.rows.count).map(String.init))
        #expect(String(decoding: folder.read("t/tornado.svg") ?? [], as: UTF8.self).contains(table.rows[0][1]))
        #expect(result.stderr.contains("largest swings: \(table.rows[0][1])"))
    }

    @Test func mergeRefusesShardsOfDifferentRuns() throws {
        let folder = TemporaryFolder()
        let base = ["montecarlo", Self.guizhou, "--samples", "30", "--quiet"]
        #expect(try CLI.run(base + ["--seed", "1", "--shard", "1/2", "--out", "a"], in: folder).exitCode == 0)
        #expect(try CLI.run(base + ["--seed", "2", "--shard", "2/2", "--out", "b"], in: folder).exitCode == 0)
        let result = try CLI.run(["merge", "a", "b", "--out", "m"], in: folder)
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains("b/shard.json") && result.stderr.contains("seed"), "\(result.stderr)")
        #expect(!folder.listing.contains("m"))
    }

    @Test func mergeRefusesOverlappingAndMissingShards() throws {
        let folder = TemporaryFolder()
        let base = ["montecarlo", Self.guizhou, "--samples", "30", "--quiet"]
        for k in 1...3 { #expect(try CLI.run(base + ["--shard", "\(k)/3", "--out", "s\(k)"], in: folder).exitCode == 0) }
        #expect(try CLI.run(base + ["--shard", "2/2", "--out", "other"], in: folder).exitCode == 0)
        let twice = try CLI.run(["merge", "s1", "s2", "s2", "s3", "--out", "m"], in: folder)
        #expect(twice.exitCode == 65)
        #expect(twice.stderr.contains("given twice"), "\(twice.stderr)")
        let missing = try CLI.run(["merge", "s1", "s3", "--out", "m"], in: folder)
        #expect(missing.exitCode == 65)
        #expect(missing.stderr.contains("2/3 missing"), "\(missing.stderr)")
        let mixed = try CLI.run(["merge", "s1", "other", "s3", "--out", "m"], in: folder)
        #expect(mixed.exitCode == 65)
        #expect(mixed.stderr.contains("other"), "\(mixed.stderr)")
        let notAShard = try CLI.run(["merge", "s1", "nowhere", "--out", "m"], in: folder)
        #expect(notAShard.exitCode == 65)
        #expect(notAShard.stderr.contains("nowhere/shard.json"))
        #expect(!folder.listing.contains("m"))
    }

    static let badSpecifications: [([String], Int32, String)] = [
        (["sweep", guizhou, "--grid", "finance.discount_rat_pct=6,8"], 64, "finance.discount_rate_pct"),
        (["sweep", guizhou, "--grid", "finance.discount_rate_pct=6:8"], 64, "lo:hi:n"),
        (["sweep", guizhou, "--grid", "finance.discount_rate_pct=6:8:0"], 64, "at least 1"),
        (["sweep", guizhou, "--grid", "finance.discount_rate_pct=6,eight"], 64, "\"eight\" is not a number"),
        (["sweep", guizhou, "--grid", "finance.discount_rate_pct=-3"], 64, "must be at least 0"),
        (["sweep", guizhou, "--grid", "finance.operating_years=20.5"], 64, "whole number"),
        (["sweep", guizhou, "--grid", "finance.discount_rate_pct=6", "--grid", "finance.discount_rate_pct=8"], 64, "swept twice"),
        (["sweep", guizhou], 64, "--grid"),
        (["sweep", guizhou, "--cases", "missing.csv"], 65, "missing.csv"),
        (["montecarlo", guizhou, "--shard", "5/4"], 64, "between 1 and 4"),
        (["montecarlo", guizhou, "--shard", "0/3"], 64, "between 1 and 3"),
        (["montecarlo", guizhou, "--shard", "two"], 64, "k/N"),
        (["montecarlo", guizhou, "--samples", "0"], 64, "--samples"),
        (["montecarlo", guizhou, "--jobs", "0"], 64, "--jobs"),
        (["montecarlo", guizhou, "--parameters", "finance.nominal"], 64, "no low and high"),
        (["montecarlo", guizhou, "--sampler", "sobol"], 64, "--parameters"),
        (["montecarlo", guizhou, "--set", "finance.discount_rate_pct=7", "--parameters", "finance.discount_rate_pct"], 64, "pinned"),
        (["sobol", guizhou, "--parameters", "finance.discount_rate_pct,electricity.grid_price"], 64, "electricity.grid_price"),
        (["tornado", guizhou, "--per-station", "--reoptimize"], 64, "fixed placement"),
        (["sweep", guizhou, "--grid", "network.low_confidence_km_factor=1,1.2"], 64, "--reoptimize"),
    ]

    @Test(arguments: badSpecifications.indices)
    func badSpecificationsExitWithTheProblemNamedAndWriteNothing(_ index: Int) throws {
        let (arguments, code, message) = Self.badSpecifications[index]
        let folder = TemporaryFolder()
        let result = try CLI.run(arguments + ["--out", "out"], in: folder)
        #expect(result.exitCode == code, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(folder.listing.isEmpty, "\(arguments) left \(folder.listing)")
    }

    @Test func badCaseAndDistributionFilesAreDataErrorsWithRowAndField() throws {
        let folder = TemporaryFolder()
        folder.write("cases.csv", "finance.discount_rate_pct,station.utilisation_pct\n6,60\nx,80\n")
        let cases = try CLI.run(["sweep", Self.guizhou, "--cases", "cases.csv", "--out", "o"], in: folder)
        #expect(cases.exitCode == 65)
        #expect(cases.stderr.contains("cases.csv") && cases.stderr.contains("row 2"), "\(cases.stderr)")
        folder.write("unknown.csv", "finance.discount_rate_pc\n6\n")
        let unknown = try CLI.run(["sweep", Self.guizhou, "--cases", "unknown.csv", "--out", "o"], in: folder)
        #expect(unknown.exitCode == 65)
        #expect(unknown.stderr.contains("finance.discount_rate_pct"), "\(unknown.stderr)")
        folder.write("d.csv", "key,distribution,p1,p2,p3\nfinance.discount_rate_pct,triangular,6,11,10\nelectricity.grid_price_cny_per_kwh,gamma,1,2,\n")
        let distributions = try CLI.run(["montecarlo", Self.guizhou, "--distributions", "d.csv", "--out", "o"], in: folder)
        #expect(distributions.exitCode == 65)
        #expect(distributions.stderr.contains("low ≤ mode ≤ high") && distributions.stderr.contains("gamma"), "\(distributions.stderr)")
        #expect(!folder.listing.contains("o"))
    }

    @Test func chosenDistributionsAreUsed() throws {
        let folder = TemporaryFolder()
        folder.write("d.csv", "key,distribution,p1,p2\nfinance.discount_rate_pct,uniform,7,7.5\n")
        let result = try CLI.run(["montecarlo", Self.guizhou, "--samples", "50", "--distributions", "d.csv", "--parameters", "finance.discount_rate_pct",
                                  "--out", "o", "--quiet"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let table = CSVRows(String(decoding: folder.read("o/samples.csv") ?? [], as: UTF8.self))
        #expect(table.header == ["sample", "finance.discount_rate_pct", "network_average_cny_per_kg"])
        #expect(table.rows.allSatisfy { Double($0[1])! >= 7 && Double($0[1])! <= 7.5 })
    }

    @Test func aScenarioListsOverrideFilesAppliedBeforeTheCommandLineOnes() throws {
        let folder = TemporaryFolder()
        let scenario = folder.file("sc")
        try FileManager.default.createDirectory(atPath: scenario, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.guizhou) where name.hasSuffix(".csv") {
            try FileManager.default.copyItem(atPath: Self.guizhou + "/" + name, toPath: scenario + "/" + name)
        }
        let toml = String(decoding: FileManager.default.contents(atPath: Self.guizhou + "/scenario.toml")!, as: UTF8.self)
            .replacingOccurrences(of: "price_year = 2024", with: "price_year = 2024\noverrides = [\"high-rate.toml\"]")
        folder.write("sc/scenario.toml", toml)
        folder.write("sc/high-rate.toml", "[finance]\ndiscount_rate_pct = 10\n")
        let explain = try CLI.run(["explain", "sc", "--key", "finance.discount_rate_pct"], in: folder)
        #expect(explain.exitCode == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("finance.discount_rate_pct,10,") && explain.stdout.contains("sc/high-rate.toml:2"), "\(explain.stdout)")
        // An --overrides file setting the same key is in the same layer: a conflict, not a silent winner.
        folder.write("low-rate.toml", "[finance]\ndiscount_rate_pct = 6\n")
        let conflict = try CLI.run(["explain", "sc", "--overrides", "low-rate.toml"], in: folder)
        #expect(conflict.exitCode == 65)
        #expect(conflict.stderr.contains("set twice"), "\(conflict.stderr)")
        // --set is stronger than both.
        let set = try CLI.run(["explain", "sc", "--key", "finance.discount_rate_pct", "--set", "finance.discount_rate_pct=7"], in: folder)
        #expect(set.stdout.contains("finance.discount_rate_pct,7,"))
        // A listed file that does not exist is named.
        folder.write("sc/scenario.toml", toml.replacingOccurrences(of: "high-rate.toml", with: "nope.toml"))
        let missing = try CLI.run(["validate", "sc"], in: folder)
        #expect(missing.exitCode == 65)
        #expect(missing.stderr.contains("nope.toml") || missing.stdout.contains("nope.toml"))
    }
}

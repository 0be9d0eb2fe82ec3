// `cost`: the itemised CSV (DESIGN §2.7, §3): fixed item order, items that sum to the total,
// byte-exact file output, BOM, quiet, determinism, and results that move the right way.
import Foundation
import Testing

/// The itemisation as DESIGN §2.7 lists it, then the total: written out here, not read from the model.
let costItems = ["production", "purification", "conditioning", "transport", "cracking",
                 "station_capex", "station_om", "energy", "taxes", "subsidies"]

/// An itemised cost parsed from `cost` output.
struct ItemisedCSV {
    var items: [String: Double]
    var shares: [String: Double]
    /// kg CO2e per kg by item, and in total.
    var co2: [String: Double]
    var co2Total: Double
    var total: Double
    var order: [String]
    var header: [String]

    init(_ text: String) {
        let csv = CSVRows(text)
        header = csv.header
        order = csv.values("item")
        items = [:]
        shares = [:]
        co2 = [:]
        total = .nan
        co2Total = .nan
        let (cny, share, carbon) = (csv.column("cny_per_kg"), csv.column("share_pct"), csv.column("co2_kg_per_kg"))
        for row in csv.rows where row.count == csv.header.count {
            let value = cny.flatMap { Double(row[$0]) } ?? .nan
            let kg = carbon.flatMap { Double(row[$0]) } ?? .nan
            if row[0] == "total" { total = value; co2Total = kg } else {
                items[row[0]] = value
                shares[row[0]] = share.flatMap { Double(row[$0]) } ?? .nan
                co2[row[0]] = kg
            }
        }
    }

    var sumOfItems: Double { costItems.reduce(0) { $0 + (items[$1] ?? .nan) } }
}

func cost(_ scenario: String, _ arguments: [String], in folder: TemporaryFolder? = nil) throws -> (CLIResult, ItemisedCSV) {
    let result = try CLI.run(["cost", "--scenario", CLI.model(scenario)] + arguments, in: folder)
    return (result, ItemisedCSV(result.stdout))
}

func relativeDifference(_ a: Double, _ b: Double) -> Double {
    abs(a - b) / max(abs(a), abs(b), 1e-300)
}

/// Supply chains spanning every delivery mode and the special production pathways.
let chains: [(production: String, delivery: String)] = [
    ("byproduct", "tube-trailer-20"), ("grid-electrolysis", "tube-trailer-30"), ("surplus-hydro-electrolysis", "tube-trailer-50"),
    ("tou-electrolysis", "liquid"), ("smr", "pipeline"), ("onsite-electrolysis", "none"),
    ("ammonia-cracking-station", "ammonia-tanker"), ("ammonia-cracking-hub", "tube-trailer-20"), ("coal", "liquid"),
    ("methanol-reforming-station", "methanol-tanker"), ("methanol-reforming-hub", "tube-trailer-30"),
    ("lohc-dehydrogenation-station", "lohc-tanker"), ("lohc-dehydrogenation-hub", "tube-trailer-50"),
]

@Suite("cost output")
struct CostOutputTests {
    @Test(arguments: ["guizhou-2025", "zhejiang-2025"], ["proforma", "annuity"])
    func itemsAreListedInOrderAndSumToTheTotal(_ scenario: String, finance: String) throws {
        for chain in chains {
            let (result, csv) = try cost(scenario, ["--production", chain.production, "--delivery", chain.delivery,
                                                    "--distance-km", "150", "--finance", finance, "--quiet"])
            #expect(result.exitCode == 0, "\(chain): \(result.stderr)")
            #expect(csv.header == ["item", "cny_per_kg", "co2_kg_per_kg", "share_pct"])
            #expect(csv.order == costItems + ["total"], "\(chain)")
            #expect(csv.total.isFinite && csv.total > 0, "\(chain)")
            // Each CNY/kg cell is written to 0.0001 (NumberResolution): the items' sum may differ
            // from the total by half a step per cell.
            #expect(abs(csv.sumOfItems - csv.total) <= 0.00005 * Double(costItems.count + 1), "\(chain): \(csv.sumOfItems) vs \(csv.total)")
            // share_pct (to 0.001) is the item over the total, and the shares add up to 100.
            for item in costItems {
                let expected = 100 * csv.items[item]! / csv.total
                #expect(abs(csv.shares[item]! - expected) <= 0.0005 + 100 * 0.0001 / csv.total, "\(chain) \(item)")
            }
            // Delivery costs land in `transport`; only a delivery-free chain has none.
            if chain.delivery == "none" {
                #expect(csv.items["transport"] == 0, "\(chain)")
            } else {
                #expect(csv.items["transport"]! > 0, "\(chain)")
            }
            // Reconversion (the `cracking` item) appears exactly when a carrier is reconverted.
            #expect((csv.items["cracking"]! > 0) == (chain.production.hasSuffix("-station") || chain.production.hasSuffix("-hub")), "\(chain)")
            // The carbon intensity is itemised the same way: its items sum to its total.
            let co2Sum = costItems.reduce(0) { $0 + csv.co2[$1]! }
            #expect(csv.co2Total > 0 && abs(co2Sum - csv.co2Total) <= 0.00005 * Double(costItems.count + 1), "\(chain): CO2 \(co2Sum) vs \(csv.co2Total)")
            for item in ["station_capex", "station_om", "taxes", "subsidies"] { #expect(csv.co2[item] == 0, "\(chain) \(item)") }
            // The annuity convention has no tax; the pro-forma one pays some on a profitable break-even.
            if finance == "annuity" {
                #expect(csv.items["taxes"] == 0, "\(chain)")
            } else {
                #expect(csv.items["taxes"]! > 0, "\(chain)")
            }
        }
    }

    /// The scenario's [cost] table supplies what the command line leaves out.
    @Test func scenarioCostTableFillsInTheOptions() throws {
        let (defaulted, _) = try cost("guizhou-2025", ["--quiet"])
        let (explicit, _) = try cost("guizhou-2025", ["--production", "byproduct", "--delivery", "tube-trailer-20",
                                                      "--distance-km", "120.7", "--station-kg-per-day", "1000",
                                                      "--pressure-mpa", "35", "--utilization", "0.8", "--quiet"])
        #expect(defaulted.exitCode == 0 && explicit.exitCode == 0)
        #expect(defaulted.stdoutBytes == explicit.stdoutBytes)
        let (other, _) = try cost("guizhou-2025", ["--distance-km", "60", "--quiet"])
        #expect(other.stdoutBytes != defaulted.stdoutBytes)
    }

    @Test(arguments: ["guizhou-2025", "zhejiang-2025"])
    func outFileHoldsExactlyWhatStdoutShows(_ scenario: String) throws {
        let folder = TemporaryFolder()
        let (toStdout, _) = try cost(scenario, ["--quiet"])
        let (toFile, _) = try cost(scenario, ["--quiet", "--out", "result.csv"], in: folder)
        #expect(toFile.exitCode == 0)
        #expect(toFile.stdoutBytes.isEmpty, "data goes to the file only")
        #expect(folder.listing == ["result.csv"], "no temporary file is left behind: \(folder.listing)")
        #expect(folder.read("result.csv") == toStdout.stdoutBytes)
        // An existing file is replaced whole, as a shell redirection would.
        folder.write("result.csv", String(repeating: "stale line\n", count: 500))
        _ = try cost(scenario, ["--quiet", "--out", "result.csv"], in: folder)
        #expect(folder.read("result.csv") == toStdout.stdoutBytes)
    }

    @Test func bomPrefixesTheSameBytes() throws {
        let (plain, _) = try cost("zhejiang-2025", ["--quiet"])
        let (withBOM, csv) = try cost("zhejiang-2025", ["--quiet", "--bom"])
        #expect(Array(plain.stdoutBytes.prefix(3)) != [0xEF, 0xBB, 0xBF], "no BOM by default")
        #expect(Array(withBOM.stdoutBytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(withBOM.stdoutBytes.dropFirst(3)) == plain.stdoutBytes)
        #expect(csv.header == ["item", "cny_per_kg", "co2_kg_per_kg", "share_pct"])
        let folder = TemporaryFolder()
        _ = try cost("zhejiang-2025", ["--quiet", "--bom", "--out", "result.csv"], in: folder)
        #expect(folder.read("result.csv") == withBOM.stdoutBytes)
    }

    @Test func quietLeavesStderrEmpty() throws {
        let (loud, _) = try cost("guizhou-2025", [])
        #expect(loud.stderr.contains("total"), "the summary goes to stderr")
        #expect(loud.stderr.contains("120.7 km"))
        let (quiet, _) = try cost("guizhou-2025", ["--quiet"])
        #expect(quiet.exitCode == 0)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(quiet.stdoutBytes == loud.stdoutBytes, "--quiet changes only stderr")
    }

    @Test(arguments: [
        ["--quiet"],
        ["--quiet", "--production", "tou-electrolysis", "--delivery", "liquid", "--distance-km", "300"],
        ["--quiet", "--compare"],
    ])
    func sameInputsGiveIdenticalBytes(_ arguments: [String]) throws {
        let (first, _) = try cost("zhejiang-2025", arguments)
        let (second, _) = try cost("zhejiang-2025", arguments)
        #expect(first.exitCode == 0)
        #expect(!first.stdoutBytes.isEmpty)
        #expect(first.stdoutBytes == second.stdoutBytes)
    }

    /// A dearer input raises the cost of the chain that uses it, and leaves alone one that does not.
    @Test(arguments: [
        ("onsite-electrolysis", "none", "electricity.grid_price_cny_per_kwh", "0.3", "0.8"),
        ("grid-electrolysis", "tube-trailer-20", "electricity.grid_price_cny_per_kwh", "0.3", "0.8"),
        ("ammonia-cracking-station", "ammonia-tanker", "ammonia.price_cny_per_t", "3000", "5300"),
        ("ammonia-cracking-hub", "tube-trailer-30", "ammonia.price_cny_per_t", "3000", "5300"),
        ("methanol-reforming-station", "methanol-tanker", "methanol.price_cny_per_t", "2080", "2856"),
        ("methanol-reforming-hub", "tube-trailer-20", "methanol.reformer_meoh_kg_per_kg_h2", "5.6", "7"),
        ("lohc-dehydrogenation-station", "lohc-tanker", "lohc.dehydrogenation_capex_mcny_at_1t_per_day", "15", "50"),
    ])
    func setMovesTheResultTheExpectedWay(_ production: String, _ delivery: String, _ key: String, _ low: String, _ high: String) throws {
        let chain = ["--production", production, "--delivery", delivery, "--quiet"]
        let (_, cheap) = try cost("guizhou-2025", chain + ["--set", "\(key)=\(low)"])
        let (_, dear) = try cost("guizhou-2025", chain + ["--set", "\(key)=\(high)"])
        #expect(dear.total > cheap.total, "\(key): \(cheap.total) -> \(dear.total)")
        #expect(dear.items["production"]! + dear.items["cracking"]! > cheap.items["production"]! + cheap.items["cracking"]!)
        // Ammonia's price is irrelevant to by-product hydrogen.
        let byproduct = ["--production", "byproduct", "--delivery", "tube-trailer-20", "--quiet"]
        let (_, a) = try cost("guizhou-2025", byproduct + ["--set", "ammonia.price_cny_per_t=3000"])
        let (_, b) = try cost("guizhou-2025", byproduct + ["--set", "ammonia.price_cny_per_t=5300"])
        #expect(a.total == b.total)
    }

    /// `cost` prices one chain with no place and no calendar, so the scenarios' scoped policies
    /// (policies.csv) do not reach it; the catalogue's policy.* keys give it a subsidy schedule by
    /// operating year: 9 CNY/kg for a year, then 6 CNY/kg for 3 years.
    @Test func catalogueSubsidyScheduleInTheCostCommand() throws {
        let jiaxing = ["--set", "policy.operating_subsidy_initial_cny_per_kg=9", "--set", "policy.operating_subsidy_initial_years=1",
                       "--set", "policy.operating_subsidy_later_cny_per_kg=6", "--set", "policy.operating_subsidy_later_years=3"]
        for finance in ["proforma", "annuity"] {
            let (_, subsidised) = try cost("zhejiang-2025", ["--quiet", "--finance", finance] + jiaxing)
            let (_, plain) = try cost("zhejiang-2025", ["--quiet", "--finance", finance])
            #expect(subsidised.items["subsidies"]! < 0 && subsidised.items["subsidies"]! > -9, "\(finance)")
            #expect(plain.items["subsidies"] == 0, "\(finance)")
        }
        // Annuity mode by hand: the subsidy per kg levelised over 20 operating years at 8 %
        // real (constant throughput, so the kilograms cancel): Σ s_t/1.08^t / Σ 1/1.08^t.
        let schedule: [Double] = [9, 6, 6, 6] + Array(repeating: 0, count: 16)
        var discountedSubsidy = 0.0, discountedYears = 0.0
        for (t, s) in schedule.enumerated() {
            let factor = 1 / pow(1.08, Double(t + 1))
            discountedSubsidy += s * factor
            discountedYears += factor
        }
        let (_, annuity) = try cost("zhejiang-2025", ["--quiet", "--finance", "annuity"] + jiaxing)
        #expect(abs(annuity.items["subsidies"]! + discountedSubsidy / discountedYears) <= 0.00005,  // written to 0.0001 CNY/kg
                "\(annuity.items["subsidies"]!) vs \(-discountedSubsidy / discountedYears)")
    }

    /// The summary's count of ESTIMATE parameters agrees with what `explain` lists.
    @Test func summaryCountsTheEstimatesExplainLists() throws {
        let (result, _) = try cost("guizhou-2025", [])
        let explain = CSVRows(try CLI.run(["explain", CLI.model("guizhou-2025")]).stdout)
        let estimates = explain.values("basis").filter { $0 == "ESTIMATE" }.count
        #expect(result.stderr.contains("\(estimates) of \(explain.rows.count) parameters are ESTIMATES"), "\(result.stderr)")
    }

    /// A failure after the options were accepted (here the output path is a folder) writes nothing.
    @Test func unwritableOutputFailsCleanly() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("taken"), withIntermediateDirectories: false)
        let (result, _) = try cost("guizhou-2025", ["--quiet", "--out", "taken"], in: folder)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("taken"))
        #expect(folder.listing == ["taken"])
    }

    /// A chain the source cannot feed is infeasible (exit 3): the message names the parameter
    /// and both quantities, and nothing is written.
    @Test func infeasibleChainExitsThreeAndWritesNothing() throws {
        let folder = TemporaryFolder()
        let (result, _) = try cost("guizhou-2025", ["--set", "byproduct.available_t_per_year=1", "--out", "result.csv"], in: folder)
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stderr.contains("byproduct.available_t_per_year"))
        // 1000 kg/day at 80 % is 800 kg/day dispensed: 292 t/yr before losses.
        #expect(result.stderr.contains("292 t/yr"), "\(result.stderr)")
        #expect(folder.listing.isEmpty)
        // --compare leaves the infeasible pathways out and says why on stderr.
        let compare = try CLI.run(["cost", "--scenario", CLI.model("guizhou-2025"), "--compare",
                                   "--set", "byproduct.available_t_per_year=1"])
        #expect(compare.exitCode == 0)
        let rows = CSVRows(compare.stdout).rows
        #expect(!rows.isEmpty && rows.allSatisfy { $0[1] != "byproduct" })
        #expect(compare.stderr.contains("not feasible: byproduct + tube-trailer-20"))
    }

    /// Without a scenario there is no default distance: the planner is told which option to give.
    @Test func catalogueAloneNeedsTheDistance() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["cost", "--scenario", "none", "--production", "smr", "--delivery", "pipeline",
                                  "--out", "result.csv"], in: folder)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("give --distance-km"))
        #expect(folder.listing.isEmpty)
        let given = try CLI.run(["cost", "--scenario", "none", "--production", "smr", "--delivery", "pipeline",
                                 "--distance-km", "20", "--station-kg-per-day", "2000", "--quiet"])
        #expect(given.exitCode == 0, "\(given.stderr)")
    }
}

// `run` with carriers and carbon intensity (issue 13): a methanol hub is a source like any
// other; stations.csv gives each build's kg CO2e/kg and grade, summary.csv the kg-weighted
// network average and the T/CAB 0078-2020 thresholds it is graded against; `--output co2`
// makes a sensitivity run report the intensity.
import Foundation
import Testing

@Suite("run carbon")
struct CarbonRunTests {
    @Test func methanolHubSuppliesAndIntensityIsReported() throws {
        let folder = TemporaryFolder()
        var s = SmallScenario()
        s.sources = "id,node,pathway,available_t_per_year\nmeoh,A,methanol-reforming-hub,5000\n"
        let dir = s.write(to: folder)
        let result = try CLI.run(["run", dir, "--out", folder.file("out"), "--quiet", "--no-xlsx"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let stations = CSVRows(String(decoding: folder.read("out/stations.csv") ?? [], as: UTF8.self))
        #expect(Set(stations.values("production")) == ["methanol-reforming-hub"])
        let intensities = stations.values("co2_kg_per_kg").compactMap(Double.init)
        #expect(intensities.count == stations.rows.count && !intensities.isEmpty)
        // Grey methanol: 6.2 kg x (3.0 upstream + 44.01/32.042 released) = 27.1 kg/kg before
        // electricity and diesel: above the low-carbon threshold.
        for x in intensities { #expect(x > 27.1 && x < 35, "\(x)") }
        #expect(Set(stations.values("co2_grade")) == ["ungraded"])
        let summary = CSVRows(String(decoding: folder.read("out/summary.csv") ?? [], as: UTF8.self))
        let average = try #require(Double(summary.values("network_co2_kg_per_kg").first ?? ""))
        #expect(average >= intensities.min()! - 1e-4 && average <= intensities.max()! + 1e-4)
        #expect(summary.values("co2_grade") == ["ungraded"])
        #expect(summary.values("tcab_clean_co2_kg_per_kg") == ["4.9"] && summary.values("tcab_low_carbon_co2_kg_per_kg") == ["14.51"])
    }

    @Test func byproductNetworkIsCleanAndSweepCanReportCo2() throws {
        let folder = TemporaryFolder()
        let dir = SmallScenario().write(to: folder)
        let run = try CLI.run(["run", dir, "--out", folder.file("out"), "--quiet", "--no-xlsx"], in: folder)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let summary = CSVRows(String(decoding: folder.read("out/summary.csv") ?? [], as: UTF8.self))
        let average = try #require(Double(summary.values("network_co2_kg_per_kg").first ?? ""))
        #expect(average > 0 && average <= 4.9)
        #expect(summary.values("co2_grade") == ["clean"])
        // A dirtier grid raises the intensity; the price is untouched by an emission factor.
        let sweep = try CLI.run(["sweep", dir, "--grid", "emissions.grid_kg_per_kwh=0.3,0.7", "--output", "co2", "--out", folder.file("sweep"), "--quiet", "--jobs", "1"], in: folder)
        #expect(sweep.exitCode == 0, "\(sweep.stderr)")
        let rows = CSVRows(String(decoding: folder.read("sweep/sweep.csv") ?? [], as: UTF8.self))
        let co2 = rows.values("network_co2_kg_per_kg").compactMap(Double.init)
        #expect(co2.count == 2 && co2[1] > co2[0], "\(co2)")
        let price = try CLI.run(["sweep", dir, "--grid", "emissions.grid_kg_per_kwh=0.3,0.7", "--out", folder.file("price"), "--quiet", "--jobs", "1"], in: folder)
        let prices = CSVRows(String(decoding: folder.read("price/sweep.csv") ?? [], as: UTF8.self)).values("network_average_cny_per_kg")
        #expect(price.exitCode == 0 && prices.count == 2 && prices[0] == prices[1], "\(prices)")
    }
}

/// A carbon price and an intensity cap in `[placement]` (issue 13 item 6), on the small scenario
/// with cheap coal-gasification hydrogen and dearer surplus-hydro electrolysis at one node.
@Suite("planning with a carbon price")
struct CarbonPricePlanningTests {
    static var scenario: SmallScenario {
        var s = SmallScenario()
        s.sources = "id,node,pathway,available_t_per_year\ncoal,A,coal,5000\nhydro,A,surplus-hydro-electrolysis,5000\n"
        return s
    }

    @Test func aCarbonPriceSweepSwitchesPathwayAndDrawsTheFrontier() throws {
        let folder = TemporaryFolder()
        let dir = Self.scenario.write(to: folder)
        let sweep = try CLI.run(["sweep", dir, "--grid", "placement.carbon_price_cny_per_t=0,100,1000", "--reoptimize", "--jobs", "1",
                                 "--out", folder.file("sweep"), "--quiet"], in: folder)
        #expect(sweep.exitCode == 0, "\(sweep.stderr)")
        let rows = CSVRows(String(decoding: folder.read("sweep/sweep.csv") ?? [], as: UTF8.self))
        let coal = rows.values("share_coal_pct").compactMap(Double.init), hydro = rows.values("share_surplus_hydro_electrolysis_pct").compactMap(Double.init)
        #expect(coal.count == 3 && coal.first == 100 && coal.last == 0, "coal shares \(coal)")
        #expect(hydro.count == 3 && hydro.first == 0 && hydro.last == 100, "hydro shares \(hydro)")
        let co2 = rows.values("network_co2_kg_per_kg").compactMap(Double.init), price = rows.values("network_average_cny_per_kg").compactMap(Double.init)
        #expect(co2.count == 3 && co2[2] < co2[0] / 3, "\(co2)")
        #expect(price.count == 3 && price[2] > price[0], "\(price)")
        // The chart: one dot per distinct plan, labelled with the prices that give it.
        let svg = String(decoding: folder.read("sweep/frontier.svg") ?? [], as: UTF8.self)
        let dots = svg.matches(of: /class="case" data-label="([^"]*)"/).map { String($0.output.1) }
        #expect(dots.count == Set(zip(co2, price).map { "\($0) \($1)" }).count && dots.last == "1000", "\(dots)")
        #expect(svg.contains("kg CO2e/kg") && svg.contains("T/CAB clean"))
    }

    @Test func theRunReportsThePriceAndHoldsOrExplainsTheCap() throws {
        let folder = TemporaryFolder()
        let dir = Self.scenario.write(to: folder)
        let priced = try CLI.run(["run", dir, "--out", folder.file("priced"), "--quiet", "--no-xlsx", "--set", "placement.carbon_price_cny_per_t=1000"], in: folder)
        #expect(priced.exitCode == 0, "\(priced.stderr)")
        let summary = CSVRows(String(decoding: folder.read("priced/summary.csv") ?? [], as: UTF8.self))
        #expect(summary.values("carbon_price_cny_per_t") == ["1000"])
        #expect((Double(summary.values("carbon_charge_cny").first ?? "") ?? 0) > 0)
        // A cap that surplus hydro meets: every period within it.
        let capped = try CLI.run(["run", dir, "--out", folder.file("capped"), "--quiet", "--no-xlsx", "--set", "placement.max_co2_kg_per_kg=4.9"], in: folder)
        #expect(capped.exitCode == 0, "\(capped.stderr)")
        let periods = CSVRows(String(decoding: folder.read("capped/periods.csv") ?? [], as: UTF8.self))
        let intensity = periods.values("co2_kg_per_kg").compactMap(Double.init)
        #expect(!intensity.isEmpty && intensity.allSatisfy { $0 <= 4.9 * 1.001 }, "\(intensity)")
        // Below every pathway: exit 3, naming the cap and what the cheapest plan emits.
        let impossible = try CLI.run(["run", dir, "--out", folder.file("none"), "--quiet", "--no-xlsx", "--set", "placement.max_co2_kg_per_kg=0.1"], in: folder)
        #expect(impossible.exitCode == 3, "\(impossible.stderr)")
        #expect(impossible.stderr.contains("max_co2_kg_per_kg = 0.1") && impossible.stderr.contains("least-cost plan without the cap emits"), "\(impossible.stderr)")
        // A unit slip is refused at load with the key and the fix.
        let slip = try CLI.run(["run", dir, "--out", folder.file("slip"), "--quiet", "--set", "placement.carbon_price_cny_per_t=200000"], in: folder)
        #expect(slip.exitCode == 64 || slip.exitCode == 65, "\(slip.stderr)")
        #expect(slip.stderr.contains("carbon_price_cny_per_t") && slip.stderr.contains("10,000"), "\(slip.stderr)")
    }
}

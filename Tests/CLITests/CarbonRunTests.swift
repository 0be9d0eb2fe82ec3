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

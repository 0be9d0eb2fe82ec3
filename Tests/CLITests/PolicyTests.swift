// policies.csv (issue 9): bad rows are refused with file, line, row and field; the committed
// Zhejiang results pay the Jiaxing subsidy only in Jiaxing's scope and years; a run reports NPV,
// IRR and payback at the retail price.
import Foundation
import Testing

@Suite("policies")
struct PolicyTests {
    static let header = "id,measure,scope_level,scope,start_year,end_year,rate,unit,cap,rate_above_cap,basis,source\n"

    /// The small scenario with a province, a city column and a policies file.
    static func scenario(policies: String) -> SmallScenario {
        var s = SmallScenario()
        s.nodes = "id,name,kind,lat,lon,city\nA,Alpha,city,26.0,106.0,Alpha\nB,Beta,city,26.0,107.0,Beta\nC,Gamma,county,26.0,108.0,Beta\nD,Delta,city,26.0,109.0,Delta\n"
        s.toml = "[scenario]\nname = \"small\"\nprovince = \"Testland\"\n[placement]\nobjective = \"least-cost\"\n"
        s.policies = header + policies
        return s
    }

    @Test(arguments: [
        // unknown scope: a city no node belongs to, a node not in nodes.csv, another province
        ("beta,operating_subsidy,city,Betta,2025,2027,6,CNY/kg,,,REPORTED,x\n", ["policies.csv:2", "row 1", "field \"scope\"", "unknown scope", "did you mean \"Beta\"?"]),
        ("n,operating_subsidy,nodes,B;Q,2025,2027,6,CNY/kg,,,REPORTED,x\n", ["policies.csv:2", "row 1", "field \"scope\"", "unknown scope", "\"Q\""]),
        ("p,income_tax_rate,province,Elsewhere,2025,2030,15,%,,,REPORTED,x\n", ["policies.csv:2", "field \"scope\"", "unknown scope", "Testland"]),
        // end before start
        ("b,operating_subsidy,city,Beta,2027,2025,6,CNY/kg,,,REPORTED,x\n", ["policies.csv:2", "row 1", "field \"end_year\"", "ends (2025) before it starts (2027)"]),
        // negative rate
        ("b,operating_subsidy,city,Beta,2025,2027,-6,CNY/kg,,,REPORTED,x\n", ["policies.csv:2", "row 1", "field \"rate\"", "negative"]),
        // overlapping rows of the same measure and scope
        ("b1,operating_subsidy,city,Beta,2025,2027,6,CNY/kg,,,REPORTED,x\nb2,operating_subsidy,city,Beta,2027,2029,4,CNY/kg,,,ESTIMATE,y\n",
         ["policies.csv:3", "row 2", "field \"start_year\"", "overlaps \"b1\" (row 1)", "2027–2027"]),
        // a rate in the wrong unit, an unknown measure
        ("t,income_tax_rate,province,Testland,2025,2030,0.15,CNY/kg,,,REPORTED,x\n", ["policies.csv:2", "field \"unit\"", "given in %"]),
        ("t,income_tax,province,Testland,2025,2030,15,%,,,REPORTED,x\n", ["policies.csv:2", "field \"measure\"", "unknown measure", "income_tax_rate, vat_refund"]),
    ])
    func badPolicyRowsAreRefusedWithFileRowAndField(rows: String, mentions: [String]) throws {
        let folder = TemporaryFolder()
        let dir = Self.scenario(policies: rows).write(to: folder)
        for command in [["run", dir, "--out", folder.file("out")], ["validate", dir]] {
            let result = try CLI.run(command, in: folder)
            #expect(result.exitCode == 65, "\(command[0]): \(result.stderr)")
            for m in mentions { #expect(result.stderr.contains(m), "\(command[0]): expected \(m) in \(result.stderr)") }
            #expect(result.stderr.contains("Fix:"))
        }
        #expect(!folder.listing.contains("out"))
    }

    /// Two rows of one measure and scope that follow each other are fine; the same measure at
    /// another scope stacks.
    @Test func adjacentRowsAndOtherScopesAreAccepted() throws {
        let folder = TemporaryFolder()
        let dir = Self.scenario(policies: "b1,operating_subsidy,city,Beta,2025,2026,6,CNY/kg,,,REPORTED,x\n"
            + "b2,operating_subsidy,city,Beta,2027,2029,4,CNY/kg,,,ESTIMATE,y\n"
            + "c,operating_subsidy,nodes,C,2025,2026,2,CNY/kg,,,ESTIMATE,z\n").write(to: folder)
        let result = try CLI.run(["run", dir, "--out", folder.file("out"), "--quiet"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
    }

    /// A catalogue subsidy key set in a run's scenario.toml would apply everywhere: refused.
    @Test func catalogueSubsidyKeyInARunIsRefused() throws {
        var s = Self.scenario(policies: "b,operating_subsidy,city,Beta,2025,2027,6,CNY/kg,,,REPORTED,x\n")
        s.toml += "[policy]\noperating_subsidy_initial_cny_per_kg = 9\n"
        let folder = TemporaryFolder()
        let dir = s.write(to: folder)
        let result = try CLI.run(["run", dir, "--out", folder.file("out")], in: folder)
        #expect(result.exitCode == 65, "\(result.stderr)")
        #expect(result.stderr.contains("scenario.toml:7") && result.stderr.contains("policy.operating_subsidy_initial_cny_per_kg")
                && result.stderr.contains("policies.csv"), "\(result.stderr)")
    }

    /// Acceptance: the committed Zhejiang cash flows pay an operating subsidy only at nodes of
    /// Jiaxing city (nodes.csv column city) and only in the calendar years of a Jiaxing row of
    /// policies.csv, at that row's rate; everywhere else the column is zero.
    @Test func zhejiangPaysTheJiaxingSubsidyOnlyInItsScopeAndYears() throws {
        let root = CLI.packageRoot
        func table(_ path: String) throws -> CSVRows {
            CSVRows(try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
        let nodes = try table("Models/zhejiang-2025/nodes.csv")
        let jiaxing = Set(nodes.rows.filter { $0[nodes.column("city")!] == "Jiaxing" }.map { $0[0] })
        #expect(jiaxing == ["ZJ_JX", "ZJ_JS", "ZJ_PH", "ZJ_HY", "ZJ_TX"])
        let policies = try table("Models/zhejiang-2025/policies.csv")
        var rateByYear: [Int: Double] = [:]
        for row in policies.rows where row[policies.column("measure")!] == "operating_subsidy" && row[policies.column("scope")!] == "Jiaxing" {
            for year in Int(row[policies.column("start_year")!])!...Int(row[policies.column("end_year")!])! {
                rateByYear[year] = Double(row[policies.column("rate")!])!
            }
        }
        let cash = try table("Results/zhejiang-2025/cashflow.csv")
        let node = cash.column("node")!, year = cash.column("calendar_year")!, kg = cash.column("kg")!, paid = cash.column("operating_subsidy_cny")!
        var paidRows = 0, paidNodes: Set<String> = []
        for row in cash.rows {
            let subsidy = Double(row[paid])!
            guard let y = Int(row[year]), jiaxing.contains(row[node]), let rate = rateByYear[y] else {
                #expect(subsidy == 0, "\(row[node]) \(row[year]): operating subsidy \(subsidy) outside Jiaxing's scope or years")
                continue
            }
            #expect(abs(subsidy - rate * Double(row[kg])!) <= 1e-6 * subsidy, "\(row[node]) \(y)")
            paidRows += 1
            paidNodes.insert(row[node])
        }
        let stations = try table("Results/zhejiang-2025/stations.csv")
        let jiaxingStations = Set(stations.values("node")).intersection(jiaxing)
        print("Zhejiang: operating subsidy paid in \(paidRows) station-years at \(paidNodes.sorted()); Jiaxing stations \(jiaxingStations.sorted()), years \(rateByYear.keys.sorted())")
        #expect(paidNodes == jiaxingStations && !paidNodes.isEmpty)
    }

    /// Guizhou's Western-Development rate: 15 % in 2025–2030, the general 25 % from 2031.
    @Test func guizhouUsesTheWesternDevelopmentRateInItsYears() throws {
        let cash = CSVRows(try String(contentsOf: CLI.packageRoot.appendingPathComponent("Results/guizhou-2025/cashflow.csv"), encoding: .utf8))
        let year = cash.column("calendar_year")!, rate = cash.column("income_tax_rate_pct")!
        for row in cash.rows {
            guard let y = Int(row[year]) else { continue }
            #expect(Double(row[rate]) == (y <= 2030 ? 15 : 25), "\(row[0]) \(y)")
        }
    }

    /// stations.csv at --retail-price: NPV rises with the price, is positive exactly where the
    /// break-even is below the price, and summary.csv counts those stations.
    @Test func retailPriceColumns() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["run", "Models/zhejiang-2025", "--out", folder.file("out"), "--quiet", "--retail-price", "33"],
                                 inDirectory: CLI.packageRoot.path, timeout: 120)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let stations = CSVRows(String(decoding: folder.read("out/stations.csv") ?? [], as: UTF8.self))
        let summary = CSVRows(String(decoding: folder.read("out/summary.csv") ?? [], as: UTF8.self))
        var profitable = 0
        for row in stations.rows {
            let r = Dictionary(uniqueKeysWithValues: zip(stations.header, row))
            let npv = Double(r["npv_at_retail_cny"]!)!, breakEven = Double(r["break_even_cny_per_kg"]!)!
            #expect((npv > 0) == (breakEven < 33), "\(r["node"]!): NPV \(npv) at 33 with break-even \(breakEven)")
            if let irr = Double(r["irr_at_retail_pct"]!) { #expect((irr > 8) == (npv > 0), "\(r["node"]!): IRR \(irr)") }
            if npv > 0 { profitable += Int(r["stations"]!)! }
            #expect(r["payback_years_at_retail"]!.isEmpty == (npv < 0), "\(r["node"]!)")
        }
        #expect(summary.values("retail_price_cny_per_kg") == ["33"])
        #expect(summary.values("stations_profitable_at_retail") == ["\(profitable)"])
        let bad = try CLI.run(["run", "Models/zhejiang-2025", "--out", folder.file("x"), "--retail-price", "-1"], inDirectory: CLI.packageRoot.path)
        #expect(bad.exitCode == 64)
    }

    /// At a station's own break-even price stations.csv gives NPV 0 and IRR = the required
    /// return (finance.discount_rate_pct, 8 %) for that station.
    @Test(arguments: ["ZJ_JX", "ZJ_ZS"])
    func npvIsZeroAndIRRIsTheRequiredReturnAtTheBreakEven(_ site: String) throws {
        let committed = CSVRows(try String(contentsOf: CLI.packageRoot.appendingPathComponent("Results/zhejiang-2025/stations.csv"), encoding: .utf8))
        let breakEven = try #require(committed.row(where: "node", is: site)?["break_even_cny_per_kg"])
        let folder = TemporaryFolder()
        let result = try CLI.run(["run", "Models/zhejiang-2025", "--out", folder.file("out"), "--quiet", "--retail-price", breakEven],
                                 inDirectory: CLI.packageRoot.path, timeout: 120)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let row = try #require(CSVRows(String(decoding: folder.read("out/stations.csv") ?? [], as: UTF8.self)).row(where: "node", is: site))
        let npv = try #require(Double(row["npv_at_retail_cny"]!)), irr = try #require(Double(row["irr_at_retail_pct"]!))
        let capex = try #require(Double(row["capex_per_station_mcny"]!)) * 1e6
        print("\(site) at its break-even \(breakEven) CNY/kg: NPV \(npv) CNY (capex \(capex)), IRR \(irr) % (required 8 %)")
        // The price is written to 0.0001 CNY/kg: the NPV at it is zero to half a step on every
        // kg sold (first-period throughput × 365 × 20 years bounds the kg).
        let kg = try #require(Double(row["throughput_kg_per_day"]!)) * 365 * 20
        #expect(abs(npv) <= 0.00005 * kg, "capex \(capex)")
        #expect(abs(irr - 8) <= 1e-3)
    }

    /// The sensitivity engine re-costs each station with its own policy schedule: the committed
    /// Guizhou tornado's baseline is the committed run's network average (15 % tax included).
    @Test func tornadoBaselineIsTheRunsNetworkAverage() throws {
        let root = CLI.packageRoot
        let tornado = CSVRows(try String(contentsOf: root.appendingPathComponent("Results/guizhou-2025-tornado/tornado.csv"), encoding: .utf8))
        let summary = CSVRows(try String(contentsOf: root.appendingPathComponent("Results/guizhou-2025/summary.csv"), encoding: .utf8))
        let baseline = try #require(Double(tornado.values("baseline_cny_per_kg").first ?? ""))
        let average = try #require(Double(summary.values("network_average_cny_per_kg").first ?? ""))
        print("Guizhou: tornado baseline \(baseline), run network average \(average) CNY/kg")
        #expect(abs(baseline - average) <= 1e-6 * average)
    }
}

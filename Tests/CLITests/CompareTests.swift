// `cost --compare`: every compatible production/delivery pair, cheapest first, each row
// itemised and equal to the single-chain run of the same pair.
import Foundation
import Testing

/// The values the binary accepts for an enum option, read from its own refusal of a bad value
/// ("Please provide one of the following:" then one `  - value` line each).
func acceptedValues(of option: String) throws -> [String] {
    let result = try CLI.run(["cost", option, "?"])
    return result.stderr.split(separator: "\n")
        .filter { $0.hasPrefix("  - ") }
        .map { String($0.dropFirst(4)) }
}

/// The pairing rule, stated independently of the model: on-site electrolysis and no delivery
/// go only together; a carrier's tanker and its station pathway (`X-...-station` with
/// `X-tanker`: ammonia, methanol, LOHC) go only together.
func isCompatible(_ production: String, _ delivery: String) -> Bool {
    if (production == "onsite-electrolysis") != (delivery == "none") { return false }
    if delivery.hasSuffix("-tanker") {
        let carrier = delivery.dropLast("-tanker".count)
        return production.hasPrefix(carrier + "-") && production.hasSuffix("-station")
    }
    if production.hasSuffix("-station") { return false }
    return true
}

@Suite("cost --compare")
struct CompareTests {
    @Test(arguments: ["guizhou-2025", "zhejiang-2025"], ["proforma", "annuity"])
    func everyCompatiblePairIsRankedCheapestFirst(_ scenario: String, finance: String) throws {
        let productions = try acceptedValues(of: "--production")
        let deliveries = try acceptedValues(of: "--delivery")
        #expect(productions.count >= 9 && deliveries.count >= 7, "\(productions) \(deliveries)")
        let compatible = Set(productions.flatMap { p in deliveries.filter { isCompatible(p, $0) }.map { "\(p) + \($0)" } })

        let result = try CLI.run(["cost", "--scenario", CLI.model(scenario), "--compare", "--finance", finance, "--quiet"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let csv = CSVRows(result.stdout)
        #expect(Array(csv.header.prefix(5)) == ["rank", "production", "delivery", "total_cny_per_kg", "co2_kg_per_kg"])
        #expect(Array(csv.header.dropFirst(5)) == costItems.map { $0 + "_cny_per_kg" })

        let pairs = csv.rows.map { "\($0[1]) + \($0[2])" }
        #expect(csv.rows.count == compatible.count, "rows \(csv.rows.count), compatible pairs \(compatible.count)")
        #expect(Set(pairs) == compatible, "missing \(compatible.subtracting(pairs)), extra \(Set(pairs).subtracting(compatible))")
        #expect(Set(pairs).count == pairs.count, "a pair is listed twice")
        #expect(csv.values("rank") == (1...csv.rows.count).map(String.init))

        let totals = csv.values("total_cny_per_kg").map { Double($0) ?? .nan }
        #expect(zip(totals, totals.dropFirst()).allSatisfy { $0 <= $1 }, "totals not ascending: \(totals)")
        for (row, total) in zip(csv.rows, totals) {
            let items = row.dropFirst(5).map { Double($0) ?? .nan }
            #expect(items.count == costItems.count)
            #expect(abs(items.reduce(0, +) - total) <= 0.00005 * Double(items.count + 1), "\(row[1]) + \(row[2])")  // cells to 0.0001
            if finance == "annuity" { #expect(items[costItems.firstIndex(of: "taxes")!] == 0) }
        }
    }

    /// 49 with three carriers (9 central productions × 5 hydrogen deliveries + on-site
    /// electrolysis + 3 carrier station pathways, each with its tanker).
    @Test func compatiblePairCountMatchesTheEnums() throws {
        let productions = try acceptedValues(of: "--production")
        let deliveries = try acceptedValues(of: "--delivery")
        let count = productions.flatMap { p in deliveries.filter { isCompatible(p, $0) } }.count
        let special = ["onsite-electrolysis"] + productions.filter { $0.hasSuffix("-station") }
        #expect(special.count == 4, "\(special)")
        let central = productions.filter { !special.contains($0) }.count
        let hydrogenDeliveries = deliveries.filter { $0 != "none" && !$0.hasSuffix("-tanker") }.count
        #expect(count == central * hydrogenDeliveries + special.count)
    }

    /// Each compared row is the same number the single-chain command gives for that pair.
    @Test func rowsEqualSingleChainRuns() throws {
        let scenario = CLI.model("zhejiang-2025")
        let compare = CSVRows(try CLI.run(["cost", "--scenario", scenario, "--compare", "--quiet"]).stdout)
        #expect(!compare.rows.isEmpty)
        for row in compare.rows {
            let single = try CLI.run(["cost", "--scenario", scenario, "--production", row[1], "--delivery", row[2], "--quiet"])
            let itemised = ItemisedCSV(single.stdout)
            #expect(single.exitCode == 0, "\(row[1]) + \(row[2]): \(single.stderr)")
            #expect(row[3] == (CSVRows(single.stdout).row(where: "item", is: "total")?["cny_per_kg"] ?? ""),
                    "\(row[1]) + \(row[2]): compare \(row[3]), single \(itemised.total)")
            #expect(row[4] == (CSVRows(single.stdout).row(where: "item", is: "total")?["co2_kg_per_kg"] ?? ""),
                    "\(row[1]) + \(row[2]): compare CO2 \(row[4]), single \(itemised.co2Total)")
        }
    }

    @Test func compareOutFileMatchesStdoutAndFailureWritesNothing() throws {
        let scenario = CLI.model("guizhou-2025")
        let folder = TemporaryFolder()
        let toStdout = try CLI.run(["cost", "--scenario", scenario, "--compare", "--quiet"])
        let toFile = try CLI.run(["cost", "--scenario", scenario, "--compare", "--quiet", "--out", "compare.csv"], in: folder)
        #expect(toFile.exitCode == 0 && toFile.stdoutBytes.isEmpty)
        #expect(folder.read("compare.csv") == toStdout.stdoutBytes)

        let failed = TemporaryFolder()
        let bad = try CLI.run(["cost", "--scenario", scenario, "--compare", "--out", "compare.csv",
                               "--set", "electricity.grid_price_cny_per_kwh=-1"], in: failed)
        #expect(bad.exitCode == 64)
        #expect(failed.listing.isEmpty)
    }
}

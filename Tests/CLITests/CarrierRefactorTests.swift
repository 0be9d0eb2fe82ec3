// Ammonia through the `Carrier` type (issue 13) costs exactly what it cost before: the cost
// columns of `cost` and `cost --compare` for every ammonia chain equal, byte for byte, what the
// binary of commit 79c3532 wrote (Fixtures/ammonia-before-carriers). The committed flagship
// results, which offer the Guizhou ammonia hub to the planner, are checked by RunTests.
import Foundation
import Testing

@Suite("carrier refactor")
struct CarrierRefactorTests {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/ammonia-before-carriers")

    static let commands: [(file: String, arguments: [String])] = {
        let text = (try? String(contentsOf: fixtures.appendingPathComponent("commands.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { line in
            let words = line.split(separator: " ").map(String.init)
            return (words[0], Array(words.dropFirst()))
        }
    }()

    /// The rows and columns that existed before, by key: a single chain's `item` rows with
    /// `cny_per_kg` and `share_pct`; a comparison's `production + delivery` rows (pathways that
    /// existed before) with every column that existed before except the rank, which new
    /// carriers may move.
    static func oldCells(_ csv: CSVRows, oldHeader: [String]) -> [String: [String]] {
        var cells: [String: [String]] = [:]
        let keep = oldHeader.filter { $0 != "rank" && $0 != "item" && $0 != "production" && $0 != "delivery" }
        for row in csv.rows {
            let key = csv.column("item").map { row[$0] } ?? "\(row[csv.column("production")!]) + \(row[csv.column("delivery")!])"
            cells[key] = keep.map { row[csv.column($0)!] }
        }
        return cells
    }

    @Test func ammoniaChainsCostExactlyWhatTheyCostBefore() throws {
        #expect(Self.commands.count == 9)
        for (file, arguments) in Self.commands {
            let golden = CSVRows(try String(contentsOf: Self.fixtures.appendingPathComponent(file), encoding: .utf8))
            let result = try CLI.run(arguments, inDirectory: CLI.packageRoot.path)
            #expect(result.exitCode == 0, "\(file): \(result.stderr)")
            let fresh = CSVRows(result.stdout)
            let before = Self.oldCells(golden, oldHeader: golden.header)
            let now = Self.oldCells(fresh, oldHeader: golden.header)
            #expect(before.count >= 11, "\(file): \(before.count) rows in the fixture")
            for (key, cells) in before {
                #expect(now[key] == cells, "\(file) \(key): now \(now[key] ?? []), before \(cells)")
            }
            // Only new carriers' rows are added.
            for key in Set(now.keys).subtracting(before.keys) {
                #expect(key.contains("methanol") || key.contains("lohc") || key == "co2", "\(file): unexpected new row \(key)")
            }
        }
    }
}

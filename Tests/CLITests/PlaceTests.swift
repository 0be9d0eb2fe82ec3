// `place` (network-only FRLM, DESIGN §4) on instances whose optimum is worked out by hand.
import Foundation
import Testing

@Suite("place")
struct PlaceTests {
    /// A —100— B —100— C, range 250. A round trip A→C→A starting at A with half a tank (125 km)
    /// reaches B, refuels to 250, reaches C and returns through B: covered by a station at B. A
    /// station at A alone leaves 400 km without fuel. So with one station the optimum is B,
    /// covering both flows (13 of 13).
    static func line(_ folder: TemporaryFolder, flows: String = "origin,destination,volume\nA,C,10\nA,B,3\n") -> [String] {
        let n = folder.write("nodes.csv", "id\nA\nB\nC\n")
        let e = folder.write("edges.csv", "from,to,km\nA,B,100\nB,C,100\n")
        let f = folder.write("flows.csv", flows)
        return ["place", "--nodes", n, "--edges", e, "--flows", f, "--range-km", "250"]
    }

    @Test func oneStationOnALineByHand() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(Self.line(folder) + ["--stations", "1", "--out", folder.file("out")], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(String(decoding: folder.read("out/stations.csv") ?? [], as: UTF8.self) == "node\nB\n")
        let summary = CSVRows(String(decoding: folder.read("out/summary.csv") ?? [], as: UTF8.self))
        #expect(summary.values("total_flow") == ["13"])
        #expect(summary.values("covered_flow") == ["13"])
        #expect(summary.values("covered_pct") == ["100"])
        #expect(summary.values("status") == ["optimal"])
        // Range 150: from A with half a tank (75 km) B is out of reach; with the station at A the
        // vehicle leaves full (150 km) but cannot come back from B (200 km). Nothing is covered.
        let short = try CLI.run(Array(Self.line(folder).dropLast()) + ["150", "--stations", "1", "--out", folder.file("short")], in: folder)
        #expect(short.exitCode == 0)
        let s2 = CSVRows(String(decoding: folder.read("short/summary.csv") ?? [], as: UTF8.self))
        #expect(s2.values("covered_flow") == ["0"])
    }

    /// With the edge split every 50 km, the points are candidates: still an optimal answer, and
    /// never less coverage than with nodes only.
    @Test func splitPointsAreCandidates() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(Self.line(folder) + ["--stations", "1", "--split-km", "50", "--out", folder.file("out")], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let summary = CSVRows(String(decoding: folder.read("out/summary.csv") ?? [], as: UTF8.self))
        #expect(summary.values("covered_flow") == ["13"])
    }

    @Test(arguments: [
        ("origin,destination,volume\nA,Z,10\n", "flows.csv:2", 65),
        ("origin,destination,volume\nA,A,10\n", "flows.csv:2", 65),
        ("origin,destination,volume\nA,C,ten\n", "flows.csv:2", 65),
        ("origin,destination\nA,C\n", "volume", 65),
    ])
    func badFlowsAreNamed(flows: String, place: String, code: Int32) throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(Self.line(folder, flows: flows) + ["--stations", "1", "--out", folder.file("out")], in: folder)
        #expect(result.exitCode == code, "\(result.stderr)")
        #expect(result.stderr.contains(place), "\(result.stderr)")
        #expect(!folder.listing.contains("out"))
    }

    @Test func usageErrorsAndNoOverwrite() throws {
        let folder = TemporaryFolder()
        #expect(try CLI.run(Self.line(folder) + ["--stations", "0", "--out", folder.file("o")], in: folder).exitCode == 64)
        #expect(try CLI.run(Self.line(folder) + ["--stations", "5", "--out", folder.file("o")], in: folder).exitCode == 64)
        #expect(try CLI.run(Self.line(folder) + ["--stations", "1", "--out", folder.file("o")], in: folder).exitCode == 0)
        let again = try CLI.run(Self.line(folder) + ["--stations", "1", "--out", folder.file("o")], in: folder)
        #expect(again.exitCode == 64 && again.stderr.contains("--force"))
    }
}

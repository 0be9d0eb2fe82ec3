// Seeded fuzzing of the scenario loader (issue 12): the Guizhou scenario's files mutated the
// way a careless edit or a hostile file would (bytes cut, duplicated or inserted; quotes,
// separators, line breaks, absurd numbers, huge cells), loaded and table-checked in process.
// Every case must end — no crash, none over 2 s — and every failure must be a data or usage
// error whose problems each name a file and a place in it (line, row or field).
import Foundation
import H2Model
import H2Numerics
import Testing
@testable import H2IO

/// The number of cases, from H2_FUZZ_CASES (10,000 is the intended CI figure). Opt-in for now:
/// on the debug build a case takes about 0.1 s, and a first run met cases of 20–40 s (under a
/// concurrent build) that are still to be pinned down, so the default suite does not run it.
let fuzzCases = Int(ProcessInfo.processInfo.environment["H2_FUZZ_CASES"] ?? "") ?? 0

/// One mutation of `bytes`, chosen by `g`.
func mutate(_ bytes: [UInt8], _ g: RandomGenerator) -> [UInt8] {
    func pick(_ n: Int) -> Int { min(n - 1, Int(g.uniformPositive() * Double(n))) }
    var b = bytes
    let tokens: [String] = [",", "\"", "\n", "\r\n", "=", "[", "]", "{", "}", "#", "1e308", "-1e308", "nan", "inf", "-0", "0", "-1",
                            "1e-9", "210.5", "\u{FEFF}", "\u{0}", "贵", "\u{FFFD}", "x = 1", "[placement]", "design_year = 0",
                            String(repeating: "A", count: 300), String(repeating: "9", count: 400), "\"\"\"", "'", "\\"]
    let position = b.isEmpty ? 0 : pick(b.count + 1)
    switch pick(8) {
    case 0 where !b.isEmpty:  // cut a run of bytes
        let end = min(b.count, position + 1 + pick(40))
        if position < end { b.removeSubrange(position..<end) }
    case 1:  // insert a token
        b.insert(contentsOf: Array(tokens[pick(tokens.count)].utf8), at: position)
    case 2 where !b.isEmpty:  // flip one byte to a random value (may break UTF-8)
        b[min(position, b.count - 1)] = UInt8(pick(256))
    case 3 where !b.isEmpty:  // duplicate a run (a line pasted twice)
        let end = min(b.count, position + 1 + pick(200))
        if position < end { b.insert(contentsOf: b[position..<end], at: position) }
    case 4:  // truncate
        b = Array(b.prefix(position))
    case 5 where !b.isEmpty:  // replace a digit run by an absurd number
        if let i = b[position...].firstIndex(where: { (0x30...0x39).contains($0) }) {
            var j = i
            while j < b.count, (0x30...0x39).contains(b[j]) || b[j] == 0x2E { j += 1 }
            b.replaceSubrange(i..<j, with: Array(["1e308", "-5", "0", "1e-9", "99999999999", "nan", "210.5", "0.01"][pick(8)].utf8))
        }
    case 6:  // a huge cell
        b.insert(contentsOf: Array(String(repeating: "Z", count: 20_000 + pick(50_000)).utf8), at: position)
    default:  // swap two lines
        var lines = b.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.count > 2 {
            let i = pick(lines.count), j = pick(lines.count)
            lines.swapAt(i, j)
            b = Array(lines.joined(separator: [0x0A]))
        }
    }
    return b
}

@Suite("scenario loader fuzzing")
struct ScenarioFuzzTests {
    @Test(.enabled(if: fuzzCases > 0, "set H2_FUZZ_CASES=10000 to run"))
    func mutatedScenarioFilesFailWithALocationAndNeverCrashOrHang() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Models/guizhou-2025").path
        let folder = scratchFolder() + "/gz"
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        try FileManager.default.copyItem(atPath: source, toPath: folder)
        let files = ["scenario.toml", "nodes.csv", "edges.csv", "fleets.csv", "sources.csv", "vehicle_classes.csv", "candidates.csv"]
        let originals = Dictionary(uniqueKeysWithValues: try files.map { ($0, Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)))) })
        let g = RandomGenerator(seed: 12, stream: 0)
        var failures = 0, slowest = 0.0
        var unlocated: [String] = []
        let started = Date()
        for n in 0..<fuzzCases {
            let file = files[min(files.count - 1, Int(g.uniformPositive() * Double(files.count)))]
            var bytes = originals[file]!
            for _ in 0..<(1 + Int(g.uniformPositive() * 3)) { bytes = mutate(bytes, g) }
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + file))
            let caseStart = Date()
            do {
                var scenario = try ScenarioLoader.load(directory: folder)
                _ = try ScenarioLoader.loadPlanning(directory: folder, scenario: &scenario)
            } catch .data(let errors) {
                failures += 1
                for e in errors.errors where e.file.isEmpty || (e.line == nil && e.row == nil && e.field == nil) {
                    unlocated.append("case \(n) (\(file)): \(e)")
                }
            } catch .usage(let message) {
                failures += 1
                if message.isEmpty { unlocated.append("case \(n) (\(file)): empty usage message") }
            }
            let seconds = Date().timeIntervalSince(caseStart)
            slowest = max(slowest, seconds)
            if seconds >= 2 {
                Issue.record("case \(n) (\(file)) took \(seconds) s")
                try Data(bytes).write(to: URL(fileURLWithPath: NSTemporaryDirectory() + "h2-fuzz-slow-\(n)-\(file)"))
            }
            try Data(originals[file]!).write(to: URL(fileURLWithPath: folder + "/" + file))
        }
        print("fuzz: \(fuzzCases) cases, \(failures) refused, slowest \(String(format: "%.3f", slowest)) s, total \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        #expect(failures > fuzzCases / 4, "the mutations should break most files")
        #expect(unlocated.isEmpty, "\(unlocated.count) problems without a location, e.g. \(unlocated.prefix(5))")
    }
}

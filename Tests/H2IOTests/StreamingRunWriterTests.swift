// The streamed sensitivity outputs (issue 12) against the in-memory path that wrote them
// before: for the same record, byte for byte the same files; the temporary folder's life
// cycle; linear-time label fitting with the cut of the old one-character-at-a-time loop.
import Foundation
import H2Model
import H2Numerics
import Testing
@testable import H2IO

/// A fresh empty folder under the system temporary folder.
func scratchFolder() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("h2io-stream-\(UUID().uuidString)").path
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A montecarlo-shaped record of `rows` samples with numbers as the model writes them
/// (shortest round-trip text), a few outputs missing, seeded.
func syntheticMonteCarloRecord(rows: Int, bom: Bool) -> SensitivityRecord {
    let outputs = ["network_average_cny_per_kg", "station_A_cny_per_kg"]
    let parameters: [JSONValue] = ["a.x", "b.y", "c.z", "d.w", "e.v"].map { key in
        .object([JSONMember("key", .string(key)), JSONMember("unit", "u"), JSONMember("distribution", "uniform"), JSONMember("low", 0), JSONMember("high", 100)])
    }
    let json: JSONValue = .object([
        JSONMember("tool", "h2corridor"), JSONMember("version", "0"), JSONMember("command", "montecarlo"), JSONMember("scenario", "synthetic"),
        JSONMember("scenario_title", "Synthetic"), JSONMember("scenario_folder", "none"), JSONMember("price_year", 2024), JSONMember("inputs", []),
        JSONMember("overrides", []), JSONMember("depth", "fixed-placement"),
        JSONMember("base_plan", .object([JSONMember("status", "optimal"), JSONMember("stations", 1), JSONMember("network_average_cny_per_kg", 35.5)])),
        JSONMember("libraries", .object([])), JSONMember("samples", .integer(rows)), JSONMember("seed", "42"), JSONMember("sampler", "mt"),
        JSONMember("parameters", .array(parameters)), JSONMember("outputs", .array(outputs.map(JSONValue.string))),
        JSONMember("bom", .bool(bom)), JSONMember("rows", .integer(rows)),
    ])
    let fingerprint = try! json.decoded(as: SensitivityFingerprint.self)
    let generator = RandomGenerator(seed: 42, stream: 0)
    var table: [SensitivityRow] = []
    for i in 0..<rows {
        let inputs = (0..<5).map { _ in Optional(generator.uniformPositive() * 100) }
        let price = 30 + 10 * generator.uniformPositive()
        let station = i % 997 == 5 ? nil : price * 1.1
        table.append(SensitivityRow(labels: [String(i)], values: inputs + [i % 1009 == 7 ? nil : price, station]))
    }
    return SensitivityRecord(fingerprint: fingerprint, header: ["sample", "a.x", "b.y", "c.z", "d.w", "e.v"] + outputs, rows: table)
}

@Suite("streamed sensitivity outputs")
struct StreamingRunWriterTests {
    @Test(arguments: [false, true])
    func tenThousandStreamedRowsWriteTheBytesOfTheInMemoryPath(_ bom: Bool) throws {
        let record = syntheticMonteCarloRecord(rows: 10_000, bom: bom)
        let expected = try SensitivityOutputs.files(for: record)
        let root = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = try StreamingRunWriter(directory: root + "/run", force: false)
        let rows = try writer.rows("samples.csv", header: record.header, withBOM: bom,
                                   keeping: SensitivityOutputs.keptColumns(record.fingerprint))
        for row in record.rows { try rows.append(row.cells(header: record.header, outputs: Set(record.fingerprint.outputs))) }
        try writer.added(rows)
        try SensitivityOutputs.commitStreamed(record.fingerprint, rows: rows, to: writer)
        try writer.commit()
        let written = try FileManager.default.contentsOfDirectory(atPath: root + "/run").sorted()
        #expect(written == expected.map(\.name).sorted(), "no side files or other extras are left")
        for file in expected {
            let bytes = FileManager.default.contents(atPath: root + "/run/" + file.name).map(Array.init)
            #expect(bytes == file.bytes, "\(file.name) differs from the in-memory path")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["run"], "the temporary folder is gone")
    }

    @Test func aShardRecordsTheSHA256OfItsRows() throws {
        let record = syntheticMonteCarloRecord(rows: 30, bom: false)
        let files = try SensitivityOutputs.shardFiles(for: SensitivityRecord(fingerprint: record.fingerprint, header: record.header,
                                                                              rows: Array(record.rows[10..<20])), shard: ShardSpec(index: 2, count: 3))
        let info = try JSONValue.parse(String(decoding: files[1].bytes, as: UTF8.self))
        #expect(info["shard"]?["rows_sha256"]?.stringValue == SHA256.hexDigest(files[0].bytes))
    }

    @Test func anAbandonedRunLeavesNothing() throws {
        let root = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            let writer = try StreamingRunWriter(directory: root + "/run", force: false)
            let rows = try writer.rows("x.csv", header: ["a"], withBOM: false)
            try rows.append(["1"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: root).count == 1, "the temporary folder exists while the run writes")
        }  // the writer goes away without commit, as when a command throws
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
    }

    @Test func aFolderThatAppearsDuringTheRunIsTheSameErrorAsAtTheStart() throws {
        let root = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = try StreamingRunWriter(directory: root + "/run", force: false)
        try writer.add("a.txt", bytes: Array("x".utf8))
        try FileManager.default.createDirectory(atPath: root + "/run", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/run/other.txt", contents: Data("y".utf8))
        do { try writer.commit(); Issue.record("commit over a new folder succeeded") } catch {
            #expect(error.kind == .alreadyExists)
        }
        do { _ = try StreamingRunWriter(directory: root + "/run", force: false); Issue.record("start over a folder succeeded") } catch {
            #expect(error.kind == .alreadyExists)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["run"])
    }

    @Test func aSetAsideFolderOfADeadRunIsPutBackWhenTheRunFolderIsMissing() throws {
        let root = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Died between "run → .run.old-PID" and ".run.tmp-PID → run": the old results are whole.
        try FileManager.default.createDirectory(atPath: root + "/.run.old-999998", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/.run.old-999998/summary.csv", contents: Data("old".utf8))
        try FileManager.default.createDirectory(atPath: root + "/.run.tmp-999998", withIntermediateDirectories: true)
        TemporaryFolders.removeStale(parent: root, name: "run")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["run"])
        #expect(FileManager.default.contents(atPath: root + "/run/summary.csv") == Data("old".utf8))
    }

    @Test func anUnwritableParentIsNotWritableAtTheStart() throws {
        let root = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = FileManager.default.createFile(atPath: root + "/file", contents: Data())
        do { _ = try StreamingRunWriter(directory: root + "/file/run", force: false); Issue.record("accepted") } catch {
            #expect(error.kind == .notWritable)
        }
        do { _ = try RunWriter(directory: root + "/file/run"); Issue.record("accepted") } catch {
            #expect(error.kind == .notWritable)
        }
    }
}

/// The fitting loop as it was: drop one character, re-measure (quadratic), as the reference.
func fittedByTrimming(_ text: String, width: Double, fontSize: Double) -> String {
    guard estimatedTextWidth(text, fontSize: fontSize) > width else { return text }
    var scalars = Array(text.unicodeScalars)
    while !scalars.isEmpty {
        scalars.removeLast()
        let candidate = String(String.UnicodeScalarView(scalars)) + "…"
        if estimatedTextWidth(candidate, fontSize: fontSize) <= width { return candidate }
    }
    return "…"
}

@Suite("label fitting")
struct LabelFittingTests {
    @Test func theOnePassCutIsTheTrimmingLoopsCut() {
        let generator = RandomGenerator(seed: 9, stream: 0)
        let alphabet = Array("abcdefgh ABC-12.贵州遵义市（）…".unicodeScalars)
        for _ in 0..<2000 {
            let length = Int(generator.uniformPositive() * 40)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int(generator.uniformPositive() * Double(alphabet.count))] }))
            let width = generator.uniformPositive() * 200, size = 8 + generator.uniformPositive() * 8
            #expect(fitted(text, width: width, fontSize: size) == fittedByTrimming(text, width: width, fontSize: size), "\(text) in \(width) at \(size)")
        }
    }

    @Test func twentyMegabytesFitInLinearTime() {
        let huge = String(repeating: "贵州", count: 3_500_000)  // 21 MB of UTF-8
        let started = Date()
        let label = fitted(huge, width: 120, fontSize: 12)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(label.hasSuffix("…") && estimatedTextWidth(label, fontSize: 12) <= 120)
    }
}

@Suite("text length limits")
struct TextLengthLimitTests {
    @Test func aNameOverTwoHundredCharactersIsRefusedWithRowAndField() throws {
        let root = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/nodes.csv"
        let ok = String(repeating: "n", count: 200), long = String(repeating: "贵", count: 201)
        try "id,name,source\nA,\(ok),\(String(repeating: "s", count: 5000))\nB,\(long),x\n".write(toFile: path, atomically: true, encoding: .utf8)
        do { _ = try CSVTable.read(from: path); Issue.record("accepted a 201-character name") } catch {
            #expect(error.row == 2 && error.field == "name" && error.message.contains("201 characters"), "\(error)")
        }
        try "id,name,note\nA,x,\(String(repeating: "s", count: 10_001))\n".write(toFile: path, atomically: true, encoding: .utf8)
        do { _ = try CSVTable.read(from: path); Issue.record("accepted a 10,001-character cell") } catch {
            #expect(error.row == 1 && error.field == "note", "\(error)")
        }
    }
}

// The typed sensitivity fingerprint (issue 11 item 10) and the translated sensitivity charts
// (issue 11 item 1): the committed manifests, read into the type and written again, give their
// own bytes (the typed value writes what the untyped JSON wrote); a value survives its own
// JSON; a shard description with a member of the wrong type is refused naming the member;
// `--lang zh` tornado and histogram charts carry the Chinese title, axis and legend words.
import Foundation
import H2Model
import Testing
@testable import H2IO

@Suite("sensitivity record")
struct SensitivityRecordTests {
    /// The manifest's fingerprint: every member but the last, the list of output files.
    static func fingerprintJSON(_ manifest: JSONValue) -> JSONValue {
        guard case .object(let members) = manifest else { return manifest }
        return .object(Array(members.dropLast()))
    }

    @Test(arguments: ["guizhou-2025-tornado", "fujian-2025-sweep"])
    func aCommittedManifestReadIntoTheTypeIsWrittenWithItsOwnBytes(_ run: String) throws {
        let path = repositoryRoot + "/Results/\(run)/manifest.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let manifest = try JSONValue.parse(text)
        let fingerprint = try Self.fingerprintJSON(manifest).decoded(as: SensitivityFingerprint.self)
        var members: [JSONMember] = []
        if case .object(let m) = try fingerprint.json() { members = m }
        guard case .object(let all) = manifest, let files = all.last else { Issue.record("not an object"); return }
        members.append(files)
        #expect(try JSONValue.object(members).rendered(pretty: true) == text)
    }

    @Test func aFingerprintSurvivesItsJSONAndTheChineseMembersAreWrittenOnlyInChinese() throws {
        let english = syntheticMonteCarloRecord(rows: 10, bom: true).fingerprint
        #expect(english.language == .en)
        let text = try english.json().rendered(pretty: true)
        #expect(!text.contains("\"language\"") && !text.contains("scenario_title_zh"))
        #expect(try JSONValue.parse(text).decoded(as: SensitivityFingerprint.self) == english)

        var chinese = english
        chinese.language = .zh
        chinese.scenarioTitleZh = "合成情景"
        let zhText = try chinese.json().rendered(pretty: true)
        #expect(zhText.contains("\"language\": \"zh\"") && zhText.contains("\"scenario_title_zh\": \"合成情景\""))
        let back = try JSONValue.parse(zhText).decoded(as: SensitivityFingerprint.self)
        #expect(back == chinese && back.title == "合成情景")
    }

    @Test func aMemberOfTheWrongTypeIsRefusedNamingIt() throws {
        let json = try syntheticMonteCarloRecord(rows: 10, bom: false).fingerprint.json()
        guard case .object(var members) = json else { Issue.record("not an object"); return }
        members = members.map { $0.key == "samples" ? JSONMember("samples", "ten") : $0 }
        #expect(throws: DecodingError.self) { try JSONValue.object(members).decoded(as: SensitivityFingerprint.self) }
        do { _ = try JSONValue.object(members).decoded(as: SensitivityFingerprint.self) } catch {
            #expect(SensitivityMerge.decodingProblem(error).contains(".samples"), "\(SensitivityMerge.decodingProblem(error))")
        }
    }

    /// A two-parameter tornado record; `language` and the Chinese title as `--lang zh` sets them.
    static func tornadoRecord(_ language: OutputLanguage) throws -> SensitivityRecord {
        var fingerprint = syntheticMonteCarloRecord(rows: 4, bom: false).fingerprint
        fingerprint.command = .tornado
        fingerprint.scenarioTitle = "Guizhou 2025"
        fingerprint.language = language
        fingerprint.scenarioTitleZh = language == .zh ? "贵州 2025" : nil
        fingerprint.settings = .tornado(.init(parameters: [
            .init(key: "electricity.grid_price_cny_per_kwh", unit: "CNY/kWh", low: 0.4, base: 0.6, high: 0.8),
            .init(key: "finance.discount_rate_pct", unit: "%", low: 6, base: 8, high: 10),
        ], outputs: [SensitivityModel.networkAverageColumn], baseline: [35]))
        let rows = [("electricity.grid_price_cny_per_kwh", "low", 0.4, 31.0), ("electricity.grid_price_cny_per_kwh", "high", 0.8, 39.0),
                    ("finance.discount_rate_pct", "low", 6, 34.0), ("finance.discount_rate_pct", "high", 10, 36.5)]
            .map { SensitivityRow(labels: [$0.0, $0.1], values: [$0.2, $0.3]) }
        return SensitivityRecord(fingerprint: fingerprint, header: ["parameter", "side", "input", SensitivityModel.networkAverageColumn], rows: rows)
    }

    static func file(_ files: [(name: String, bytes: [UInt8])], _ name: String) -> String {
        files.first { $0.name == name }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    @Test func aChineseTornadoChartHasTheChineseTitleAxisAndLegend() throws {
        let zh = Self.file(try SensitivityOutputs.files(for: try Self.tornadoRecord(.zh)), "tornado.svg")
        for words in ["贵州 2025——全网平均加注价格单因素敏感性", ">元/公斤<", "参数取低值", "参数取高值", "基准 35.00"] {
            #expect(zh.contains(words), "tornado.svg lacks \(words)")
        }
        #expect(!zh.contains(">low input<") && !zh.contains(">baseline ") && !zh.contains("Guizhou"))
        let en = Self.file(try SensitivityOutputs.files(for: try Self.tornadoRecord(.en)), "tornado.svg")
        for words in ["Guizhou 2025: network-average price, one parameter at a time", ">CNY/kg<", "low input", "high input", "baseline 35.00"] {
            #expect(en.contains(words), "tornado.svg lacks \(words)")
        }
        #expect(!en.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "an English chart has no Chinese text")
        // The CSV is the same in both languages: headers and ids stay ASCII.
        #expect(Self.file(try SensitivityOutputs.files(for: try Self.tornadoRecord(.zh)), "tornado.csv")
            == Self.file(try SensitivityOutputs.files(for: try Self.tornadoRecord(.en)), "tornado.csv"))
    }

    @Test func aChineseHistogramHasTheChineseTitleAxisAndMarkers() throws {
        var record = syntheticMonteCarloRecord(rows: 200, bom: false)
        record.fingerprint.scenarioTitle = "Guizhou 2025"
        let en = Self.file(try SensitivityOutputs.files(for: record), "histogram.svg")
        #expect(en.contains("Guizhou 2025: network-average nozzle price, 200 samples") && en.contains(">count<") && en.contains(">mean "))
        record.fingerprint.language = .zh
        record.fingerprint.scenarioTitleZh = "贵州 2025"
        let zh = Self.file(try SensitivityOutputs.files(for: record), "histogram.svg")
        for words in ["贵州 2025——全网平均加注价格，200 次抽样", ">频数<", ">元/公斤<", ">均值 ", ">P50 "] {
            #expect(zh.contains(words), "histogram.svg lacks \(words)")
        }
        #expect(!zh.contains(">count<") && !zh.contains("samples"))
    }
}

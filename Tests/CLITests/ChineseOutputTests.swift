// `--lang zh` (issue 11 item 1): the run's names come from the scenario's name_zh columns in
// every CSV with a name column, the GeoJSON layers and the SVGs; the fixed words of the charts
// from the one table in H2IO; no English word is left in a picture. A scenario may ask for zh.
import Foundation
import Testing

@Suite("chinese outputs")
struct ChineseOutputTests {
    /// name_zh of a scenario table, by id.
    static func chineseNames(_ file: String, id: String = "id") throws -> [String: String] {
        let rows = CSVRows(try String(contentsOfFile: CLI.packageRoot.appendingPathComponent(file).path, encoding: .utf8))
        return Dictionary(zip(rows.values(id), rows.values("name_zh")), uniquingKeysWith: { a, _ in a })
    }

    /// Text of every <text> element of an SVG (XML entities kept as written).
    static func texts(_ svg: String) -> [String] {
        svg.matches(of: /<text[^>]*>([^<]*)<\/text>/).map { String($0.output.1) }
    }

    @Test func guizhouInChinese() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["run", "Models/guizhou-2025", "--lang", "zh", "--out", folder.file("out"), "--no-xlsx", "--quiet"],
                                 inDirectory: CLI.packageRoot.path, timeout: 120)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let nodes = try Self.chineseNames("Models/guizhou-2025/nodes.csv")
        let sources = try Self.chineseNames("Models/guizhou-2025/sources.csv")
        func read(_ name: String) -> String { String(decoding: folder.read("out/" + name) ?? [], as: UTF8.self) }
        // Every CSV with a name column has name_zh beside it, holding the scenario's names.
        var withNames = 0
        for file in ((try? FileManager.default.contentsOfDirectory(atPath: folder.file("out"))) ?? []).sorted() where file.hasSuffix(".csv") {
            let rows = CSVRows(read(file))
            guard rows.header.contains("name") else { continue }
            withNames += 1
            #expect(rows.header.contains("name_zh"), "\(file) has a name column without name_zh")
            for (node, zh) in zip(rows.values("node"), rows.values("name_zh")) {
                #expect(!zh.isEmpty && zh == nodes[node], "\(file): \(node) has name_zh \"\(zh)\", nodes.csv says \(nodes[node] ?? "nothing")")
            }
        }
        #expect(withNames >= 2)
        // GeoJSON: stations carry name_zh; sources are named in Chinese.
        let stations = try JSONSerialization.jsonObject(with: Data(read("stations.geojson").utf8)) as! [String: Any]
        for f in stations["features"] as! [[String: Any]] {
            let p = f["properties"] as! [String: Any]
            #expect(p["name_zh"] as? String == nodes[p["node"] as! String], "\(p)")
        }
        let layer = try JSONSerialization.jsonObject(with: Data(read("sources.geojson").utf8)) as! [String: Any]
        for f in layer["features"] as! [[String: Any]] {
            let p = f["properties"] as! [String: Any]
            #expect(p["name"] as? String == sources[p["id"] as! String], "\(p)")
        }
        // The map names every station site in Chinese; the cost chart every station and the
        // cost items; the titles are the scenario's Chinese title; no English word is left
        // (units such as MPa and km aside).
        let stationRows = CSVRows(read("stations.csv"))
        let map = read("map.svg"), chart = read("cost_breakdown.svg")
        for node in Set(stationRows.values("node")) {
            #expect(map.contains(nodes[node]!), "map.svg lacks \(nodes[node]!)")
            #expect(chart.contains(nodes[node]!), "cost_breakdown.svg lacks \(nodes[node]!)")
        }
        #expect(map.contains("贵州 2025：1,000 辆燃料电池汽车") && chart.contains("贵州 2025：1,000 辆燃料电池汽车"))
        for word in ["制氢", "运输", "加氢站投资", "税费", "目标价格", "全网平均"] { #expect(chart.contains(word), "cost chart lacks \(word)") }
        for word in ["制氢路线", "加氢站规模", "G60 沪昆高速"] { #expect(map.contains(word), "map lacks \(word)") }
        for (name, svg) in [("map.svg", map), ("cost_breakdown.svg", chart)] {
            let english = Self.texts(svg).filter { $0.replacing("MPa", with: "").contains(/[A-Za-z]{3,}/) }
            #expect(english.isEmpty, "\(name) has English text: \(english)")
        }
        // The English run of the same scenario draws English: the test can fail.
        let en = try CLI.run(["run", "Models/guizhou-2025", "--out", folder.file("en"), "--no-xlsx", "--quiet"], inDirectory: CLI.packageRoot.path, timeout: 120)
        #expect(en.exitCode == 0)
        let enMap = String(decoding: folder.read("en/map.svg") ?? [], as: UTF8.self)
        #expect(Self.texts(enMap).contains { $0.contains(/[A-Za-z]{3,}/) } && !enMap.contains("制氢路线"))
    }

    /// `[scenario] language = "zh"` draws Chinese without --lang; --lang en still wins.
    @Test func theScenarioMayAskForChinese() throws {
        var s = SmallScenario()
        s.nodes = "id,name,name_zh,kind,lat,lon\nA,Alpha,甲,city,26.0,106.0\nB,Beta,乙,city,26.0,107.0\nC,Gamma,丙,city,26.0,108.0\nD,Delta,丁,city,26.0,109.0\n"
        s.toml = "[scenario]\nname = \"small\"\ntitle = \"Small\"\ntitle_zh = \"小场景\"\nlanguage = \"zh\"\n[placement]\nobjective = \"least-cost\"\n"
        let folder = TemporaryFolder()
        let dir = s.write(to: folder)
        let zh = try CLI.run(["run", dir, "--out", folder.file("zh"), "--no-xlsx", "--quiet"], in: folder)
        #expect(zh.exitCode == 0, "\(zh.stderr)")
        let map = String(decoding: folder.read("zh/map.svg") ?? [], as: UTF8.self)
        #expect(map.contains("小场景") && map.contains("制氢路线"))
        let en = try CLI.run(["run", dir, "--lang", "en", "--out", folder.file("en"), "--no-xlsx", "--quiet"], in: folder)
        #expect(en.exitCode == 0, "\(en.stderr)")
        let enMap = String(decoding: folder.read("en/map.svg") ?? [], as: UTF8.self)
        #expect(enMap.contains("Small") && !enMap.contains("制氢路线"))
        // An unknown language is named with its line.
        s.toml = s.toml.replacing("language = \"zh\"", with: "language = \"fr\"")
        let folder2 = TemporaryFolder()
        let bad = try CLI.run(["run", s.write(to: folder2), "--out", folder2.file("out")], in: folder2)
        #expect(bad.exitCode == 65 && bad.stderr.contains("scenario.language") && bad.stderr.contains("en or zh"), "\(bad.stderr)")
    }
}

// The one-pass loader: every file of a scenario is read once and hashed as read, and the whole
// typed scenario comes back from one call (issue 10).
import Foundation
import H2IO
import H2Model
import Testing

@Suite("scenario loader")
struct ScenarioLoaderTests {
    static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Models").path

    @Test(arguments: ["guizhou-2025", "zhejiang-2025"])
    func everyFileOnceWithTheHashOfItsBytes(_ name: String) throws {
        let folder = Self.models + "/" + name
        let s = try ScenarioLoader.load(directory: folder, content: .everything)
        let present = (try FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".csv") || $0.hasSuffix(".toml") }
        let tables: [String] = ScenarioSchema.tables.map(\.file).filter { present.contains($0) }
        let expected: [String] = (["scenario.toml"] + tables).map { folder + "/" + $0 }
        let paths: [String] = s.inputs.map(\.path)
        #expect(paths == expected, "scenario.toml first, then the tables in the schema's order, each once")
        for input in s.inputs {
            let bytes = try #require(FileManager.default.contents(atPath: input.path))
            #expect(input.sha256 == SHA256.hexDigest(Array(bytes)), "\(input.path)")
        }
        #expect(s.warnings.isEmpty, "\(s.warnings)")
    }

    /// The whole scenario from one call: network with corridor names, fleets, sources, existing
    /// stations, policies, Chinese names, parameters with origins.
    @Test func theWholeScenarioComesBack() throws {
        let folder = Self.models + "/guizhou-2025"
        let s = try ScenarioLoader.load(directory: folder, content: .everything)
        let p = try #require(s.planning)
        #expect(p.network.nodes.count == 35)
        #expect(p.network.edges.count == 42)
        #expect(s.corridorNames["GZ_GY|GZ_QZ"] == "G60 Shanghai-Kunming")
        #expect(s.names.nodes["GZ_GY"] == "贵阳市")
        #expect(p.fleets.count > 5)
        #expect(p.sources.count == 5)
        #expect(p.existingStations.count == 2)
        #expect(!p.policies.measures.isEmpty)
        #expect(p.settings.periods == [2025, 2027, 2030])
        let price = try #require(s.parameters.value(of: "electricity.grid_price_cny_per_kwh"))
        #expect(price.value == 0.45)
        if case .file(let path, let line) = price.origin {
            #expect(path == folder + "/scenario.toml")
            #expect(line != nil)
        } else { Issue.record("origin \(price.origin)") }
        // The parameters alone: no tables are read.
        let parameters = try ScenarioLoader.load(directory: folder)
        #expect(parameters.planning == nil)
        #expect(parameters.inputs.count == 1)
    }

    /// Problems of several files come back together, not one file at a time.
    @Test func problemsOfEveryFileInOnePass() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("h2-loader-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for file in ScenarioTemplate.files(name: "t", province: "Guizhou") {
            var text = file.text
            if file.name == "scenario.toml" { text = text.replacingOccurrences(of: "\"least-cost\"", with: "\"least-cots\"") }
            if file.name == "edges.csv" { text = text.replacingOccurrences(of: "GZ_GY,GZ_QZ,25.3", with: "GZ_GY,GZ_QZ,-1") }
            if file.name == "fleets.csv" { text = text.replacingOccurrences(of: "depot,bus_12m,", with: "depot,bus_99,") }
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + file.name))
        }
        do {
            _ = try ScenarioLoader.load(directory: dir, content: .everything)
            Issue.record("three mistakes accepted")
        } catch .data(let errors) {
            let fields: Set<String> = Set(errors.errors.compactMap(\.field))
            #expect(fields.isSuperset(of: ["placement.objective", "km", "vehicle_class"]), "\(errors)")
            let files: Set<String> = Set(errors.errors.map { URL(fileURLWithPath: $0.file).lastPathComponent })
            #expect(files == ["scenario.toml", "edges.csv", "fleets.csv"], "\(errors)")
        } catch {
            Issue.record("\(error)")
        }
    }
}

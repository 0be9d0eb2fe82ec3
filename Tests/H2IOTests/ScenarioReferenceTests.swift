// docs/SCENARIO.md lists exactly the files, columns and keys the loader reads (taken from the
// loader's own ScenarioSchema, so neither can change without the other), and every
// "DESIGN §x" cited in Sources/ names a heading of docs/DESIGN.md.
import Foundation
import H2IO
import Testing

@Suite("scenario reference and design document")
struct ScenarioReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// For each `## heading` of the reference, the names in the first cell of its table rows
    /// (`| \`name\` | …`).
    static func documentedNames() throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        var heading = ""
        for line in try text("docs/SCENARIO.md").split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { heading = String(line.dropFirst(3)); continue }
            guard line.hasPrefix("| `") else { continue }
            let cell = line.dropFirst(3).prefix { $0 != "`" }
            result[heading, default: []].insert(String(cell))
        }
        return result
    }

    @Test(arguments: ScenarioSchema.tables.map(\.file))
    func everyColumnIsDocumentedAndNothingElse(_ file: String) throws {
        let schema = try #require(ScenarioSchema.tables.first { $0.file == file })
        let documented = try Self.documentedNames()[file] ?? []
        let accepted = Set(schema.columns + schema.optionalColumns + schema.columnPatterns)
        #expect(documented == accepted, "\(file): documented but not read \(documented.subtracting(accepted).sorted()), read but not documented \(accepted.subtracting(documented).sorted())")
    }

    @Test func requiredColumnsAreMarkedRequired() throws {
        var heading = ""
        var checked = 0
        for line in try Self.text("docs/SCENARIO.md").split(separator: "\n") {
            if line.hasPrefix("## ") { heading = String(line.dropFirst(3)); continue }
            guard let schema = ScenarioSchema.tables.first(where: { $0.file == heading }), line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            #expect((cells[1] == "yes") == schema.columns.contains(name), "\(heading) \(name): required is \"\(cells[1])\"")
            checked += 1
        }
        #expect(checked > 50)
    }

    @Test func everySettingKeyIsDocumentedAndNothingElse() throws {
        let documented = try Self.documentedNames()["scenario.toml"] ?? []
        let accepted = Set(ScenarioSchema.settingKeys)
        #expect(documented == accepted, "documented but not read \(documented.subtracting(accepted).sorted()), read but not documented \(accepted.subtracting(documented).sorted())")
    }

    @Test func everyFileHasASection() throws {
        let headings = try Self.documentedNames().keys
        for schema in ScenarioSchema.tables { #expect(headings.contains(schema.file), "no section for \(schema.file)") }
    }

    /// Every `DESIGN §2.3`, `DESIGN §3, §6` and `DESIGN §2.3–2.7` in the code (Sources/,
    /// Tests/, Benchmarks/ and Package.swift).
    static func designCitations() throws -> [(file: String, section: String)] {
        var result: [(String, String)] = []
        let fm = FileManager.default
        var files = ["Package.swift"]
        for folder in ["Sources", "Tests", "Benchmarks"] {
            guard let e = fm.enumerator(atPath: root.appendingPathComponent(folder).path) else { continue }
            for case let path as String in e where path.hasSuffix(".swift") && !path.hasSuffix("ScenarioReferenceTests.swift") {
                files.append(folder + "/" + path)
            }
        }
        let citation = try Regex(#"DESIGN (§[0-9]+(?:\.[0-9]+)*(?:[–-][0-9]+(?:\.[0-9]+)*)?(?:(?:,| and) §[0-9]+(?:\.[0-9]+)*)*)"#)
        let number = try Regex(#"[0-9]+(?:\.[0-9]+)*"#)
        for file in files {
            let text = try Self.text(file)
            for match in text.matches(of: citation) {
                for n in text[match.range].dropFirst(7).matches(of: number) {
                    result.append((file, String(text[match.range].dropFirst(7)[n.range])))
                }
            }
        }
        return result
    }

    @Test func everyDesignCitationResolvesToAHeading() throws {
        let headings = try Self.text("docs/DESIGN.md").split(separator: "\n").filter { $0.hasPrefix("#") }
        let numbers = Set(headings.compactMap { line -> String? in
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            let number = title.prefix { $0.isNumber || $0 == "." }
            return number.isEmpty ? nil : String(number.hasSuffix(".") ? number.dropLast() : number)
        })
        let citations = try Self.designCitations()
        #expect(citations.count > 40, "found \(citations.count) citations")
        for (file, section) in citations {
            #expect(numbers.contains(section), "\(file) cites DESIGN §\(section), which docs/DESIGN.md does not have")
        }
    }

    @Test func readmeLinksBothDocuments() throws {
        let readme = try Self.text("README.md")
        #expect(readme.contains("(docs/SCENARIO.md)") && readme.contains("(docs/DESIGN.md)"))
    }
}

// Provenance of the parameter catalogue: every cited reference row exists in the project's copy
// of the reference dataset, estimates are marked as such, and values sit inside their domain.
import Foundation
import Testing
@testable import H2Model

@Suite struct CatalogueProvenanceTests {
    /// Rows of Notebooks-data/cost_parameters.csv by parameter name: (unit, low, base, high, basis).
    static let reference: [String: (unit: String, low: String, base: String, high: String, basis: String, source: String)] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = (try? String(contentsOf: root.appendingPathComponent("Notebooks-data/cost_parameters.csv"), encoding: .utf8)) ?? ""
        var rows: [String: (String, String, String, String, String, String)] = [:]
        let records = parseCSV(text)
        guard let header = records.first else { return [:] }
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        for r in records.dropFirst() where r.count == header.count {
            rows[r[column("parameter")]] = (r[column("unit")], r[column("low")], r[column("base")], r[column("high")], r[column("base_basis")], r[column("source")])
        }
        return rows
    }()

    /// A minimal RFC 4180 reader (independent of H2IO, which this target does not import).
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = [], field = "", record: [String] = [], quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars = chars.dropFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { record.append(field); field = ""
            } else if c == "\n" { record.append(field); records.append(record); record = []; field = ""
            } else if c != "\r" { field.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    @Test func everyCitedReferenceRowExists() {
        #expect(Self.reference.count > 100, "Notebooks-data/cost_parameters.csv was not read")
        for spec in ParameterCatalogue.all {
            guard let row = spec.referenceRow else { continue }
            #expect(Self.reference[row] != nil, "\(spec.key) cites \(row), which is not in the reference dataset")
        }
    }

    /// Where the catalogue keeps the reference's own unit, its base value is one the reference
    /// row states: its low, base or high, or a figure quoted in its source text.
    @Test func sameUnitMeansAReferenceValue() {
        var compared = 0
        for spec in ParameterCatalogue.all {
            guard let ref = spec.referenceRow, let row = Self.reference[ref], let base = Double(row.base) else { continue }
            let unitsMatch = row.unit.replacingOccurrences(of: " ", with: "").lowercased() == spec.unit.replacingOccurrences(of: " ", with: "").lowercased()
            guard unitsMatch else { continue }
            compared += 1
            let stated = [row.low, row.base, row.high].compactMap(Double.init)
            let quoted = row.source.contains(formatNumber(spec.base))
            #expect(stated.contains(spec.base) || quoted, "\(spec.key) = \(spec.base) \(spec.unit) but \(ref) says \(base)")
        }
        #expect(compared >= 20, "only \(compared) parameters compared")
    }

    @Test func estimatesSayTheyAreEstimates() {
        for spec in ParameterCatalogue.all {
            #expect(spec.domain.problem(with: spec.base) == nil, "\(spec.key): base \(spec.base) outside its domain")
            if let low = spec.low { #expect(low <= spec.base, "\(spec.key): low above base") }
            if let high = spec.high { #expect(high >= spec.base, "\(spec.key): high below base") }
            if spec.basis == .estimate && spec.referenceRow == nil {
                #expect(spec.source.contains("ESTIMATE"), "\(spec.key) is an estimate but its source does not say so")
            }
        }
        #expect(Set(ParameterCatalogue.all.map(\.key)).count == ParameterCatalogue.all.count, "duplicate keys")
    }
}

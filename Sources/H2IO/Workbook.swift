// results.xlsx (issue 11): every CSV of a run as one sheet of an Office Open XML workbook, for
// planners who pass results on in Excel or WPS. The XML is written here (SpreadsheetML, ECMA-376
// part 1, the strict minimum Excel, WPS, LibreOffice and openpyxl accept); ZIPFoundation only
// packs it.
import Foundation
import ZIPFoundation

/// Writes a workbook from CSV tables.
///
/// - Sheet 1 is "README": the run's description lines (label, value), then every file of the run
///   with the sheet that holds it (for the CSVs) and what it contains. Then one sheet per CSV, in the order given,
///   named after the file without ".csv" (cut to Excel's 31 characters).
/// - A cell written as a number in the CSV (`CSVCell.number` / `.integer`) is a numeric cell
///   holding the same digits as the CSV; every other cell is an inline string, so ids such as
///   "520100" stay text. Empty cells are left out.
/// - The header row is bold and frozen (it stays visible while scrolling); columns are sized
///   to their longest entry.
/// - Deterministic: fixed entry order, fixed timestamps (1980-01-01, the ZIP epoch), deflate
///   with a fixed level, so the same tables give the same bytes.
public enum Workbook {
    public struct Sheet: Sendable {
        public var fileName: String
        public var table: CSVWriter
        public init(fileName: String, table: CSVWriter) {
            self.fileName = fileName
            self.table = table
        }
    }

    /// - Parameters:
    ///   - about: README lines before the file list, e.g. ("scenario", "guizhou-2025").
    ///   - files: every file the run writes (the workbook itself included), in folder order.
    public static func render(about: [(String, String)], files: [String], sheets: [Sheet],
                              descriptions: [String: String] = [:]) throws(OutputError) -> [UInt8] {
        var names: [String] = []
        for sheet in sheets { names.append(uniqueSheetName(for: sheet.fileName, taken: names + ["README"])) }
        var readme: [[XCell]] = [[.text("h2corridor results")]]
        for (label, value) in about { readme.append([.text(label), .text(value)]) }
        readme.append([])
        readme.append([.text("file"), .text("sheet"), .text("contents")])
        for file in files {
            let sheet = sheets.firstIndex { $0.fileName == file }.map { names[$0] } ?? ""
            readme.append([.text(file), sheet.isEmpty ? .empty : .text(sheet), descriptions[file].map(XCell.text) ?? .empty])
        }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count + 1)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookXML(["README"] + names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count + 1)),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", worksheet(readme, headerRows: 0)),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 2).xml", worksheet(try cells(of: sheet.table), headerRows: 1)))
        }
        return try zip(parts)
    }

    /// The workbook of a run: README naming the scenario and every file, then `tables` in order.
    public static func forRun(scenario: Scenario, tables: [(String, CSVWriter)], files: [String]) throws(OutputError) -> [UInt8] {
        try render(about: [("scenario", scenario.name), ("title", scenario.title), ("price year", String(scenario.priceYear)),
                           ("tool", "h2corridor " + h2corridorVersion)],
                   files: files, sheets: tables.map { Sheet(fileName: $0.0, table: $0.1) }, descriptions: runFileDescriptions)
    }

    /// What each file of a run holds, for the README sheet (a file not listed gets no text).
    static let runFileDescriptions: [String: String] = [
        "summary.csv": "one row: status, stations, capacity, demand, network-average CNY/kg, plan figures, trailer-km a day",
        "stations.csv": "per station node: size, count, capacity, throughput, utilisation, supply, capex, break-even CNY/kg",
        "supply.csv": "every source-to-station link: mode, distance, kg/day, delivered CNY/kg",
        "logistics.csv": "per supply link: trips, trailers, tractors, crew, truck-km a day; deliveries a day at the node",
        "coverage.csv": "every fleet: served or not, round-trip km, stations used, why not",
        "cost_breakdown.csv": "itemised CNY/kg per station and the network average",
        "cashflow.csv": "each station's pro-forma, year by year, at its break-even price",
        "periods.csv": "the plan period by period",
        "stations.geojson": "GIS points: the stations, with the columns of stations.csv",
        "sources.geojson": "GIS points: the hydrogen sources",
        "supply_links.geojson": "GIS lines: the supply links, with the columns of supply.csv",
        "corridors.geojson": "GIS lines: the corridor network",
        "map.svg": "map of stations, sources, supply links and corridors",
        "cost_breakdown.svg": "chart: break-even price by station, itemised, with the target price",
        "results.xlsx": "this workbook",
        "manifest.json": "inputs with SHA-256, overrides, solver status, library versions, output hashes",
    ]

    typealias XCell = CSVWriter.TypedCell

    /// The table's cells, the header row first.
    static func cells(of table: CSVWriter) throws(OutputError) -> [[XCell]] {
        [table.header.map(XCell.text)] + (try table.typedRows())
    }

    /// "A", …, "Z", "AA", … for column index 0, 1, …
    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// Excel's rules: at most 31 characters, none of `[]:*?/\`, unique ignoring case.
    static func uniqueSheetName(for fileName: String, taken: [String]) -> String {
        var base = fileName.hasSuffix(".csv") ? String(fileName.dropLast(4)) : fileName
        base = String(base.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        if base.isEmpty { base = "sheet" }
        let lowered = Set(taken.map { $0.lowercased() })
        var candidate = String(base.prefix(31))
        var counter = 2
        while lowered.contains(candidate.lowercased()) {
            let suffix = "_\(counter)"
            candidate = String(base.prefix(31 - suffix.count)) + suffix
            counter += 1
        }
        return candidate
    }

    static func worksheet(_ rows: [[XCell]], headerRows: Int) -> String {
        var widths: [Int] = []
        for row in rows {
            for (c, cell) in row.enumerated() {
                let length: Int
                switch cell {
                case .text(let s): length = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
                case .number(let s): length = s.count
                case .empty: length = 0
                }
                if c >= widths.count { widths.append(0) }
                widths[c] = max(widths[c], length)
            }
        }
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        x += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        if headerRows > 0 {
            x += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(headerRows)\" topLeftCell=\"A\(headerRows + 1)\" "
            x += "activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView></sheetViews>"
        }
        if !widths.isEmpty {
            x += "<cols>"
            for (c, w) in widths.enumerated() {
                x += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(min(60, max(8, w + 2)))\" customWidth=\"1\"/>"
            }
            x += "</cols>"
        }
        x += "<sheetData>"
        for (r, row) in rows.enumerated() {
            x += "<row r=\"\(r + 1)\">"
            let style = r < headerRows ? " s=\"1\"" : ""
            for (c, cell) in row.enumerated() {
                let ref = columnLetters(c) + String(r + 1)
                switch cell {
                case .empty: continue
                case .number(let digits): x += "<c r=\"\(ref)\"\(style)><v>\(digits)</v></c>"
                case .text(let s):
                    x += "<c r=\"\(ref)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(xmlEscaped(s))</t></is></c>"
                }
            }
            x += "</row>"
        }
        x += "</sheetData></worksheet>\n"
        return x
    }

    static func contentTypes(sheetCount: Int) -> String {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        x += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        x += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        x += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        x += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        x += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for n in 1...sheetCount {
            x += "<Override PartName=\"/xl/worksheets/sheet\(n).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return x + "</Types>\n"
    }

    static let rootRelationships = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>\n"

    static func workbookXML(_ names: [String]) -> String {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        x += "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        x += "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
        for (index, name) in names.enumerated() {
            x += "<sheet name=\"\(xmlEscaped(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return x + "</sheets></workbook>\n"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        x += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for n in 1...sheetCount {
            x += "<Relationship Id=\"rId\(n)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(n).xml\"/>"
        }
        x += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return x + "</Relationships>\n"
    }

    /// Style 0: default; style 1: bold (header row).
    static let styles = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>\n"

    /// The ZIP epoch, so that the archive does not change with the clock.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    static func zip(_ parts: [(String, String)]) throws(OutputError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                     permissions: 0o644, compressionMethod: .deflate) { position, size in
                    let start = Int(position)
                    return data.subdata(in: start..<min(data.count, start + size))
                }
            }
            guard let bytes = archive.data else {
                throw OutputError(.internalError, path: "results.xlsx", message: "the in-memory archive has no data", fix: "this is a bug; please report it")
            }
            return [UInt8](bytes)
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(.internalError, path: "results.xlsx", message: "cannot pack the workbook: \(error)", fix: "this is a bug; please report it")
        }
    }
}

// Writing result tables in the project's CSV conventions (DESIGN §3).
import H2Model

/// One cell to write.
public enum CSVCell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    /// Written at the resolution of its column's unit (`NumberResolution`, e.g. 0.1 for `_km`),
    /// else with `formatNumber` (shortest round-trip); NaN and infinities are refused.
    case number(Double)
    case integer(Int)
    /// An empty cell (a value that does not apply).
    case empty

    public init(stringLiteral value: String) { self = .text(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }

    /// `.number` for a value, `.empty` for nil.
    public static func optional(_ value: Double?) -> CSVCell { value.map(CSVCell.number) ?? .empty }
}

/// Builds one CSV file in memory.
///
/// Conventions: ASCII header row; a cell is quoted (RFC 4180, inner quotes doubled) only when it
/// contains a comma, a double quote, CR or LF; numbers with `.` decimal, no thousands
/// separators, shortest round-trip digits; LF line endings, also after the last row (RFC 4180
/// prefers CRLF, but LF keeps golden files diff-clean in git, and Excel, WPS, pandas and R all
/// read it); UTF-8, with a BOM only on request. Row order is the order of `appendRow` calls —
/// the caller sorts.
public struct CSVWriter: Sendable {
    public let header: [String]
    /// The file name used in messages (e.g. "stations.csv").
    public let name: String
    private var text: String
    /// One bit per data cell, row-major: set where the cell was written as a number. Lets the
    /// workbook writer give numbers their type without keeping the cells twice.
    private var numericBits: [UInt64] = []
    /// Data rows appended so far.
    public private(set) var rowCount = 0
    /// Decimals per column from `NumberResolution` (nil: shortest round-trip).
    private let decimals: [Int?]

    /// `header` must be non-empty ASCII names (a programmer choice, not input: it traps).
    public init(name: String, header: [String]) {
        precondition(!header.isEmpty, "a CSV needs at least one column")
        precondition(header.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 < 0x80 } }, "CSV header names must be ASCII")
        self.name = name
        self.header = header
        self.text = header.map(Self.quotedIfNeeded).joined(separator: ",") + "\n"
        self.decimals = header.map(NumberResolution.decimals(forColumn:))
    }

    /// Appends one row; the cell count must match the header. A NaN or infinite number throws
    /// (it would be a bug upstream, and writing it would hide the bug in a spreadsheet).
    public mutating func appendRow(_ cells: [CSVCell]) throws(OutputError) {
        precondition(cells.count == header.count, "\(name): row has \(cells.count) cells, header has \(header.count)")
        var line = ""
        for (position, cell) in cells.enumerated() {
            if position > 0 { line += "," }
            switch cell {
            case .text(let value): line += cells.count == 1 && value.isEmpty ? "\"\"" : Self.quotedIfNeeded(value)
            case .integer(let value): line += String(value)
            case .empty:
                // In a one-column table an empty cell would be an empty line, which readers skip.
                if cells.count == 1 { line += "\"\"" }
            case .number(let value):
                guard value.isFinite else {
                    throw OutputError(
                        .nonFiniteNumber, path: name,
                        message: "column \"\(header[position])\" would get \(value) (not a finite number)",
                        fix: "this is a bug or an input that makes a quantity undefined (e.g. zero demand); please report it with the scenario")
                }
                line += decimals[position].map { NumberResolution.text(value, decimals: $0) } ?? formatNumber(value)
            }
        }
        text += line + "\n"
        // Only now, so a row that threw leaves no bits behind.
        let firstBit = rowCount * header.count
        let neededWords = (firstBit + header.count + 63) / 64
        if numericBits.count < neededWords { numericBits.append(contentsOf: repeatElement(0, count: neededWords - numericBits.count)) }
        for (position, cell) in cells.enumerated() {
            switch cell {
            case .number, .integer:
                let bit = firstBit + position
                numericBits[bit / 64] |= 1 << UInt64(bit % 64)
            case .text, .empty: break
            }
        }
        rowCount += 1
    }

    /// Whether the cell at data row `row` (0 = first row after the header) and `column` was
    /// written as a number (`.number` or `.integer`).
    public func isNumber(row: Int, column: Int) -> Bool {
        precondition(row >= 0 && row < rowCount && column >= 0 && column < header.count, "\(name): no cell (\(row), \(column))")
        let bit = row * header.count + column
        return numericBits[bit / 64] & (1 << UInt64(bit % 64)) != 0
    }

    /// A cell as written, with its type: what the workbook and the GIS layers are built from.
    public enum TypedCell: Sendable, Equatable {
        case text(String)
        /// The number's text exactly as the CSV has it.
        case number(String)
        case empty
    }

    /// The data rows read back from the text, each cell typed by how it was appended.
    public func typedRows() throws(OutputError) -> [[TypedCell]] {
        let parsed: CSVTable
        do { parsed = try CSVTable(parsing: text, file: name, allowEmpty: true) } catch {
            throw OutputError(.internalError, path: name, message: "the table cannot be read back: \(error)",
                              fix: "this is a bug; please report it with the scenario")
        }
        guard parsed.rows.count == rowCount else {
            throw OutputError(.internalError, path: name, message: "\(parsed.rows.count) rows read back, \(rowCount) written",
                              fix: "this is a bug; please report it with the scenario")
        }
        return parsed.rows.enumerated().map { r, row in
            row.enumerated().map { c, value in
                value.isEmpty ? .empty : isNumber(row: r, column: c) ? .number(value) : .text(value)
            }
        }
    }

    /// The line `appendRow` writes for text cells (with its LF), for writers that stream rows.
    static func textLine(_ cells: [String]) -> String {
        if cells.count == 1 && cells[0].isEmpty { return "\"\"\n" }
        return cells.map(quotedIfNeeded).joined(separator: ",") + "\n"
    }

    /// The file's text, without BOM.
    public var csvText: String { text }

    /// The file's bytes; `withBOM` prepends the UTF-8 BOM that Excel and WPS need to show
    /// Chinese names correctly.
    public func bytes(withBOM: Bool = false) -> [UInt8] {
        (withBOM ? InputFile.byteOrderMark : []) + Array(text.utf8)
    }

    static func quotedIfNeeded(_ value: String) -> String {
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return value }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

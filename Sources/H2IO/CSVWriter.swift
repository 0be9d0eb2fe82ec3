// Writing result tables in the project's CSV conventions (DESIGN §3).
import H2Model

/// One cell to write.
public enum CSVCell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    /// Written with `formatNumber` (shortest round-trip); NaN and infinities are refused.
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

    /// `header` must be non-empty ASCII names (a programmer choice, not input: it traps).
    public init(name: String, header: [String]) {
        precondition(!header.isEmpty, "a CSV needs at least one column")
        precondition(header.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 < 0x80 } }, "CSV header names must be ASCII")
        self.name = name
        self.header = header
        self.text = header.map(Self.quotedIfNeeded).joined(separator: ",") + "\n"
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
                line += formatNumber(value)
            }
        }
        text += line + "\n"
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

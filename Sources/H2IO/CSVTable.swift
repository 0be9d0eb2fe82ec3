// A CSV table as read from a planner's file: header, rows of text, and where each row came from.

/// A parsed CSV table (DESIGN §3). Cells are kept as text; the typed accessors
/// (`double`, `int`, `string`, …) convert them and throw an `InputError` that names the file,
/// line, row and column.
///
/// Rows are addressed by a 0-based index into `rows` (as in any Swift array); messages show the
/// planner's 1-based data row number, so row index 5 is "row 6", usually on line 7.
public struct CSVTable: Sendable, Equatable {
    /// The file as the planner named it; used in every message.
    public let file: String
    /// Column names from the first record, with surrounding spaces trimmed.
    public let header: [String]
    /// Data records; each has exactly `header.count` cells.
    public let rows: [[String]]
    /// The 1-based physical line on which each data record starts (a quoted cell may span lines).
    public let lineOfRow: [Int]
    /// The physical line of the header record.
    public let headerLine: Int
    let columnIndexByName: [String: Int]

    /// Builds a table from values already in memory (tests, generated tables). Lines are
    /// numbered as if written by `CSVWriter`: header on line 1, row i on line i + 2.
    public init(file: String, header: [String], rows: [[String]]) {
        precondition(rows.allSatisfy { $0.count == header.count }, "every row needs header.count cells")
        self.init(
            file: file, header: header, rows: rows, lineOfRow: rows.indices.map { $0 + 2 }, headerLine: 1,
            columnIndexByName: Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    init(file: String, header: [String], rows: [[String]], lineOfRow: [Int], headerLine: Int, columnIndexByName: [String: Int]) {
        self.file = file
        self.header = header
        self.rows = rows
        self.lineOfRow = lineOfRow
        self.headerLine = headerLine
        self.columnIndexByName = columnIndexByName
    }

    /// Reads and parses the CSV file at `path`. A header with no data rows is an error unless
    /// `allowEmpty` (some tables, such as extra candidate sites, may legitimately be empty).
    public static func read(from path: String, allowEmpty: Bool = false) throws(InputError) -> CSVTable {
        let input = try InputFile.read(path)
        let table = try CSVTable(utf8: input.bytes, file: path, allowEmpty: allowEmpty)
        try table.checkTextLengths()
        return table
    }

    /// Parses CSV text already in memory; `file` is the name used in messages.
    public init(parsing text: String, file: String, allowEmpty: Bool = false) throws(InputError) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: InputFile.byteOrderMark) { bytes.removeFirst(3) }
        try self.init(utf8: bytes, file: file, allowEmpty: allowEmpty)
    }

    public var rowCount: Int { rows.count }

    public func hasColumn(_ name: String) -> Bool { columnIndexByName[name] != nil }

    /// The position of `name` in the header, or nil.
    public func columnIndex(_ name: String) -> Int? { columnIndexByName[name] }

    /// An error located at a cell, for problems only the caller can see (an unknown node id, a
    /// duplicate id): `throw nodes.error(row: i, column: "id", "duplicate id \"GY\"", fix: "…")`.
    public func error(row: Int, column: String?, _ message: String, fix: String = "") -> InputError {
        InputError(file: file, line: lineOfRow[row], row: row + 1, field: column, message: message, fix: fix)
    }

    /// An error about the header line (a missing or unknown column).
    public func headerError(_ message: String, fix: String = "") -> InputError {
        InputError(file: file, line: headerLine, message: message, fix: fix)
    }
}

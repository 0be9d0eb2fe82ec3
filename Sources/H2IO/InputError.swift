// A problem in a planner's input file, located precisely enough to fix without reading code.

/// One problem in an input file: where it is, what is wrong and how to fix it.
///
/// `description` renders as
/// `Models/x/nodes.csv:7 (row 6, field "lat"): "abc" is not a number. Fix: write a decimal number …`
/// — the `file:line` prefix is the form editors and terminals turn into links.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as the planner named it (relative paths stay relative).
    public var file: String
    /// 1-based physical line in the file, when known.
    public var line: Int?
    /// 1-based column on that line, when the parser reports one (TOML syntax errors).
    public var column: Int?
    /// 1-based data row of a CSV table (the header is not a row), when the problem is in a row.
    public var row: Int?
    /// The CSV column name or the dotted TOML key, when the problem is in one field.
    public var field: String?
    /// What is wrong, without a trailing full stop.
    public var message: String
    /// How to fix it, as an instruction to the planner; empty when there is nothing useful to say.
    public var fix: String

    public init(
        file: String, line: Int? = nil, column: Int? = nil, row: Int? = nil, field: String? = nil,
        message: String, fix: String = ""
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.row = row
        self.field = field
        self.message = message
        self.fix = fix
    }

    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        var details: [String] = []
        if let row { details.append("row \(row)") }
        if let field { details.append("field \"\(field)\"") }
        if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
        text += ": " + message
        if !fix.isEmpty {
            if let last = message.last, !".!?".contains(last) { text += "." }
            text += " Fix: " + fix
        }
        return text
    }
}

// Typed access to cells. Every failure names file, line, row and column; row indices are
// 0-based like `rows`, messages show the planner's 1-based row number.

extension CSVTable {
    /// Checks the header once, before reading rows: every `required` column must exist; with
    /// `allowOtherColumns: false` a column that is neither required nor `optional` is an error
    /// (catches misspelt optional columns that would otherwise be silently ignored).
    public func requireColumns(
        _ required: [String], optional: [String] = [], allowOtherColumns: Bool = true
    ) throws(InputError) {
        let missing = required.filter { columnIndexByName[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            var fix = "add the column\(missing.count == 1 ? "" : "s") to the header line; it has: \(header.joined(separator: ","))"
            let suggestions = missing.compactMap { name in
                closestMatch(to: name, among: header.filter { !required.contains($0) }).map { "\"\($0)\" → \"\(name)\"" }
            }
            if !suggestions.isEmpty { fix += ". Perhaps rename " + suggestions.joined(separator: ", ") }
            throw headerError("missing column\(missing.count == 1 ? "" : "s") \(names)", fix: fix)
        }
        if !allowOtherColumns {
            let known = Set(required + optional)
            let unknown = header.filter { !known.contains($0) }
            if !unknown.isEmpty {
                let names = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
                var fix = "remove or rename \(unknown.count == 1 ? "it" : "them"); known columns: \((required + optional).joined(separator: ","))"
                let suggestions = unknown.compactMap { name in
                    closestMatch(to: name, among: Array(known)).map { "\"\(name)\" → \"\($0)\"" }
                }
                if !suggestions.isEmpty { fix += ". Did you mean " + suggestions.joined(separator: ", ") + "?" }
                throw headerError("unknown column\(unknown.count == 1 ? "" : "s") \(names)", fix: fix)
            }
        }
    }

    /// The cell text, or an error if the column does not exist.
    public func cell(_ row: Int, _ column: String) throws(InputError) -> String {
        precondition(rows.indices.contains(row), "row index \(row) out of range 0..<\(rows.count)")
        guard let index = columnIndexByName[column] else {
            throw headerError(
                "missing column \"\(column)\"",
                fix: "add the column to the header line; it has: \(header.joined(separator: ","))")
        }
        return rows[row][index]
    }

    /// The cell text with surrounding spaces trimmed (ids with a stray space would never match).
    public func string(_ row: Int, _ column: String, allowEmpty: Bool = false) throws(InputError) -> String {
        let text = try cell(row, column).trimmingSpaces()
        if text.isEmpty && !allowEmpty {
            throw error(row: row, column: column, "the value is empty", fix: "fill in this cell")
        }
        return text
    }

    /// The trimmed text, or nil when the cell is empty or the column is absent.
    public func optionalString(_ row: Int, _ column: String) -> String? {
        guard hasColumn(column) else { return nil }
        let text = rows[row][columnIndexByName[column]!].trimmingSpaces()
        return text.isEmpty ? nil : text
    }

    /// A finite number. Negative values are refused unless `allowNegative` (most planning
    /// quantities — km, kg/day, ¥ — cannot be negative); zero unless `allowZero`.
    public func double(
        _ row: Int, _ column: String, allowNegative: Bool = false, allowZero: Bool = true
    ) throws(InputError) -> Double {
        let text = try cell(row, column)
        switch NumberText.parseDouble(text) {
        case .failure(let problem):
            throw error(row: row, column: column, problem.message, fix: problem.fix)
        case .success(let value):
            try checkSign(value, text: text, row: row, column: column, allowNegative: allowNegative, allowZero: allowZero)
            return value
        }
    }

    /// A number, or nil when the cell is empty or the column is absent.
    public func optionalDouble(
        _ row: Int, _ column: String, allowNegative: Bool = false, allowZero: Bool = true
    ) throws(InputError) -> Double? {
        guard optionalString(row, column) != nil else { return nil }
        return try double(row, column, allowNegative: allowNegative, allowZero: allowZero)
    }

    /// A whole number ("3.0" is accepted as 3, "2.5" is not).
    public func int(
        _ row: Int, _ column: String, allowNegative: Bool = false, allowZero: Bool = true
    ) throws(InputError) -> Int {
        let text = try cell(row, column)
        switch NumberText.parseInt(text) {
        case .failure(let problem):
            throw error(row: row, column: column, problem.message, fix: problem.fix)
        case .success(let value):
            try checkSign(Double(value), text: text, row: row, column: column, allowNegative: allowNegative, allowZero: allowZero)
            return value
        }
    }

    /// A whole number, or nil when the cell is empty or the column is absent.
    public func optionalInt(
        _ row: Int, _ column: String, allowNegative: Bool = false, allowZero: Bool = true
    ) throws(InputError) -> Int? {
        guard optionalString(row, column) != nil else { return nil }
        return try int(row, column, allowNegative: allowNegative, allowZero: allowZero)
    }

    /// true/false, yes/no or 1/0, in any letter case.
    public func bool(_ row: Int, _ column: String) throws(InputError) -> Bool {
        let text = try cell(row, column).trimmingSpaces()
        switch text.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default:
            throw error(
                row: row, column: column,
                text.isEmpty ? "the value is empty" : "\"\(text)\" is not true or false",
                fix: "write true or false")
        }
    }

    private func checkSign(
        _ value: Double, text: String, row: Int, column: String, allowNegative: Bool, allowZero: Bool
    ) throws(InputError) {
        if value < 0 && !allowNegative {
            throw error(
                row: row, column: column, "\(text.trimmingSpaces()) is negative",
                fix: allowZero ? "write a value of 0 or more" : "write a value greater than 0")
        }
        if value == 0 && !allowZero {
            throw error(row: row, column: column, "the value must be greater than 0", fix: "write a positive value")
        }
    }
}

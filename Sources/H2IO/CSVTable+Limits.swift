// Text lengths a table may hold (issue 12). Names and ids end up in map labels, chart titles
// and every results file; a 20 MB name cell is a pasted file, not a name. Refused at load, with
// file, row and field, rather than carried through the model.

extension CSVTable {
    /// Longest id or name: 200 characters (a Chinese place name with its English gloss fits in
    /// a tenth of that).
    public static let maximumNameLength = 200
    /// Longest cell of any other column (notes, sources, citations): 10,000 characters.
    public static let maximumCellLength = 10_000

    /// Whether `column` holds an id or a name (and so is bound by `maximumNameLength`).
    static func isNameColumn(_ column: String) -> Bool {
        ["id", "name", "node", "from", "to", "origin", "destination", "home", "class", "vehicle_class", "pathway"].contains(column)
            || column.hasPrefix("name_") || column.hasSuffix("_id") || column.hasSuffix("_name")
    }

    /// The first cell over its length limit, as an error naming file, row and field.
    func checkTextLengths() throws(InputError) {
        let limits = header.map { Self.isNameColumn($0) ? Self.maximumNameLength : Self.maximumCellLength }
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() where c < limits.count && cell.utf8.count > limits[c] {
                // utf8 count is a cheap upper bound; count characters only for cells that may be over.
                let length = cell.unicodeScalars.count
                guard length > limits[c] else { continue }
                let kind = limits[c] == Self.maximumNameLength ? "an id or name" : "a cell"
                throw error(row: r, column: header[c], "\(length) characters, more than the \(limits[c]) \(kind) may have",
                            fix: "shorten it to at most \(limits[c]) characters (put long text in a notes column)")
            }
        }
    }
}

// A small RFC 4180 reader for checking the CLI's CSV output independently of H2IO's reader.

struct CSVRows {
    var header: [String]
    var rows: [[String]]

    /// Parses `text`; quoted fields may hold commas, doubled quotes and newlines.
    init(_ text: String) {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.endIndex && scalars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < scalars.endIndex, scalars[i + 1] == "\n" { i += 1 }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        header = records.first ?? []
        rows = Array(records.dropFirst())
    }

    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The values of one column, as text.
    func values(_ name: String) -> [String] {
        guard let c = column(name) else { return [] }
        return rows.map { c < $0.count ? $0[c] : "" }
    }

    /// The first row whose `keyColumn` equals `key`.
    func row(where keyColumn: String, is key: String) -> [String: String]? {
        guard let c = column(keyColumn), let row = rows.first(where: { c < $0.count && $0[c] == key }) else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(header, row))
    }
}

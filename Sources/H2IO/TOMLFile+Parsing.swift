// TOMLKit (toml++) parses; this file turns its tree into the flat, ordered `TOMLFile`.
import TOMLKit

extension TOMLFile {
    /// Parses TOML text; `file` is the name used in messages. Syntax errors carry the line and
    /// column toml++ reports. Values the model cannot use (NaN, infinities, dates, tables mixed
    /// with values in one array) are reported all at once.
    public init(parsing text: String, file: String) throws(InputErrors) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            var fix = "correct this line: write key = value, text in double quotes, numbers without units or thousands separators, and tables as [name]"
            // toml++ says "… saw 'X'": a non-ASCII X is a Chinese key without quotes or
            // full-width punctuation typed with a Chinese input method.
            if let range = error.description.range(of: "saw '"),
                let seen = error.description[range.upperBound...].unicodeScalars.first, !seen.isASCII
            {
                fix = "keys with Chinese characters must be in double quotes, e.g. \"贵阳\" = 1, and punctuation must be half-width (半角: = , \" [ ])"
            }
            throw InputErrors([
                InputError(
                    file: file, line: error.source.begin.line, column: error.source.begin.column,
                    message: "TOML syntax error: \(error.description)", fix: fix)
            ])
        } catch {
            throw InputErrors([InputError(file: file, message: "cannot be parsed as TOML (\(error))")])
        }

        let positions = TOMLLineIndex.positions(in: Array(text.utf8))
        var flattener = Flattener(file: file, positions: positions)
        flattener.flatten(table, prefix: "")
        try flattener.problems.throwIfAny()

        // toml++ hands keys back sorted by name; file order is what a planner expects to see.
        let ordered = flattener.entries.enumerated().sorted { a, b in
            let left = positions[a.element.dottedKey]?.offset ?? Int.max
            let right = positions[b.element.dottedKey]?.offset ?? Int.max
            return left != right ? left < right : a.offset < b.offset
        }.map(\.element)
        self.init(file: file, entries: ordered, recordCounts: flattener.recordCounts, lineIndex: positions)
    }
}

private struct Flattener {
    let file: String
    let positions: [String: TOMLLineIndex.Position]
    var entries: [TOMLEntry] = []
    var recordCounts: [String: Int] = [:]
    var problems = InputErrors()

    init(file: String, positions: [String: TOMLLineIndex.Position]) {
        self.file = file
        self.positions = positions
    }

    func line(_ path: String) -> Int? {
        var key = path
        while true {
            if let position = positions[key] { return position.line }
            guard let parent = TOMLKeyPath.parentKey(of: key) else { return nil }
            key = parent
        }
    }

    mutating func flatten(_ table: TOMLTable, prefix: String) {
        for (key, value) in table {
            let path = TOMLKeyPath.join(prefix, key)
            if let subtable = value.table {
                flatten(subtable, prefix: path)
            } else if let array = value.array, !array.isEmpty, array.allSatisfy({ $0.type == .table }) {
                var count = 0
                for (index, element) in array.enumerated() {
                    flatten(element.table!, prefix: path + "[\(index)]")
                    count += 1
                }
                recordCounts[path] = count
            } else if let scalar = scalar(value, path: path) {
                entries.append(TOMLEntry(file: file, dottedKey: path, value: scalar, line: line(path)))
            }
        }
    }

    mutating func scalar(_ value: TOMLValueConvertible, path: String) -> TOMLScalar? {
        switch value.type {
        case .int:
            return .number(Double(value.int!))
        case .double:
            let number = value.double!
            guard number.isFinite else {
                problems.append(InputError(
                    file: file, line: line(path), field: path, message: "\(number) is not a finite number",
                    fix: "write the actual value; nan and inf are not accepted"))
                return nil
            }
            return .number(number)
        case .string:
            return .string(value.string!)
        case .bool:
            return .bool(value.bool!)
        case .array:
            var elements: [TOMLScalar] = []
            for (index, element) in value.array!.enumerated() {
                if element.type == .table {
                    problems.append(InputError(
                        file: file, line: line(path), field: path,
                        message: "the array mixes tables and plain values",
                        fix: "use either a list of values, e.g. [1, 2], or a list of tables written as [[\(TOMLKeyPath.leaf(of: path))]] records"))
                    return nil
                }
                guard let converted = scalar(element, path: path + "[\(index)]") else { return nil }
                elements.append(converted)
            }
            return .array(elements)
        case .date, .time, .dateTime:
            problems.append(InputError(
                file: file, line: line(path), field: path,
                message: "dates and times are not used by the model",
                fix: "write a year as a number (price_year = 2023) or the date as text in double quotes"))
            return nil
        case .table:
            return nil  // handled by flatten
        }
    }
}

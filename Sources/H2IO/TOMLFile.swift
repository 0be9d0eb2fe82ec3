// A scenario's TOML file as a flat, ordered list of dotted keys with values and line numbers,
// independent of TOMLKit's types, so the scenario loader matches keys against the parameter
// catalogue and every message can point at a line.
import H2Model

/// A TOML value after flattening: tables have become dotted key prefixes.
public indirect enum TOMLScalar: Sendable, Equatable, CustomStringConvertible {
    /// Integers and floats alike (`1000` and `1000.0` are the same number to a planner).
    case number(Double)
    case string(String)
    case bool(Bool)
    /// An array of values (numbers, strings, booleans or arrays). Arrays of tables are not
    /// values: they become indexed records (`fleet[0].count`).
    case array([TOMLScalar])

    /// The value as TOML would write it, for messages ("found the string \"5%\"").
    public var description: String {
        switch self {
        case .number(let value): return formatNumber(value)
        case .string(let value): return "\"" + value + "\""
        case .bool(let value): return String(value)
        case .array(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// The kind of value, in words, for messages.
    public var kindName: String {
        switch self {
        case .number: return "a number"
        case .string: return "a string"
        case .bool: return "true/false"
        case .array: return "an array"
        }
    }
}

/// One key = value of a TOML file.
public struct TOMLEntry: Sendable, Equatable {
    /// The file, for messages.
    public let file: String
    /// The full dotted path: `finance.discount_rate`, `fleet[2].count`. A key part that is not a
    /// bare TOML key is written quoted: `names."贵阳"`.
    public let dottedKey: String
    public let value: TOMLScalar
    /// The 1-based line of the key in the file (nil only if it could not be located).
    public let line: Int?

    public init(file: String, dottedKey: String, value: TOMLScalar, line: Int?) {
        self.file = file
        self.dottedKey = dottedKey
        self.value = value
        self.line = line
    }

    /// The key with record indices blanked, `fleet[2].count` → `fleet[].count`: the form in
    /// which a catalogue lists keys of repeated records.
    public var patternKey: String { TOMLKeyPath.blankingIndices(dottedKey) }
}

/// A record of an array of tables (`[[fleet]]`, or `fleet = [{…}, {…}]`).
public struct TOMLRecord: Sendable, Equatable {
    public let file: String
    /// The array's dotted key, e.g. `fleet`.
    public let arrayKey: String
    /// 0-based position in the array.
    public let index: Int
    /// Line of the `[[fleet]]` header (or of the inline table), when known.
    public let line: Int?
    /// The record's entries, with full dotted keys (`fleet[1].count`).
    public let entries: [TOMLEntry]

    /// `fleet[1]`: the prefix of every key of this record.
    public var keyPrefix: String { "\(arrayKey)[\(index)]" }

    /// The entry for `field` relative to the record (`"count"` → `fleet[1].count`).
    public subscript(field: String) -> TOMLEntry? {
        let full = keyPrefix + "." + field
        return entries.first { $0.dottedKey == full }
    }

    /// Keys relative to the record, in file order.
    public var fields: [String] {
        entries.map { String($0.dottedKey.dropFirst(keyPrefix.count + 1)) }
    }

    /// An error located at this record, for problems only the caller sees.
    public func error(_ message: String, fix: String = "") -> InputError {
        InputError(file: file, line: line, field: keyPrefix, message: message, fix: fix)
    }
}

/// A parsed TOML file, flattened.
public struct TOMLFile: Sendable, Equatable {
    public let file: String
    /// Every key = value, in file order. Records of arrays of tables appear with indexed keys.
    public let entries: [TOMLEntry]
    /// Number of records of each array of tables, by the array's dotted key (`fleet` → 3);
    /// kept apart from `entries` so an empty `[[fleet]]` still counts.
    let recordCounts: [String: Int]
    /// Lines of table headers and keys, for records and missing-key messages.
    let lineIndex: [String: TOMLLineIndex.Position]

    /// Reads and parses the TOML file at `path`. Throws every problem found (see `init(parsing:file:)`).
    public static func read(from path: String) throws(InputErrors) -> TOMLFile {
        let input: InputFile
        do { input = try InputFile.read(path) } catch { throw InputErrors([error]) }
        return try TOMLFile(parsing: String(decoding: input.bytes, as: UTF8.self), file: path)
    }

    public subscript(dottedKey: String) -> TOMLEntry? {
        entries.first { $0.dottedKey == dottedKey }
    }

    /// The records of the array of tables `arrayKey` (`"fleet"` for `[[fleet]]`), in file order;
    /// empty when there is none.
    public func records(_ arrayKey: String) -> [TOMLRecord] {
        let count = recordCounts[arrayKey] ?? 0
        return (0..<count).map { index in
            let prefix = "\(arrayKey)[\(index)]."
            return TOMLRecord(
                file: file, arrayKey: arrayKey, index: index, line: lineIndex["\(arrayKey)[\(index)]"]?.line,
                entries: entries.filter { $0.dottedKey.hasPrefix(prefix) })
        }
    }

    /// The dotted keys of every array of tables in the file.
    public var recordArrayKeys: [String] { recordCounts.keys.sorted() }

    /// The line of a key or table header, or of its nearest enclosing table that appears in the
    /// file (for "missing key" messages: point at the `[finance]` header).
    public func line(of dottedKey: String) -> Int? {
        var key = dottedKey
        while true {
            if let position = lineIndex[key] { return position.line }
            guard let cut = TOMLKeyPath.parentKey(of: key) else { return nil }
            key = cut
        }
    }
}

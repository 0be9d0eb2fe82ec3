// Typed reading of TOML values, with messages that say what was found and how to write it.
import H2Model

extension TOMLEntry {
    /// An error located at this key, for problems only the caller sees (a value out of range).
    public func error(_ message: String, fix: String = "") -> InputError {
        InputError(file: file, line: line, field: dottedKey, message: message, fix: fix)
    }

    private var leaf: String { TOMLKeyPath.leaf(of: dottedKey) }

    private func wrongKind(expected: String, example: String) -> InputError {
        var fix = "write \(leaf) = \(example)"
        if case .string(let text) = value, case .success = NumberText.parseDouble(text), expected == "a number" {
            fix = "remove the quotes: \(leaf) = \(text.trimmingSpaces())"
        } else if case .string(let text) = value, expected == "a number" {
            fix = "write a number without quotes or units (\(NumberText.diagnose(text).fix))"
        }
        return error("expected \(expected), found \(value.kindName) \(value)", fix: fix)
    }

    /// A number; TOML integers (`1000`) and floats (`1000.0`) are both accepted.
    public func number(allowNegative: Bool = false, allowZero: Bool = true) throws(InputError) -> Double {
        guard case .number(let number) = value else { throw wrongKind(expected: "a number", example: "12.5") }
        if number < 0 && !allowNegative {
            throw error("\(formatNumber(number)) is negative", fix: allowZero ? "write a value of 0 or more" : "write a value greater than 0")
        }
        if number == 0 && !allowZero { throw error("the value must be greater than 0", fix: "write a positive value") }
        return number
    }

    /// A whole number (`12`, or `12.0`).
    public func integer(allowNegative: Bool = false, allowZero: Bool = true) throws(InputError) -> Int {
        let number = try number(allowNegative: allowNegative, allowZero: allowZero)
        guard number == number.rounded(), abs(number) < 9.0e15 else {
            throw error("\(formatNumber(number)) is not a whole number", fix: "write a whole number, e.g. \(leaf) = 12")
        }
        return Int(number)
    }

    public func string() throws(InputError) -> String {
        guard case .string(let text) = value else { throw wrongKind(expected: "text", example: "\"name\"") }
        return text
    }

    public func bool() throws(InputError) -> Bool {
        guard case .bool(let flag) = value else { throw wrongKind(expected: "true or false", example: "true") }
        return flag
    }

    /// An array of numbers, e.g. a demand ramp `[0.3, 0.6, 1.0]`.
    public func numbers(allowNegative: Bool = false) throws(InputError) -> [Double] {
        guard case .array(let elements) = value else { throw wrongKind(expected: "an array of numbers", example: "[1, 2.5]") }
        var numbers: [Double] = []
        for element in elements {
            guard case .number(let number) = element else {
                throw error("expected an array of numbers, found \(element.kindName) \(element) in it", fix: "write numbers only, e.g. \(leaf) = [1, 2.5]")
            }
            if number < 0 && !allowNegative { throw error("the array holds the negative value \(formatNumber(number))", fix: "write values of 0 or more") }
            numbers.append(number)
        }
        return numbers
    }

    public func strings() throws(InputError) -> [String] {
        guard case .array(let elements) = value else { throw wrongKind(expected: "an array of text", example: "[\"a\", \"b\"]") }
        var strings: [String] = []
        for element in elements {
            guard case .string(let text) = element else {
                throw error("expected an array of text, found \(element.kindName) \(element) in it", fix: "quote every element, e.g. \(leaf) = [\"a\", \"b\"]")
            }
            strings.append(text)
        }
        return strings
    }
}

extension TOMLFile {
    /// An error for a key that must be present but is not; it points at the enclosing table's
    /// header when there is one.
    public func missingKeyError(_ dottedKey: String, example: String = "…") -> InputError {
        let leaf = TOMLKeyPath.leaf(of: dottedKey)
        let fix: String
        if let parent = TOMLKeyPath.parentKey(of: dottedKey) {
            fix = "add the line \(leaf) = \(example) in the [\(parent)] table"
        } else {
            fix = "add the line \(leaf) = \(example) at the top of the file, before any [table]"
        }
        return InputError(file: file, line: line(of: dottedKey), field: dottedKey, message: "missing key \"\(dottedKey)\"", fix: fix)
    }

    /// The entry, or a missing-key error.
    public func require(_ dottedKey: String, example: String = "…") throws(InputError) -> TOMLEntry {
        guard let entry = self[dottedKey] else { throw missingKeyError(dottedKey, example: example) }
        return entry
    }
}

extension TOMLRecord {
    /// The record's entry for `field`, or an error naming the record.
    public func require(_ field: String, example: String = "…") throws(InputError) -> TOMLEntry {
        guard let entry = self[field] else {
            throw InputError(
                file: file, line: line, field: keyPrefix + "." + field,
                message: "record \(index + 1) of [[\(arrayKey)]] has no \"\(field)\"",
                fix: "add the line \(field) = \(example) below this [[\(arrayKey)]] header")
        }
        return entry
    }
}

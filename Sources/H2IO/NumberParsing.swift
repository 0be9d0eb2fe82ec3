// Reading numbers typed by planners. Strict on purpose: a spreadsheet's "1,000" or "8%" read
// as something else would silently change a result, so each common slip gets its own fix text.

/// Why a cell's text is not an acceptable number: the message and the fix to show.
struct NumberProblem: Error, Equatable {
    let message: String
    let fix: String
}

enum NumberText {
    static let decimalFix = "write a decimal number with \".\" as separator, e.g. 26.65"

    /// Parses a finite decimal number: `[+-]digits[.digits][e[+-]digits]` (".5" and "5." too),
    /// after trimming spaces. Rejects NaN and infinities in every spelling, commas, percent
    /// signs, full-width digits and anything else.
    static func parseDouble(_ raw: String) -> Result<Double, NumberProblem> {
        let text = raw.trimmingSpaces()
        if text.isEmpty {
            return .failure(NumberProblem(message: "the value is empty", fix: "fill in a number, e.g. 26.65"))
        }
        if isPlainDecimal(text.utf8) {
            guard let value = Double(text) else {
                return .failure(NumberProblem(message: "\"\(text)\" is not a number", fix: decimalFix))
            }
            guard value.isFinite else {
                return .failure(NumberProblem(
                    message: "\"\(text)\" is too large to be a number", fix: "check the value and its unit"))
            }
            return .success(value)
        }
        return .failure(diagnose(text))
    }

    /// Parses a whole number. Integral decimals such as "3.0" or "1e3" are accepted (some
    /// spreadsheets export them); "2.5" is not.
    static func parseInt(_ raw: String) -> Result<Int, NumberProblem> {
        let text = raw.trimmingSpaces()
        if let value = Int(text) { return .success(value) }
        switch parseDouble(text) {
        case .failure(let problem):
            return .failure(NumberProblem(
                message: problem.message,
                fix: problem.fix == decimalFix ? "write a whole number, e.g. 12" : problem.fix))
        case .success(let value):
            guard value == value.rounded(), abs(value) < 9.0e15 else {
                return .failure(NumberProblem(
                    message: "\"\(text)\" is not a whole number", fix: "write a whole number, e.g. 12"))
            }
            return .success(Int(value))
        }
    }

    /// The grammar check; `Double(String)` alone would also accept "nan", "inf" and hex floats.
    static func isPlainDecimal(_ utf8: String.UTF8View) -> Bool {
        var index = utf8.startIndex
        let end = utf8.endIndex
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        if index < end && (utf8[index] == UInt8(ascii: "+") || utf8[index] == UInt8(ascii: "-")) { index = utf8.index(after: index) }
        var mantissaDigits = 0
        while index < end && isDigit(utf8[index]) { mantissaDigits += 1; index = utf8.index(after: index) }
        if index < end && utf8[index] == UInt8(ascii: ".") {
            index = utf8.index(after: index)
            while index < end && isDigit(utf8[index]) { mantissaDigits += 1; index = utf8.index(after: index) }
        }
        guard mantissaDigits > 0 else { return false }
        if index < end && (utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E")) {
            index = utf8.index(after: index)
            if index < end && (utf8[index] == UInt8(ascii: "+") || utf8[index] == UInt8(ascii: "-")) { index = utf8.index(after: index) }
            var exponentDigits = 0
            while index < end && isDigit(utf8[index]) { exponentDigits += 1; index = utf8.index(after: index) }
            guard exponentDigits > 0 else { return false }
        }
        return index == end
    }

    /// Names the most likely slip behind a text that is not a plain decimal.
    static func diagnose(_ text: String) -> NumberProblem {
        let lower = text.lowercased()
        let unsigned = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
        if ["nan", "inf", "infinity", "#num!", "#div/0!", "#value!", "#n/a", "n/a", "na"].contains(unsigned) {
            return NumberProblem(
                message: "\"\(text)\" is not a finite number",
                fix: "write the actual value; NaN, infinity and spreadsheet error codes are not accepted")
        }
        if text.contains(",") {
            if isThousandsGrouped(text) {
                return NumberProblem(
                    message: "\"\(text)\" uses a comma as thousands separator",
                    fix: "write the number without separators, e.g. \(text.replacingCommas(with: ""))")
            }
            return NumberProblem(
                message: "\"\(text)\" uses a comma as decimal separator",
                fix: "write \".\" as the decimal separator, e.g. \(text.replacingCommas(with: "."))")
        }
        if text.hasSuffix("%") {
            return NumberProblem(
                message: "\"\(text)\" carries a percent sign",
                fix: "remove the % sign and write the value in the unit of the column name (a *_pct column takes 8 for 8 %, a fraction takes 0.08)")
        }
        if text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) || $0 == "。" }) {
            return NumberProblem(
                message: "\"\(text)\" contains full-width characters",
                fix: "switch the input method to half-width (半角) and retype the number")
        }
        if text.contains(where: { $0 == " " }) {
            return NumberProblem(message: "\"\(text)\" contains a space", fix: "write the number without spaces or units, e.g. 1500")
        }
        return NumberProblem(message: "\"\(text)\" is not a number", fix: decimalFix)
    }

    /// "1,000" or "-12,345,678.5": groups of exactly three digits after the first comma.
    static func isThousandsGrouped(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("-") || body.hasPrefix("+") { body = body.dropFirst() }
        let integerPart = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isASCIIDigit) } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func replacingCommas(with replacement: String) -> String {
        split(separator: ",", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

// Writing numbers for CSV and JSON: shortest digits that read back as the same Double,
// without spreadsheet-unfriendly exponents in the everyday range.

/// Formats a finite Double for output files.
///
/// Rule (DESIGN §3, "shortest round-trip"):
/// - the digits are Swift's shortest round-trip digits (`Double.description`), so
///   `Double(formatNumber(x)) == x` for every finite x;
/// - for 1e-6 ≤ |x| < 1e15 and for 0 they are written in plain positional notation, integral
///   values without a decimal point: `5`, `-1200`, `0.000012`, `26.65`;
/// - outside that range in scientific notation with a lowercase `e`, no `+` and no leading
///   zeros in the exponent: `1e-7`, `1.5e20`;
/// - negative zero is written `0`.
/// Callers must not pass NaN or infinities (`CSVWriter` and `JSONValue` check first).
public func formatNumber(_ value: Double) -> String {
    precondition(value.isFinite, "formatNumber needs a finite value")
    if value == 0 { return "0" }
    let magnitude = abs(value)
    let plain = magnitude >= 1e-6 && magnitude < 1e15
    let shortest = value.description
    // Fast path: Swift already wrote plain digits ("26.65", "1200.0"); only ".0" goes.
    if plain && !shortest.utf8.contains(UInt8(ascii: "e")) {
        return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
    }
    let (negative, digits, exponent) = decimalDigits(ofDescription: shortest)
    // value = 0.d1d2d3… × 10^exponent
    var text = negative ? "-" : ""
    if plain {
        if exponent <= 0 {
            text += "0." + String(repeating: "0", count: -exponent) + digits
        } else if exponent >= digits.count {
            text += digits + String(repeating: "0", count: exponent - digits.count)
        } else {
            let split = digits.index(digits.startIndex, offsetBy: exponent)
            text += digits[..<split] + "." + digits[split...]
        }
    } else {
        text += String(digits.first!)
        if digits.count > 1 { text += "." + digits.dropFirst() }
        text += "e" + String(exponent - 1)
    }
    return text
}

/// Splits Swift's shortest representation into sign, significant digits (no leading or
/// trailing zeros) and the exponent e with value = 0.digits × 10^e.
func decimalDigits(of value: Double) -> (negative: Bool, digits: String, exponent: Int) {
    decimalDigits(ofDescription: value.description)
}

func decimalDigits(ofDescription description: String) -> (negative: Bool, digits: String, exponent: Int) {
    var text = Substring(description)  // e.g. "-1.25e-07", "123.5", "1e+16"
    let negative = text.hasPrefix("-")
    if negative { text = text.dropFirst() }
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exponent = Int(text[text.index(after: e)...])!
        text = text[..<e]
    }
    let integerPart: Substring, fractionPart: Substring
    if let dot = text.firstIndex(of: ".") {
        integerPart = text[..<dot]
        fractionPart = text[text.index(after: dot)...]
    } else {
        integerPart = text
        fractionPart = ""
    }
    var all = Array((integerPart + fractionPart).utf8)
    var pointPosition = integerPart.count + exponent
    while let first = all.first, first == UInt8(ascii: "0") {
        all.removeFirst()
        pointPosition -= 1
    }
    while let last = all.last, last == UInt8(ascii: "0") { all.removeLast() }
    return (negative, String(decoding: all, as: UTF8.self), pointPosition)
}

// The few text rules every SVG writer shares: XML escaping, fixed-decimal numbers (so the same
// drawing is always the same bytes) and a rough text-width estimate for placing labels.

/// Escapes text for XML character data and attribute values (`& < > " '`), and drops the
/// characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return), which
/// would make the whole file unreadable.
func xmlEscaped(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&apos;"
        default:
            let value = scalar.value
            let forbidden = (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
            if !forbidden { escaped.unicodeScalars.append(scalar) }
        }
    }
    return escaped
}

/// A number with at most `decimals` digits after the point, rounded half away from zero,
/// trailing zeros dropped ("12.5", "300", "-0.25"); for SVG coordinates and sizes.
///
/// Uses integer arithmetic only, so the text is the same on every platform. A non-finite value
/// (which callers filter out before drawing) is written "0" rather than "nan", which would make
/// the file invalid for most renderers.
func svgNumber(_ value: Double, decimals: Int = 2) -> String {
    guard value.isFinite else { return "0" }
    return trimmedZeros(fixedDecimals(value, decimals))
}

/// A number with exactly `decimals` digits after the point ("31.20"), for values printed as
/// labels; rounded half away from zero; "-0.00" is written "0.00". Non-finite gives "n/a".
func fixedDecimals(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "n/a" }
    let decimals = max(0, min(decimals, 9))
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    // Beyond 2^53 the digits are not meaningful anyway; fall back to the shortest form.
    guard scaled < 9e15 else { return value < 0 ? "-" + formatLarge(-value) : formatLarge(value) }
    let units = UInt64(scaled)
    var divisor: UInt64 = 1
    for _ in 0..<decimals { divisor *= 10 }
    var text = String(units / divisor)
    if decimals > 0 {
        let fraction = String(units % divisor)
        text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return (value < 0 && units != 0) ? "-" + text : text
}

private func formatLarge(_ value: Double) -> String { String(Int64(exactly: value.rounded()) ?? 0) }

private func trimmedZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var trimmed = Substring(text)
    while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
    if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
    return trimmed == "-0" ? "0" : String(trimmed)
}

/// The width a label will take in a sans-serif font, roughly: CJK and full-width characters
/// one em, others 0.56 em (DejaVu Sans averages about that). Good enough to keep labels apart and legends on the canvas.
func estimatedTextWidth(_ text: String, fontSize: Double) -> Double {
    var ems = 0.0
    for scalar in text.unicodeScalars {
        ems += scalar.value >= 0x2E80 ? 1.0 : 0.56
    }
    return ems * fontSize
}

/// Font list for every chart: Latin sans first, then the usual CJK fonts on Windows, macOS
/// and Linux so Chinese names render wherever the SVG is opened.
let chartFontFamily = "DejaVu Sans, Arial, Helvetica, Microsoft YaHei, PingFang SC, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif"

/// Collects SVG markup; each element on its own line, so diffs of committed results read well.
struct SVGBuilder {
    private(set) var text = ""
    let width: Double
    let height: Double

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
        text += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(svgNumber(width))\" height=\"\(svgNumber(height))\" "
        text += "viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" font-family=\"\(chartFontFamily)\">\n"
        text += "<rect x=\"0\" y=\"0\" width=\"\(svgNumber(width))\" height=\"\(svgNumber(height))\" fill=\"#ffffff\"/>\n"
    }

    mutating func raw(_ markup: String) { text += markup + "\n" }

    /// Opens a group; `attributes` are written in the order given (values escaped here).
    mutating func open(_ element: String, _ attributes: [(String, String)] = []) {
        text += "<" + element + Self.attributeText(attributes) + ">\n"
    }

    mutating func close(_ element: String) { text += "</" + element + ">\n" }

    /// An empty element, or one holding `hover` as a `<title>` (tooltip in browsers).
    mutating func element(_ name: String, _ attributes: [(String, String)], hover: String? = nil) {
        if let hover {
            text += "<" + name + Self.attributeText(attributes) + "><title>" + xmlEscaped(hover) + "</title></" + name + ">\n"
        } else {
            text += "<" + name + Self.attributeText(attributes) + "/>\n"
        }
    }

    /// A text element; `content` is escaped here.
    mutating func label(
        _ content: String, x: Double, y: Double, size: Double, anchor: String = "start", fill: String = "#222222",
        weight: String? = nil, extra: [(String, String)] = []
    ) {
        var attributes: [(String, String)] = [("x", svgNumber(x)), ("y", svgNumber(y)), ("font-size", svgNumber(size))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        attributes.append(("fill", fill))
        if let weight { attributes.append(("font-weight", weight)) }
        attributes += extra
        text += "<text" + Self.attributeText(attributes) + ">" + xmlEscaped(content) + "</text>\n"
    }

    mutating func finish() -> String {
        text += "</svg>\n"
        return text
    }

    private static func attributeText(_ attributes: [(String, String)]) -> String {
        var text = ""
        for (name, value) in attributes { text += " " + name + "=\"" + xmlEscaped(value) + "\"" }
        return text
    }
}

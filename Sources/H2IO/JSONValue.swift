// A tiny deterministic JSON writer for manifest.json and GeoJSON: the same value always gives
// the same bytes, on every platform (Foundation's JSONSerialization orders keys by hash).
import H2Model

/// A JSON value. Objects keep the members in the order given; `sortedObject` sorts by key.
public indirect enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    case null
    case bool(Bool)
    /// Written with `formatNumber` (shortest round-trip); NaN and infinities make `rendered` throw.
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A literal object keeps the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { JSONMember($0.0, $0.1) })
    }
    public init(nilLiteral: ()) { self = .null }

    /// An object with members sorted by key (Unicode scalar order), for maps whose order has
    /// no meaning (input file hashes).
    public static func sortedObject(_ members: [String: JSONValue]) -> JSONValue {
        .object(members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }.map { JSONMember($0.key, $0.value) })
    }
}

public struct JSONMember: Sendable, Equatable {
    public let key: String
    public let value: JSONValue
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue {
    /// The JSON text. `pretty` indents by two spaces with one member per line (manifests,
    /// read by people); otherwise compact (large GeoJSON). Ends with a newline when pretty.
    /// Text is written as UTF-8 as is (Chinese names stay readable); `"`, `\`, control
    /// characters and U+2028/U+2029 are escaped.
    public func rendered(pretty: Bool = true) throws(OutputError) -> String {
        var text = ""
        try render(into: &text, pretty: pretty, indent: 0, path: "$")
        if pretty { text += "\n" }
        return text
    }

    private func render(into text: inout String, pretty: Bool, indent: Int, path: String) throws(OutputError) {
        switch self {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .integer(let number): text += String(number)
        case .number(let number):
            guard number.isFinite else {
                throw OutputError(
                    .nonFiniteNumber, path: path, message: "JSON value would be \(number) (not a finite number)",
                    fix: "this is a bug or an input that makes a quantity undefined; please report it with the scenario")
            }
            text += formatNumber(number)
        case .string(let string): Self.appendQuoted(string, to: &text)
        case .array(let elements):
            if elements.isEmpty { text += "[]"; return }
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                if pretty { text += "\n" + String(repeating: " ", count: indent + 2) }
                try element.render(into: &text, pretty: pretty, indent: indent + 2, path: path + "[\(index)]")
            }
            if pretty { text += "\n" + String(repeating: " ", count: indent) }
            text += "]"
        case .object(let members):
            if members.isEmpty { text += "{}"; return }
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                if pretty { text += "\n" + String(repeating: " ", count: indent + 2) }
                Self.appendQuoted(member.key, to: &text)
                text += pretty ? ": " : ":"
                try member.value.render(into: &text, pretty: pretty, indent: indent + 2, path: path + "." + member.key)
            }
            if pretty { text += "\n" + String(repeating: " ", count: indent) }
            text += "}"
        }
    }

    static func appendQuoted(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}

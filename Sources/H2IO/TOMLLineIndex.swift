// TOMLKit does not expose where a key was written, so a light scanner walks the text (already
// accepted by toml++) and records the line of every table header and key. It understands just
// enough TOML: [table] and [[array]] headers, dotted and quoted keys, strings of all four kinds,
// multi-line arrays, inline tables and comments.

struct TOMLLineIndex {
    struct Position: Sendable, Equatable {
        /// 1-based line.
        let line: Int
        /// Byte offset, to order keys that share a line.
        let offset: Int
    }

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var found: [String: Position] = [:]
    /// Records seen so far per array of tables, by its rendered key.
    private var recordCounts: [String: Int] = [:]

    /// Maps rendered dotted keys (`finance.rate`, `fleet[1]`, `fleet[1].count`) to where they
    /// are written.
    static func positions(in bytes: [UInt8]) -> [String: Position] {
        var scanner = TOMLLineIndex(bytes: bytes)
        scanner.scanDocument()
        return scanner.found
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }
    private func peek(_ ahead: Int) -> UInt8? { position + ahead < bytes.count ? bytes[position + ahead] : nil }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where position < bytes.count {
            if bytes[position] == UInt8(ascii: "\n") { line += 1 }
            position += 1
        }
    }

    private var here: Position { Position(line: line, offset: position) }

    private mutating func skipSpaces() {
        while let byte = current, byte == 0x20 || byte == 0x09 { advance() }
    }

    /// Spaces, line breaks and comments, as allowed between array elements.
    private mutating func skipBlankAndComments() {
        while let byte = current {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                advance()
            } else if byte == UInt8(ascii: "#") {
                skipToEndOfLine()
            } else {
                return
            }
        }
    }

    /// Up to, not including, the next line break.
    private mutating func skipToEndOfLine() {
        while let byte = current, byte != 0x0A { advance() }
    }

    private mutating func scanDocument() {
        var table = ""
        while position < bytes.count {
            let start = position
            skipBlankAndComments()
            guard let byte = current else { return }
            if byte == UInt8(ascii: "[") {
                let headerPosition = here
                let isArray = peek(1) == UInt8(ascii: "[")
                advance(isArray ? 2 : 1)
                let parts = scanKey()
                table = resolve(parts, appendingRecord: isArray)
                found[table] = headerPosition
                skipToEndOfLine()
            } else {
                let keyPosition = here
                let parts = scanKey()
                var path = table
                for part in parts { path = TOMLKeyPath.join(path, part) }
                found[path] = keyPosition
                skipSpaces()
                if current == UInt8(ascii: "=") { advance() }
                scanValue(path: path)
                skipToEndOfLine()
            }
            if position == start { advance() }  // never loop on text the scanner does not follow
        }
    }

    /// The rendered path of a header; parts that name arrays of tables refer to their latest
    /// record, and `[[…]]` opens a new one.
    private mutating func resolve(_ parts: [String], appendingRecord: Bool) -> String {
        var path = ""
        for (number, part) in parts.enumerated() {
            path = TOMLKeyPath.join(path, part)
            let isLast = number == parts.count - 1
            if isLast && appendingRecord {
                let index = recordCounts[path] ?? 0
                recordCounts[path] = index + 1
                path += "[\(index)]"
            } else if let count = recordCounts[path] {
                path += "[\(count - 1)]"
            }
        }
        return path
    }

    /// A possibly dotted key; stops before `=`, `]` or anything else that is not part of it.
    private mutating func scanKey() -> [String] {
        var parts: [String] = []
        while true {
            skipSpaces()
            guard let byte = current else { return parts }
            if byte == UInt8(ascii: "\"") {
                parts.append(scanBasicString())
            } else if byte == UInt8(ascii: "'") {
                parts.append(scanLiteralString())
            } else {
                let start = position
                while let b = current, TOMLKeyPath.isBare(String(UnicodeScalar(b))) { advance() }
                if position == start { return parts }
                parts.append(String(decoding: bytes[start..<position], as: UTF8.self))
            }
            skipSpaces()
            guard current == UInt8(ascii: ".") else { return parts }
            advance()
        }
    }

    private mutating func scanValue(path: String) {
        skipSpaces()
        guard let byte = current else { return }
        switch byte {
        case UInt8(ascii: "\""):
            if peek(1) == byte && peek(2) == byte { skipMultiLineString(quote: byte) } else { _ = scanBasicString() }
        case UInt8(ascii: "'"):
            if peek(1) == byte && peek(2) == byte { skipMultiLineString(quote: byte) } else { _ = scanLiteralString() }
        case UInt8(ascii: "["):
            advance()
            var index = 0
            while true {
                skipBlankAndComments()
                guard let next = current else { return }
                if next == UInt8(ascii: "]") { advance(); return }
                let element = path + "[\(index)]"
                found[element] = here
                let before = position
                scanValue(path: element)
                skipBlankAndComments()
                if current == UInt8(ascii: ",") { advance(); index += 1; continue }
                if current == UInt8(ascii: "]") { advance(); return }
                if position == before { return }
            }
        case UInt8(ascii: "{"):
            advance()
            while true {
                skipBlankAndComments()
                guard let next = current else { return }
                if next == UInt8(ascii: "}") { advance(); return }
                let keyPosition = here
                let parts = scanKey()
                if parts.isEmpty { return }
                var member = path
                for part in parts { member = TOMLKeyPath.join(member, part) }
                found[member] = keyPosition
                skipSpaces()
                if current == UInt8(ascii: "=") { advance() }
                scanValue(path: member)
                skipBlankAndComments()
                if current == UInt8(ascii: ",") { advance(); continue }
                if current == UInt8(ascii: "}") { advance() }
                return
            }
        default:
            // number, boolean or date: ends at a separator, a comment or the end of the line
            while let b = current, b != UInt8(ascii: ","), b != UInt8(ascii: "]"), b != UInt8(ascii: "}"),
                b != UInt8(ascii: "#"), b != 0x0A, b != 0x0D
            {
                advance()
            }
        }
    }

    /// A "basic string" with escapes, decoded (keys may be quoted).
    private mutating func scanBasicString() -> String {
        advance()  // opening quote
        var value: [UInt8] = []
        while let byte = current, byte != UInt8(ascii: "\""), byte != 0x0A {
            if byte == UInt8(ascii: "\\"), let escaped = peek(1) {
                advance(2)
                switch escaped {
                case UInt8(ascii: "b"): value.append(0x08)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "f"): value.append(0x0C)
                case UInt8(ascii: "r"): value.append(0x0D)
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let digits = escaped == UInt8(ascii: "u") ? 4 : 8
                    let hexEnd = min(position + digits, bytes.count)
                    let hex = String(decoding: bytes[position..<hexEnd], as: UTF8.self)
                    if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                        value.append(contentsOf: Array(String(Character(scalar)).utf8))
                    }
                    advance(digits)
                default: value.append(escaped)  // \" and \\
                }
            } else {
                value.append(byte)
                advance()
            }
        }
        advance()  // closing quote
        return String(decoding: value, as: UTF8.self)
    }

    private mutating func scanLiteralString() -> String {
        advance()
        let start = position
        while let byte = current, byte != UInt8(ascii: "'"), byte != 0x0A { advance() }
        let value = String(decoding: bytes[start..<position], as: UTF8.self)
        advance()
        return value
    }

    /// `"""…"""` or `'''…'''`; the closing delimiter may be followed by up to two more quotes
    /// that belong to the content.
    private mutating func skipMultiLineString(quote: UInt8) {
        advance(3)
        while let byte = current {
            if quote == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") { advance(2); continue }
            if byte == quote && peek(1) == quote && peek(2) == quote {
                advance(3)
                var extra = 0
                while current == quote && extra < 2 { advance(); extra += 1 }
                return
            }
            advance()
        }
    }
}

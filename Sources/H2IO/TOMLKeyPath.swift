// How dotted keys are spelt, shared by the flattener and the line scanner so both produce the
// same strings: bare parts as is, other parts in double quotes, record indices as `[n]`.

enum TOMLKeyPath {
    static func isBare(_ part: String) -> Bool {
        !part.isEmpty && part.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    static func render(_ part: String) -> String {
        if isBare(part) { return part }
        var text = "\""
        for scalar in part.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    text += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }

    /// `prefix.part`, or `part` at the top level.
    static func join(_ prefix: String, _ part: String) -> String {
        prefix.isEmpty ? render(part) : prefix + "." + render(part)
    }

    /// The tokens of a rendered path: parts (quoted or bare) and `[n]` indices.
    static func tokens(of path: String) -> [Substring] {
        var tokens: [Substring] = []
        var index = path.startIndex
        while index < path.endIndex {
            let character = path[index]
            if character == "." { index = path.index(after: index); continue }
            let start = index
            if character == "\"" {
                index = path.index(after: index)
                while index < path.endIndex && path[index] != "\"" {
                    if path[index] == "\\" { index = path.index(after: index) }
                    if index < path.endIndex { index = path.index(after: index) }
                }
                if index < path.endIndex { index = path.index(after: index) }
            } else if character == "[" {
                while index < path.endIndex && path[index] != "]" { index = path.index(after: index) }
                if index < path.endIndex { index = path.index(after: index) }
            } else {
                while index < path.endIndex && path[index] != "." && path[index] != "[" { index = path.index(after: index) }
            }
            tokens.append(path[start..<index])
        }
        return tokens
    }

    static func assemble(_ tokens: some Sequence<Substring>) -> String {
        var text = ""
        for token in tokens {
            if !text.isEmpty && !token.hasPrefix("[") { text += "." }
            text += token
        }
        return text
    }

    /// The enclosing key: `fleet[2].count` → `fleet[2]` → `fleet` → nil.
    static func parentKey(of path: String) -> String? {
        let tokens = tokens(of: path)
        guard tokens.count > 1 else { return nil }
        return assemble(tokens.dropLast())
    }

    /// `fleet[2].count` → `fleet[].count`.
    static func blankingIndices(_ path: String) -> String {
        guard path.contains("[") else { return path }
        return assemble(tokens(of: path).map { $0.hasPrefix("[") ? "[]" : $0 })
    }

    /// Puts the indices of `concrete` into the `[]` slots of `pattern`, in order.
    static func fillingIndices(of pattern: String, from concrete: String) -> String {
        var indices = tokens(of: concrete).filter { $0.hasPrefix("[") }.makeIterator()
        return assemble(tokens(of: pattern).map { token in
            token == "[]" ? (indices.next() ?? token) : token
        })
    }

    /// The last part, unquoted when it is bare: `finance.rate` → `rate`.
    static func leaf(of path: String) -> String {
        tokens(of: path).last { !$0.hasPrefix("[") }.map(String.init) ?? path
    }
}

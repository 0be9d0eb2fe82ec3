// Codable to and from `JSONValue`, so that a typed value (a sensitivity run's fingerprint) is
// written with the tool's own deterministic JSON writer and read back with its own strict
// reader. Foundation's JSONEncoder would do neither: its key order and number text are not
// ours, and the committed manifests must keep their bytes.
//
// Members come out in the order the value encodes them (a synthesized `encode(to:)` follows
// the declaration order; nil optionals are left out). Several keyed containers taken from one
// encoder write into the same object, in order, so a value can put its own members and those
// of a part it flattens into it (a command's settings) in one object. Doubles become
// `.number` (shortest round-trip text), integers `.integer`; decoding accepts either form for
// a Double, as `JSONValue.parse` gives `.integer` for text without a fraction.
import H2Model

extension JSONValue {
    /// The JSON value of `value`.
    public static func encoding<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = JSONNode()
        try value.encode(to: NodeEncoder(node: node, codingPath: []))
        return node.value
    }

    /// `type` read from this value; a missing member or a wrong type throws a DecodingError
    /// naming the path.
    public func decoded<T: Decodable>(as type: T.Type) throws -> T {
        try T(from: ValueDecoder(value: self, codingPath: []))
    }
}

// MARK: encoding

/// A value under construction: a scalar, an object (members in order) or an array.
private final class JSONNode {
    var scalar: JSONValue?
    var members: [(key: String, node: JSONNode)]?
    var elements: [JSONNode]?

    var value: JSONValue {
        if let members { return .object(members.map { JSONMember($0.key, $0.node.value) }) }
        if let elements { return .array(elements.map(\.value)) }
        return scalar ?? .null
    }

    func child(_ key: String) -> JSONNode {
        let node = JSONNode()
        if members == nil { members = [] }
        members!.append((key, node))
        return node
    }

    func element() -> JSONNode {
        let node = JSONNode()
        if elements == nil { elements = [] }
        elements!.append(node)
        return node
    }
}

private struct NodeEncoder: Encoder {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.members == nil { node.members = [] }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.elements == nil { node.elements = [] }
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(node: node, codingPath: codingPath) }
}

private func encodeValue<T: Encodable>(_ value: T, into node: JSONNode, codingPath: [any CodingKey]) throws {
    try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.scalar = .null }
    mutating func encode(_ value: Bool) throws { node.scalar = .bool(value) }
    mutating func encode(_ value: String) throws { node.scalar = .string(value) }
    mutating func encode(_ value: Double) throws { node.scalar = .number(value) }
    mutating func encode(_ value: Float) throws { node.scalar = .number(Double(value)) }
    mutating func encode(_ value: Int) throws { node.scalar = .integer(value) }
    mutating func encode(_ value: Int8) throws { node.scalar = .integer(Int(value)) }
    mutating func encode(_ value: Int16) throws { node.scalar = .integer(Int(value)) }
    mutating func encode(_ value: Int32) throws { node.scalar = .integer(Int(value)) }
    mutating func encode(_ value: Int64) throws { node.scalar = .integer(Int(value)) }
    mutating func encode(_ value: UInt) throws { try encodeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { node.scalar = .integer(Int(value)) }
    mutating func encode(_ value: UInt16) throws { node.scalar = .integer(Int(value)) }
    mutating func encode(_ value: UInt32) throws { node.scalar = .integer(Int(value)) }
    mutating func encode(_ value: UInt64) throws { try encodeUnsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: node, codingPath: codingPath) }

    private func encodeUnsigned(_ value: UInt64) throws {
        guard let n = Int(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) is beyond the integers JSON is read back with; encode it as text"))
        }
        node.scalar = .integer(n)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    var codingPath: [any CodingKey]

    private func single(_ key: Key) -> SingleNodeContainer { SingleNodeContainer(node: node.child(key.stringValue), codingPath: codingPath + [key]) }

    mutating func encodeNil(forKey key: Key) throws { var c = single(key); try c.encodeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { var c = single(key); try c.encode(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: node.child(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.child("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]) }
}

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var count: Int { node.elements?.count ?? 0 }

    private func single() -> SingleNodeContainer { SingleNodeContainer(node: node.element(), codingPath: codingPath + [IndexKey(count)]) }

    mutating func encodeNil() throws { var c = single(); try c.encodeNil() }
    mutating func encode(_ value: Bool) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: String) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Double) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Float) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Int) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Int8) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Int16) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Int32) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: Int64) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: UInt) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: UInt8) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: UInt16) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: UInt32) throws { var c = single(); try c.encode(value) }
    mutating func encode(_ value: UInt64) throws { var c = single(); try c.encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [IndexKey(count)]
        try encodeValue(value, into: node.element(), codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.element(), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { NodeEncoder(node: node.element(), codingPath: codingPath).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.element(), codingPath: codingPath) }
}

// MARK: decoding

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
    .typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(type), found \((try? value.rendered(pretty: false)) ?? "a value")"))
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch([String: Any].self, value, codingPath) }
        return KeyedDecodingContainer(KeyedValueContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch([Any].self, value, codingPath) }
        return UnkeyedValueContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueContainer(value: value, codingPath: codingPath) }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    var codingPath: [any CodingKey]

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard case .integer(let n) = value, let x = T(exactly: n) else { throw mismatch(type, value, codingPath) }
        return x
    }

    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let b) = value else { throw mismatch(type, value, codingPath) }
        return b
    }
    func decode(_ type: String.Type) throws -> String {
        guard case .string(let s) = value else { throw mismatch(type, value, codingPath) }
        return s
    }
    func decode(_ type: Double.Type) throws -> Double {
        guard let x = value.doubleValue else { throw mismatch(type, value, codingPath) }
        return x
    }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: ValueDecoder(value: value, codingPath: codingPath)) }
}

private struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [JSONMember]
    var codingPath: [any CodingKey]

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }
    func contains(_ key: Key) -> Bool { members.contains { $0.key == key.stringValue } }

    private func value(_ key: Key) throws -> JSONValue {
        guard let member = members.first(where: { $0.key == key.stringValue }) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no member \"\(key.stringValue)\""))
        }
        return member.value
    }
    private func single(_ key: Key) throws -> SingleValueContainer { SingleValueContainer(value: try value(key), codingPath: codingPath + [key]) }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key) == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try single(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try single(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try single(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try single(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try single(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try single(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try single(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try single(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try single(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try single(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try single(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try single(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try single(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try single(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try single(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: try value(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: try value(key), codingPath: codingPath + [key]).unkeyedContainer()
    }
    func superDecoder() throws -> any Decoder { ValueDecoder(value: .object(members), codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> any Decoder { ValueDecoder(value: try value(key), codingPath: codingPath + [key]) }
}

private struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    var codingPath: [any CodingKey]
    var currentIndex = 0
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    private mutating func next() throws -> SingleValueContainer {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "the array has only \(elements.count) elements"))
        }
        defer { currentIndex += 1 }
        return SingleValueContainer(value: elements[currentIndex], codingPath: codingPath + [IndexKey(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next().decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next().decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().decode(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let c = try next()
        return try ValueDecoder(value: c.value, codingPath: c.codingPath).container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let c = try next()
        return try ValueDecoder(value: c.value, codingPath: c.codingPath).unkeyedContainer()
    }
    mutating func superDecoder() throws -> any Decoder {
        let c = try next()
        return ValueDecoder(value: c.value, codingPath: c.codingPath)
    }
}

/// Why a text is not JSON, with the byte offset where reading stopped.
public struct JSONParseError: Error, Equatable, CustomStringConvertible {
    /// Bytes from the start of the text to where reading stopped.
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "not JSON at byte \(offset): \(message)" }
}

extension JSONValue {
    /// The deepest nesting of arrays and objects that parsing accepts.
    public static let maximumParsingDepth = 512

    /// Parses a complete JSON text (RFC 8259) given as UTF-8 bytes.
    ///
    /// Numbers without fraction or exponent that fit `Int64` become `.int`, other numbers
    /// `.double` (a number too large for `Double` is refused). Objects keep their key order; a
    /// key given twice keeps its first position and its last value. Nesting deeper than
    /// ``maximumParsingDepth``, text after the value, invalid UTF-8 in strings and lone
    /// surrogates in `\u` escapes are refused. A leading UTF-8 byte order mark is skipped.
    public init(parsing bytes: some Collection<UInt8>) throws {
        if let value = try bytes.withContiguousStorageIfAvailable({ try JSONParser.parse($0) }) {
            self = value
        } else {
            self = try Array(bytes).withUnsafeBufferPointer { try JSONParser.parse($0) }
        }
    }

    /// Parses a complete JSON text, as the initializer over UTF-8 bytes does.
    public init(parsing text: String) throws {
        var text = text
        self = try text.withUTF8 { try JSONParser.parse($0) }
    }

    /// Member `key` of an object (its last occurrence), nil for anything else or when absent.
    /// Keys are compared byte for byte, as JSON does, not by Unicode canonical equivalence.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.last(where: { sameJSONKey($0.0, key) })?.1
    }

    /// Element `index` of an array, nil when not an array or out of range.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The text of a `.string`; nil for anything else.
    public var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// An `.int`; a `.double` that is integral and fits `Int64`; a `.string` holding an
    /// integer such as `"202"`.
    public var intValue: Int64? {
        switch self {
        case .int(let value): return value
        case .double(let value):
            // Int64(exactly:) would need libm's trunc; the range check also refuses NaN.
            guard value >= -0x1p63, value < 0x1p63 else { return nil }
            let integer = Int64(value)
            return Double(integer) == value ? integer : nil
        case .string(let text): return Int64(text)
        default: return nil
        }
    }

    /// A `.double`, or an `.int` as `Double`.
    public var doubleValue: Double? {
        switch self {
        case .double(let value): return value
        case .int(let value): return Double(value)
        default: return nil
        }
    }

    /// A `.bool`, or a `.string` that says `true` or `false` in any case.
    public var boolValue: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let text):
            guard text.utf8.count <= 5 else { return nil }
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// The elements of an `.array`; nil for anything else.
    public var arrayValue: [JSONValue]? {
        guard case .array(let items) = self else { return nil }
        return items
    }

    /// Whether this is `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// JSON compares member names code unit by code unit; Swift's `==` on `String` would also
/// match canonically equivalent spellings.
@inline(__always)
private func sameJSONKey(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
}

/// A member name hashed and compared by its UTF-8 bytes.
private struct JSONKey: Hashable {
    var text: String

    static func == (a: JSONKey, b: JSONKey) -> Bool { sameJSONKey(a.text, b.text) }

    func hash(into hasher: inout Hasher) {
        var text = self.text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// An array or object still being read.
private struct JSONContainer {
    /// Objects with more members than this find duplicate keys through a dictionary.
    static let linearSearchLimit = 16

    let isObject: Bool
    var items: [JSONValue] = []
    var pairs: [(String, JSONValue)] = []
    /// The name of the member whose value is being read.
    var key = ""
    var positions: [JSONKey: Int]? = nil

    init(isObject: Bool) { self.isObject = isObject }

    mutating func add(_ value: JSONValue) {
        guard isObject else {
            items.append(value)
            return
        }
        if positions == nil {
            for position in pairs.indices where sameJSONKey(pairs[position].0, key) {
                pairs[position].1 = value
                return
            }
            pairs.append((key, value))
            if pairs.count > Self.linearSearchLimit {
                var positions: [JSONKey: Int] = [:]
                positions.reserveCapacity(pairs.count * 2)
                for (position, pair) in pairs.enumerated() { positions[JSONKey(text: pair.0)] = position }
                self.positions = positions
            }
        } else {
            let name = JSONKey(text: key)
            if let position = positions![name] {
                pairs[position].1 = value
            } else {
                positions![name] = pairs.count
                pairs.append((key, value))
            }
        }
    }
}

/// A reader over UTF-8 bytes. Containers are kept on an explicit stack, so deep nesting costs
/// no call stack.
private struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.index = 3 }
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error("\(parser.describeCurrent()) after the value")
        }
        return value
    }

    // MARK: Structure

    mutating func parseValue() throws -> JSONValue {
        var stack: [JSONContainer] = []
        var value: JSONValue
        nextValue: while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                guard stack.count < JSONValue.maximumParsingDepth else {
                    throw error("nesting deeper than \(JSONValue.maximumParsingDepth)")
                }
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    value = .object([])
                } else {
                    var container = JSONContainer(isObject: true)
                    container.key = try parseKey()
                    stack.append(container)
                    continue nextValue
                }
            case UInt8(ascii: "["):
                guard stack.count < JSONValue.maximumParsingDepth else {
                    throw error("nesting deeper than \(JSONValue.maximumParsingDepth)")
                }
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    value = .array([])
                } else {
                    stack.append(JSONContainer(isObject: false))
                    continue nextValue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = try parseNumber()
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            default:
                throw error("\(describeCurrent()), expected a value")
            }

            // A value is complete: add it to its container, closing the containers that end here.
            while let top = stack.indices.last {
                stack[top].add(value)
                skipWhitespace()
                let isObject = stack[top].isObject
                guard index < bytes.count else {
                    throw error("unexpected end of input, expected ',' or '\(isObject ? "}" : "]")'")
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") {
                    index += 1
                    if isObject {
                        skipWhitespace()
                        stack[top].key = try parseKey()
                    }
                    continue nextValue
                }
                guard byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw error("\(describeCurrent()), expected ',' or '\(isObject ? "}" : "]")'")
                }
                index += 1
                let done = stack.removeLast()
                value = isObject ? .object(done.pairs) : .array(done.items)
            }
            return value
        }
    }

    /// Reads `"name" :` and leaves the index at the value.
    mutating func parseKey() throws -> String {
        guard index < bytes.count else { throw error("unexpected end of input, expected a member name") }
        guard bytes[index] == UInt8(ascii: "\"") else { throw error("\(describeCurrent()), expected a member name") }
        let key = try parseString()
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of input, expected ':'") }
        guard bytes[index] == UInt8(ascii: ":") else { throw error("\(describeCurrent()), expected ':'") }
        index += 1
        return key
    }

    mutating func expectLiteral(_ literal: StaticString) throws {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            guard index < bytes.count else { throw error("unexpected end of input in '\(literal)'") }
            guard bytes[index] == byte else { throw error("\(describeCurrent()), expected '\(literal)'") }
            index += 1
        }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    // MARK: Numbers

    mutating func parseNumber() throws -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let digitsStart = index
        guard index < bytes.count else { throw error("unexpected end of input, expected a digit") }
        switch bytes[index] {
        case UInt8(ascii: "0"):
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("a number may not start with 0") }
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            index += 1
            skipDigits()
        default:
            throw error("\(describeCurrent()), expected a digit")
        }
        let digitsEnd = index
        var integral = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            integral = false
            index += 1
            try requireDigits(after: "'.'")
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            integral = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            try requireDigits(after: "the exponent")
        }

        if integral {
            var value: Int64 = 0
            var overflow = false
            for position in digitsStart..<digitsEnd {
                let digit = Int64(bytes[position] &- UInt8(ascii: "0"))
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
                if o1 || o2 {
                    overflow = true
                    break
                }
                value = next
            }
            if !overflow { return .int(value) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONParseError(offset: start, message: "number \(text) is out of range")
        }
        return .double(value)
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    mutating func requireDigits(after place: String) throws {
        guard index < bytes.count else { throw error("unexpected end of input, expected a digit after \(place)") }
        guard isDigit(bytes[index]) else { throw error("\(describeCurrent()), expected a digit after \(place)") }
        skipDigits()
    }

    // MARK: Strings

    /// Reads a string from its opening quote to past its closing quote.
    mutating func parseString() throws -> String {
        index += 1
        let start = index
        try skipPlainRun()
        guard index < bytes.count else { throw error("unexpected end of input in a string") }
        if bytes[index] == UInt8(ascii: "\"") {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            index += 1
            return text
        }

        // Escapes: gather the decoded bytes, then make the string once.
        var out: [UInt8] = []
        out.reserveCapacity(index - start + 16)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while true {
            guard index < bytes.count else { throw error("unexpected end of input in a string") }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &out)
            default:
                let runStart = index
                try skipPlainRun()
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
        }
    }

    /// Moves past bytes that stand for themselves in a string: stops at a quote, a backslash
    /// or the end; refuses control characters and invalid UTF-8.
    @inline(__always)
    mutating func skipPlainRun() throws {
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return }
                if byte < 0x20 {
                    throw error("control character U+\(hex(UInt32(byte), width: 4)) in a string must be escaped")
                }
                index += 1
            } else {
                index += try utf8SequenceLength(at: index)
            }
        }
    }

    /// The length of the valid UTF-8 sequence whose lead byte (0x80 or above) is at `position`.
    func utf8SequenceLength(at position: Int) throws -> Int {
        let lead = bytes[position]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw JSONParseError(offset: position, message: "invalid UTF-8 in a string")
        }
        guard position + length <= bytes.count else {
            throw JSONParseError(offset: position, message: "invalid UTF-8 in a string")
        }
        let second = bytes[position + 1]
        guard second >= low, second <= high else {
            throw JSONParseError(offset: position, message: "invalid UTF-8 in a string")
        }
        for offset in 2..<length where bytes[position + offset] & 0xC0 != 0x80 {
            throw JSONParseError(offset: position, message: "invalid UTF-8 in a string")
        }
        return length
    }

    /// Decodes the escape at the index (a backslash) into `out`.
    mutating func parseEscape(into out: inout [UInt8]) throws {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw error("unexpected end of input in an escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            switch scalar {
            case 0xD800...0xDBFF:
                let lowStart = index
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw JSONParseError(offset: escapeStart, message: "lone surrogate \\u\(hex(scalar, width: 4))")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONParseError(offset: lowStart, message: "\\u\(hex(low, width: 4)) cannot follow the high surrogate \\u\(hex(scalar, width: 4))")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            case 0xDC00...0xDFFF:
                throw JSONParseError(offset: escapeStart, message: "lone surrogate \\u\(hex(scalar, width: 4))")
            default:
                break
            }
            appendUTF8(scalar, to: &out)
        default:
            throw JSONParseError(offset: escapeStart, message: "invalid escape: \\ followed by \(describe(byte))")
        }
    }

    mutating func parseHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw error("unexpected end of input in a \\u escape") }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("\(describeCurrent()), expected four hex digits after \\u")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    // MARK: Errors

    func error(_ message: String) -> JSONParseError {
        JSONParseError(offset: index, message: message)
    }

    /// The byte at the index, for messages.
    func describeCurrent() -> String {
        index < bytes.count ? "unexpected \(describe(bytes[index]))" : "unexpected end of input"
    }

    func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(hex(UInt32(byte), width: 2))"
    }

    func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A value in the subset of TOML phonebatch's config file uses.
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case array([TOMLValue])
}

/// What is wrong with a TOML text, and on which line (1-based).
public struct TOMLError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// A parsed TOML text: its tables by dotted name ("" is the top level, "experian" is [experian],
/// "a.b" is [a.b]), each a dictionary of key -> value.
///
/// Tables named only as the prefix of a header (`a` for `[a.b]`) or made by dotted keys
/// (`x.y = 1` makes `x`) are listed too, so every table the text mentions is present.
/// Two documents are equal when their tables are; the line numbers kept for messages do not count.
public struct TOMLDocument: Sendable, Equatable {
    public private(set) var tables: [String: [String: TOMLValue]]
    private var keyLines: [String: [String: Int]]

    /// Parses `text`, refusing anything outside the supported subset. Throws `TOMLError` only.
    public init(parsing text: String) throws {
        var parser = TOMLParser(bytes: Array(text.utf8))
        try parser.parseDocument()
        tables = parser.tables
        keyLines = parser.keyLines
    }

    /// The line on which `key` of `table` was defined, for error messages (nil when absent).
    /// A dotted key `a.b = 1` in `[t]` is `b` in table `t.a`.
    public func line(of key: String, in table: String) -> Int? {
        keyLines[table]?[key]
    }

    public static func == (lhs: TOMLDocument, rhs: TOMLDocument) -> Bool {
        lhs.tables == rhs.tables
    }
}

/// The bytes the grammar cares about, named so the parser reads like the grammar.
private enum ASCII {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let hash = UInt8(ascii: "#")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":")
    static let equals = UInt8(ascii: "=")
    static let openBracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let closeBracket = UInt8(ascii: "]")
    static let underscore = UInt8(ascii: "_")
    static let openBrace = UInt8(ascii: "{")
    static let delete: UInt8 = 0x7F

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isBareKey(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == underscore || byte == minus
    }

    /// TOML allows tab but no other control character in strings and comments.
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != tab) || byte == delete
    }

    /// The value of `byte` as a digit in `radix` (2, 8, 10 or 16), or nil.
    static func digitValue(_ byte: UInt8, radix: UInt64) -> UInt64? {
        let value: UInt64
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt64(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = UInt64(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
        return value < radix ? value : nil
    }
}

/// Reads the UTF-8 of a TOML text once, front to back, keeping the line number for messages.
private struct TOMLParser {
    /// How a table came to exist; TOML lets each kind be extended in different ways.
    private enum Origin {
        /// Named by its own `[header]`.
        case header
        /// Only a prefix of some header (`a` in `[a.b]`): a later `[a]` may still define it.
        case implicit
        /// Made by a dotted key (`a.b = 1`): only more dotted keys in the same section may add to it.
        case dotted
    }

    /// Deep enough for any config, shallow enough that a hostile file cannot exhaust the stack.
    private static let maxArrayDepth = 32

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private(set) var tables: [String: [String: TOMLValue]] = ["": [:]]
    private(set) var keyLines: [String: [String: Int]] = ["": [:]]
    private var origins: [String: Origin] = ["": .header]
    private var tableLines: [String: Int] = ["": 1]
    /// The last name part of each table's sub-tables, to catch a key reusing a table's name.
    private var childTables: [String: Set<String>] = [:]
    /// The table `key = value` lines go into: the last header's.
    private var current = ""
    /// The lines of the arrays being read, outermost first.
    private var openArrayLines: [Int] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(TOMLError) {
        // Editors on Windows may save a byte-order mark; it is not part of the text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while true {
            skipSpaces()
            guard let byte = peek() else { return }
            switch byte {
            case ASCII.openBracket:
                try parseTableHeader()
                try finishLine(after: "the table header")
            case ASCII.hash, ASCII.newline, ASCII.carriageReturn:
                try finishLine(after: nil)
            default:
                try parseKeyValue()
                try finishLine(after: "the value")
            }
        }
    }

    // MARK: Lines, spaces and comments

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func skipSpaces() {
        while let byte = peek(), byte == ASCII.space || byte == ASCII.tab { index += 1 }
    }

    private func atNewline() -> Bool {
        peek() == ASCII.newline || (peek() == ASCII.carriageReturn && peek(1) == ASCII.newline)
    }

    /// Consumes an LF or CRLF and counts the line; a lone CR is not a line ending in TOML.
    private mutating func consumeNewline() -> Bool {
        guard atNewline() else { return false }
        index += peek() == ASCII.carriageReturn ? 2 : 1
        line += 1
        return true
    }

    /// Skips from `#` to the end of the line, leaving the line ending for the caller.
    private mutating func skipComment() throws(TOMLError) {
        while let byte = peek(), !atNewline() {
            if ASCII.isControl(byte) { throw fail("\(describe(at: index)) in comment") }
            index += 1
        }
    }

    /// After a header or a key/value pair only spaces and a comment may remain on the line.
    private mutating func finishLine(after what: String?) throws(TOMLError) {
        skipSpaces()
        if peek() == ASCII.hash { try skipComment() }
        if peek() == nil || consumeNewline() { return }
        let context = what.map { " after \($0)" } ?? ""
        throw fail("unexpected \(describe(at: index))\(context)\(arrayHint())")
    }

    // MARK: Tables and keys

    private mutating func parseTableHeader() throws(TOMLError) {
        index += 1
        if peek() == ASCII.openBracket {
            throw fail("arrays of tables ([[...]]) are not supported; use a separate [table] for each")
        }
        skipSpaces()
        if peek() == ASCII.closeBracket { throw fail("empty table header; write a name between [ and ]") }
        let path = try parseKeyPath()
        skipSpaces()
        guard peek() == ASCII.closeBracket else {
            throw fail("expected ']' to close the table header, found \(describe(at: index))")
        }
        index += 1
        try defineTable(path)
    }

    private mutating func parseKeyValue() throws(TOMLError) {
        let keyLine = line
        let path = try parseKeyPath()
        let shown = path.joined(separator: ".")
        skipSpaces()
        guard peek() == ASCII.equals else {
            throw fail("expected '=' after key '\(shown)', found \(describe(at: index))")
        }
        index += 1
        skipSpaces()
        if peek() == nil || peek() == ASCII.hash || atNewline() {
            throw fail("missing value after '=' for key '\(shown)'")
        }
        // Placing the key first reports a clash on its line before any mistake in a long value.
        let (table, key) = try placeKey(path)
        let value = try parseValue()
        tables[table, default: [:]][key] = value
        keyLines[table, default: [:]][key] = keyLine
    }

    /// One or more keys joined by dots, with optional spaces around the dots.
    private mutating func parseKeyPath() throws(TOMLError) -> [String] {
        var parts: [String] = []
        while true {
            skipSpaces()
            parts.append(try parseKey())
            skipSpaces()
            guard peek() == ASCII.dot else { return parts }
            index += 1
        }
    }

    private mutating func parseKey() throws(TOMLError) -> String {
        switch peek() {
        case ASCII.quote: return try parseBasicString()
        case ASCII.apostrophe: return try parseLiteralString()
        case ASCII.equals: throw fail("missing key before '='")
        default: break
        }
        let start = index
        while let byte = peek(), ASCII.isBareKey(byte) { index += 1 }
        guard index > start else {
            throw fail("expected a key, found \(describe(at: index)); keys other than A-Za-z0-9_- must be quoted")
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Defines the table a `[header]` names, and its prefixes, then makes it the current one.
    private mutating func defineTable(_ path: [String]) throws(TOMLError) {
        let shown = path.joined(separator: ".")
        var parent = ""
        for (position, part) in path.enumerated() {
            try checkTableNamePart(part)
            let name = Self.join(parent, part)
            if let keyLine = keyLines[parent]?[part] {
                throw fail("table [\(shown)] redefines key '\(part)' \(Self.place(parent)) (set on line \(keyLine))")
            }
            let isLast = position == path.count - 1
            let firstLine = tableLines[name] ?? line
            switch origins[name] {
            case nil:
                addTable(name, parent: parent, part: part, origin: isLast ? .header : .implicit)
            case .implicit where isLast:
                origins[name] = .header
                tableLines[name] = line
            case .header where isLast:
                throw fail("duplicate table [\(name)] (first defined on line \(firstLine))")
            case .dotted where isLast:
                throw fail("table [\(name)] was already defined by dotted keys on line \(firstLine)")
            default:
                // A prefix may be any kind of table: [a.b] after [a] or after `a.c = 1` is fine.
                break
            }
            parent = name
        }
        current = parent
    }

    /// The table and key a `key = value` line sets, making the tables its dotted key implies.
    private mutating func placeKey(_ path: [String]) throws(TOMLError) -> (table: String, key: String) {
        let shown = path.joined(separator: ".")
        var table = current
        for part in path.dropLast() {
            try checkTableNamePart(part)
            let name = Self.join(table, part)
            if let keyLine = keyLines[table]?[part] {
                throw fail("key '\(shown)' redefines key '\(part)' \(Self.place(table)) (set on line \(keyLine))")
            }
            switch origins[name] {
            case nil:
                addTable(name, parent: table, part: part, origin: .dotted)
            case .dotted:
                break
            case .header, .implicit:
                // TOML forbids extending a header's table from elsewhere with dotted keys.
                let headerLine = tableLines[name] ?? line
                throw fail("key '\(shown)' adds to table [\(name)], which a header defines on line \(headerLine); set it in that section")
            }
            table = name
        }
        let key = path.last ?? ""
        if let firstLine = keyLines[table]?[key] {
            throw fail("duplicate key '\(key)' \(Self.place(table)) (first set on line \(firstLine))")
        }
        if childTables[table]?.contains(key) == true {
            throw fail("key '\(key)' \(Self.place(table)) redefines table [\(Self.join(table, key))]")
        }
        return (table, key)
    }

    /// Tables are named by joining parts with dots, so a part must not be empty or hold a dot.
    private func checkTableNamePart(_ part: String) throws(TOMLError) {
        if part.isEmpty { throw fail("a table name cannot have an empty part") }
        if part.utf8.contains(ASCII.dot) { throw fail("a table name part cannot contain '.' ('\(part)')") }
    }

    private mutating func addTable(_ name: String, parent: String, part: String, origin: Origin) {
        tables[name] = [:]
        keyLines[name] = [:]
        origins[name] = origin
        tableLines[name] = line
        childTables[parent, default: []].insert(part)
    }

    private static func join(_ parent: String, _ part: String) -> String {
        parent.isEmpty ? part : parent + "." + part
    }

    /// Where a key lives, for messages: "in [harmony]" or "at the top level".
    private static func place(_ table: String) -> String {
        table.isEmpty ? "at the top level" : "in [\(table)]"
    }

    // MARK: Values

    private mutating func parseValue() throws(TOMLError) -> TOMLValue {
        switch peek() {
        case ASCII.quote: return .string(try parseBasicString())
        case ASCII.apostrophe: return .string(try parseLiteralString())
        case ASCII.openBracket: return try parseArray()
        case ASCII.openBrace: throw fail("inline tables are not supported; use a [table] section")
        default: return try parseWord()
        }
    }

    /// A bare value: boolean or number, or a mistake such as an unquoted string or a date.
    private mutating func parseWord() throws(TOMLError) -> TOMLValue {
        let start = index
        while let byte = peek(), Self.isWordByte(byte) { index += 1 }
        let word = bytes[start..<index]
        guard let first = word.first else {
            throw fail("expected a value, found \(describe(at: index))\(arrayHint())")
        }
        let text = String(decoding: word, as: UTF8.self)
        switch text {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "nan": throw fail("inf and nan are not supported")
        default: break
        }
        if ASCII.isDigit(first) || first == ASCII.plus || first == ASCII.minus || first == ASCII.dot {
            return try parseNumber(word, text: text)
        }
        throw fail("invalid value '\(text)'; strings must be quoted\(arrayHint())")
    }

    /// Letters, digits and the punctuation of numbers and dates; non-ASCII too, so that a
    /// mistaken word is quoted whole in the message.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        ASCII.isBareKey(byte) || byte == ASCII.plus || byte == ASCII.dot || byte == ASCII.colon || byte >= 0x80
    }

    private func parseNumber(_ word: ArraySlice<UInt8>, text: String) throws(TOMLError) -> TOMLValue {
        if Self.looksLikeDateOrTime(word) {
            throw fail("dates and times are not supported; quote '\(text)' as a string")
        }
        var body = word
        var negative = false
        if let sign = body.first, sign == ASCII.plus || sign == ASCII.minus {
            negative = sign == ASCII.minus
            body = body.dropFirst()
        }
        let unsigned = String(decoding: body, as: UTF8.self)
        if unsigned == "inf" || unsigned == "nan" { throw fail("inf and nan are not supported") }

        if body.count >= 2, body.first == UInt8(ascii: "0"), let radix = Self.radix(prefix: body.dropFirst().first) {
            if body.count < word.count { throw fail("a sign is not allowed on a 0x, 0o or 0b integer ('\(text)')") }
            guard let digits = Self.digits(body.dropFirst(2), radix: radix) else { throw fail("invalid number '\(text)'") }
            return .integer(try integer(digits, radix: radix, negative: false, text: text))
        }
        if body.contains(where: { $0 == ASCII.dot || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return .float(try float(body, negative: negative, text: text))
        }
        guard let digits = Self.digits(body, radix: 10) else { throw fail("invalid number '\(text)'") }
        if digits.count > 1, digits.first == UInt8(ascii: "0") { throw fail("leading zeros are not allowed ('\(text)')") }
        return .integer(try integer(digits, radix: 10, negative: negative, text: text))
    }

    /// `1979-05-27` or `07:32:00`: dates and times are valid TOML this parser leaves out,
    /// so they get their own message rather than "invalid number".
    private static func looksLikeDateOrTime(_ word: ArraySlice<UInt8>) -> Bool {
        let head = Array(word.prefix(5))
        if head.count == 5, head.prefix(4).allSatisfy(ASCII.isDigit), head[4] == ASCII.minus { return true }
        return head.count >= 3 && ASCII.isDigit(head[0]) && ASCII.isDigit(head[1]) && head[2] == ASCII.colon
    }

    private static func radix(prefix: UInt8?) -> UInt64? {
        switch prefix {
        case UInt8(ascii: "x"): return 16
        case UInt8(ascii: "o"): return 8
        case UInt8(ascii: "b"): return 2
        default: return nil
        }
    }

    /// The digits of `part` with its underscores removed, or nil when it is empty, holds a
    /// byte that is not a digit in `radix`, or has an underscore that is not between two digits.
    private static func digits(_ part: ArraySlice<UInt8>, radix: UInt64) -> [UInt8]? {
        var result: [UInt8] = []
        var previousWasDigit = false
        for byte in part {
            if byte == ASCII.underscore {
                guard previousWasDigit else { return nil }
                previousWasDigit = false
            } else {
                guard ASCII.digitValue(byte, radix: radix) != nil else { return nil }
                result.append(byte)
                previousWasDigit = true
            }
        }
        return previousWasDigit ? result : nil
    }

    private func integer(_ digits: [UInt8], radix: UInt64, negative: Bool, text: String) throws(TOMLError) -> Int64 {
        // Int64.min has no positive counterpart, so a negative number may reach one further.
        let limit = UInt64(Int64.max) + (negative ? 1 : 0)
        var magnitude: UInt64 = 0
        for byte in digits {
            let digit = ASCII.digitValue(byte, radix: radix) ?? 0
            let (shifted, overflowA) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, overflowB) = shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB, sum <= limit else {
                throw fail("integer '\(text)' is out of range (it must fit in 64 bits)")
            }
            magnitude = sum
        }
        guard negative else { return Int64(magnitude) }
        return magnitude == limit ? Int64.min : -Int64(magnitude)
    }

    /// Checks the float's parts against TOML's grammar (digits on both sides of the dot,
    /// underscores only between digits), then lets the standard library convert it.
    private func float(_ body: ArraySlice<UInt8>, negative: Bool, text: String) throws(TOMLError) -> Double {
        let invalid = fail("invalid number '\(text)'")
        let isExponent: (UInt8) -> Bool = { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        var rest = body
        let integerEnd = rest.firstIndex(where: { $0 == ASCII.dot || isExponent($0) }) ?? rest.endIndex
        guard let integerDigits = Self.digits(rest[..<integerEnd], radix: 10) else { throw invalid }
        if integerDigits.count > 1, integerDigits.first == UInt8(ascii: "0") {
            throw fail("leading zeros are not allowed ('\(text)')")
        }
        var normalized = (negative ? "-" : "") + String(decoding: integerDigits, as: UTF8.self)
        rest = rest[integerEnd...]
        if rest.first == ASCII.dot {
            rest = rest.dropFirst()
            let fractionEnd = rest.firstIndex(where: isExponent) ?? rest.endIndex
            guard let fraction = Self.digits(rest[..<fractionEnd], radix: 10) else { throw invalid }
            normalized += "." + String(decoding: fraction, as: UTF8.self)
            rest = rest[fractionEnd...]
        }
        if let marker = rest.first, isExponent(marker) {
            rest = rest.dropFirst()
            var sign = ""
            if let first = rest.first, first == ASCII.plus || first == ASCII.minus {
                sign = first == ASCII.minus ? "-" : ""
                rest = rest.dropFirst()
            }
            guard let exponent = Self.digits(rest, radix: 10) else { throw invalid }
            normalized += "e" + sign + String(decoding: exponent, as: UTF8.self)
        }
        guard let value = Double(normalized) else { throw invalid }
        guard value.isFinite else { throw fail("float '\(text)' is out of range") }
        return value
    }

    // MARK: Strings

    /// A "..." string with escapes; it must end on the line it starts.
    private mutating func parseBasicString() throws(TOMLError) -> String {
        try refuseMultiLine(ASCII.quote)
        index += 1
        var result: [UInt8] = []
        while true {
            guard let byte = peek(), !atNewline() else {
                throw fail("unterminated string; close it with '\"' on the same line")
            }
            switch byte {
            case ASCII.quote:
                index += 1
                // The text is valid UTF-8 and escapes add whole scalars, so nothing is replaced.
                return String(decoding: result, as: UTF8.self)
            case ASCII.backslash:
                try parseEscape(into: &result)
            default:
                if ASCII.isControl(byte) { throw fail("\(describe(at: index)) in string; write it as an escape") }
                result.append(byte)
                index += 1
            }
        }
    }

    /// A '...' string, taken as written; it must end on the line it starts.
    private mutating func parseLiteralString() throws(TOMLError) -> String {
        try refuseMultiLine(ASCII.apostrophe)
        index += 1
        let start = index
        while true {
            guard let byte = peek(), !atNewline() else {
                throw fail("unterminated string; close it with \"'\" on the same line")
            }
            if byte == ASCII.apostrophe {
                index += 1
                return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
            }
            if ASCII.isControl(byte) { throw fail("\(describe(at: index)) in string") }
            index += 1
        }
    }

    /// Three quotes open a multi-line string (even `""` followed by a quote, as TOML reads it).
    private func refuseMultiLine(_ quote: UInt8) throws(TOMLError) {
        if peek(1) == quote && peek(2) == quote {
            throw fail("multi-line strings are not supported")
        }
    }

    private mutating func parseEscape(into result: inout [UInt8]) throws(TOMLError) {
        index += 1
        guard let code = peek(), !atNewline() else {
            throw fail("unterminated string; close it with '\"' on the same line")
        }
        let shown = describe(at: index)
        index += 1
        switch code {
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "t"): result.append(0x09)
        case UInt8(ascii: "n"): result.append(0x0A)
        case UInt8(ascii: "f"): result.append(0x0C)
        case UInt8(ascii: "r"): result.append(0x0D)
        case ASCII.quote: result.append(ASCII.quote)
        case ASCII.backslash: result.append(ASCII.backslash)
        case UInt8(ascii: "u"): result.append(contentsOf: try unicodeEscape(digitCount: 4).utf8)
        case UInt8(ascii: "U"): result.append(contentsOf: try unicodeEscape(digitCount: 8).utf8)
        default: throw fail("invalid escape \\ followed by \(shown) in string; write \\\\ for a backslash")
        }
    }

    private mutating func unicodeEscape(digitCount: Int) throws(TOMLError) -> Unicode.Scalar {
        let letter = digitCount == 4 ? "u" : "U"
        var value: UInt32 = 0
        for _ in 0..<digitCount {
            guard let byte = peek(), let digit = ASCII.digitValue(byte, radix: 16) else {
                throw fail("invalid escape: \\\(letter) needs \(digitCount) hex digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        // Surrogates and values past U+10FFFF are not characters.
        guard let scalar = Unicode.Scalar(value) else {
            throw fail("invalid escape: \\\(letter) value is not a unicode scalar")
        }
        return scalar
    }

    // MARK: Arrays

    private mutating func parseArray() throws(TOMLError) -> TOMLValue {
        let openLine = line
        guard openArrayLines.count < Self.maxArrayDepth else { throw fail("arrays are nested too deeply") }
        openArrayLines.append(openLine)
        defer { openArrayLines.removeLast() }
        let unterminated = TOMLError(line: openLine, message: "unterminated array; close it with ']'")
        index += 1
        var items: [TOMLValue] = []
        while true {
            try skipArrayFiller()
            guard let byte = peek() else { throw unterminated }
            if byte == ASCII.closeBracket { break }
            items.append(try parseValue())
            try skipArrayFiller()
            guard let next = peek() else { throw unterminated }
            if next == ASCII.closeBracket { break }
            guard next == ASCII.comma else {
                throw fail("expected ',' or ']' in array, found \(describe(at: index))\(arrayHint())")
            }
            index += 1
        }
        index += 1
        return .array(items)
    }

    /// Between array items: spaces, line endings and comments.
    private mutating func skipArrayFiller() throws(TOMLError) {
        while true {
            skipSpaces()
            if consumeNewline() { continue }
            guard peek() == ASCII.hash else { return }
            try skipComment()
        }
    }

    /// An array left open reads the following lines as its items, so a mistake found there
    /// most likely means a missing ']'.
    private func arrayHint() -> String {
        guard let openLine = openArrayLines.first, openLine < line else { return "" }
        return " (is the ']' of the array on line \(openLine) missing?)"
    }

    // MARK: Messages

    private func fail(_ message: String) -> TOMLError {
        TOMLError(line: line, message: message)
    }

    /// The character at `position`, quoted, or a name for what cannot be shown.
    private func describe(at position: Int) -> String {
        guard position < bytes.count else { return "end of file" }
        let byte = bytes[position]
        if byte == ASCII.newline || (byte == ASCII.carriageReturn && position + 1 < bytes.count && bytes[position + 1] == ASCII.newline) {
            return "end of line"
        }
        if byte == ASCII.carriageReturn { return "carriage return without line feed" }
        if ASCII.isControl(byte) {
            let hex = String(byte, radix: 16, uppercase: true)
            return "control character U+" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        // Show a whole UTF-8 sequence: its length follows from the lead byte.
        let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        let character = String(decoding: bytes[position..<min(position + length, bytes.count)], as: UTF8.self)
        return byte == ASCII.apostrophe ? "\"'\"" : "'\(character)'"
    }
}

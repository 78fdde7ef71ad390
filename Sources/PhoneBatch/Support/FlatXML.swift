/// A reader for the flat XML some providers answer with: one root element whose children hold
/// text, such as Xverify's `<phoneconfirm><error>0</error>...</phoneconfirm>`. Foundation's
/// `XMLParser` lives in FoundationXML, which not every Linux install has.
///
/// Around the root it allows an XML declaration, processing instructions, comments and
/// whitespace. Attributes are checked for shape and ignored. A child's text is decoded from the
/// five predefined entities, numeric character references and CDATA sections; an empty or
/// self-closing child has the text "". Grandchildren are skipped: a child keeps only its own
/// text. Not flat XML, and so nil: a document type declaration (HTML error pages start with
/// one), an unknown entity, a missing or mismatched end tag, text of the root's own that is
/// not whitespace, or anything else after the root. It does not validate names or characters
/// beyond that.
enum FlatXML {
    /// The root element's name and its children's names and texts in document order; nil when
    /// `bytes` is not such a document.
    static func parse(_ bytes: [UInt8]) -> (root: String, children: [(String, String)])? {
        var reader = FlatXMLReader(bytes: bytes)
        return reader.document()
    }
}

private struct FlatXMLReader {
    let bytes: [UInt8]
    var index = 0

    mutating func document() -> (root: String, children: [(String, String)])? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        guard skipMisc(), let root = startTag() else { return nil }
        var children: [(String, [UInt8])] = []
        // The elements open at the index: the root, then a child, then any grandchildren.
        var open: [String] = root.isEmpty ? [] : [root.name]
        while !open.isEmpty {
            let textStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
            if open.count == 2 {
                guard decode(textStart..<index, into: &children[children.count - 1].1) else { return nil }
            } else if open.count == 1 {
                guard bytes[textStart..<index].allSatisfy(Self.isSpace) else { return nil }
            }
            guard index < bytes.count else { return nil }
            if skip("<!--") {
                guard skipPast("-->") else { return nil }
            } else if skip("<![CDATA[") {
                let contentStart = index
                guard skipPast("]]>") else { return nil }
                if open.count == 2 { children[children.count - 1].1.append(contentsOf: bytes[contentStart..<(index - 3)]) }
            } else if skip("<?") {
                guard skipPast("?>") else { return nil }
            } else if skip("</") {
                guard let closing = name(), closing == open.last else { return nil }
                skipSpaces()
                guard skip(">") else { return nil }
                open.removeLast()
            } else {
                guard let tag = startTag() else { return nil }
                if open.count == 1 { children.append((tag.name, [])) }
                if !tag.isEmpty { open.append(tag.name) }
            }
        }
        guard skipMisc(), index == bytes.count else { return nil }
        return (root.name, children.map { ($0.0, String(decoding: $0.1, as: UTF8.self)) })
    }

    /// Skips whitespace, comments and processing instructions (the XML declaration among them);
    /// false when one of those is not closed.
    mutating func skipMisc() -> Bool {
        while true {
            skipSpaces()
            if skip("<?") {
                guard skipPast("?>") else { return false }
            } else if skip("<!--") {
                guard skipPast("-->") else { return false }
            } else {
                return true
            }
        }
    }

    /// Reads `<name attr="value" ...>` or `<name .../>` from its `<`.
    mutating func startTag() -> (name: String, isEmpty: Bool)? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else { return nil }
        index += 1
        guard let tagName = name() else { return nil }
        while true {
            let spaced = skipSpaces()
            if skip(">") { return (tagName, false) }
            if skip("/>") { return (tagName, true) }
            // An attribute, ignored: name = "value" or 'value', after whitespace.
            guard spaced, name() != nil else { return nil }
            skipSpaces()
            guard skip("=") else { return nil }
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[index]
            index += 1
            while index < bytes.count, bytes[index] != quote {
                if bytes[index] == UInt8(ascii: "<") { return nil }
                index += 1
            }
            guard index < bytes.count else { return nil }
            index += 1
        }
    }

    /// An element or attribute name: ASCII letters, digits, `_ : - .` and any non-ASCII byte,
    /// not starting with a digit, `-` or `.`.
    mutating func name() -> String? {
        let start = index
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        guard index > start else { return nil }
        let first = bytes[start]
        guard !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first), first != UInt8(ascii: "-"), first != UInt8(ascii: ".") else {
            return nil
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    /// Appends the text in `range` to `out` with its entities and character references
    /// decoded; false at an unknown entity or a reference to a character XML cannot hold.
    func decode(_ range: Range<Int>, into out: inout [UInt8]) -> Bool {
        var position = range.lowerBound
        while position < range.upperBound {
            guard bytes[position] == UInt8(ascii: "&") else {
                out.append(bytes[position])
                position += 1
                continue
            }
            guard let end = bytes[position..<range.upperBound].firstIndex(of: UInt8(ascii: ";")) else { return false }
            let entity = String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
            switch entity {
            case "amp": out.append(UInt8(ascii: "&"))
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                guard let scalar = Self.characterReference(entity) else { return false }
                out.append(contentsOf: String(Character(scalar)).utf8)
            }
            position = end + 1
        }
        return true
    }

    /// The character of `#NN` or `#xHH`; nil for anything else, for U+0000 and for surrogates.
    static func characterReference(_ entity: String) -> Unicode.Scalar? {
        let hex = entity.hasPrefix("#x")
        guard hex || entity.hasPrefix("#") else { return nil }
        let digits = entity.utf8.dropFirst(hex ? 2 : 1)
        let isDigit: (UInt8) -> Bool = { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || hex && (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
        }
        guard !digits.isEmpty, digits.count <= 8, digits.allSatisfy(isDigit),
              let value = UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10), value != 0 else { return nil }
        return Unicode.Scalar(value)
    }

    /// Moves past `literal` when the bytes at the index spell it.
    mutating func skip(_ literal: String) -> Bool {
        let utf8 = literal.utf8
        guard bytes.count - index >= utf8.count, bytes[index..<(index + utf8.count)].elementsEqual(utf8) else { return false }
        index += utf8.count
        return true
    }

    /// Moves past the next `literal`; false, at the end, when there is none.
    mutating func skipPast(_ literal: String) -> Bool {
        while index < bytes.count {
            if skip(literal) { return true }
            index += 1
        }
        return false
    }

    /// Moves past spaces, tabs and line breaks; whether there were any.
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = index
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        return index > start
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// Cleans what spreadsheets and CRMs leave around a phone field before the engine reads it:
/// a leading apostrophe, an `="..."` formula, a `tel:` in any case. Everything else is the
/// engine's to read, exactly as libphonenumber reads it.
enum PhoneText {
    /// The cleaned text, or nil when nothing is left.
    static func clean(_ input: String) -> String? {
        if let plain = plainASCII(input) { return plain }
        var text = Substring(input).trimmingWhitespace()
        // Spreadsheets: '+44..., ="+44...", =+44...
        if text.hasPrefix("=\"") && text.hasSuffix("\"") && text.count >= 3 {
            text = text.dropFirst(2).dropLast()
        } else if text.hasPrefix("=") {
            text = text.dropFirst()
        }
        while text.hasPrefix("'") { text = text.dropFirst() }
        if text.count >= 4, text.prefix(4).lowercased() == "tel:" { text = text.dropFirst(4) }
        text = text.trimmingWhitespace()
        if text.isEmpty { return nil }
        return String(text)
    }

    /// The common case quickly: ASCII with nothing to clean (no spreadsheet mark, no `tel:`,
    /// no space at either end) is returned as it is; nil means "clean it the long way".
    private static func plainASCII(_ input: String) -> String? {
        var utf8 = input.utf8.makeIterator()
        guard let first = utf8.next() else { return nil }
        // ' and = are spreadsheet marks, t and T may begin "tel:", space and controls trim.
        if first <= 0x20 || first == 0x27 || first == 0x3D || first == 0x74 || first == 0x54 || first >= 0x80 { return nil }
        var last = first
        while let byte = utf8.next() {
            if byte >= 0x80 { return nil }
            last = byte
        }
        return last <= 0x20 ? nil : input
    }

    /// `00` followed by digits and the punctuation numbers are written with: read with no
    /// region, it can only be an international prefix.
    static func isInternationalWithoutRegion(_ text: String) -> Bool {
        guard text.hasPrefix("00") else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || byte == 0x20 || byte == 0x2D || byte == 0x2E || byte == 0x28 || byte == 0x29 || byte == 0x2F
        }
    }
}
extension Substring {
    /// Trims spaces, tabs, line breaks and no-break spaces at both ends.
    func trimmingWhitespace() -> Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}

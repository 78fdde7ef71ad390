import CPhoneMetadata

/// What phonenumberutil's fixed patterns see in a character. scripts/update-metadata splits
/// Unicode into classes such that every character set of those patterns (Python's `\d`, `\w`
/// and the listed punctuation, with `re.IGNORECASE` as Python applies it) holds a class whole,
/// and compiles the patterns into automata over the classes.
extension Metadata {
    func textClass(_ scalar: UInt32) -> Int {
        if scalar < 128 { return Int(tables.text_ascii[Int(scalar)]) }
        var low = 0, high = Int(tables.text_range_count) - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = tables.text_ranges[mid]
            if scalar < range.first {
                high = mid - 1
            } else if scalar > range.last {
                low = mid + 1
            } else {
                return Int(range.text_class)
            }
        }
        return 0
    }

    func textFlags(_ scalar: UInt32) -> UInt8 {
        tables.text_class_flags[textClass(scalar)]
    }

    func isDigit(_ scalar: UInt32) -> Bool { textFlags(scalar) & UInt8(PB_CLASS_DIGIT) != 0 }
    func isPlus(_ scalar: UInt32) -> Bool { textFlags(scalar) & UInt8(PB_CLASS_PLUS) != 0 }
    func isUnwantedAtEnd(_ scalar: UInt32) -> Bool { textFlags(scalar) & UInt8(PB_CLASS_UNWANTED_END) != 0 }
    func isValidStart(_ scalar: UInt32) -> Bool { textFlags(scalar) & UInt8(PB_CLASS_VALID_START) != 0 }

    /// `fullmatch` of a text automaton over `text`.
    func textMatchesWhole(_ automaton: UInt32, _ text: UnsafeBufferPointer<UInt32>) -> Bool {
        let base = Int(automaton)
        var state = 0
        for scalar in text {
            let next = textNext[(base + state) * textClassCount + textClass(scalar)]
            if next == 0xFFFF { return false }
            state = Int(next)
        }
        return textAccept[base + state] != 0
    }

    /// The leftmost position from which the pattern of a reversed automaton matches the rest
    /// of `text` (`re.search` of a pattern anchored at the end), nil when none does.
    func leftmostSuffixMatch(_ automaton: UInt32, _ text: UnsafeBufferPointer<UInt32>) -> Int? {
        let base = Int(automaton)
        var state = 0
        var found: Int?
        var index = text.count
        while index > 0 {
            index -= 1
            let next = textNext[(base + state) * textClassCount + textClass(text[index])]
            if next == 0xFFFF { break }
            state = Int(next)
            if textAccept[base + state] != 0 { found = index }
        }
        return found
    }
}

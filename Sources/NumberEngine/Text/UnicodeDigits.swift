/// The two ways phonenumberutil turns characters into digits, from tables that
/// scripts/update-metadata took from the same Python: `unicodedata.digit` (any script's
/// digits, superscripts, circled digits ...), and the phone keypad by upper case.
extension Metadata {
    /// `unicodedata.digit(character, -1)`, nil for -1.
    func digitValue(_ scalar: UInt32) -> UInt8? {
        if scalar >= 0x30 && scalar <= 0x39 { return UInt8(scalar - 0x30) }
        if scalar < 128 { return nil }
        var low = 0, high = Int(tables.digit_value_count) - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = tables.digit_values[mid]
            if scalar < range.first {
                high = mid - 1
            } else if scalar > range.last {
                low = mid + 1
            } else {
                return range.value + UInt8(scalar - range.first)
            }
        }
        return nil
    }

    /// `_ALPHA_PHONE_MAPPINGS.get(character.upper())`: letters to their keypad digit, ASCII
    /// digits to themselves; nil for everything else (other scripts' digits included).
    func keypadDigit(_ scalar: UInt32) -> UInt8? {
        if scalar >= 0x30 && scalar <= 0x39 { return UInt8(scalar - 0x30) }
        var low = 0, high = Int(tables.keypad_count) - 1
        while low <= high {
            let mid = (low + high) / 2
            let key = tables.keypad[mid]
            if scalar < key.code_point {
                high = mid - 1
            } else if scalar > key.code_point {
                low = mid + 1
            } else {
                return key.digit
            }
        }
        return nil
    }
}

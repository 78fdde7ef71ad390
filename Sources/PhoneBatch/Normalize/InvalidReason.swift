import NumberEngine

/// What `pb_error` says of a number the engine does not call valid: in words a user can act
/// on, with a hint where the digits would make a valid number written another way.
enum InvalidReason {
    /// Why the text could not be read as a number at all.
    static func parseFailure(_ error: NumberParseError, text: String, region: String?, engine: NumberEngine) -> String {
        switch error {
        case .invalidCountryCode:
            if text.hasPrefix("+") || text.hasPrefix("\u{FF0B}") || region != nil { return "unknown country calling code" }
            let reason = "no country: a national number needs a country column or --default-country"
            return reason + (internationalHint(text, engine: engine).map { "; \($0)" } ?? "")
        case .notANumber: return "not a phone number"
        case .tooShortAfterIDD: return "too short after the international prefix"
        case .tooShortNSN: return "too short to be a phone number"
        case .tooLong: return "too long to be a phone number"
        }
    }

    /// Why a parsed number is invalid: a function of the number alone (what its spelling
    /// suggests is `internationalHint`, kept with the row).
    static func invalid(_ number: PhoneNumber, facts: NumberFacts, engine: NumberEngine) -> String {
        // An invalid number of a shared calling code has no region: name its main one.
        let place = facts.region ?? engine.regions(ofCallingCode: number.countryCode).first ?? "its country"
        let digits = number.nationalNumber.count
        var reason: String
        switch facts.possibleLength {
        case .tooShort: reason = "too short for \(place) (\(digits) digits; \(lengths(number, engine)))"
        case .tooLong: reason = "too long for \(place) (\(digits) digits; \(lengths(number, engine)))"
        case .invalidLength: reason = "wrong length for \(place) (\(digits) digits; \(lengths(number, engine)))"
        case .invalidCountryCode: reason = "unknown country calling code"
        case .possibleLocalOnly: reason = "local number: the area code is missing"
        case .possible: reason = "no operator holds this range in \(place)"
        }
        if let hint = mexicanMobileHint(number, engine: engine) {
            reason += "; \(hint)"
        }
        return reason
    }

    /// "7, 9 or 10 digits expected".
    private static func lengths(_ number: PhoneNumber, _ engine: NumberEngine) -> String {
        let lengths = engine.nationalLengths(ofCallingCode: number.countryCode).map(String.init)
        guard let last = lengths.last else { return "no length is possible" }
        let list = lengths.count == 1 ? last : lengths.dropLast().joined(separator: ", ") + " or " + last
        return "\(list) expected"
    }

    /// For digits written without a + (or an international prefix): the valid number they
    /// make with one, as "+44 7911 123456 would be valid (GB): is its + missing?".
    static func internationalHint(_ text: String, engine: NumberEngine) -> String? {
        guard !text.hasPrefix("+") else { return nil }
        let digits = Digits(text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.map { $0 - 0x30 })
        guard digits.count >= 7, case .success(let number) = engine.parse("+" + digits.text, region: nil) else { return nil }
        guard engine.isValid(number) else { return nil }
        return "\(number.e164) would be valid (\(engine.region(of: number) ?? "+\(number.countryCode)")): is the international prefix missing?"
    }

    /// Mexico retired, in 2019, the 1 that mobile numbers carried after +52 and the 044 and 045
    /// dialled before them at home: +52 1 55 1234 5678 and 044 55 1234 5678 are now invalid,
    /// +52 55 1234 5678 valid. libphonenumber's metadata follows that.
    static func mexicanMobileHint(_ number: PhoneNumber, engine: NumberEngine) -> String? {
        guard number.countryCode == 52 else { return nil }
        let digits = number.nationalNumber.values
        let retired: Int
        if digits.count == 11 && digits.first == 1 {
            retired = 1
        } else if digits.count == 13 && (digits.starts(with: [0, 4, 4]) || digits.starts(with: [0, 4, 5])) {
            retired = 3
        } else {
            return nil
        }
        let without = PhoneNumber(countryCode: 52, nationalNumber: Digits(digits.dropFirst(retired)))
        guard engine.isValid(without) else { return nil }
        let what = retired == 1 ? "the 1 after +52 from" : "the \(Digits(digits.prefix(3)).text) prefix of"
        return "Mexico dropped \(what) mobile numbers in 2019: \(without.e164) is valid"
    }
}

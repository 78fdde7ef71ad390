/// `phonenumbers.parse`, step for step (phonenumberutil.py names each step; the comments
/// name the Python function each part follows). The behaviour is the specification: the
/// suite holds it to the Python package on hundreds of thousands of texts.
///
/// Text is handled as Unicode scalars, as Python indexes a `str` by code point.
struct NumberParser {
    let metadata: Metadata

    static let maxInputLength = 250
    static let minNationalLength = 2
    static let maxNationalLength = 17

    func parse(_ input: String, region: String?) throws(NumberParseError) -> PhoneNumber {
        let scalars = Array(input.unicodeScalars.lazy.map(\.value))
        guard scalars.count <= Self.maxInputLength else { throw .tooLong }
        var national = try buildNationalNumberForParsing(scalars[...])
        guard isViable(national) else { throw .notANumber }
        let regionMetadata = region.flatMap(metadata.region)
        // _check_region_for_parsing
        if regionMetadata == nil {
            guard let first = national.first, metadata.isPlus(first) else { throw .invalidCountryCode }
        }
        let (extensionDigits, withoutExtension) = stripExtension(national)
        national = withoutExtension
        var regionData = region.flatMap { metadata.region($0.uppercased()) }

        var countryCode: Int
        var nationalNumber: Digits
        do {
            (countryCode, nationalNumber) = try extractCountryCode(national, regionData)
        } catch .invalidCountryCode where national.first.map(metadata.isPlus) == true {
            let rest = national.drop { metadata.isPlus($0) }
            (countryCode, nationalNumber) = try extractCountryCode(rest, regionData)
            if countryCode == 0 { throw .invalidCountryCode }
        }
        if countryCode != 0 {
            // The calling code is known, so its main region has metadata.
            let main = metadata.mainRegion(forCallingCode: countryCode)!
            if main.id != region { regionData = main }
        } else {
            nationalNumber = nationalNumber + normalize(national)
            if region != nil, let regionData {
                countryCode = regionData.countryCode
            }
        }
        guard nationalNumber.count >= Self.minNationalLength else { throw .tooShortNSN }
        if let regionData {
            let potential = stripNationalPrefix(nationalNumber, regionData)
            switch regionData.testLength(potential.count) {
            case .tooShort, .possibleLocalOnly, .invalidLength: break
            default: nationalNumber = potential
            }
        }
        guard nationalNumber.count >= Self.minNationalLength else { throw .tooShortNSN }
        guard nationalNumber.count <= Self.maxNationalLength else { throw .tooLong }
        return PhoneNumber(countryCode: countryCode, nationalNumber: nationalNumber, extensionDigits: extensionDigits)
    }

    // MARK: - The text before the number is read

    /// `_build_national_number_for_parsing`: an RFC 3966 `tel:` URI's number and phone context,
    /// or else the part of the text that can be a number.
    func buildNationalNumberForParsing(_ number: ArraySlice<UInt32>) throws(NumberParseError) -> ArraySlice<UInt32> {
        let phoneContextIndex = number.firstRange(of: Self.phoneContext)?.lowerBound
        var national: ArraySlice<UInt32>
        if let phoneContextIndex {
            // _extract_phone_context
            let contextStart = phoneContextIndex + Self.phoneContext.count
            var context: ArraySlice<UInt32> = []
            if contextStart < number.endIndex {
                let end = number[contextStart...].firstIndex(of: UInt32(UInt8(ascii: ";"))) ?? number.endIndex
                context = number[contextStart..<end]
            }
            guard isPhoneContextValid(context) else { throw .notANumber }
            national = context.first == UInt32(UInt8(ascii: "+")) ? context : []
            let telIndex = number.firstRange(of: Self.telPrefix)?.lowerBound
            let nationalStart = telIndex.map { $0 + Self.telPrefix.count } ?? number.startIndex
            if nationalStart < phoneContextIndex {
                national = ArraySlice(Array(national) + Array(number[nationalStart..<phoneContextIndex]))
            }
        } else {
            national = extractPossibleNumber(number)
        }
        if let isdn = national.firstRange(of: Self.isdnSubaddress)?.lowerBound, isdn > national.startIndex {
            national = national[..<isdn]
        }
        return ArraySlice(Array(national))
    }

    /// `_is_phone_context_valid` for a phone context that is present.
    func isPhoneContextValid(_ context: ArraySlice<UInt32>) -> Bool {
        guard !context.isEmpty else { return false }
        return metadata.textMatchesWhole(metadata.tables.text_rfc3966_global, context)
            || metadata.textMatchesWhole(metadata.tables.text_rfc3966_domain, context)
    }

    /// `_extract_possible_number`: from the first character that can start a number, without
    /// what trails it and without a second number after `/x` or `\x`.
    func extractPossibleNumber(_ number: ArraySlice<UInt32>) -> ArraySlice<UInt32> {
        guard let start = number.firstIndex(where: metadata.isValidStart) else { return [] }
        var text = number[start...]
        while let last = text.last, metadata.isUnwantedAtEnd(last) { text = text.dropLast() }
        // _SECOND_NUMBER_START_PATTERN: [\\/] *x
        var index = text.startIndex
        while index < text.endIndex {
            let scalar = text[index]
            if scalar == 0x5C || scalar == 0x2F {
                var next = index + 1
                while next < text.endIndex && text[next] == 0x20 { next += 1 }
                if next < text.endIndex && text[next] == UInt32(UInt8(ascii: "x")) {
                    return text[..<index]
                }
            }
            index += 1
        }
        return text
    }

    /// `_is_viable_phone_number`.
    func isViable(_ number: ArraySlice<UInt32>) -> Bool {
        number.count >= Self.minNationalLength && metadata.textMatchesWhole(metadata.tables.text_viable, number)
    }

    /// `_maybe_strip_extension`: the extension's digits as written and the number before it.
    ///
    /// The pattern's six alternatives each end in one group of digits, then an optional `#`,
    /// then the end; no alternative's text before that group can end in a digit. So the group
    /// is the run of digits before the end (or the final `#`), and what the automaton must
    /// find is only where the leftmost match starts.
    func stripExtension(_ number: ArraySlice<UInt32>) -> (String?, ArraySlice<UInt32>) {
        guard let start = metadata.leftmostSuffixMatch(metadata.tables.text_extension_reversed, number),
              isViable(number[..<start]) else { return (nil, number) }
        var end = number.endIndex
        if number.last == UInt32(UInt8(ascii: "#")) { end -= 1 }
        var first = end
        while first > start && metadata.isDigit(number[first - 1]) { first -= 1 }
        let digits = String(String.UnicodeScalarView(number[first..<end].compactMap(Unicode.Scalar.init)))
        return (digits, number[..<start])
    }

    // MARK: - Digits

    /// `_normalize`: with three or more ASCII letters (and no line break), every character by
    /// the keypad; otherwise the digits of any script.
    func normalize(_ number: ArraySlice<UInt32>) -> Digits {
        var letters = 0
        var lineBreak = false
        for scalar in number {
            if (scalar >= 0x41 && scalar <= 0x5A) || (scalar >= 0x61 && scalar <= 0x7A) { letters += 1 }
            if scalar == 0x0A { lineBreak = true }
        }
        var out: [UInt8] = []
        out.reserveCapacity(number.count)
        if letters >= 3 && !lineBreak {
            for scalar in number { if let digit = metadata.keypadDigit(scalar) { out.append(digit) } }
        } else {
            for scalar in number { if let digit = metadata.digitValue(scalar) { out.append(digit) } }
        }
        return Digits(out)
    }

    // MARK: - The country calling code

    /// `_maybe_extract_country_code`: the calling code (0 for none found) and the national
    /// number after it (empty when none).
    func extractCountryCode(_ number: ArraySlice<UInt32>, _ region: RegionMetadata?) throws(NumberParseError) -> (Int, Digits) {
        guard !number.isEmpty else { return (0, Digits([])) }
        // _maybe_strip_i18n_prefix_and_normalize
        var full: Digits
        var international: Bool
        if metadata.isPlus(number[number.startIndex]) {
            full = normalize(number.drop { metadata.isPlus($0) })
            international = true
        } else {
            full = normalize(number)
            international = false
            if let idd = region?.internationalPrefix, let rest = stripInternationalPrefix(full, idd) {
                full = rest
                international = true
            }
        }
        if international {
            guard full.count > Self.minNationalLength else { throw .tooShortAfterIDD }
            let (code, rest) = splitCountryCode(full)
            guard code != 0 else { throw .invalidCountryCode }
            return (code, rest)
        }
        if let region {
            let code = Digits(region.countryCode)
            if full.hasPrefix(code) {
                let potential = stripNationalPrefix(full.dropFirst(code.count), region)
                if (!region.matchesGeneralPattern(full) && region.matchesGeneralPattern(potential))
                    || region.testLength(full.count) == .tooLong {
                    return (region.countryCode, potential)
                }
            }
        }
        return (0, Digits([]))
    }

    /// `_parse_prefix_as_idd`: the digits after the region's international prefix, nil when
    /// the number does not start with it (or a 0 follows it: no calling code starts with 0).
    func stripInternationalPrefix(_ number: Digits, _ idd: CapturePattern) -> Digits? {
        guard let match = idd.match(number, groups: 0) else { return nil }
        if match.end < number.count && number.values[match.end] == 0 { return nil }
        return number.dropFirst(match.end)
    }

    /// `_extract_country_code`.
    func splitCountryCode(_ number: Digits) -> (Int, Digits) {
        guard let first = number.values.first, first != 0 else { return (0, number) }
        for length in 1...min(number.count, 3) {
            let code = number.integer(prefix: length)
            if metadata.isCallingCode(code) { return (code, number.dropFirst(length)) }
        }
        return (0, number)
    }

    // MARK: - The national prefix

    /// `_maybe_strip_national_prefix_carrier_code`, the number it gives (the carrier code it
    /// also finds is only kept with the raw input).
    func stripNationalPrefix(_ number: Digits, _ region: RegionMetadata) -> Digits {
        guard !number.isEmpty, let pattern = region.nationalPrefixForParsing else { return number }
        let groups = region.nationalPrefixGroups
        guard let match = pattern.match(number, groups: groups) else { return number }
        let viableOriginal = region.matchesGeneralPattern(number)
        let transform = region.nationalPrefixTransform ?? ""
        if transform.isEmpty || match.group(groups) == nil {
            let rest = number.dropFirst(match.end)
            if viableOriginal && !region.matchesGeneralPattern(rest) { return number }
            return rest
        }
        let expanded = CapturePattern.expand(transform, match: match, digits: number)
        let transformed = Digits(expanded.utf8.map { $0 - 0x30 }) + number.dropFirst(match.end)
        if viableOriginal && !region.matchesGeneralPattern(transformed) { return number }
        return transformed
    }

    static let phoneContext = Array(";phone-context=".unicodeScalars.map(\.value))
    static let telPrefix = Array("tel:".unicodeScalars.map(\.value))
    static let isdnSubaddress = Array(";isub=".unicodeScalars.map(\.value))
}

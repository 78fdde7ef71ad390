/// `phonenumbers.parse`, step for step (phonenumberutil.py names each step; the comments
/// name the Python function each part follows). The behaviour is the specification: the
/// suite holds it to the Python package on hundreds of thousands of texts.
///
/// Text is handled as Unicode scalars, as Python indexes a `str` by code point. Nothing is
/// allocated on the way: the text and every digit string live in scratch memory on the stack
/// for the length of one call, and the steps pass views into it.
struct NumberParser {
    unowned(unsafe) let metadata: Metadata

    static let maxInputLength = 250
    static let minNationalLength = 2
    static let maxNationalLength = 17

    typealias TextView = UnsafeBufferPointer<UInt32>

    /// Scratch memory for one parse: the digits of the normalised number, and room for the
    /// two numbers a national prefix's transform rule may write.
    struct Scratch {
        var normalized: UnsafeMutableBufferPointer<UInt8>
        var countryCodeStrip: UnsafeMutableBufferPointer<UInt8>
        var finalStrip: UnsafeMutableBufferPointer<UInt8>
    }

    func parse(_ input: String, region: String?) -> Result<PhoneNumber, NumberParseError> {
        let capacity = max(input.utf8.count, 1)
        // The text, then room for an RFC 3966 URI's parts joined (never longer than the text).
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * capacity) { buffer in
            var count = 0
            for scalar in input.unicodeScalars {
                buffer[count] = scalar.value
                count += 1
            }
            guard count <= Self.maxInputLength else { return .failure(.tooLong) }
            let text = TextView(rebasing: buffer[..<count])
            let join = UnsafeMutableBufferPointer(rebasing: buffer[capacity...])
            // Transform rules add at most a few digits; 32 more is ample.
            let room = count + 32
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * room) { digits in
                let scratch = Scratch(normalized: UnsafeMutableBufferPointer(rebasing: digits[0..<room]),
                                      countryCodeStrip: UnsafeMutableBufferPointer(rebasing: digits[room..<(2 * room)]),
                                      finalStrip: UnsafeMutableBufferPointer(rebasing: digits[(2 * room)...]))
                do throws(NumberParseError) {
                    return .success(try parse(text, region: region, join: join, scratch: scratch))
                } catch {
                    return .failure(error)
                }
            }
        }
    }

    private func parse(_ input: TextView, region: String?, join: UnsafeMutableBufferPointer<UInt32>,
                       scratch: Scratch) throws(NumberParseError) -> PhoneNumber {
        var national = try buildNationalNumberForParsing(input, join: join)
        guard isViable(national) else { throw .notANumber }
        let regionMetadata = region.flatMap(metadata.region)
        // _check_region_for_parsing
        if regionMetadata == nil {
            guard let first = national.first, metadata.isPlus(first) else { throw .invalidCountryCode }
        }
        let (extensionDigits, withoutExtension) = stripExtension(national)
        national = withoutExtension
        var regionData = region.flatMap(metadata.regionIgnoringCase)

        var countryCode: Int
        var nationalNumber: DigitView
        do {
            (countryCode, nationalNumber) = try extractCountryCode(national, regionData, scratch: scratch)
        } catch .invalidCountryCode where national.first.map(metadata.isPlus) == true {
            var plus = 0
            while plus < national.count && metadata.isPlus(national[plus]) { plus += 1 }
            (countryCode, nationalNumber) = try extractCountryCode(TextView(rebasing: national[plus...]), regionData, scratch: scratch)
            if countryCode == 0 { throw .invalidCountryCode }
        }
        if countryCode != 0 {
            // The calling code is known, so its main region has metadata.
            let main = metadata.mainRegion(forCallingCode: countryCode)!
            if !main.hasID(region) { regionData = main }
        } else {
            nationalNumber = normalize(national, into: scratch.normalized)
            if region != nil, let regionData {
                countryCode = regionData.countryCode
            }
        }
        guard nationalNumber.count >= Self.minNationalLength else { throw .tooShortNSN }
        if let regionData {
            let potential = stripNationalPrefix(nationalNumber, regionData, into: scratch.finalStrip)
            switch regionData.testLength(potential.count) {
            case .tooShort, .possibleLocalOnly, .invalidLength: break
            default: nationalNumber = potential
            }
        }
        guard nationalNumber.count >= Self.minNationalLength else { throw .tooShortNSN }
        guard nationalNumber.count <= Self.maxNationalLength else { throw .tooLong }
        return PhoneNumber(countryCode: countryCode, nationalNumber: Digits(nationalNumber), extensionDigits: extensionDigits)
    }

    // MARK: - The text before the number is read

    /// `_build_national_number_for_parsing`: an RFC 3966 `tel:` URI's number and phone context
    /// (joined in `join`), or else the part of the text that can be a number.
    func buildNationalNumberForParsing(_ number: TextView, join: UnsafeMutableBufferPointer<UInt32>) throws(NumberParseError) -> TextView {
        var national: TextView
        if let phoneContextIndex = Self.find(Self.phoneContext, in: number) {
            // _extract_phone_context
            let contextStart = phoneContextIndex + Self.phoneContext.count
            var context = TextView(rebasing: number[0..<0])
            if contextStart < number.count {
                let end = number[contextStart...].firstIndex(of: UInt32(UInt8(ascii: ";"))) ?? number.count
                context = TextView(rebasing: number[contextStart..<end])
            }
            guard isPhoneContextValid(context) else { throw .notANumber }
            // The context and the part before it are disjoint parts of the text, so their join
            // fits in a buffer as long as the text.
            var count = 0
            if context.first == UInt32(UInt8(ascii: "+")) {
                for scalar in context { join[count] = scalar; count += 1 }
            }
            let telIndex = Self.find(Self.telPrefix, in: number)
            let nationalStart = telIndex.map { $0 + Self.telPrefix.count } ?? 0
            if nationalStart < phoneContextIndex {
                for scalar in number[nationalStart..<phoneContextIndex] { join[count] = scalar; count += 1 }
            }
            national = TextView(rebasing: join[..<count])
        } else {
            national = extractPossibleNumber(number)
        }
        if let isdn = Self.find(Self.isdnSubaddress, in: national), isdn > 0 {
            national = TextView(rebasing: national[..<isdn])
        }
        return national
    }

    /// `_is_phone_context_valid` for a phone context that is present.
    func isPhoneContextValid(_ context: TextView) -> Bool {
        guard !context.isEmpty else { return false }
        return metadata.textMatchesWhole(metadata.tables.text_rfc3966_global, context)
            || metadata.textMatchesWhole(metadata.tables.text_rfc3966_domain, context)
    }

    /// `_extract_possible_number`: from the first character that can start a number, without
    /// what trails it and without a second number after `/x` or `\x`.
    func extractPossibleNumber(_ number: TextView) -> TextView {
        guard let start = number.firstIndex(where: metadata.isValidStart) else { return TextView(rebasing: number[0..<0]) }
        var end = number.count
        while end > start && metadata.isUnwantedAtEnd(number[end - 1]) { end -= 1 }
        // _SECOND_NUMBER_START_PATTERN: [\\/] *x
        var index = start
        while index < end {
            let scalar = number[index]
            if scalar == 0x5C || scalar == 0x2F {
                var next = index + 1
                while next < end && number[next] == 0x20 { next += 1 }
                if next < end && number[next] == UInt32(UInt8(ascii: "x")) {
                    return TextView(rebasing: number[start..<index])
                }
            }
            index += 1
        }
        return TextView(rebasing: number[start..<end])
    }

    /// `_is_viable_phone_number`.
    func isViable(_ number: TextView) -> Bool {
        number.count >= Self.minNationalLength && metadata.textMatchesWhole(metadata.tables.text_viable, number)
    }

    /// `_maybe_strip_extension`: the extension's digits as written and the number before it.
    ///
    /// The pattern's six alternatives each end in one group of digits, then an optional `#`,
    /// then the end; no alternative's text before that group can end in a digit. So the group
    /// is the run of digits before the end (or the final `#`), and what the automaton must
    /// find is only where the leftmost match starts.
    func stripExtension(_ number: TextView) -> (String?, TextView) {
        guard let start = metadata.leftmostSuffixMatch(metadata.tables.text_extension_reversed, number),
              isViable(TextView(rebasing: number[..<start])) else { return (nil, number) }
        var end = number.count
        if number.last == UInt32(UInt8(ascii: "#")) { end -= 1 }
        var first = end
        while first > start && metadata.isDigit(number[first - 1]) { first -= 1 }
        let digits = String(String.UnicodeScalarView(number[first..<end].compactMap(Unicode.Scalar.init)))
        return (digits, TextView(rebasing: number[..<start]))
    }

    // MARK: - Digits

    /// `_normalize`: with three or more ASCII letters (and no line break), every character by
    /// the keypad; otherwise the digits of any script. Written to `out`, whose view it returns.
    func normalize(_ number: TextView, into out: UnsafeMutableBufferPointer<UInt8>) -> DigitView {
        var letters = 0
        var lineBreak = false
        var ascii = true
        for scalar in number {
            if (scalar >= 0x41 && scalar <= 0x5A) || (scalar >= 0x61 && scalar <= 0x7A) { letters += 1 }
            if scalar == 0x0A { lineBreak = true }
            if scalar >= 0x80 { ascii = false }
        }
        var count = 0
        if letters >= 3 && !lineBreak {
            for scalar in number { if let digit = metadata.keypadDigit(scalar) { out[count] = digit; count += 1 } }
        } else if ascii {
            for scalar in number where scalar >= 0x30 && scalar <= 0x39 { out[count] = UInt8(scalar - 0x30); count += 1 }
        } else {
            for scalar in number { if let digit = metadata.digitValue(scalar) { out[count] = digit; count += 1 } }
        }
        return DigitView(rebasing: out[..<count])
    }

    // MARK: - The country calling code

    /// `_maybe_extract_country_code`: the calling code (0 for none found) and the national
    /// number after it (empty when none).
    func extractCountryCode(_ number: TextView, _ region: RegionMetadata?, scratch: Scratch) throws(NumberParseError) -> (Int, DigitView) {
        let none = DigitView(rebasing: scratch.normalized[0..<0])
        guard !number.isEmpty else { return (0, none) }
        // _maybe_strip_i18n_prefix_and_normalize
        var full: DigitView
        var international: Bool
        if metadata.isPlus(number[0]) {
            var plus = 0
            while plus < number.count && metadata.isPlus(number[plus]) { plus += 1 }
            full = normalize(TextView(rebasing: number[plus...]), into: scratch.normalized)
            international = true
        } else {
            full = normalize(number, into: scratch.normalized)
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
            let code = region.countryCode
            let codeLength = code < 10 ? 1 : code < 100 ? 2 : 3
            if full.count >= codeLength && full.integer(prefix: codeLength) == code {
                let potential = stripNationalPrefix(DigitView(rebasing: full[codeLength...]), region, into: scratch.countryCodeStrip)
                if (!region.matchesGeneralPattern(full) && region.matchesGeneralPattern(potential))
                    || region.testLength(full.count) == .tooLong {
                    return (code, potential)
                }
            }
        }
        return (0, none)
    }

    /// `_parse_prefix_as_idd`: the digits after the region's international prefix, nil when
    /// the number does not start with it (or a 0 follows it: no calling code starts with 0).
    func stripInternationalPrefix(_ number: DigitView, _ idd: CapturePattern) -> DigitView? {
        guard let match = idd.match(number) else { return nil }
        if match.end < number.count && number[match.end] == 0 { return nil }
        return DigitView(rebasing: number[match.end...])
    }

    /// `_extract_country_code`.
    func splitCountryCode(_ number: DigitView) -> (Int, DigitView) {
        guard let first = number.first, first != 0 else { return (0, number) }
        for length in 1...min(number.count, 3) {
            let code = number.integer(prefix: length)
            if metadata.isCallingCode(code) { return (code, DigitView(rebasing: number[length...])) }
        }
        return (0, number)
    }

    // MARK: - The national prefix

    /// `_maybe_strip_national_prefix_carrier_code`, the number it gives (the carrier code it
    /// also finds is only kept with the raw input): a view of `number`, or of `out` when the
    /// region's transform rule rewrites it.
    func stripNationalPrefix(_ number: DigitView, _ region: RegionMetadata, into out: UnsafeMutableBufferPointer<UInt8>) -> DigitView {
        guard !number.isEmpty, let pattern = region.nationalPrefixForParsing else { return number }
        let groups = region.nationalPrefixGroups
        guard let match = pattern.match(number) else { return number }
        let viableOriginal = region.matchesGeneralPattern(number)
        guard let transform = region.nationalPrefixTransformPointer, match.group(groups) != nil else {
            let rest = DigitView(rebasing: number[match.end...])
            if viableOriginal && !region.matchesGeneralPattern(rest) { return number }
            return rest
        }
        var expanded: [UInt8] = []
        CapturePattern.expand(transform, match: match, digits: number, into: &expanded, base: 0)
        var count = 0
        for digit in expanded { out[count] = digit; count += 1 }
        for index in match.end..<number.count { out[count] = number[index]; count += 1 }
        let transformed = DigitView(rebasing: out[..<count])
        if viableOriginal && !region.matchesGeneralPattern(transformed) { return number }
        return transformed
    }

    /// Where `needle` first occurs in `text` (Python's `str.find`), nil when it does not.
    static func find(_ needle: [UInt32], in text: TextView) -> Int? {
        guard let first = needle.first, text.count >= needle.count else { return nil }
        var index = 0
        let last = text.count - needle.count
        while index <= last {
            if text[index] == first {
                var matched = 1
                while matched < needle.count && text[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    static let phoneContext = Array(";phone-context=".unicodeScalars.map(\.value))
    static let telPrefix = Array("tel:".unicodeScalars.map(\.value))
    static let isdnSubaddress = Array(";isub=".unicodeScalars.map(\.value))
}

import CPhoneNumber

/// Checks phone fields with libphonenumber: parse, then describe (type, validity, formats,
/// location).
///
/// Each step has a bounded cache: parsing by cleaned text and region, describing by E.164
/// number, so a number repeated across rows or typed in several ways is described once.
/// A normalizer is owned by one thread at a time; give each worker its own.
public struct PhoneNormalizer {
    public var wantLocation: Bool
    private var parsed: [ParseKey: ParseOutcome] = [:]
    private var described: [Int64: NumberDescription] = [:]
    /// Entries each cache may hold before it is emptied: bounds memory on any file.
    public var cacheLimit = PhoneNormalizer.defaultCacheLimit
    /// About 25 MB for both caches.
    public static let defaultCacheLimit = 100_000

    /// Describe through libphonenumber's public API only (slower): the yardstick the tests
    /// hold the fast path to.
    var usesReferenceAPI = false

    public init(wantLocation: Bool = true) {
        self.wantLocation = wantLocation
    }

    /// The verdict on `phone`, reading a national number as one of `region` (alpha-2) if given.
    public mutating func check(_ phone: String, region: String?) -> LocalCheck {
        guard var text = PhoneText.clean(phone) else { return .empty }
        if region == nil && text.hasPrefix("00") && text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            // "0044 20 ...": with no country to tell its international prefix, 00 is the
            // one most of the world uses.
            text = "+" + text.dropFirst(2)
        }
        let key = ParseKey(text: text, region: region ?? "")
        let outcome: ParseOutcome
        if let cached = parsed[key] {
            outcome = cached
        } else {
            outcome = Self.parse(text, region: region)
            if parsed.count >= cacheLimit { parsed.removeAll(keepingCapacity: true) }
            parsed[key] = outcome
        }
        switch outcome {
        case .failed(let reason):
            return .unparseable(reason: reason)
        case .number(let number, let e164):
            if let cached = described[e164] { return .parsed(cached) }
            let description = describe(number, e164: e164)
            if described.count >= cacheLimit { described.removeAll(keepingCapacity: true) }
            described[e164] = description
            return .parsed(description)
        }
    }

    private struct ParseKey: Hashable {
        var text: String
        var region: String
    }

    private enum ParseOutcome {
        case number(pb_parsed_number, e164: Int64)
        case failed(String)
    }

    private static func parse(_ text: String, region: String?) -> ParseOutcome {
        var number = pb_parsed_number()
        var text = text
        let error = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                pb_parse(chars.baseAddress, chars.count, region, &number)
            }
        }
        guard error == PB_PARSE_OK else {
            return .failed(reason(for: error, hasPlus: text.hasPrefix("+"), hasRegion: region != nil))
        }
        guard let e164 = e164Integer(number) else { return .failed("too long to be a phone number") }
        return .number(number, e164: e164)
    }

    /// The E.164 digits as an integer: the calling code, then the national number with any
    /// leading zeros it keeps (Italy; an all-zero number keeps all but its last zero as
    /// leading zeros). nil past 18 digits, which no real number has (E.164 allows 15) and
    /// which is the most an Int64 always holds.
    static func e164Integer(_ number: pb_parsed_number) -> Int64? {
        var nationalDigits = 0
        var value = number.national_number
        repeat { nationalDigits += 1; value /= 10 } while value > 0
        nationalDigits += Int(number.leading_zeros)
        var codeDigits = 0
        value = UInt64(number.country_code)
        repeat { codeDigits += 1; value /= 10 } while value > 0
        guard codeDigits + nationalDigits <= 18 else { return nil }
        var scale: Int64 = 1
        for _ in 0..<nationalDigits { scale *= 10 }
        return Int64(number.country_code) * scale + Int64(number.national_number)
    }

    private func describe(_ number: pb_parsed_number, e164: Int64) -> NumberDescription {
        var number = number
        var out = pb_description()
        if usesReferenceAPI {
            pb_describe_reference(&number, wantLocation ? 1 : 0, &out)
        } else {
            pb_describe(&number, wantLocation ? 1 : 0, &out)
        }
        let region = Self.string(&out.region)
        let location = Self.string(&out.location)
        let isValid = out.valid != 0
        return NumberDescription(
            e164: e164,
            region: region.isEmpty ? nil : region,
            type: NumberType(libphonenumber: out.type),
            isValid: isValid,
            national: Self.string(&out.national),
            location: location.isEmpty ? nil : location,
            invalidReason: isValid ? nil : Self.invalidReason(
                out.possible_reason,
                // libphonenumber gives an invalid number of a shared calling code no region; name
                // the main one of the code.
                region: region.isEmpty ? (CountryResolver.mainRegion(forCallingCode: number.country_code) ?? "") : region)
        )
    }

    private static func string<T>(_ tuple: inout T) -> String {
        withUnsafeBytes(of: &tuple) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    static func reason(for error: pb_parse_error, hasPlus: Bool, hasRegion: Bool) -> String {
        switch error {
        case PB_PARSE_INVALID_COUNTRY_CODE:
            return (hasPlus || hasRegion)
                ? "unknown country calling code"
                : "no country: a national number needs a country column or --default-country"
        case PB_PARSE_NOT_A_NUMBER: return "not a phone number"
        case PB_PARSE_TOO_SHORT_AFTER_IDD: return "too short after the international prefix"
        case PB_PARSE_TOO_SHORT_NSN: return "too short to be a phone number"
        case PB_PARSE_TOO_LONG_NSN: return "too long to be a phone number"
        default: return "not a phone number"
        }
    }

    static func invalidReason(_ possible: Int32, region: String) -> String {
        let place = region.isEmpty ? "its country" : region
        switch possible {
        case Int32(PB_POSSIBLE_TOO_SHORT.rawValue): return "too short for \(place)"
        case Int32(PB_POSSIBLE_TOO_LONG.rawValue): return "too long for \(place)"
        case Int32(PB_POSSIBLE_INVALID_LENGTH.rawValue): return "wrong length for \(place)"
        case Int32(PB_POSSIBLE_INVALID_COUNTRY_CODE.rawValue): return "unknown country calling code"
        case Int32(PB_POSSIBLE_IS_POSSIBLE_LOCAL_ONLY.rawValue): return "local number: the area code is missing"
        default: return "not an assigned number range in \(place)"
        }
    }
}

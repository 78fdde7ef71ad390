import NumberEngine

/// Checks phone fields with phonebatch's number engine: parse, then describe (type,
/// validity, formats, location, the range's original carrier, time zones).
///
/// Describing a number costs more than parsing it (the place, the carrier and the time zones
/// are prefix lookups), so descriptions are kept by E.164 number in a bounded cache: a number
/// repeated across rows or typed in several ways is described once. A normalizer is owned by
/// one thread at a time.
public struct PhoneNormalizer {
    public var wantLocation: Bool
    private let engine = NumberEngine()
    private var described: [Int64: NumberDescription] = [:]
    /// Entries the cache may hold before it is emptied: bounds memory on any file.
    public var cacheLimit = PhoneNormalizer.defaultCacheLimit
    /// About 20 MB.
    public static let defaultCacheLimit = 100_000

    public init(wantLocation: Bool = true) {
        self.wantLocation = wantLocation
    }

    /// The verdict on `phone`, reading a national number as one of `region` (alpha-2) if given.
    public mutating func check(_ phone: String, region: String?) -> LocalCheck {
        switch parse(phone, region: region) {
        case .empty: return .empty
        case .unparseable(let reason): return .unparseable(reason: reason)
        case .number(let number, let e164, let hint):
            var description: NumberDescription
            if let cached = described[e164] {
                description = cached
            } else {
                description = describe(number, e164: e164)
                if described.count >= cacheLimit { described.removeAll(keepingCapacity: true) }
                described[e164] = description
            }
            if let hint { description.invalidReason = description.invalidReason.map { "\($0); \(hint)" } ?? hint }
            return .parsed(description)
        }
    }

    /// A phone field as read, before describing its number: what ingest keeps of it (the
    /// checker describes each number once, at its first reading).
    enum Parsed {
        case empty
        case unparseable(String)
        /// The number, its E.164 digits as an integer, and what its spelling suggests when it
        /// is invalid (`InvalidReason.internationalHint`).
        case number(PhoneNumber, e164: Int64, hint: String?)
    }

    func parse(_ phone: String, region: String?) -> Parsed {
        guard var text = PhoneText.clean(phone) else { return .empty }
        if region == nil && PhoneText.isInternationalWithoutRegion(text) {
            // "0044 20 ...": with no country to tell its international prefix, 00 is the
            // one most of the world uses.
            text = "+" + text.dropFirst(2)
        }
        switch engine.parse(text, region: region) {
        case .failure(let error):
            return .unparseable(InvalidReason.parseFailure(error, text: text, region: region, engine: engine))
        case .success(let number):
            guard let e164 = Self.e164Integer(number) else { return .unparseable("too long to be a phone number") }
            let hint = region != nil && !engine.isValid(number) ? InvalidReason.internationalHint(text, engine: engine) : nil
            return .number(number, e164: e164, hint: hint)
        }
    }

    /// The E.164 digits as an integer. nil past 18 digits, which no valid number has (E.164
    /// allows 15) and which is the most an Int64 always holds.
    static func e164Integer(_ number: PhoneNumber) -> Int64? {
        let digits = number.e164Digits
        guard digits.count <= 18 else { return nil }
        return digits.withView { view in view.reduce(Int64(0)) { $0 * 10 + Int64($1) } }
    }

    func describe(_ number: PhoneNumber, e164: Int64) -> NumberDescription {
        let facts = engine.describe(number, location: wantLocation)
        return NumberDescription(
            e164: e164,
            region: facts.region,
            type: facts.type,
            isValid: facts.isValid,
            national: facts.national,
            location: facts.location.isEmpty ? nil : facts.location,
            rangeCarrier: facts.carrier.isEmpty ? nil : facts.carrier,
            timeZones: facts.isValid && facts.timeZones != "Etc/Unknown" ? facts.timeZones : nil,
            invalidReason: facts.isValid ? nil : InvalidReason.invalid(number, facts: facts, engine: engine))
    }
}

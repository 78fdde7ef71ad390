/// What the number engine says about one number. A function of the E.164 number alone, so
/// it is worked out once per distinct number.
public struct NumberDescription: Sendable, Equatable {
    /// The E.164 digits as an integer: `+447911123456` is 447911123456.
    public var e164: Int64
    /// ISO 3166 alpha-2 of the number, "001" for global services, nil when unknown.
    public var region: String?
    public var type: NumberType
    public var isValid: Bool
    public var national: String
    /// The geocoder's English description (a city, or the country), nil when none.
    public var location: String?
    /// The operator the number's range was first assigned to (carrierdata), nil when none is
    /// known: the range holder, not the operator after porting.
    public var rangeCarrier: String?
    /// The IANA time zones of the number's range, joined by `|`; nil when none is known.
    public var timeZones: String?
    /// Why the number is invalid; nil when valid.
    public var invalidReason: String?

    public var e164Text: String { "+\(e164)" }
}

/// The local verdict on one phone field.
public enum LocalCheck: Sendable, Equatable {
    /// The field is blank.
    case empty
    /// The text cannot be read as a phone number at all.
    case unparseable(reason: String)
    /// A phone number (valid or not: see the description).
    case parsed(NumberDescription)
}

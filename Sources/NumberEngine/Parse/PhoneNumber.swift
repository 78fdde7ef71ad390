/// A parsed phone number: what `phonenumbers.parse` puts in a `PhoneNumber` (without the raw
/// input it keeps only on request).
public struct PhoneNumber: Hashable, Sendable {
    public var countryCode: Int
    /// The national significant number, with any leading zeros it keeps (Italy).
    public var nationalNumber: Digits
    /// The extension's digits as written, nil when there is none.
    public var extensionDigits: String?

    public init(countryCode: Int, nationalNumber: Digits, extensionDigits: String? = nil) {
        self.countryCode = countryCode
        self.nationalNumber = nationalNumber
        self.extensionDigits = extensionDigits
    }

    /// `+447911123456`.
    public var e164: String { "+\(countryCode)\(nationalNumber.text)" }

    /// The E.164 digits, the country calling code first.
    public var e164Digits: Digits { Digits(countryCode) + nationalNumber }
}

/// Why a text is not a phone number: `NumberParseException`'s error types.
public enum NumberParseError: Error, Sendable, Equatable, CaseIterable {
    /// A `+` (or an international prefix) followed by no known calling code, or a national
    /// number with no region to read it in.
    case invalidCountryCode
    case notANumber
    case tooShortAfterIDD
    case tooShortNSN
    case tooLong

    /// Python's name of the error type, for comparison with it.
    public var pythonName: String {
        switch self {
        case .invalidCountryCode: return "INVALID_COUNTRY_CODE"
        case .notANumber: return "NOT_A_NUMBER"
        case .tooShortAfterIDD: return "TOO_SHORT_AFTER_IDD"
        case .tooShortNSN: return "TOO_SHORT_NSN"
        case .tooLong: return "TOO_LONG"
        }
    }
}

/// libphonenumber's number types, named as they appear in `pb_type`.
public enum NumberType: String, Sendable, CaseIterable {
    case fixedLine = "fixed_line"
    case mobile
    case fixedLineOrMobile = "fixed_line_or_mobile"
    case tollFree = "toll_free"
    case premiumRate = "premium_rate"
    case sharedCost = "shared_cost"
    case voip
    case personalNumber = "personal_number"
    case pager
    case uan
    case voicemail
    case unknown

    /// Python's `PhoneNumberType` name, for comparison with it.
    public var pythonName: String {
        switch self {
        case .fixedLine: return "FIXED_LINE"
        case .mobile: return "MOBILE"
        case .fixedLineOrMobile: return "FIXED_LINE_OR_MOBILE"
        case .tollFree: return "TOLL_FREE"
        case .premiumRate: return "PREMIUM_RATE"
        case .sharedCost: return "SHARED_COST"
        case .voip: return "VOIP"
        case .personalNumber: return "PERSONAL_NUMBER"
        case .pager: return "PAGER"
        case .uan: return "UAN"
        case .voicemail: return "VOICEMAIL"
        case .unknown: return "UNKNOWN"
        }
    }

    /// Types whose ranges have an original carrier (`carrier._is_mobile`).
    var hasCarrier: Bool {
        self == .mobile || self == .fixedLineOrMobile || self == .pager
    }
}

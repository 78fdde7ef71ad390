import CPhoneNumber

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

    init(libphonenumber value: Int32) {
        switch value {
        case Int32(PB_TYPE_FIXED_LINE.rawValue): self = .fixedLine
        case Int32(PB_TYPE_MOBILE.rawValue): self = .mobile
        case Int32(PB_TYPE_FIXED_LINE_OR_MOBILE.rawValue): self = .fixedLineOrMobile
        case Int32(PB_TYPE_TOLL_FREE.rawValue): self = .tollFree
        case Int32(PB_TYPE_PREMIUM_RATE.rawValue): self = .premiumRate
        case Int32(PB_TYPE_SHARED_COST.rawValue): self = .sharedCost
        case Int32(PB_TYPE_VOIP.rawValue): self = .voip
        case Int32(PB_TYPE_PERSONAL_NUMBER.rawValue): self = .personalNumber
        case Int32(PB_TYPE_PAGER.rawValue): self = .pager
        case Int32(PB_TYPE_UAN.rawValue): self = .uan
        case Int32(PB_TYPE_VOICEMAIL.rawValue): self = .voicemail
        default: self = .unknown
        }
    }
}

import CPhoneMetadata

/// Region, type and validity of a parsed number: `region_code_for_number`, `number_type`,
/// `is_valid_number` and `is_valid_number_for_region`.
struct NumberClassifier {
    unowned(unsafe) let metadata: Metadata

    /// `_number_type_helper`: the type of `digits` as a number of `region`.
    func type(of digits: Digits, in region: RegionMetadata) -> NumberType {
        let matches = region.descriptionMatches(digits)
        func has(_ description: Int) -> Bool { matches & (1 << UInt16(description)) != 0 }
        guard has(PB_DESC_GENERAL) else { return .unknown }
        if has(PB_DESC_PREMIUM_RATE) { return .premiumRate }
        if has(PB_DESC_TOLL_FREE) { return .tollFree }
        if has(PB_DESC_SHARED_COST) { return .sharedCost }
        if has(PB_DESC_VOIP) { return .voip }
        if has(PB_DESC_PERSONAL_NUMBER) { return .personalNumber }
        if has(PB_DESC_PAGER) { return .pager }
        if has(PB_DESC_UAN) { return .uan }
        if has(PB_DESC_VOICEMAIL) { return .voicemail }
        let same = region.sameMobileAndFixedLinePattern
        if has(PB_DESC_FIXED_LINE) {
            if same || has(PB_DESC_MOBILE) { return .fixedLineOrMobile }
            return .fixedLine
        }
        if !same && has(PB_DESC_MOBILE) { return .mobile }
        return .unknown
    }

    /// `region_code_for_number`: the only region of the calling code, or the first of its
    /// regions whose leading digits (or, without them, whose patterns) the number fits.
    func region(of number: PhoneNumber) -> RegionMetadata? {
        let regions = metadata.regions(forCallingCode: number.countryCode)
        if regions.count <= 1 { return regions.first }
        for region in regions {
            if let leads = region.leadingDigitsMatch(number.nationalNumber) {
                if leads { return region }
            } else if type(of: number.nationalNumber, in: region) != .unknown {
                return region
            }
        }
        return nil
    }

    /// `number_type` once the region is known.
    func type(of number: PhoneNumber, region: RegionMetadata?) -> NumberType {
        guard let region else { return .unknown }
        return type(of: number.nationalNumber, in: region)
    }

    /// `is_valid_number_for_region`.
    func isValid(_ number: PhoneNumber, for region: RegionMetadata) -> Bool {
        guard region.countryCode == number.countryCode else { return false }
        return type(of: number.nationalNumber, in: region) != .unknown
    }

    /// `is_possible_number_with_reason`: the number's length against its calling code's main
    /// region.
    func possibleLength(of number: PhoneNumber) -> PossibleLength {
        guard let main = metadata.mainRegion(forCallingCode: number.countryCode) else { return .invalidCountryCode }
        return main.testLength(number.nationalNumber.count)
    }

    /// `is_number_type_geographical`.
    func isGeographical(_ type: NumberType, countryCode: Int) -> Bool {
        type == .fixedLine || type == .fixedLineOrMobile
            || (type == .mobile && metadata.geoMobileCountries.contains(countryCode))
    }
}

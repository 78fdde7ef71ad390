import CPhoneMetadata

/// One region's metadata (or a non-geographic entity's): a view of its `pb_region` row.
struct RegionMetadata {
    unowned(unsafe) let metadata: Metadata
    let row: UnsafePointer<pb_region>

    init(metadata: Metadata, index: Int) {
        self.metadata = metadata
        self.row = metadata.regions.baseAddress! + index
    }

    var id: String { Metadata.id(of: row.pointee) }
    var countryCode: Int { Int(row.pointee.country_code) }
    var isNonGeographic: Bool { row.pointee.id.0 == UInt8(ascii: "0") }
    var sameMobileAndFixedLinePattern: Bool { row.pointee.flags & UInt16(PB_REGION_SAME_MOBILE_AND_FIXED) != 0 }

    /// Which descriptions' patterns the whole number matches (bit PB_DESC_*), lengths not
    /// considered.
    func patternMatches(_ digits: DigitView) -> UInt16 {
        metadata.wholeMatch(row.pointee.types, digits)
    }

    /// `_match_national_number(number, general_desc, False)`.
    func matchesGeneralPattern(_ digits: DigitView) -> Bool {
        patternMatches(digits) & 1 != 0
    }

    /// `_is_number_matching_desc` for each description: its pattern and its lengths.
    func descriptionMatches(_ digits: Digits) -> UInt16 {
        let patterns = digits.withView(patternMatches)
        guard patterns != 0 else { return 0 }
        var mask: UInt16 = 0
        let length = digits.count
        guard length < 32 else { return 0 }
        withUnsafeBytes(of: row.pointee.lengths) { raw in
            let lengths = raw.bindMemory(to: UInt32.self)
            for bit in 0..<Int(PB_DESC_COUNT) where patterns & (1 << bit) != 0 && lengths[bit] & (1 << length) != 0 {
                mask |= 1 << bit
            }
        }
        return mask
    }

    /// `_test_number_length(number, metadata)` for the general description.
    func testLength(_ length: Int) -> PossibleLength {
        let row = self.row.pointee
        if length < 32 && row.local_lengths & (1 << length) != 0 { return .possibleLocalOnly }
        let minimum = Int(row.possible_min), maximum = Int(row.possible_max)
        if minimum == length { return .possible }
        if minimum > length { return .tooShort }
        if maximum < length { return .tooLong }
        let general = row.lengths.0
        return length < 32 && general & (1 << length) != 0 ? .possible : .invalidLength
    }

    var internationalPrefix: CapturePattern? { CapturePattern(metadata: metadata, start: row.pointee.international_prefix) }
    var nationalPrefixForParsing: CapturePattern? { CapturePattern(metadata: metadata, start: row.pointee.national_prefix_for_parsing) }
    var nationalPrefixGroups: Int { Int(row.pointee.national_prefix_groups) }
    var nationalPrefixTransform: String? { metadata.string(row.pointee.national_prefix_transform) }
    var nationalPrefixTransformPointer: UnsafePointer<CChar>? {
        let index = row.pointee.national_prefix_transform
        guard index >= 0, let pointer = metadata.tables.strings[Int(index)], pointer.pointee != 0 else { return nil }
        return pointer
    }

    /// Whether the region's id is `id` (compared without making a String).
    func hasID(_ id: String?) -> Bool {
        guard let id else { return false }
        let row = self.row.pointee
        let own = [row.id.0, row.id.1, row.id.2].prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return id.utf8.elementsEqual(own)
    }
    var nationalPrefix: String? { metadata.string(row.pointee.national_prefix) }
    var preferredExtensionPrefix: String? { metadata.string(row.pointee.preferred_extension_prefix) }

    /// `re.match(leading_digits, number)`, or nil when the region has no leading digits.
    func leadingDigitsMatch(_ digits: Digits) -> Bool? {
        row.pointee.leading_digits < 0 ? nil : metadata.prefixMatches(UInt32(row.pointee.leading_digits), digits)
    }

    var formats: UnsafeBufferPointer<pb_format> {
        UnsafeBufferPointer(start: metadata.formats + Int(row.pointee.first_format), count: Int(row.pointee.format_count))
    }
}

/// `ValidationResult`, as `_test_number_length` gives it.
public enum PossibleLength: Sendable, Equatable {
    case possible
    case possibleLocalOnly
    case invalidCountryCode
    case tooShort
    case invalidLength
    case tooLong
}

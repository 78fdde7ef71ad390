import CPhoneMetadata

/// The compiled metadata (Sources/CPhoneMetadata, written by scripts/update-metadata): tables
/// in the binary's read-only data, with the few indexes that are quicker to build than to
/// generate. Nothing in it is ever written after `init`, so every thread may read it.
///
/// One instance (`shared`) lives as long as the process, so the engine's small value types
/// hold it `unowned(unsafe)`: no reference counting on the hot path.
final class Metadata: @unchecked Sendable {
    // @unchecked Sendable: the pointers lead to constant C data, and nothing is written
    // after init.
    static let shared = Metadata()

    let tables: pb_tables
    let regions: UnsafeBufferPointer<pb_region>
    let formats: UnsafePointer<pb_format>
    let program: UnsafePointer<pb_instruction>
    let digitNext: UnsafePointer<UInt16>
    let digitAccept: UnsafePointer<UInt16>
    let textNext: UnsafePointer<UInt16>
    let textAccept: UnsafePointer<UInt8>
    let textClassCount: Int
    let version: String
    /// Region index by alpha-2 code (geographic regions only, as SUPPORTED_REGIONS), at
    /// 26 * letter + letter; -1 for none.
    private let regionByLetters: [Int16]
    /// Index into `callingCodes` by country calling code (which is below 1000), -1 for none.
    private let callingCodeIndex: [Int16]
    let callingCodes: UnsafeBufferPointer<pb_calling_code>
    let callingCodeRegions: UnsafePointer<UInt16>
    let mobileTokens: [Int: [UInt8]]
    let geoMobileCountries: Set<Int>

    private init() {
        tables = pb_metadata().pointee
        regions = UnsafeBufferPointer(start: tables.regions, count: Int(tables.region_count))
        formats = tables.formats
        program = tables.program_code
        digitNext = UnsafeRawPointer(tables.digit_next).assumingMemoryBound(to: UInt16.self)
        digitAccept = tables.digit_accept
        textNext = tables.text_next
        textAccept = tables.text_accept
        textClassCount = Int(tables.text_class_count)
        version = String(cString: tables.version)
        var byLetters = [Int16](repeating: -1, count: 26 * 26)
        for (index, region) in regions.enumerated() where region.id.0 >= 0x41 {
            byLetters[Int(region.id.0 - 0x41) * 26 + Int(region.id.1 - 0x41)] = Int16(index)
        }
        regionByLetters = byLetters
        callingCodes = UnsafeBufferPointer(start: tables.calling_codes, count: Int(tables.calling_code_count))
        callingCodeRegions = tables.calling_code_regions
        var index = [Int16](repeating: -1, count: 1000)
        for (i, entry) in callingCodes.enumerated() { index[Int(entry.code)] = Int16(i) }
        callingCodeIndex = index
        var tokens: [Int: [UInt8]] = [:]
        for item in String(cString: tables.mobile_tokens).split(separator: ",") {
            let parts = item.split(separator: ":")
            tokens[Int(parts[0])!] = parts[1].utf8.map { $0 - UInt8(ascii: "0") }
        }
        mobileTokens = tokens
        geoMobileCountries = Set(String(cString: tables.geo_mobile_countries).split(separator: ",").map { Int($0)! })
    }

    static func id(of region: pb_region) -> String {
        withUnsafeBytes(of: region.id) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// The metadata of a supported region ("GB"), as `metadata_for_region`; nil for "001" and
    /// anything unknown.
    func region(_ id: String) -> RegionMetadata? {
        region(id, ignoringCase: false)
    }

    /// `region`, as given or in upper case (Python upper-cases the region it reads
    /// metadata for).
    func regionIgnoringCase(_ id: String) -> RegionMetadata? {
        region(id, ignoringCase: true)
    }

    private func region(_ id: String, ignoringCase: Bool) -> RegionMetadata? {
        var utf8 = id.utf8.makeIterator()
        guard var a = utf8.next(), var b = utf8.next(), utf8.next() == nil else { return nil }
        if ignoringCase {
            if a >= 0x61 && a <= 0x7A { a -= 0x20 }
            if b >= 0x61 && b <= 0x7A { b -= 0x20 }
        }
        guard a >= 0x41 && a <= 0x5A && b >= 0x41 && b <= 0x5A else { return nil }
        let index = regionByLetters[Int(a - 0x41) * 26 + Int(b - 0x41)]
        return index < 0 ? nil : RegionMetadata(metadata: self, index: Int(index))
    }

    /// The regions of a country calling code, the main one first (COUNTRY_CODE_TO_REGION_CODE);
    /// a non-geographic code has its one "001" entity. Empty for an unknown code.
    func regions(forCallingCode code: Int) -> RegionList {
        guard code > 0, code < 1000, callingCodeIndex[code] >= 0 else { return RegionList(metadata: self, first: 0, count: 0) }
        let entry = callingCodes[Int(callingCodeIndex[code])]
        return RegionList(metadata: self, first: Int(entry.first), count: Int(entry.count))
    }

    func isCallingCode(_ code: Int) -> Bool {
        code > 0 && code < 1000 && callingCodeIndex[code] >= 0
    }

    /// The main region's metadata for a calling code: what `metadata_for_region_or_calling_code(cc,
    /// region_code_for_country_code(cc))` gives.
    func mainRegion(forCallingCode code: Int) -> RegionMetadata? {
        regions(forCallingCode: code).first
    }

    func string(_ index: Int32) -> String? {
        index < 0 ? nil : String(cString: tables.strings[Int(index)]!)
    }

    /// Every supported region's alpha-2 code, sorted.
    var supportedRegions: [String] {
        regions.map(Self.id(of:)).filter { $0 != "001" }.sorted()
    }
}

/// The regions of one calling code, in metadata order.
struct RegionList: RandomAccessCollection {
    unowned(unsafe) let metadata: Metadata
    let start: Int
    let count: Int

    init(metadata: Metadata, first: Int, count: Int) {
        self.metadata = metadata
        self.start = first
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> RegionMetadata {
        RegionMetadata(metadata: metadata, index: Int(metadata.callingCodeRegions[start + position]))
    }
}

import CPhoneNumber
import Foundation

/// Reads what a country column or `--default-country` holds: an ISO 3166 alpha-2 or alpha-3
/// code, an English country name, or a calling code such as `+44`, and gives the alpha-2
/// region libphonenumber knows it by.
///
/// The names come from ICU (the same data libphonenumber's geocoder uses), plus the common
/// names ICU does not use ("UK", "USA", "Holland", "Ivory Coast" ...).
public struct CountryResolver: Sendable {
    private let regions: [String: String]

    /// Built once: the map covers every region libphonenumber knows, through ICU, and costs
    /// far more to build than to read. Immutable, so every thread may share it.
    public static let shared = CountryResolver()

    public init() {
        var map: [String: String] = [:]
        for region in Self.supportedRegions() {
            map[region.lowercased()] = region
            var name = [CChar](repeating: 0, count: 128)
            var alpha3 = [CChar](repeating: 0, count: 8)
            if pb_region_names(region, &name, name.count, &alpha3, alpha3.count) != 0 {
                map[Self.key(String(cBuffer: name))] = region
            }
            let code3 = String(cBuffer: alpha3)
            if code3.count == 3 { map[code3.lowercased()] = region }
        }
        for (alias, region) in Self.aliases where Self.isSupported(region) {
            map[Self.key(alias)] = region
        }
        regions = map
    }

    /// The region for `text`, or nil when it names no country libphonenumber knows.
    public func region(for text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let region = regions[Self.key(trimmed)] { return region }
        // A calling code: +44, 44, 0044.
        var digits = trimmed
        if digits.hasPrefix("+") { digits.removeFirst() } else if digits.hasPrefix("00") { digits.removeFirst(2) }
        if (1...3).contains(digits.count), digits.allSatisfy(\.isASCII), let code = Int32(digits) {
            return Self.mainRegion(forCallingCode: code)
        }
        return nil
    }

    /// Lowercased, without accents, punctuation or a leading "the"; "&" read as "and",
    /// "saint" as "st".
    static func key(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US"))
            .replacingOccurrences(of: "&", with: " and ")
        var words = folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        if words.first == "the" && words.count > 1 { words.removeFirst() }
        words = words.map { $0 == "saint" ? "st" : $0 }
        return words.joined(separator: " ")
    }

    static func supportedRegions() -> [String] {
        var buffer = [CChar](repeating: 0, count: 2048)
        let needed = pb_supported_regions(&buffer, buffer.count)
        if needed >= buffer.count {
            buffer = [CChar](repeating: 0, count: needed + 1)
            _ = pb_supported_regions(&buffer, buffer.count)
        }
        return String(cBuffer: buffer).split(separator: ",").map(String.init)
    }

    static func isSupported(_ region: String) -> Bool {
        pb_region_is_supported(region) != 0
    }

    private static let mainRegionByCallingCode: [Int32: String] = {
        // libphonenumber lists the main region of a shared calling code first; the supported
        // regions come sorted, so pick the conventional main ones by hand.
        var map: [Int32: String] = [:]
        for region in supportedRegions() {
            let code = pb_country_code_for_region(region)
            if map[code] == nil { map[code] = region }
        }
        let main: [Int32: String] = [1: "US", 7: "RU", 44: "GB", 47: "NO", 61: "AU", 212: "MA", 262: "RE",
                                     290: "SH", 358: "FI", 590: "GP", 599: "CW"]
        for (code, region) in main { map[code] = region }
        return map
    }()

    static func mainRegion(forCallingCode code: Int32) -> String? {
        mainRegionByCallingCode[code]
    }

    /// ICU's English name of an alpha-2 region ("France"), nil when it has none.
    public static func englishName(forRegion region: String) -> String? {
        var name = [CChar](repeating: 0, count: 128)
        var alpha3 = [CChar](repeating: 0, count: 8)
        guard pb_region_names(region, &name, name.count, &alpha3, alpha3.count) != 0 else { return nil }
        return String(cBuffer: name)
    }

    /// ICU's ISO 3166 alpha-3 code of an alpha-2 region ("FRA"), nil when it has none.
    public static func alpha3(forRegion region: String) -> String? {
        var name = [CChar](repeating: 0, count: 128)
        var alpha3 = [CChar](repeating: 0, count: 8)
        _ = pb_region_names(region, &name, name.count, &alpha3, alpha3.count)
        let code = String(cBuffer: alpha3)
        return code.count == 3 ? code : nil
    }

    /// The calling code of an alpha-2 region (44 for GB), 0 when libphonenumber has none.
    public static func callingCode(forRegion region: String) -> Int32 {
        pb_country_code_for_region(region)
    }

    /// Names people use that ICU's English names do not cover.
    static let aliases: [String: String] = [
        "UK": "GB", "U.K.": "GB", "Great Britain": "GB", "Britain": "GB", "England": "GB", "Scotland": "GB",
        "Wales": "GB", "Northern Ireland": "GB", "United Kingdom of Great Britain and Northern Ireland": "GB",
        "USA": "US", "U.S.A.": "US", "U.S.": "US", "United States of America": "US", "America": "US",
        "UAE": "AE", "Emirates": "AE",
        "Holland": "NL", "Netherlands": "NL",
        "Korea": "KR", "Republic of Korea": "KR", "Korea, Republic of": "KR",
        "North Korea": "KP", "DPRK": "KP",
        "Russian Federation": "RU",
        "Czech Republic": "CZ",
        "Ivory Coast": "CI", "Cote d'Ivoire": "CI",
        "Viet Nam": "VN",
        "Turkey": "TR", "Turkiye": "TR",
        "Macedonia": "MK", "Republic of North Macedonia": "MK",
        "Swaziland": "SZ",
        "Burma": "MM",
        "Hong Kong": "HK", "Macau": "MO", "Macao": "MO",
        "Taiwan": "TW", "Republic of China": "TW",
        "Palestine": "PS", "State of Palestine": "PS",
        "Vatican": "VA", "Holy See": "VA",
        "Cape Verde": "CV",
        "DR Congo": "CD", "DRC": "CD", "Democratic Republic of the Congo": "CD", "Congo-Kinshasa": "CD",
        "Republic of the Congo": "CG", "Congo-Brazzaville": "CG", "Congo": "CG",
        "Bosnia": "BA", "Bosnia and Herzegovina": "BA",
        "Trinidad": "TT",
        "Iran, Islamic Republic of": "IR", "Syrian Arab Republic": "SY", "Lao PDR": "LA", "Laos": "LA",
        "Brasil": "BR", "Deutschland": "DE", "Espana": "ES", "Italia": "IT", "Schweiz": "CH", "Suisse": "CH",
        "Osterreich": "AT", "Nederland": "NL", "Belgique": "BE", "Belgie": "BE", "Mexique": "MX",
    ]
}

extension String {
    /// The text of a NUL-terminated C buffer.
    init(cBuffer buffer: [CChar]) {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        self.init(decoding: bytes, as: UTF8.self)
    }
}

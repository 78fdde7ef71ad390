import Foundation
import NumberEngine

/// Reads what a country column or `--default-country` holds: an ISO 3166 alpha-2 or alpha-3
/// code, an English country name, or a calling code such as `+44`, and gives the alpha-2
/// region the number engine knows it by.
///
/// The names come with the engine's metadata: the geocoder's English names and ISO 3166's
/// (official and common ones, from pycountry), plus the names people use that neither has
/// ("UK", "USA", "Holland", "Ivory Coast" ...).
public struct CountryResolver: Sendable {
    private let regions: [String: String]

    /// Built once (a few hundred names); immutable, so every thread may share it.
    public static let shared = CountryResolver()

    private static let engine = NumberEngine()

    public init() {
        var map: [String: String] = [:]
        for country in Self.engine.countries.all {
            map[country.alpha2.lowercased()] = country.alpha2
            if let alpha3 = country.alpha3 { map[alpha3.lowercased()] = country.alpha2 }
            for name in country.otherNames { map[Self.key(name)] = country.alpha2 }
            map[Self.key(country.name)] = country.alpha2
        }
        for (alias, region) in Self.aliases where Self.isSupported(region) {
            map[Self.key(alias)] = region
        }
        regions = map
    }

    /// The region for `text`, or nil when it names no country the engine knows.
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
        engine.supportedRegions
    }

    static func isSupported(_ region: String) -> Bool {
        engine.callingCode(ofRegion: region) != nil
    }

    /// The main region of a calling code (US for 1, GB for 44), as the metadata lists it
    /// first; nil for unknown and non-geographic codes.
    static func mainRegion(forCallingCode code: Int32) -> String? {
        engine.regions(ofCallingCode: Int(code)).first.flatMap { $0 == "001" ? nil : $0 }
    }

    /// The English name of an alpha-2 region ("France"), nil when it has none.
    public static func englishName(forRegion region: String) -> String? {
        let name = engine.countries.name(of: region)
        return name.isEmpty ? nil : name
    }

    /// The ISO 3166 alpha-3 code of an alpha-2 region ("FRA"), nil when it has none.
    public static func alpha3(forRegion region: String) -> String? {
        engine.countries.alpha3(of: region)
    }

    /// The calling code of an alpha-2 region (44 for GB), 0 when the engine has none.
    public static func callingCode(forRegion region: String) -> Int32 {
        Int32(engine.callingCode(ofRegion: region) ?? 0)
    }

    /// Names people use that the metadata's names do not cover.
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

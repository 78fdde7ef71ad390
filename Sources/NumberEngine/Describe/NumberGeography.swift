/// What the number's prefix says beyond its type: the place (`geocoder`), the operator the
/// range was first given to (`carrier`), the time zones (`timezone`), each as the Python
/// package's module of that name gives it in English.
struct NumberGeography {
    unowned(unsafe) let metadata: Metadata
    let classifier: NumberClassifier
    let parser: NumberParser

    private var geocoding: PrefixTable { PrefixTable(table: metadata.tables.geocoding.pointee) }
    private var carriers: PrefixTable { PrefixTable(table: metadata.tables.carriers.pointee) }
    private var timeZoneTable: PrefixTable { PrefixTable(table: metadata.tables.time_zones) }
    private var timeZoneSegments: PrefixTable { PrefixTable(table: metadata.tables.time_zone_segments) }

    /// `geocoder.description_for_valid_number(number, "en")`: the area, else the country.
    func location(of number: PhoneNumber, region: RegionMetadata?) -> String {
        var described = number
        if let token = metadata.mobileTokens[number.countryCode],
           number.nationalNumber.withView({ $0.starts(with: token) }) {
            // Argentina's mobile 9 comes before the area code: geocode without it, read as a
            // national number of the main region.
            let rest = number.nationalNumber.dropFirst(token.count)
            let main = metadata.mainRegion(forCallingCode: number.countryCode)?.id
            described = (try? parser.parse(rest.text, region: main).get()) ?? number
        }
        let area = geocoding.segmentName(described.e164Digits)
        return area.isEmpty ? countryName(of: number) : area
    }

    /// `geocoder.country_name_for_number`: the country, or nothing when the number is valid
    /// in several regions of its calling code (or none).
    func countryName(of number: PhoneNumber) -> String {
        let regions = metadata.regions(forCallingCode: number.countryCode)
        if regions.count == 1 { return Countries(metadata: metadata).displayName(regions[0].id) }
        var found: RegionMetadata?
        for region in regions where classifier.isValid(number, for: region) {
            if found != nil { return "" }
            found = region
        }
        return found.map { Countries(metadata: metadata).displayName($0.id) } ?? ""
    }

    /// `carrier.name_for_number(number, "en")`.
    func carrier(of number: PhoneNumber, type: NumberType) -> String {
        type.hasCarrier ? carriers.segmentName(number.e164Digits) : ""
    }

    static let unknownTimeZone = "Etc/Unknown"

    /// `timezone.time_zones_for_number`, the zones joined by `|`.
    func timeZones(of number: PhoneNumber, type: NumberType) -> String {
        if type == .unknown { return Self.unknownTimeZone }
        if !classifier.isGeographical(type, countryCode: number.countryCode) {
            // _country_level_time_zones_for_number: prefixes of the calling code only, the
            // whole code first (cc[:1 + n] for n from 9 down to 1).
            let code = Digits(number.countryCode)
            for length in stride(from: min(code.count, 10), through: 2, by: -1) {
                if let zones = timeZoneTable.exactName(code.prefix(length)) { return zones }
            }
            if code.count == 1, let zones = timeZoneTable.exactName(code) { return zones }
            return Self.unknownTimeZone
        }
        // time_zones_for_geographical_number: the zones of the longest prefix the data has.
        let zones = timeZoneSegments.segmentName(number.e164Digits)
        return zones.isEmpty ? Self.unknownTimeZone : zones
    }
}

import CPhoneMetadata

/// The regions' names and ISO 3166 codes, from the metadata (the geocoder's English country
/// names) and from ISO 3166 as pycountry has it (alpha-3 codes, official and common names).
public struct Countries: Sendable {
    unowned(unsafe) let metadata: Metadata

    init(metadata: Metadata) {
        self.metadata = metadata
    }

    public init() {
        self.metadata = Metadata.shared
    }

    public struct Country: Sendable {
        public let alpha2: String
        public let alpha3: String?
        /// The name the geocoder gives the country ("United Kingdom").
        public let name: String
        /// Other English names (ISO 3166's, the official and the common one).
        public let otherNames: [String]
    }

    /// Every supported region, by alpha-2 code.
    public var all: [Country] {
        (0..<Int(metadata.tables.country_count)).map { index in
            let row = metadata.tables.countries[index]
            let alpha3 = String(cString: row.alpha3)
            let others = String(cString: row.other_names)
            return Country(alpha2: String(cString: row.alpha2), alpha3: alpha3.isEmpty ? nil : alpha3,
                           name: String(cString: row.name),
                           otherNames: others.isEmpty ? [] : others.split(separator: "|").map(String.init))
        }
    }

    /// `geocoder._region_display_name(region, "en")`: "" when none.
    func displayName(_ region: String) -> String {
        row(region).map { String(cString: $0.name) } ?? ""
    }

    /// The English name the geocoder gives a supported region ("" when none).
    public func name(of region: String) -> String {
        displayName(region)
    }

    /// The ISO 3166 alpha-3 code of a supported region, nil when it has none.
    public func alpha3(of region: String) -> String? {
        row(region).map { String(cString: $0.alpha3) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    private func row(_ region: String) -> pb_country? {
        var low = 0, high = Int(metadata.tables.country_count) - 1
        while low <= high {
            let mid = (low + high) / 2
            let row = metadata.tables.countries[mid]
            let code = String(cString: row.alpha2)
            if code == region { return row }
            if code < region { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }
}

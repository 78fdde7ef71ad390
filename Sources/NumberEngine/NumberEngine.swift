/// phonebatch's phone number engine: libphonenumber's behaviour (as its Python port,
/// `phonenumbers`, has it) over metadata compiled ahead of time into automata and tables
/// (Sources/CPhoneMetadata, written by scripts/update-metadata from a pinned release).
///
/// It holds no mutable state and takes no lock: any number of threads may use one engine.
public struct NumberEngine: Sendable {
    unowned(unsafe) let metadata: Metadata

    public init() {
        metadata = Metadata.shared
    }

    /// The `phonenumbers` release the metadata was compiled from ("9.0.43").
    public static var metadataVersion: String { Metadata.shared.version }

    var parser: NumberParser { NumberParser(metadata: metadata) }
    var classifier: NumberClassifier { NumberClassifier(metadata: metadata) }
    var geography: NumberGeography { NumberGeography(metadata: metadata, classifier: classifier, parser: parser) }

    /// `phonenumbers.parse(text, region)`: `region` is an ISO 3166 alpha-2 code, nil when the
    /// text must carry its own calling code.
    public func parse(_ text: String, region: String?) -> Result<PhoneNumber, NumberParseError> {
        parser.parse(text, region: region)
    }

    /// Everything the metadata says about a parsed number.
    public func describe(_ number: PhoneNumber, location wantLocation: Bool = true) -> NumberFacts {
        let classifier = self.classifier
        let region = classifier.region(of: number)
        let type = classifier.type(of: number, region: region)
        let valid = type != .unknown
        let geography = self.geography
        return NumberFacts(
            region: region?.id,
            type: type,
            isValid: valid,
            national: NationalFormatter(metadata: metadata).format(number, withExtension: false),
            possibleLength: valid ? .possible : classifier.possibleLength(of: number),
            location: valid && wantLocation ? geography.location(of: number, region: region) : "",
            carrier: geography.carrier(of: number, type: type),
            timeZones: valid ? geography.timeZones(of: number, type: type) : "")
    }

    /// `region_code_for_number`.
    public func region(of number: PhoneNumber) -> String? {
        classifier.region(of: number)?.id
    }

    /// `number_type`.
    public func type(of number: PhoneNumber) -> NumberType {
        let classifier = self.classifier
        return classifier.type(of: number, region: classifier.region(of: number))
    }

    /// `is_valid_number`.
    public func isValid(_ number: PhoneNumber) -> Bool {
        type(of: number) != .unknown
    }

    /// `format_number(number, NATIONAL)`, with the extension or without it.
    public func nationalFormat(_ number: PhoneNumber, withExtension: Bool = true) -> String {
        NationalFormatter(metadata: metadata).format(number, withExtension: withExtension)
    }

    /// `is_possible_number_with_reason`.
    public func possibleLength(of number: PhoneNumber) -> PossibleLength {
        classifier.possibleLength(of: number)
    }

    /// `geocoder.description_for_valid_number(number, "en")`; meant for valid numbers.
    public func location(of number: PhoneNumber) -> String {
        geography.location(of: number, region: classifier.region(of: number))
    }

    /// `carrier.name_for_number(number, "en")`.
    public func carrier(of number: PhoneNumber) -> String {
        geography.carrier(of: number, type: type(of: number))
    }

    /// `timezone.time_zones_for_number`.
    public func timeZones(of number: PhoneNumber) -> [String] {
        geography.timeZones(of: number, type: type(of: number)).split(separator: "|").map(String.init)
    }

    /// The calling code of a supported region (44 for "GB"), nil for others.
    public func callingCode(ofRegion region: String) -> Int? {
        metadata.region(region)?.countryCode
    }

    /// The regions of a calling code, the main one first ("001" for a non-geographic code).
    public func regions(ofCallingCode code: Int) -> [String] {
        metadata.regions(forCallingCode: code).map(\.id)
    }

    /// The lengths a national number of the calling code may have (its main region's general
    /// description), shortest first.
    public func nationalLengths(ofCallingCode code: Int) -> [Int] {
        guard let main = metadata.mainRegion(forCallingCode: code) else { return [] }
        let mask = main.row.pointee.lengths.0
        return (0..<32).filter { mask & (1 << UInt32($0)) != 0 }
    }

    /// Every supported region's alpha-2 code, sorted (`SUPPORTED_REGIONS`).
    public var supportedRegions: [String] { metadata.supportedRegions }

    public var countries: Countries { Countries(metadata: metadata) }
}

/// What `NumberEngine.describe` finds.
public struct NumberFacts: Sendable, Equatable {
    /// The region the number belongs to ("GB"; "001" for global services), nil when none.
    public var region: String?
    public var type: NumberType
    public var isValid: Bool
    /// The national format, without an extension.
    public var national: String
    /// The length verdict (`possible` for valid numbers).
    public var possibleLength: PossibleLength
    /// For a valid number: the area, else the country; "" when neither is known.
    public var location: String
    /// The operator the number's mobile range was first assigned to ("" when none is known).
    public var carrier: String
    /// The IANA time zones of a valid number, joined by `|` ("Etc/Unknown" when none is
    /// known; "" for an invalid number).
    public var timeZones: String
}

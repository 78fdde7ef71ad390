import PhoneBatch

/// One phone of a batch's results, with the confidence the sandbox draws for it.
struct ExperianPhoneResult {
    let facts: NumberFacts
    let config: ExperianBatches.Config
    let confidence: String

    init(facts: NumberFacts, config: ExperianBatches.Config) {
        self.facts = facts
        self.config = config
        confidence = Self.confidence(facts)
    }

    /// A number the engine rejects is `unverified`; of valid numbers most are `verified`.
    static func confidence(_ facts: NumberFacts) -> String {
        guard let number = facts.number, number.isValid else { return "unverified" }
        let table: [(String, Int)] = [
            ("verified", 70), ("unverified", 8), ("dead", 8), ("absent", 4), ("teleservice not provisioned", 3),
            ("no coverage", 3), ("unknown", 2), ("disposable", 2),
        ]
        var draw = facts.draw(100, salt: 8)
        for (confidence, weight) in table {
            if draw < weight { return confidence }
            draw -= weight
        }
        return "verified"
    }

    /// A row a stopped batch never reached: to be sent again.
    static func unprocessed(_ phone: ExperianBatches.Phone) -> JSONValue {
        ["number": .string(phone.number), "validated_phone_number": .null, "formatted_phone_number": .null,
         "phone_type": .null, "confidence": .string("unprocessed"), "ported_date": .null, "disposable_number": .null]
    }

    func json(metadata: Bool) -> JSONValue {
        let number = facts.number
        let valid = number?.isValid == true
        let ported = valid && config.getPortedDate == true && facts.draw(5, salt: 9) == 0
        var pairs: [(String, JSONValue)] = [
            ("number", .string(facts.input)),
            ("validated_phone_number", .optional(number.map(validated))),
            ("formatted_phone_number", .optional(number?.national)),
            ("phone_type", .optional(number.map { Self.phoneType($0.type) })),
            ("confidence", .string(confidence)),
            ("ported_date", ported ? .string(portedDate) : .null),
            ("disposable_number", valid ? .string(confidence == "disposable" ? "true" : "false") : .null),
        ]
        if metadata, let number, valid {
            let region = number.region ?? ""
            let operatorName = Carriers.name(for: number, facts: facts)
            let prefix = String(CountryResolver.callingCode(forRegion: region))
            let mccmnc = String(format: "%03d%02d", 200 + facts.draw(600, salt: 10), facts.draw(100, salt: 11))
            let countryName = CountryResolver.englishName(forRegion: region)
            let iso3 = Self.alpha3(region)
            pairs.append(("metadata", [
                "original_operator_name": .string(operatorName), "original_network_status": .string("Available"),
                "original_home_network_identity": .string(mccmnc), "original_country_prefix": .string(prefix),
                "original_country_name": .optional(countryName), "original_country_iso": .optional(iso3),
                "operator_name": .string(ported ? "Ported Operator" : operatorName),
                "network_status": .string(confidence == "verified" ? "Available" : "Unavailable"),
                "home_network_identity": .string(mccmnc), "country_prefix": .string(prefix),
                "country_name": .optional(countryName), "country_iso": .optional(iso3),
                "is_ported": .string(ported ? "true" : "false"),
                "email_to_sms_address": .null, "email_to_mms_address": .null,
            ]))
        }
        return .object(pairs)
    }

    private func validated(_ number: NumberDescription) -> String {
        switch config.outputFormat?.uppercased() ?? "E164" {
        case "PLUS_E164": return number.e164Text
        case "NATIONAL": return number.national
        case "E164": return String(number.e164)
        default: return number.e164Text
        }
    }

    /// A plausible porting date in the last five years, fixed for the number.
    private var portedDate: String {
        let day = facts.draw(5 * 365, salt: 12)
        let year = 2021 + day / 365, dayOfYear = day % 365
        return String(format: "%04d-%02d-%02d", year, 1 + dayOfYear / 31 % 12, 1 + dayOfYear % 28)
    }

    static func phoneType(_ type: NumberType) -> String {
        switch type {
        case .mobile: return "Mobile"
        case .fixedLine: return "Landline"
        case .fixedLineOrMobile: return "Landline or mobile"
        case .voip: return "VoIP"
        case .tollFree: return "Toll free"
        case .premiumRate: return "Premium rate"
        default: return "Unknown"
        }
    }

    static func alpha3(_ region: String) -> String? {
        CountryResolver.alpha3(forRegion: region)
    }
}

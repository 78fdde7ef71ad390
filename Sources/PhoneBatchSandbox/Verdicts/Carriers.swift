import PhoneBatch

/// Plausible operators by region and kind of line, drawn from by a number's hash.
enum Carriers {
    static let mobile: [String: [String]] = [
        "GB": ["EE", "Vodafone UK", "O2 - UK", "Three UK"],
        "US": ["Verizon Wireless", "AT&T Mobility", "T-Mobile USA"],
        "CA": ["Rogers Wireless", "Bell Mobility", "Telus Mobility"],
        "FR": ["Orange France", "SFR", "Bouygues Telecom", "Free Mobile"],
        "DE": ["Telekom Deutschland", "Vodafone Germany", "O2 Germany"],
        "ES": ["Movistar", "Vodafone Spain", "Orange Spain"],
        "IT": ["TIM", "Vodafone Italia", "WindTre", "Iliad Italia"],
        "NL": ["KPN", "Vodafone Libertel", "T-Mobile Netherlands"],
        "AU": ["Telstra", "Optus", "Vodafone Australia"],
        "IN": ["Reliance Jio", "Bharti Airtel", "Vodafone Idea"],
        "BR": ["Vivo", "Claro Brasil", "TIM Brasil"],
        "MX": ["Telcel", "AT&T Mexico", "Movistar Mexico"],
    ]
    static let landline: [String: [String]] = [
        "GB": ["BT", "Virgin Media", "TalkTalk"],
        "US": ["Verizon", "AT&T", "Lumen"],
        "FR": ["Orange France", "SFR"],
        "DE": ["Telekom Deutschland", "Vodafone Germany"],
        "AU": ["Telstra", "Optus"],
    ]

    static func name(for number: NumberDescription, facts: NumberFacts) -> String {
        let region = number.region ?? "ZZ"
        let table = number.type == .mobile ? mobile : landline
        let names = table[region] ?? [number.type == .mobile ? "Mobile Operator \(region)" : "Telecom \(region)"]
        return names[facts.draw(names.count, salt: 2)]
    }
}

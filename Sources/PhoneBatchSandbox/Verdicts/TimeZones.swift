/// A region's main time zone, for providers that report one (libphonenumber's C++ library has
/// no time-zone mapper). Countries that span several get their most populous zone.
enum TimeZones {
    static let byRegion: [String: String] = [
        "GB": "Europe/London", "IE": "Europe/Dublin", "FR": "Europe/Paris", "DE": "Europe/Berlin",
        "ES": "Europe/Madrid", "IT": "Europe/Rome", "NL": "Europe/Amsterdam", "BE": "Europe/Brussels",
        "CH": "Europe/Zurich", "AT": "Europe/Vienna", "SE": "Europe/Stockholm", "PL": "Europe/Warsaw",
        "PT": "Europe/Lisbon", "US": "America/New_York", "CA": "America/Toronto", "MX": "America/Mexico_City",
        "BR": "America/Sao_Paulo", "AU": "Australia/Sydney", "NZ": "Pacific/Auckland", "IN": "Asia/Kolkata",
        "JP": "Asia/Tokyo", "SG": "Asia/Singapore", "HK": "Asia/Hong_Kong", "AE": "Asia/Dubai",
        "ZA": "Africa/Johannesburg",
    ]
}

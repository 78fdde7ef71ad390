import Foundation

/// Finds the phone column (and a country column) of an export.
///
/// From the header first: names people and CRMs give such columns, in any case and with any
/// punctuation ("Mobile Phone", "phone_number", "TEL"). Failing that, from the content: the
/// column whose values the number engine reads as valid numbers most often.
public struct ColumnDetector {
    /// Header names of phone columns, best first (compared with `key`).
    static let phoneNames = [
        "phone", "phonenumber", "mobile", "mobilephone", "mobilenumber", "cell", "cellphone", "cellnumber",
        "tel", "telephone", "telephonenumber", "telno", "phoneno", "mobileno", "msisdn", "gsm",
        "contactnumber", "contactphone", "primaryphone", "workphone", "businessphone", "homephone",
        "phone1", "mobile1",
        // Other languages' exports: French, German, Spanish, Italian, Portuguese, Dutch.
        "portable", "mobil", "handy", "telefon", "telefono", "telefone", "movil", "celular",
        "cellulare", "telefoonnummer", "mobiel",
    ]
    /// Words that make a header a phone-related column that is not the number itself.
    static let notPhoneWords = ["type", "ext", "extension", "country", "code", "verified", "status", "optin", "consent", "valid"]
    static let countryNames = [
        "country", "countrycode", "countryiso", "countryiso2", "iso2", "iso", "countryname", "nation",
        "phonecountry", "mailingcountry", "billingcountry", "addresscountry", "shippingcountry",
        "pays", "land", "pais", "paese", "staat",
    ]

    public init() {}

    /// The phone column from the header, or nil when no name matches.
    public func phoneColumn(header: [String]) -> Int? {
        let keys = header.map(Self.key)
        for name in Self.phoneNames {
            if let index = keys.firstIndex(of: name) { return index }
        }
        return keys.firstIndex { key in
            (key.contains("phone") || key.contains("mobile") || key.hasPrefix("tel") || key.hasPrefix("cell"))
                && !Self.notPhoneWords.contains { key.contains($0) }
        }
    }

    /// The country column from the header, or nil.
    public func countryColumn(header: [String], excluding phone: Int) -> Int? {
        let keys = header.map(Self.key)
        for name in Self.countryNames {
            if let index = keys.firstIndex(of: name), index != phone { return index }
        }
        return nil
    }

    /// The column whose sampled values are valid phone numbers most often, if at least half
    /// of a column's non-blank values are. `rows` are sampled data rows.
    public func phoneColumn(sample rows: [[String]], columns: Int, region: String?) -> (index: Int, share: Double)? {
        var normalizer = PhoneNormalizer(wantLocation: false)
        var best: (index: Int, share: Double)?
        for column in 0..<columns {
            var seen = 0, valid = 0
            for row in rows where column < row.count {
                let value = row[column]
                guard !value.allSatisfy(\.isWhitespace) else { continue }
                seen += 1
                // Free text with a number in it is not a phone column.
                guard value.count <= 40, value.contains(where: \.isNumber) else { continue }
                if case .parsed(let number) = normalizer.check(value, region: region), number.isValid { valid += 1 }
            }
            guard seen > 0 else { continue }
            let share = Double(valid) / Double(seen)
            if share >= 0.5 && share > (best?.share ?? 0) { best = (column, share) }
        }
        return best
    }

    /// A 1-based column number or a header name (any case, any punctuation) as a 0-based index.
    public func column(named name: String, header: [String]) throws -> Int {
        if let number = Int(name.trimmingCharacters(in: .whitespaces)) {
            guard number >= 1 && number <= header.count else {
                throw PhoneBatchError.unknownColumn(name: name, header: header)
            }
            return number - 1
        }
        if let exact = header.firstIndex(of: name) { return exact }
        let wanted = Self.key(name)
        guard let index = header.firstIndex(where: { Self.key($0) == wanted }) else {
            throw PhoneBatchError.unknownColumn(name: name, header: header)
        }
        return index
    }

    /// Lowercase letters and digits only, without accents: "Téléphone" is "telephone".
    static func key(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US"))
        return String(folded.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}

import Testing
@testable import PhoneBatch

/// Expected values are Python phonenumbers 9.0.43's (the pinned metadata), through
/// phonebatch's cleaning of what spreadsheets leave and its wording of the reasons.
@Suite struct PhoneNormalizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var region: String?
        var e164: String
        var numberRegion: String
        var type: NumberType
        var national: String
        var location: String?
        var carrier: String? = nil
        var timeZones: String? = nil
        var testDescription: String { "\(text) (\(region ?? "no region"))" }
    }

    static let dozenCountries: [Case] = [
        Case(text: "+44 20 7946 0000", region: nil, e164: "+442079460000", numberRegion: "GB", type: .fixedLine, national: "020 7946 0000", location: "London", timeZones: "Europe/London"),
        Case(text: "07400 123456", region: "GB", e164: "+447400123456", numberRegion: "GB", type: .mobile, national: "07400 123456", location: "United Kingdom", carrier: "Three",
             timeZones: "Europe/Guernsey|Europe/Isle_of_Man|Europe/Jersey|Europe/London"),
        Case(text: "+1 650-253-0000", region: nil, e164: "+16502530000", numberRegion: "US", type: .fixedLineOrMobile, national: "(650) 253-0000", location: "Mountain View, CA"),
        Case(text: "06 12 34 56 78", region: "FR", e164: "+33612345678", numberRegion: "FR", type: .mobile, national: "06 12 34 56 78", location: "France", carrier: "SFR", timeZones: "Europe/Paris"),
        Case(text: "030 901820", region: "DE", e164: "+4930901820", numberRegion: "DE", type: .fixedLine, national: "030 901820", location: "Berlin"),
        Case(text: "+39 06 6988 4857", region: nil, e164: "+390669884857", numberRegion: "VA", type: .fixedLine, national: "06 6988 4857", location: "Vatican City"),
        Case(text: "+34 912 34 56 78", region: nil, e164: "+34912345678", numberRegion: "ES", type: .fixedLine, national: "912 34 56 78", location: "Madrid"),
        Case(text: "+31 6 12345678", region: nil, e164: "+31612345678", numberRegion: "NL", type: .mobile, national: "06 12345678", location: "Netherlands", carrier: "KPN", timeZones: "Europe/Amsterdam"),
        Case(text: "0412 345 678", region: "AU", e164: "+61412345678", numberRegion: "AU", type: .mobile, national: "0412 345 678", location: nil, carrier: "Optus",
             timeZones: "Australia/Adelaide|Australia/Brisbane|Australia/Eucla|Australia/Lord_Howe|Australia/Perth|Australia/Sydney|Indian/Christmas|Indian/Cocos"),
        Case(text: "+91 98765 43210", region: nil, e164: "+919876543210", numberRegion: "IN", type: .mobile, national: "098765 43210", location: "India"),
        Case(text: "+55 11 91234-5678", region: nil, e164: "+5511912345678", numberRegion: "BR", type: .mobile, national: "(11) 91234-5678", location: "São Paulo"),
        Case(text: "03-1234-5678", region: "JP", e164: "+81312345678", numberRegion: "JP", type: .fixedLine, national: "03-1234-5678", location: "Tokyo"),
        Case(text: "+52 55 1234 5678", region: nil, e164: "+525512345678", numberRegion: "MX", type: .fixedLineOrMobile, national: "55 1234 5678", location: "Mexico City, FD"),
        Case(text: "+27 82 123 4567", region: nil, e164: "+27821234567", numberRegion: "ZA", type: .mobile, national: "082 123 4567", location: "South Africa"),
        Case(text: "+41 44 668 18 00", region: nil, e164: "+41446681800", numberRegion: "CH", type: .fixedLine, national: "044 668 18 00", location: "Zurich"),
        Case(text: "+800 1234 5678", region: nil, e164: "+80012345678", numberRegion: "001", type: .tollFree, national: "1234 5678", location: nil),
    ]

    @Test(arguments: dozenCountries)
    func validNumbers(_ example: Case) throws {
        var normalizer = PhoneNormalizer()
        guard case .parsed(let number) = normalizer.check(example.text, region: example.region) else {
            Issue.record("not parsed")
            return
        }
        #expect(number.e164Text == example.e164)
        #expect(number.isValid)
        #expect(number.region == example.numberRegion)
        #expect(number.type == example.type)
        #expect(number.national == example.national)
        #expect(number.location == example.location)
        if example.carrier != nil { #expect(number.rangeCarrier == example.carrier) }
        if example.timeZones != nil { #expect(number.timeZones == example.timeZones) }
        #expect(number.invalidReason == nil)
    }

    @Test func everyWayPeopleTypeOneNumber() {
        let spellings: [(String, String?)] = [
            ("+442079460000", nil), ("+44 (0)20 7946 0000", nil), ("0044 20 7946 0000", nil), ("020 7946 0000", "GB"),
            ("020.7946.0000", "GB"), ("(020) 7946-0000", "GB"), ("tel:+44-20-7946-0000", nil), ("'+44 20 7946 0000", nil),
            ("=\"+44 20 7946 0000\"", nil), ("+44 20 7946 0000 ext. 123", nil), ("+44 20 7946 0000 x123", nil),
            ("  +44 20 7946 0000\u{00A0}", nil), ("TEL:+442079460000", nil),
        ]
        var normalizer = PhoneNormalizer()
        for (text, region) in spellings {
            guard case .parsed(let number) = normalizer.check(text, region: region) else {
                Issue.record("\(text) was not parsed")
                continue
            }
            #expect(number.e164Text == "+442079460000", "\(text)")
            #expect(number.isValid, "\(text)")
        }
    }

    @Test func blanksAndWhatIsNotANumber() {
        var normalizer = PhoneNormalizer()
        #expect(normalizer.check("", region: nil) == .empty)
        #expect(normalizer.check("   ", region: "GB") == .empty)
        #expect(normalizer.check("'", region: "GB") == .empty)
        #expect(normalizer.check("n/a", region: "GB") == .unparseable(reason: "not a phone number"))
        #expect(normalizer.check("1", region: "GB") == .unparseable(reason: "not a phone number"))
        #expect(normalizer.check("+99 123", region: nil) == .unparseable(reason: "unknown country calling code"))
        #expect(normalizer.check("020 7946 0000", region: nil)
                == .unparseable(reason: "no country: a national number needs a country column or --default-country"))
        #expect(normalizer.check("+44 1234567890123456789", region: nil) == .unparseable(reason: "too long to be a phone number"))
    }

    @Test func invalidNumbersSayWhy() {
        var normalizer = PhoneNormalizer()
        guard case .parsed(let long) = normalizer.check("+44 20 7946 00000", region: nil),
              case .parsed(let short) = normalizer.check("+33 6 12 34 56", region: nil) else {
            Issue.record("not parsed")
            return
        }
        #expect(!long.isValid)
        #expect(long.e164Text == "+4420794600000")
        #expect(long.type == .unknown)
        #expect(long.invalidReason == "too long for GB (11 digits; 7, 9 or 10 expected)")
        #expect(long.location == nil)
        #expect(long.timeZones == nil)
        #expect(!short.isValid)
        #expect(short.invalidReason == "too short for FR (7 digits; 9 expected)")
    }

    @Test func aNumberThatIsValidWithAPlusSaysSo() {
        var normalizer = PhoneNormalizer()
        // 44 7400 123456 read as a French national number: invalid, but +44 7400 123456 is a
        // British mobile.
        guard case .parsed(let read) = normalizer.check("447400123456", region: "FR") else {
            Issue.record("not parsed")
            return
        }
        #expect(!read.isValid)
        #expect(read.invalidReason?.hasSuffix("; +447400123456 would be valid (GB): is the international prefix missing?") == true)
        // With no country at all, the same hint follows the reason.
        #expect(normalizer.check("447400123456", region: nil) == .unparseable(reason:
            "no country: a national number needs a country column or --default-country; +447400123456 would be valid (GB): is the international prefix missing?"))
    }

    @Test func mexicosRetiredMobilePrefixesAreNamed() {
        var normalizer = PhoneNormalizer()
        guard case .parsed(let one) = normalizer.check("+52 1 81 7715 4813", region: nil),
              case .parsed(let local) = normalizer.check("044 81 6310 2749", region: "MX") else {
            Issue.record("not parsed")
            return
        }
        #expect(!one.isValid)
        #expect(one.invalidReason == "too long for MX (11 digits; 10 expected); Mexico dropped the 1 after +52 from mobile numbers in 2019: +528177154813 is valid")
        #expect(!local.isValid)
        #expect(local.invalidReason == "too long for MX (13 digits; 10 expected); Mexico dropped the 044 prefix of mobile numbers in 2019: +528163102749 is valid")
    }

    @Test func theE164KeyKeepsEveryDigitAndNeverOverflows() {
        var normalizer = PhoneNormalizer()
        guard case .parsed(let zeros) = normalizer.check("0000", region: "GB") else {
            Issue.record("0000 was not parsed")
            return
        }
        #expect(zeros.e164Text == "+440000", "libphonenumber keeps all four zeros")
        guard case .parsed(let three) = normalizer.check("000", region: "GB") else { return }
        #expect(three.e164Text == "+44000")
        // A 17-digit national number parses, but no E.164 number is that long.
        #expect(normalizer.check("+92 30000000000000000", region: nil) == .unparseable(reason: "too long to be a phone number"))
        #expect(normalizer.check("+998 30000000000000000", region: nil) == .unparseable(reason: "too long to be a phone number"))
    }

    @Test func cachesDoNotChangeAnswers() {
        var cached = PhoneNormalizer()
        cached.cacheLimit = 2
        for _ in 0..<3 {
            for example in Self.dozenCountries {
                var fresh = PhoneNormalizer()
                #expect(cached.check(example.text, region: example.region) == fresh.check(example.text, region: example.region))
            }
        }
    }
}

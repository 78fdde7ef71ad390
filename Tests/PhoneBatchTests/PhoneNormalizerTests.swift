import Testing
import CPhoneNumber
@testable import PhoneBatch

/// Expected values are libphonenumber's, checked against Python's phonenumbers 8.12.57, which
/// carries the same metadata as Debian's library (the C++ geocoder names the country of an
/// Australian mobile where Python's gives nothing).
@Suite struct PhoneNormalizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var region: String?
        var e164: String
        var numberRegion: String
        var type: NumberType
        var national: String
        var location: String?
        var testDescription: String { "\(text) (\(region ?? "no region"))" }
    }

    static let dozenCountries: [Case] = [
        Case(text: "+44 20 7946 0000", region: nil, e164: "+442079460000", numberRegion: "GB", type: .fixedLine, national: "020 7946 0000", location: "London"),
        Case(text: "07400 123456", region: "GB", e164: "+447400123456", numberRegion: "GB", type: .mobile, national: "07400 123456", location: "United Kingdom"),
        Case(text: "+1 650-253-0000", region: nil, e164: "+16502530000", numberRegion: "US", type: .fixedLineOrMobile, national: "(650) 253-0000", location: "Mountain View, CA"),
        Case(text: "06 12 34 56 78", region: "FR", e164: "+33612345678", numberRegion: "FR", type: .mobile, national: "06 12 34 56 78", location: "France"),
        Case(text: "030 901820", region: "DE", e164: "+4930901820", numberRegion: "DE", type: .fixedLine, national: "030 901820", location: "Berlin"),
        Case(text: "+39 06 6988 4857", region: nil, e164: "+390669884857", numberRegion: "VA", type: .fixedLine, national: "06 6988 4857", location: "Vatican City"),
        Case(text: "+34 912 34 56 78", region: nil, e164: "+34912345678", numberRegion: "ES", type: .fixedLine, national: "912 34 56 78", location: "Madrid"),
        Case(text: "+31 6 12345678", region: nil, e164: "+31612345678", numberRegion: "NL", type: .mobile, national: "06 12345678", location: "Netherlands"),
        Case(text: "0412 345 678", region: "AU", e164: "+61412345678", numberRegion: "AU", type: .mobile, national: "0412 345 678", location: "Australia"),
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
        #expect(long.invalidReason == "too long for GB")
        #expect(long.location == nil)
        #expect(!short.isValid)
        #expect(short.invalidReason == "too short for FR")
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

@Suite struct CountryResolverTests {
    let resolver = CountryResolver()

    @Test func codesNamesAndAliases() {
        let cases: [(String, String)] = [
            ("GB", "GB"), ("gb", "GB"), ("GBR", "GB"), ("United Kingdom", "GB"), ("UK", "GB"), ("England", "GB"),
            ("France", "FR"), ("FRA", "FR"), (" france ", "FR"), ("USA", "US"), ("United States", "US"),
            ("Deutschland", "DE"), ("The Netherlands", "NL"), ("Holland", "NL"), ("Côte d’Ivoire", "CI"),
            ("Ivory Coast", "CI"), ("St. Lucia", "LC"), ("Saint Lucia", "LC"), ("Bosnia & Herzegovina", "BA"),
            ("España", "ES"), ("+44", "GB"), ("33", "FR"), ("+1", "US"),
        ]
        for (text, region) in cases {
            #expect(resolver.region(for: text) == region, "\(text)")
        }
    }

    @Test func unknownNamesAreNil() {
        #expect(resolver.region(for: "Narnia") == nil)
        #expect(resolver.region(for: "") == nil)
        #expect(resolver.region(for: "XX") == nil)
        #expect(resolver.region(for: "+999") == nil)
    }
}

@Suite struct SHA256Tests {
    @Test func knownDigests() {
        func hex(_ text: String) -> String {
            var hash = SHA256()
            hash.update(Array(text.utf8))
            return hash.finalizeHex()
        }
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var hash = SHA256()
        for _ in 0..<1000 { hash.update(Array(repeating: UInt8(ascii: "a"), count: 1000)) }
        #expect(hash.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

/// `pb_describe` reaches past libphonenumber's public API to look a number's region up once;
/// it must say exactly what the public API says.
@Suite struct DescribeFastPathTests {
    /// Every example number libphonenumber has (each region, each type), and each with its
    /// last digit changed: valid and invalid numbers from every region, shared calling codes
    /// (+1, +44, +7, +61, +39 ...) included.
    static func corpus() -> [String] {
        var numbers: [String] = []
        for region in CountryResolver.supportedRegions() {
            for type in 0...11 {
                var buffer = [CChar](repeating: 0, count: 32)
                guard pb_example_number(region, Int32(type), &buffer, buffer.count) != 0 else { continue }
                let example = String(cBuffer: buffer)
                numbers.append(example)
                if let last = example.last, let digit = last.wholeNumberValue {
                    numbers.append(String(example.dropLast()) + String((digit + 7) % 10))
                }
            }
        }
        return numbers
    }

    @Test func theFastPathSaysWhatThePublicAPISays() throws {
        let corpus = Self.corpus()
        #expect(corpus.count > 2000)
        var fast = PhoneNormalizer()
        var reference = PhoneNormalizer()
        reference.usesReferenceAPI = true
        var differences: [String] = []
        for number in corpus where fast.check(number, region: nil) != reference.check(number, region: nil) {
            differences.append(number)
        }
        #expect(differences.isEmpty, "first differences: \(differences.prefix(5))")
    }
}

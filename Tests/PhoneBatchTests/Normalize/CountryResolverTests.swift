import Testing
@testable import PhoneBatch

@Suite struct CountryResolverTests {
    let resolver = CountryResolver()

    @Test func codesNamesAndAliases() {
        let cases: [(String, String)] = [
            ("GB", "GB"), ("gb", "GB"), ("GBR", "GB"), ("United Kingdom", "GB"), ("UK", "GB"), ("England", "GB"),
            ("France", "FR"), ("FRA", "FR"), (" france ", "FR"), ("USA", "US"), ("United States", "US"),
            ("Deutschland", "DE"), ("The Netherlands", "NL"), ("Holland", "NL"), ("Côte d’Ivoire", "CI"),
            ("Ivory Coast", "CI"), ("St. Lucia", "LC"), ("Saint Lucia", "LC"), ("Bosnia & Herzegovina", "BA"),
            ("España", "ES"), ("+44", "GB"), ("33", "FR"), ("+1", "US"), ("+7", "RU"), ("+61", "AU"),
            ("Korea, Republic of", "KR"), ("United Kingdom of Great Britain and Northern Ireland", "GB"),
            ("Viet Nam", "VN"), ("Hong Kong", "HK"), ("CIV", "CI"),
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
        #expect(resolver.region(for: "+800") == nil, "a global service has no country")
    }

    @Test func namesAndCodesOfARegion() {
        #expect(CountryResolver.englishName(forRegion: "GB") == "United Kingdom")
        #expect(CountryResolver.alpha3(forRegion: "FR") == "FRA")
        #expect(CountryResolver.callingCode(forRegion: "GB") == 44)
        #expect(CountryResolver.callingCode(forRegion: "XX") == 0)
        #expect(CountryResolver.englishName(forRegion: "XX") == nil)
    }
}

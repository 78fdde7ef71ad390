import Testing
@testable import NumberEngine

@Suite struct SmokeTests {
    let engine = NumberEngine()

    @Test func parsesAndDescribesABritishMobile() throws {
        let number = try engine.parse("+44 7400 123456", region: nil).get()
        #expect(number.e164 == "+447400123456")
        let facts = engine.describe(number)
        #expect(facts.region == "GB")
        #expect(facts.type == .mobile)
        #expect(facts.national == "07400 123456")
    }
}

import Testing
@testable import PhoneBatch

@Test func placeholder() {}

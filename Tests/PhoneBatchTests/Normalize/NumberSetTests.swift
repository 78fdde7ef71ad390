import Testing
@testable import PhoneBatch

@Suite struct NumberSetTests {
    @Test func eachNumberKeepsTheIDItWasFirstGivenThroughGrowth() {
        var set = NumberSet(minimumCapacity: 10)
        var expected: [Int64: Int32] = [:]
        var generator = SplitMix64(seed: 7)
        // E.164 numbers share long prefixes: many numbers of a few calling codes.
        for step in 0..<50_000 {
            let number = Int64([447_400_000_000, 12_065_550_000, 33_612_000_000][step % 3]) + Int64(generator.next() % 1_000_000)
            let (id, inserted) = set.insert(number, newID: Int32(expected.count + 1))
            if let known = expected[number] {
                #expect(!inserted && id == known)
            } else {
                #expect(inserted && id == Int32(expected.count + 1))
                expected[number] = id
            }
        }
        #expect(set.count == expected.count)
        for (number, id) in expected {
            let again = set.insert(number, newID: -1)
            #expect(again.id == id && !again.inserted)
        }
    }
}

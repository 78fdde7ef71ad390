/// The E.164 numbers read so far, each with its row in `number` (numbered in the order the
/// numbers were first read): an open-addressing hash map from Int64 to Int32.
///
/// Why not `[Int64: Int32]`: the standard dictionary would hold a million numbers in about
/// 24 MB (it doubles at three quarters full, and keeps keys and values in tables of their
/// own), this in 12 MB (it doubles at four fifths), and ingest's memory is meant to stay under
/// 100 MB whatever the file. No number is 0, which marks an empty slot.
struct NumberSet {
    private var keys: [Int64]
    private var ids: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 1024) {
        var capacity = 1024
        while capacity * 4 < minimumCapacity * 5 { capacity *= 2 }
        keys = [Int64](repeating: 0, count: capacity)
        ids = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The id of `number` (not 0), adding it with `newID` when it is not there: the id, and
    /// whether it was added.
    mutating func insert(_ number: Int64, newID: Int32) -> (id: Int32, inserted: Bool) {
        if (count + 1) * 5 > keys.count * 4 { grow() }
        var index = Self.slot(number, mask: mask)
        while true {
            let held = keys[index]
            if held == number { return (ids[index], false) }
            if held == 0 {
                keys[index] = number
                ids[index] = newID
                count += 1
                return (newID, true)
            }
            index = (index + 1) & mask
        }
    }

    /// Fibonacci hashing: E.164 numbers share long prefixes, so their low bits alone would
    /// crowd a few slots.
    private static func slot(_ number: Int64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: number) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    private mutating func grow() {
        let oldKeys = keys, oldIDs = ids
        keys = [Int64](repeating: 0, count: oldKeys.count * 2)
        ids = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (number, id) in zip(oldKeys, oldIDs) where number != 0 { _ = insert(number, newID: id) }
    }
}

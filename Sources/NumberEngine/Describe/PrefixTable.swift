import CPhoneMetadata

/// A table keyed by number prefix (geocoding, carriers, time zones), laid out by
/// scripts/update-metadata so that one binary search finds a number's longest prefix.
struct PrefixTable {
    let table: pb_prefix_table

    /// The key of `digits` (at most the first nine count): the digits padded with zeros to
    /// nine, then their number.
    static func key(_ digits: Digits) -> (padded: UInt32, length: UInt8) {
        var padded: UInt32 = 0
        let length = min(digits.count, 9)
        digits.withView { view in
            for index in 0..<9 { padded = padded * 10 + (index < length ? UInt32(view[index]) : 0) }
        }
        return (padded, UInt8(length))
    }

    private static func precedes(_ entry: pb_prefix_entry, _ key: (padded: UInt32, length: UInt8)) -> Bool {
        entry.padded < key.padded || (entry.padded == key.padded && entry.length <= key.length)
    }

    /// The name of the last entry at or before `digits`' key: in a table of segments, the name
    /// of the longest prefix of `digits` the data has ("" for none).
    func segmentName(_ digits: Digits) -> String {
        let key = Self.key(digits)
        // The last part that starts at or before the key (the first starts at the smallest
        // key of all), then its last entry at or before the key.
        var partIndex = 0
        while partIndex + 1 < Int(table.part_count) && Self.precedes(table.parts[partIndex + 1].entries[0], key) {
            partIndex += 1
        }
        let part = table.parts[partIndex]
        guard part.count > 0, Self.precedes(part.entries[0], key) else { return "" }
        var low = 0, high = Int(part.count) - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Self.precedes(part.entries[mid], key) { low = mid } else { high = mid - 1 }
        }
        let found = part.entries[low]
        guard found.name != 0 else { return "" }
        return String(cString: table.names[Int(found.name)]!)
    }

    /// The name of exactly the prefix `digits`, nil when the table does not have it.
    func exactName(_ digits: Digits) -> String? {
        let key = Self.key(digits)
        for index in 0..<Int(table.part_count) {
            let part = table.parts[index]
            var low = 0, high = Int(part.count) - 1
            while low <= high {
                let mid = (low + high) / 2
                let entry = part.entries[mid]
                if entry.padded == key.padded && entry.length == key.length {
                    return String(cString: table.names[Int(entry.name)]!)
                }
                if Self.precedes(entry, key) { low = mid + 1 } else { high = mid - 1 }
            }
        }
        return nil
    }
}

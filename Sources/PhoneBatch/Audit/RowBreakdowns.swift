/// All rows counted by `pb_status`, and the rows with a value by `pb_type`, `pb_region` and
/// `pb_line_status`: what the summary's tables are made of. The exporter counts them as it
/// writes (it reads every row's results anyway, so they cost next to nothing there, where a
/// query over a million rows costs seconds); `status` counts them with one query.
public struct RowBreakdowns: Sendable {
    var status = ValueTally()
    var type = ValueTally()
    var region = ValueTally()
    var lineStatus = ValueTally()

    private static let columns = ["pb_status", "pb_type", "pb_region", "pb_line_status"].map {
        ResultColumns.names.firstIndex(of: $0)!
    }

    /// Counts one row from its result values (in `ResultColumns` order).
    mutating func add(_ values: [UnsafeRawBufferPointer?]) {
        status.add(values[Self.columns[0]])
        type.add(values[Self.columns[1]])
        region.add(values[Self.columns[2]])
        lineStatus.add(values[Self.columns[3]])
    }
}

/// Counts of byte strings, without making a string of each: a value is hashed where it
/// lies and copied only the first time it is seen.
struct ValueTally: Sendable {
    private var entries: [Int: (bytes: [UInt8], count: Int)] = [:]
    /// Values whose hash another value already has (in practice never): counted by text.
    private var others: [String: Int] = [:]

    mutating func add(_ value: UnsafeRawBufferPointer?) {
        guard let value else { return }
        var hasher = Hasher()
        hasher.combine(bytes: value)
        let key = hasher.finalize()
        guard let entry = entries[key] else {
            entries[key] = (Array(value), 1)
            return
        }
        if entry.bytes.elementsEqual(value) {
            entries[key]!.count += 1
        } else {
            others[String(decoding: value, as: UTF8.self), default: 0] += 1
        }
    }

    mutating func add(_ name: String, _ count: Int) {
        others[name, default: 0] += count
    }

    /// The counts by name.
    var tally: Tally {
        var tally = Tally()
        for entry in entries.values { tally.add(String(decoding: entry.bytes, as: UTF8.self), entry.count) }
        for (name, count) in others { tally.add(name, count) }
        return tally
    }
}

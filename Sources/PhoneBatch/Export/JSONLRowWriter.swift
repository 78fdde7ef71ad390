/// Writes one JSON object per row: the header's names as keys (made unique: a repeated or
/// blank name gets its column number), string values, then the appended columns (null where
/// there is no value). Malformed rows are laid out to the header's width, as in CSV.
struct JSONLRowWriter: RowWriter {
    let keys: [[UInt8]]
    /// How many of the keys are the appended columns'.
    private let appended: Int

    init(header: [String], columns: [String] = ResultColumns.names) {
        appended = columns.count
        var seen = Set<String>()
        var keys: [[UInt8]] = []
        for (index, name) in header.enumerated() {
            let base = name.isEmpty ? "column_\(index + 1)" : name
            var key = base
            var attempt = 0
            while seen.contains(key) || columns.contains(key) {
                attempt += 1
                key = attempt == 1 ? "\(base)_\(index + 1)" : "\(base)_\(index + 1)_\(attempt)"
            }
            seen.insert(key)
            var encoded: [UInt8] = []
            JSONEscaping.appendString(key, to: &encoded)
            keys.append(encoded)
        }
        for name in columns {
            var encoded: [UInt8] = []
            JSONEscaping.appendString(name, to: &encoded)
            keys.append(encoded)
        }
        self.keys = keys
    }

    var fieldCount: Int { keys.count - appended }

    func header(_ record: CSVRecord, to out: inout [UInt8]) {}

    func row(_ record: CSVRecord, results: ResultValues, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for index in 0..<fieldCount {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: keys[index])
            out.append(UInt8(ascii: ":"))
            if index < record.fieldCount {
                record.field(index).withUnsafeBytes { JSONEscaping.appendString(utf8: $0, to: &out) }
            } else {
                out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "\"")])
            }
        }
        for (offset, value) in results.values.enumerated() {
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: keys[fieldCount + offset])
            out.append(UInt8(ascii: ":"))
            if let value {
                JSONEscaping.appendString(utf8: value, to: &out)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        }
        out.append(contentsOf: "}\n".utf8)
    }
}

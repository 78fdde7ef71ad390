import Glibc

/// Looks at the start of a file and decides how it is written: separator, line ending,
/// byte-order mark, and whether it is CSV at all.
public struct DialectSniffer {
    /// How much of the file is looked at.
    public var sampleSize = 256 << 10

    public init() {}

    /// - Parameter delimiter: the user's choice, if any; then only the rest is detected.
    public func sniff(path: String, delimiter: UInt8? = nil) throws -> CSVDialect {
        let sample = try readSample(path: path)
        try rejectNonCSV(sample, path: path)
        var bytes = sample[...]
        let hasBOM = sample.starts(with: CSVDialect.utf8BOM)
        if hasBOM { bytes = bytes.dropFirst(CSVDialect.utf8BOM.count) }
        let chosen = delimiter ?? Self.bestDelimiter(in: bytes)
        return CSVDialect(delimiter: chosen, lineEnding: Self.lineEnding(in: bytes), hasBOM: hasBOM)
    }

    private func readSample(path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw PhoneBatchError.inputNotFound(path: path) }
            throw PhoneBatchError.inputUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw PhoneBatchError.inputUnreadable(path: path, reason: "it is a directory")
        }
        var sample = [UInt8](repeating: 0, count: sampleSize)
        var filled = 0
        while filled < sampleSize {
            let n = sample.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, sampleSize - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PhoneBatchError.inputUnreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            filled += n
        }
        sample.removeSubrange(filled...)
        return sample
    }

    /// Refuses what is plainly not a text table, with the likeliest reason.
    private func rejectNonCSV(_ sample: [UInt8], path: String) throws {
        if sample.isEmpty { throw PhoneBatchError.notCSV(path: path, reason: "the file is empty") }
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            throw PhoneBatchError.notCSV(path: path, reason: "it is UTF-16 text")
        }
        if sample.starts(with: Array("PK\u{3}\u{4}".utf8)) {
            throw PhoneBatchError.notCSV(path: path, reason: "it is a ZIP archive (an Excel .xlsx workbook?)")
        }
        if sample.starts(with: Array("%PDF".utf8)) {
            throw PhoneBatchError.notCSV(path: path, reason: "it is a PDF document")
        }
        if let zero = sample.firstIndex(of: 0) {
            throw PhoneBatchError.notCSV(path: path, reason: "it holds binary data (a NUL byte at offset \(zero))")
        }
        let controls = sample.lazy.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }.count
        if controls * 100 > sample.count {
            throw PhoneBatchError.notCSV(path: path, reason: "it holds binary data (\(controls) control bytes in the first \(sample.count))")
        }
    }

    /// The separator that splits the sample's rows into the same number of fields most
    /// consistently; with several equally consistent, the one giving more fields, then the
    /// earlier in `CSVDialect.delimiters`. A file with one column gets a comma.
    static func bestDelimiter(in sample: ArraySlice<UInt8>) -> UInt8 {
        var best: (delimiter: UInt8, consistency: Double, fields: Int)?
        for candidate in CSVDialect.delimiters {
            let counts = fieldCounts(in: sample, delimiter: candidate)
            guard !counts.isEmpty else { continue }
            var frequency: [Int: Int] = [:]
            for count in counts { frequency[count, default: 0] += 1 }
            let (mode, occurrences) = frequency.max { a, b in a.value == b.value ? a.key < b.key : a.value < b.value }!
            guard mode > 1 else { continue }
            let consistency = Double(occurrences) / Double(counts.count)
            if let current = best {
                if consistency > current.consistency + 1e-9
                    || (abs(consistency - current.consistency) <= 1e-9 && mode > current.fields) {
                    best = (candidate, consistency, mode)
                }
            } else {
                best = (candidate, consistency, mode)
            }
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }

    /// Field counts of the complete records in the sample (at most 200), quote-aware.
    static func fieldCounts(in sample: ArraySlice<UInt8>, delimiter: UInt8) -> [Int] {
        var counts: [Int] = []
        var fields = 1
        var inQuotes = false
        var recordHasBytes = false
        var index = sample.startIndex
        while index < sample.endIndex && counts.count < 200 {
            let c = sample[index]
            if inQuotes {
                if c == UInt8(ascii: "\"") { inQuotes = false }
            } else if c == UInt8(ascii: "\"") {
                inQuotes = true
                recordHasBytes = true
            } else if c == delimiter {
                fields += 1
                recordHasBytes = true
            } else if c == 0x0A || c == 0x0D {
                if recordHasBytes { counts.append(fields) }
                fields = 1
                recordHasBytes = false
            } else {
                recordHasBytes = true
            }
            index += 1
        }
        return counts
    }

    /// The first line ending outside quotes; LF when the sample has none.
    static func lineEnding(in sample: ArraySlice<UInt8>) -> LineEnding {
        var inQuotes = false
        var index = sample.startIndex
        while index < sample.endIndex {
            let c = sample[index]
            if c == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && c == 0x0A {
                return .lf
            } else if !inQuotes && c == 0x0D {
                let next = sample.index(after: index)
                return next < sample.endIndex && sample[next] == 0x0A ? .crlf : .cr
            }
            index += 1
        }
        return .lf
    }
}

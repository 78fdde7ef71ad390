import Glibc

/// A streaming RFC 4180 reader over `read(2)` buffers: memory stays at one buffer plus the
/// longest record, however large the file.
///
/// What it accepts, as Python's `csv` module does with its default dialect: quoted fields with
/// doubled quotes, separators and line breaks inside quotes; CRLF, LF or CR line endings; a
/// quote in the middle of an unquoted field taken literally; text after a closing quote
/// appended to the field. Blank lines are skipped.
///
/// What it does with broken input, where a stricter reader would stop: a quote that never
/// closes (or a record longer than `maxRecordBytes`) makes the record's first physical line a
/// record of its own, marked with a `problem`, and reading goes on from the next line.
public final class CSVReader {
    public let dialect: CSVDialect
    public let maxRecordBytes: Int
    public let path: String

    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The current record's first byte in `buffer`.
    private var start = 0
    /// One past the last valid byte in `buffer`.
    private var end = 0
    /// The file offset of `buffer[0]`.
    private var bufferOffset: Int64
    private var atEOF = false
    /// The physical line at `start`.
    private var nextLine: Int

    private static let quote = UInt8(ascii: "\"")
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    /// Opens `path` and positions the reader at `startOffset` (a record boundary that an
    /// earlier reader reported as some record's `endOffset`), which is on line `startLine`.
    public init(path: String, dialect: CSVDialect, startOffset: Int64 = 0, startLine: Int = 1,
                maxRecordBytes: Int = 8 << 20, bufferSize: Int = 1 << 18) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            if errno == ENOENT { throw PhoneBatchError.inputNotFound(path: path) }
            throw PhoneBatchError.inputUnreadable(path: path, reason: reason)
        }
        self.fd = fd
        self.path = path
        self.dialect = dialect
        self.maxRecordBytes = maxRecordBytes
        self.capacity = max(bufferSize, 64)
        self.buffer = .allocate(capacity: capacity)
        var offset = startOffset
        if offset == 0 && dialect.hasBOM { offset = Int64(CSVDialect.utf8BOM.count) }
        self.bufferOffset = offset
        self.nextLine = startLine
        if offset > 0 { try seek(to: offset, line: startLine) }
    }

    /// The physical line just past the last record read (blank lines that follow it are
    /// skipped by the next read).
    public var currentLine: Int { nextLine }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    /// Reads the next record into `record`. Returns false at the end of the file.
    public func read(into record: inout CSVRecord) throws -> Bool {
        record.clear()
        guard try skipBlankLines() else { return false }

        record.startOffset = bufferOffset + Int64(start)
        record.line = nextLine
        let quote = Self.quote, lf = Self.lf, cr = Self.cr, delimiter = dialect.delimiter
        var p = start
        var line = nextLine
        var state = State.fieldStart

        scan: while true {
            if p == end {
                guard try fill(&p) else {
                    if state == .quoted { return try restartAsLine(record: &record, problem: .unterminatedQuote) }
                    break scan
                }
            }
            if p - start > maxRecordBytes {
                let problem: CSVProblem = state == .quoted ? .unterminatedQuote : .tooLong(limit: maxRecordBytes)
                return try restartAsLine(record: &record, problem: problem)
            }
            let c = buffer[p]
            switch state {
            case .fieldStart:
                if c == quote {
                    state = .quoted
                } else if c == delimiter {
                    record.fieldEnds.append(record.bytes.count)
                } else if c == lf || c == cr {
                    break scan
                } else {
                    record.bytes.append(c)
                    state = .unquoted
                }
                p += 1
            case .unquoted:
                // The common case: copy a run of plain bytes at once.
                var q = p
                while q < end {
                    let b = buffer[q]
                    if b == delimiter || b == lf || b == cr { break }
                    q += 1
                }
                if q > p {
                    record.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer + p, count: q - p))
                    p = q
                    continue scan
                }
                if c == delimiter {
                    record.fieldEnds.append(record.bytes.count)
                    state = .fieldStart
                    p += 1
                } else {
                    break scan
                }
            case .quoted:
                if c == quote {
                    state = .quoteInQuoted
                } else {
                    if c == lf {
                        line += 1
                    } else if c == cr {
                        var next = p + 1
                        if try !fill(&next) || buffer[next] != lf { line += 1 }
                        p = next - 1
                    }
                    record.bytes.append(c)
                }
                p += 1
            case .quoteInQuoted:
                if c == quote {
                    record.bytes.append(quote)
                    state = .quoted
                } else if c == delimiter {
                    record.fieldEnds.append(record.bytes.count)
                    state = .fieldStart
                } else if c == lf || c == cr {
                    break scan
                } else {
                    record.bytes.append(c)
                    state = .unquoted
                }
                p += 1
            }
        }

        record.fieldEnds.append(record.bytes.count)
        record.raw.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: p - start))
        try consumeLineEnding(at: &p, line: &line)
        record.endOffset = bufferOffset + Int64(p)
        start = p
        nextLine = line
        return true
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    // MARK: Buffer management

    /// Makes `buffer[p]` valid if the file has that byte: keeps the current record, moves it to
    /// the front, grows the buffer if the record fills it, and reads. False at end of file.
    private func fill(_ p: inout Int) throws -> Bool {
        while p >= end {
            if atEOF { return false }
            if start > 0 {
                let kept = end - start
                if kept > 0 { buffer.update(from: buffer + start, count: kept) }
                bufferOffset += Int64(start)
                end = kept
                p -= start
                start = 0
            }
            if end == capacity {
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                grown.update(from: buffer, count: end)
                buffer.deallocate()
                buffer = grown
                capacity *= 2
            }
            let n = Glibc.read(fd, buffer + end, capacity - end)
            if n < 0 {
                if errno == EINTR { continue }
                throw PhoneBatchError.inputUnreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 {
                atEOF = true
                return false
            }
            end += n
        }
        return true
    }

    private func seek(to offset: Int64, line: Int) throws {
        guard lseek(fd, off_t(offset), SEEK_SET) == off_t(offset) else {
            throw PhoneBatchError.inputUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        bufferOffset = offset
        start = 0
        end = 0
        atEOF = false
        nextLine = line
    }

    /// Skips empty lines before a record. False at end of file.
    private func skipBlankLines() throws -> Bool {
        var p = start
        while true {
            guard try fill(&p) else { start = p; return false }
            let c = buffer[p]
            guard c == Self.lf || c == Self.cr else { start = p; return true }
            var line = nextLine
            try consumeLineEnding(at: &p, line: &line)
            nextLine = line
            start = p
        }
    }

    /// Steps over CRLF, LF or CR at `p`, if there is one.
    private func consumeLineEnding(at p: inout Int, line: inout Int) throws {
        guard try fill(&p) else { return }
        let c = buffer[p]
        if c == Self.cr {
            p += 1
            line += 1
            if try fill(&p), buffer[p] == Self.lf { p += 1 }
        } else if c == Self.lf {
            p += 1
            line += 1
        }
    }

    // MARK: Recovery from broken records

    /// Goes back to the start of the record and reads it again as one physical line.
    private func restartAsLine(record: inout CSVRecord, problem: CSVProblem) throws -> Bool {
        try seek(to: record.startOffset, line: record.line)
        record.clear()
        return try readPhysicalLine(into: &record, problem: problem)
    }

    /// Reads up to the next line break, splits it on the separator with no regard for quotes,
    /// and marks it with `problem`. A line longer than the limit is cut there.
    private func readPhysicalLine(into record: inout CSVRecord, problem: CSVProblem) throws -> Bool {
        var p = start
        guard try fill(&p) else { return false }
        record.startOffset = bufferOffset + Int64(start)
        record.line = nextLine
        record.problem = problem
        var truncated = false
        while try fill(&p) {
            let c = buffer[p]
            if c == Self.lf || c == Self.cr { break }
            if p - start >= maxRecordBytes { truncated = true; break }
            p += 1
        }
        record.raw.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: p - start))
        if truncated {
            record.problem = .tooLong(limit: maxRecordBytes)
            start = p
            while try fill(&p), buffer[p] != Self.lf, buffer[p] != Self.cr {
                p += 1
                start = p
            }
        }
        for byte in record.raw {
            if byte == dialect.delimiter {
                record.fieldEnds.append(record.bytes.count)
            } else {
                record.bytes.append(byte)
            }
        }
        record.fieldEnds.append(record.bytes.count)
        var line = nextLine
        try consumeLineEnding(at: &p, line: &line)
        record.endOffset = bufferOffset + Int64(p)
        start = p
        nextLine = line
        return true
    }
}

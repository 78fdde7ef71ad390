/// One record as the reader found it. The reader refills the same value for every record,
/// keeping its buffers' capacity, so reading a million rows allocates almost nothing.
public struct CSVRecord {
    /// The fields' unescaped bytes, one after another.
    public internal(set) var bytes: [UInt8] = []
    /// Where each field ends in `bytes`.
    public internal(set) var fieldEnds: [Int] = []
    /// The record exactly as written, without its line terminator.
    public internal(set) var raw: [UInt8] = []
    /// Byte offset in the file where the record starts, and just past its terminator.
    public internal(set) var startOffset: Int64 = 0
    public internal(set) var endOffset: Int64 = 0
    /// The physical line (1-based) the record starts on.
    public internal(set) var line: Int = 0
    /// Set when the record could not be read as CSV; its fields are then a best effort.
    public internal(set) var problem: CSVProblem?

    public init() {}

    public var fieldCount: Int { fieldEnds.count }

    public func field(_ index: Int) -> ArraySlice<UInt8> {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return bytes[start..<fieldEnds[index]]
    }

    /// The field as text (invalid UTF-8 is replaced, never fatal).
    public func string(_ index: Int) -> String {
        field(index).withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    public var fields: [String] { (0..<fieldCount).map(string) }

    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        raw.removeAll(keepingCapacity: true)
        problem = nil
    }
}

/// Why a record is not well-formed CSV.
public enum CSVProblem: Equatable, Sendable {
    /// A quoted field never closed: the record is taken to be its first physical line.
    case unterminatedQuote
    /// The record is longer than the reader's limit; it was cut there.
    case tooLong(limit: Int)

    public var description: String {
        switch self {
        case .unterminatedQuote: return "unterminated quote"
        case .tooLong(let limit): return "row longer than \(limit) bytes"
        }
    }
}

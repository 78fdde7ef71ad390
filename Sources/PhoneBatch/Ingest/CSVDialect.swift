/// How a CSV file is written: what separates fields, what ends lines, whether a byte-order
/// mark comes first. Detected from the file (see `DialectSniffer`) unless the user says.
public struct CSVDialect: Sendable, Equatable {
    public var delimiter: UInt8
    public var lineEnding: LineEnding
    public var hasBOM: Bool

    public init(delimiter: UInt8 = UInt8(ascii: ","), lineEnding: LineEnding = .lf, hasBOM: Bool = false) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.hasBOM = hasBOM
    }

    /// The separators phonebatch recognises, in the order it prefers them on a tie.
    public static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// A printable name for messages: "," ";" "tab" "|".
    public var delimiterName: String {
        delimiter == UInt8(ascii: "\t") ? "tab" : String(UnicodeScalar(delimiter))
    }

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
}

public enum LineEnding: String, Sendable, Equatable {
    case lf, crlf, cr

    public var bytes: [UInt8] {
        switch self {
        case .lf: return [0x0A]
        case .crlf: return [0x0D, 0x0A]
        case .cr: return [0x0D]
        }
    }
}

/// A run of ASCII digits as their values 0-9: a national number, or what a pattern reads.
public struct Digits: Hashable, Sendable, Comparable {
    public var values: [UInt8]

    public init(_ values: [UInt8]) {
        self.values = values
    }

    public init<S: Sequence>(_ values: S) where S.Element == UInt8 {
        self.values = Array(values)
    }

    /// The digits of `text`, nil when it holds anything else.
    public init?(text: String) {
        var values: [UInt8] = []
        for byte in text.utf8 {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            values.append(byte - 0x30)
        }
        self.values = values
    }

    /// The decimal digits of a positive integer.
    init(_ number: Int) {
        var values: [UInt8] = []
        var rest = number
        repeat {
            values.append(UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        self.values = values.reversed()
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    public var text: String {
        String(decoding: values.map { $0 + 0x30 }, as: UTF8.self)
    }

    func dropFirst(_ k: Int) -> Digits {
        Digits(values.dropFirst(k))
    }

    func prefix(_ k: Int) -> Digits {
        Digits(values.prefix(k))
    }

    func hasPrefix(_ other: Digits) -> Bool {
        values.starts(with: other.values)
    }

    /// The value of the first `k` digits.
    func integer(prefix k: Int) -> Int {
        var value = 0
        for digit in values.prefix(k) { value = value * 10 + Int(digit) }
        return value
    }

    public static func < (a: Digits, b: Digits) -> Bool {
        a.values.lexicographicallyPrecedes(b.values)
    }

    static func + (a: Digits, b: Digits) -> Digits {
        Digits(a.values + b.values)
    }
}

/// A short run of ASCII digits as their values 0-9, stored inline (no allocation): a national
/// number (at most 17 digits), or a calling code and national number together (at most 20).
public struct Digits: Hashable, Sendable, Comparable {
    public static let capacity = 24
    private var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)
    public private(set) var count: Int = 0

    public init() {}

    /// The first `capacity` digits of `view` (callers pass at most that many).
    init(_ view: DigitView) {
        precondition(view.count <= Self.capacity, "a number of more than \(Self.capacity) digits")
        count = view.count
        withUnsafeMutableBytes(of: &storage) { raw in
            for (index, digit) in view.enumerated() { raw[index] = digit }
        }
    }

    public init<S: Sequence>(_ values: S) where S.Element == UInt8 {
        withUnsafeMutableBytes(of: &storage) { raw in
            for digit in values {
                precondition(count < Self.capacity, "a number of more than \(Self.capacity) digits")
                raw[count] = digit
                count += 1
            }
        }
    }

    /// The digits of `text`, nil when it holds anything else or is too long.
    public init?(text: String) {
        var values: [UInt8] = []
        for byte in text.utf8 {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            values.append(byte - 0x30)
        }
        guard values.count <= Self.capacity else { return nil }
        self.init(values)
    }

    /// The decimal digits of a positive integer (a calling code).
    init(_ number: Int) {
        var length = 1
        var scale = 10
        while number >= scale && length < 18 { length += 1; scale *= 10 }
        count = length
        withUnsafeMutableBytes(of: &storage) { raw in
            var rest = number
            for index in stride(from: length - 1, through: 0, by: -1) {
                raw[index] = UInt8(rest % 10)
                rest /= 10
            }
        }
    }

    public var isEmpty: Bool { count == 0 }

    /// Calls `body` with the digits as a buffer, valid during the call only.
    public func withView<R>(_ body: (DigitView) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: storage) { raw in
            try body(DigitView(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }

    public var values: [UInt8] { withView { Array($0) } }

    public var text: String { withView { $0.text } }

    public subscript(index: Int) -> UInt8 {
        withView { $0[index] }
    }

    func dropFirst(_ k: Int) -> Digits {
        withView { Digits(DigitView(rebasing: $0.dropFirst(k))) }
    }

    func prefix(_ k: Int) -> Digits {
        withView { Digits(DigitView(rebasing: $0.prefix(k))) }
    }

    func hasPrefix(_ other: DigitView) -> Bool {
        withView { $0.starts(with: other) }
    }

    public static func == (a: Digits, b: Digits) -> Bool {
        a.count == b.count && a.withView { x in b.withView { y in x.elementsEqual(y) } }
    }

    public func hash(into hasher: inout Hasher) {
        withView { view in
            hasher.combine(view.count)
            for digit in view { hasher.combine(digit) }
        }
    }

    public static func < (a: Digits, b: Digits) -> Bool {
        a.withView { x in b.withView { y in x.lexicographicallyPrecedes(y) } }
    }

    static func + (a: Digits, b: Digits) -> Digits {
        precondition(a.count + b.count <= capacity, "a number of more than \(capacity) digits")
        var joined = a
        b.withView { view in
            withUnsafeMutableBytes(of: &joined.storage) { raw in
                for (index, digit) in view.enumerated() { raw[a.count + index] = digit }
            }
        }
        joined.count = a.count + b.count
        return joined
    }
}

/// Digits (values 0-9) in memory someone else owns: what the automata and programs read.
public typealias DigitView = UnsafeBufferPointer<UInt8>

extension UnsafeBufferPointer where Element == UInt8 {
    var text: String {
        String(unsafeUninitializedCapacity: count) { out in
            for (index, digit) in enumerated() { out[index] = digit + 0x30 }
            return count
        }
    }

    /// The value of the first `k` digits.
    func integer(prefix k: Int) -> Int {
        var value = 0
        for index in 0..<Swift.min(k, count) { value = value * 10 + Int(self[index]) }
        return value
    }
}

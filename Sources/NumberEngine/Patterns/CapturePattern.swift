import CPhoneMetadata

/// A pattern whose answer depends on the order in which Python's `re` tries alternatives:
/// where a match at the start ends and what its groups hold. scripts/update-metadata compiles
/// it into a backtracking program with Python's priorities (the first alternative first,
/// greedy repetition trying one more first), which this runs over digits.
///
/// Why not an automaton: a deterministic automaton knows whether a text matches, but not
/// which of several matches Python's backtracking would find first, and the national prefix
/// rules and formats depend on exactly that. The programs are small and the texts at most a
/// few dozen digits, so backtracking costs little.
struct CapturePattern {
    unowned(unsafe) let metadata: Metadata
    let start: Int

    init?(metadata: Metadata, start: Int32) {
        guard start >= 0 else { return nil }
        self.metadata = metadata
        self.start = Int(start)
    }

    /// Group positions, inline: slot 2g is where group g starts, 2g + 1 where it ends (-1:
    /// the group took no part). Groups 1 to 9.
    struct Slots {
        static let count = 20
        private var storage: (UInt64, UInt64, UInt64, UInt64, UInt64) = (~0, ~0, ~0, ~0, ~0)

        subscript(index: Int) -> Int {
            get { withUnsafeBytes(of: storage) { Int($0.load(fromByteOffset: index * 2, as: Int16.self)) } }
            set { withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: Int16(newValue), toByteOffset: index * 2, as: Int16.self) } }
        }
    }

    /// A match: where it ends and, for each group from 1, its range (nil when the group took
    /// no part).
    struct Match {
        var end: Int
        var slots: Slots

        func group(_ index: Int) -> Range<Int>? {
            guard index >= 1, 2 * index + 1 < Slots.count else { return nil }
            let lower = slots[2 * index], upper = slots[2 * index + 1]
            return lower >= 0 && upper >= 0 ? lower..<upper : nil
        }
    }

    /// `re.match(pattern, digits[offset...])`, positions counted in `digits`; `whole` asks for
    /// `re.fullmatch` instead.
    func match(_ digits: DigitView, from offset: Int = 0, whole: Bool = false) -> Match? {
        var runner = Runner(code: metadata.program + start, digits: digits, whole: whole)
        guard let end = runner.run(0, offset) else { return nil }
        return Match(end: end, slots: runner.slots)
    }

    /// `re.sub(pattern, template, digits)`: every match from the left, each replaced by the
    /// template with its groups (`\1` ... `\9`; a group that took no part gives nothing).
    func substitute(_ digits: DigitView, template: UnsafePointer<CChar>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + 8)
        var position = 0
        var searchFrom = 0
        let count = digits.count
        while searchFrom <= count {
            var found: Match?
            var at = searchFrom
            while at <= count {
                if let match = match(digits, from: at) {
                    found = match
                    break
                }
                at += 1
            }
            guard let match = found else { break }
            for index in position..<at { out.append(digits[index] + 0x30) }
            Self.expand(template, match: match, digits: digits, into: &out, base: 0x30)
            position = match.end
            // The metadata's patterns never match nothing; step on regardless, as re.sub does.
            searchFrom = match.end > at ? match.end : match.end + 1
        }
        for index in position..<count { out.append(digits[index] + 0x30) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the template with its group references (`\1` ... `\9`) replaced by the groups'
    /// digits, each written as `base + digit` (0x30 for text, 0 for digit values); the
    /// template's other characters are appended as they are, less `base` (templates that
    /// become digits hold only digits).
    static func expand(_ template: UnsafePointer<CChar>, match: Match, digits: DigitView, into out: inout [UInt8], base: UInt8) {
        var pointer = template
        while pointer.pointee != 0 {
            let byte = UInt8(bitPattern: pointer.pointee)
            if byte == UInt8(ascii: "\\"), pointer[1] >= 0x31, pointer[1] <= 0x39 {
                if let range = match.group(Int(pointer[1]) - 0x30) {
                    for index in range { out.append(digits[index] &+ base) }
                }
                pointer += 2
                continue
            }
            out.append(byte &- (0x30 &- base))
            pointer += 1
        }
    }

    private struct Runner {
        let code: UnsafePointer<pb_instruction>
        let digits: DigitView
        let whole: Bool
        var slots = Slots()

        init(code: UnsafePointer<pb_instruction>, digits: DigitView, whole: Bool) {
            self.code = code
            self.digits = digits
            self.whole = whole
        }

        /// The end of the first match in priority order from instruction `pc` at `position`.
        mutating func run(_ pc: Int, _ position: Int) -> Int? {
            var pc = pc, position = position
            while true {
                let instruction = code[pc]
                switch Int32(instruction.op) {
                case Int32(PB_OP_CHAR):
                    guard position < digits.count, instruction.mask & (1 << UInt16(digits[position])) != 0 else { return nil }
                    position += 1
                    pc += 1
                case Int32(PB_OP_SPLIT):
                    if let end = run(Int(instruction.x), position) { return end }
                    pc = Int(instruction.y)
                case Int32(PB_OP_JUMP):
                    pc = Int(instruction.x)
                case Int32(PB_OP_SAVE):
                    let slot = Int(instruction.slot)
                    guard slot < Slots.count else { pc += 1; continue }
                    let old = slots[slot]
                    slots[slot] = position
                    if let end = run(pc + 1, position) { return end }
                    slots[slot] = old
                    return nil
                case Int32(PB_OP_END):
                    guard position == digits.count else { return nil }
                    pc += 1
                default:  // PB_OP_MATCH
                    if whole && position != digits.count { return nil }
                    return position
                }
            }
        }
    }
}

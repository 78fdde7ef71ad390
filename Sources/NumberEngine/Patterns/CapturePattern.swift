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
    let metadata: Metadata
    let start: Int

    init?(metadata: Metadata, start: Int32) {
        guard start >= 0 else { return nil }
        self.metadata = metadata
        self.start = Int(start)
    }

    /// A match: where it ends and, for each group from 1, its range (nil when the group took
    /// no part).
    struct Match {
        var end: Int
        var slots: [Int]

        func group(_ index: Int) -> Range<Int>? {
            guard 2 * index + 1 < slots.count else { return nil }
            let lower = slots[2 * index], upper = slots[2 * index + 1]
            return lower >= 0 && upper >= 0 ? lower..<upper : nil
        }
    }

    /// `re.match(pattern, digits[offset...])`, positions counted in `digits`; `whole` asks for
    /// `re.fullmatch` instead.
    func match(_ digits: Digits, from offset: Int = 0, groups: Int, whole: Bool = false) -> Match? {
        var runner = Runner(code: metadata.program + start, digits: digits.values, whole: whole,
                            slots: [Int](repeating: -1, count: 2 * (groups + 1)))
        guard let end = runner.run(0, offset) else { return nil }
        return Match(end: end, slots: runner.slots)
    }

    /// `re.sub(pattern, template, digits)`: every match from the left, each replaced by the
    /// template with its groups (`\1` ... `\9`; a group that took no part gives nothing).
    func substitute(_ digits: Digits, template: String, groups: Int) -> String {
        var out = ""
        var position = 0
        var searchFrom = 0
        let count = digits.count
        while searchFrom <= count {
            var found: Match?
            var at = searchFrom
            while at <= count {
                if let match = match(digits, from: at, groups: groups) {
                    found = match
                    break
                }
                at += 1
            }
            guard let match = found else { break }
            out += Digits(digits.values[position..<at]).text
            out += Self.expand(template, match: match, digits: digits)
            position = match.end
            // The metadata's patterns never match nothing; step on regardless, as re.sub does.
            searchFrom = match.end > at ? match.end : match.end + 1
        }
        if position < count { out += Digits(digits.values[position...]).text }
        return out
    }

    static func expand(_ template: String, match: Match, digits: Digits) -> String {
        var out = ""
        var escaped = false
        for character in template {
            if escaped {
                escaped = false
                if let group = character.wholeNumberValue, let range = match.group(group) {
                    out += Digits(digits.values[range]).text
                }
                continue
            }
            if character == "\\" { escaped = true } else { out.append(character) }
        }
        return out
    }

    private struct Runner {
        let code: UnsafePointer<pb_instruction>
        let digits: [UInt8]
        let whole: Bool
        var slots: [Int]

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
                    guard slot < slots.count else { pc += 1; continue }
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

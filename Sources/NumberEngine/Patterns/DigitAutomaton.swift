/// Runs the digit automata that scripts/update-metadata built from the metadata's patterns:
/// one transition a digit, so a pattern costs the same whatever its alternatives.
extension Metadata {
    /// The accept mask of the state the whole of `digits` leads to (0 when the automaton
    /// rejects): bit i says pattern i of the automaton matches all of `digits`.
    func wholeMatch(_ automaton: UInt32, _ digits: DigitView) -> UInt16 {
        let base = Int(automaton)
        var state = 0
        for digit in digits {
            let next = digitNext[(base &+ state) &* 10 &+ Int(digit)]
            if next == 0xFFFF { return 0 }
            state = Int(next)
        }
        return digitAccept[base &+ state]
    }

    func wholeMatch(_ automaton: UInt32, _ digits: Digits) -> UInt16 {
        digits.withView { wholeMatch(automaton, $0) }
    }

    /// Whether some prefix of `digits` matches (Python's `re.match`, which anchors only the
    /// start).
    func prefixMatches(_ automaton: UInt32, _ digits: DigitView) -> Bool {
        let base = Int(automaton)
        var state = 0
        if digitAccept[base] != 0 { return true }
        for digit in digits {
            let next = digitNext[(base &+ state) &* 10 &+ Int(digit)]
            if next == 0xFFFF { return false }
            state = Int(next)
            if digitAccept[base &+ state] != 0 { return true }
        }
        return false
    }

    func prefixMatches(_ automaton: UInt32, _ digits: Digits) -> Bool {
        digits.withView { prefixMatches(automaton, $0) }
    }
}

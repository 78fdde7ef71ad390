import PhoneBatch

/// Whether a line is live, as the sandbox decides it: most valid numbers are connected, a
/// share disconnected or unreachable; numbers the engine rejects are never connected.
enum LineVerdict: Equatable {
    case connected
    case disconnected
    /// The network could not say, with the reason a provider would give.
    case indeterminate(reason: IndeterminateReason)

    enum IndeterminateReason: Equatable {
        case prefixMissing
        case invalidDestination
        case networkForbidden
        case anotherCountry(region: String)
    }

    init(_ facts: NumberFacts) {
        guard let number = facts.number else {
            self = .indeterminate(reason: facts.requestedRegion == nil && !facts.input.contains("+") ? .prefixMissing : .invalidDestination)
            return
        }
        guard number.isValid else {
            self = .indeterminate(reason: .invalidDestination)
            return
        }
        if let requested = facts.requestedRegion, let region = number.region, region != requested,
           !Self.sameCallingCode(requested, region) {
            self = .indeterminate(reason: .anotherCountry(region: region))
            return
        }
        switch facts.draw(100, salt: 1) {
        case 0..<80: self = .connected
        case 80..<93: self = .disconnected
        default: self = .indeterminate(reason: .networkForbidden)
        }
    }

    /// Regions that share a calling code (GB and GG, US and CA) are one network to a provider.
    private static func sameCallingCode(_ a: String, _ b: String) -> Bool {
        let codeA = CountryResolver.callingCode(forRegion: a), codeB = CountryResolver.callingCode(forRegion: b)
        return codeA != 0 && codeA == codeB
    }
}

import PhoneBatch

/// What the sandbox knows of a number sent to it: the number engine's verdict, and a stable hash
/// of the provider, the number and the seed from which every made-up detail is drawn.
struct NumberFacts {
    /// The text as sent.
    var input: String
    /// The country the client named, if any (alpha-2).
    var requestedRegion: String?
    var check: LocalCheck
    var hash: UInt64

    init(provider: ProviderKey, input: String, region: String?, seed: UInt64, normalizer: inout PhoneNormalizer) {
        self.input = input
        requestedRegion = region
        check = normalizer.check(input, region: region)
        hash = StableHash.of(provider.rawValue, Self.key(for: check, input: input), String(seed))
    }

    var number: NumberDescription? {
        if case .parsed(let number) = check { return number }
        return nil
    }

    /// How the ledger counts this number: its E.164 when it has one, else the text as sent.
    var ledgerKey: String { Self.key(for: check, input: input) }

    private static func key(for check: LocalCheck, input: String) -> String {
        if case .parsed(let number) = check { return number.e164Text }
        return input
    }

    /// A draw in 0..<bound from the hash, different for each `salt`.
    func draw(_ bound: Int, salt: UInt64 = 0) -> Int {
        Int((hash ^ (salt &* 0x9E37_79B9_7F4A_7C15)) % UInt64(bound))
    }
}

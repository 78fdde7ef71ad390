/// The units each provider may still bill, when the knobs set a limit: the imitations refuse
/// (402, OUT_OF_QUOTA ...) once theirs are spent.
actor CreditMeter {
    private var remaining: [ProviderKey: Int]

    init(credits: [ProviderKey: Int]) {
        remaining = credits
    }

    /// Adds `units` to what `provider` may still bill (an account topped up); no limit stays no limit.
    func topUp(_ provider: ProviderKey, units: Int) {
        if let left = remaining[provider] { remaining[provider] = left + units }
    }

    /// Takes `units` if they are there; false when the provider is out of credit.
    func take(_ provider: ProviderKey, units: Int = 1) -> Bool {
        guard let left = remaining[provider] else { return true }
        guard left >= units else { return false }
        remaining[provider] = left - units
        return true
    }
}

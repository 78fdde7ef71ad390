/// What a plan needs to know of a provider without reaching it (no credentials, no
/// network): its limits as configured, the requests one batch takes, and its prices.
public struct ProviderProfile: Sendable {
    public var name: String
    public var limits: ProviderLimits
    /// Requests one batch takes when nothing goes wrong: Harmony 1; Experian create, start,
    /// about two status polls and the results; Delpha a job and about two polls; Accuauth one
    /// check (a task now and then).
    public var requestsPerBatch: Double
    public var pricing: Pricing
}

extension ProviderCatalog {
    /// The provider's profile as the configuration sets it; nil for `offline`.
    public static func profile(named name: String, configuration: Configuration) throws -> ProviderProfile? {
        let settings = configuration.settings(for: name)
        let (defaults, maximumBatch, requests): (ProviderLimits, Int, Double)
        switch name {
        case offline: return nil
        case "harmony": (defaults, maximumBatch, requests) = (HarmonyProvider.defaults, HarmonyProvider.maximumBatch, 1)
        case "experian": (defaults, maximumBatch, requests) = (ExperianProvider.defaultLimits, ExperianProvider.maximumBatch, 5)
        case "delpha": (defaults, maximumBatch, requests) = (DelphaProvider.defaultLimits, 1, 3)
        case "accuauth": (defaults, maximumBatch, requests) = (AccuauthProvider.defaultLimits, 1, 1.1)
        default: throw unknown(name)
        }
        return ProviderProfile(name: name, limits: try defaults.configured(by: settings, maxBatchSize: maximumBatch),
                               requestsPerBatch: requests, pricing: try Pricing(settings: settings))
    }
}

/// The providers phonebatch can run, by name: the only place that knows them all.
public enum ProviderCatalog {
    /// The local check: the number engine's verdict is final and nothing is sent anywhere.
    public static let offline = "offline"

    /// Every provider `run` takes. Xverify's voice calls are not a check: they have their own
    /// command.
    public static let names = [offline, "harmony", "experian", "delpha", "accuauth"]

    /// The provider to send numbers to, configured; nil for `offline`, where the local check
    /// settles every number at ingest and plan and submit have nothing to do.
    public static func provider(named name: String, configuration: Configuration) throws -> (any Provider)? {
        switch name {
        case offline: return nil
        case "harmony": return try HarmonyProvider(settings: configuration.settings(for: name))
        case "experian": return try ExperianProvider(settings: configuration.settings(for: name))
        case "delpha": return try DelphaProvider(settings: configuration.settings(for: name))
        case "accuauth": return try AccuauthProvider(settings: configuration.settings(for: name))
        case ConfirmColumns.provider:
            // Its calls ring people: only `confirm place`, with the user's consent, makes them.
            throw PhoneBatchError.invalidOption("xverify places voice calls and is never part of `run` or `resume`; use `phonebatch confirm place INPUT --code-column NAME --i-have-consent` (again, to resume its calls)")
        default: throw unknown(name)
        }
    }

    static func unknown(_ name: String) -> PhoneBatchError {
        .invalidOption("unknown provider '\(name)' (choose one of: \(names.joined(separator: ", ")))")
    }
}

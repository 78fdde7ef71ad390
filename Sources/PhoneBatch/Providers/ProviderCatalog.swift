/// The providers phonebatch can run, by name.
public enum ProviderCatalog {
    /// The local check: libphonenumber's verdict is final and nothing is sent anywhere.
    public static let offline = "offline"

    public static let names = [offline]

    /// The provider to send numbers to; nil for `offline`, where the local check settles
    /// every number at ingest and plan and submit have nothing to do.
    public static func provider(named name: String) throws -> (any Provider)? {
        switch name {
        case offline: return nil
        default:
            throw PhoneBatchError.invalidOption("unknown provider '\(name)' (choose one of: \(names.joined(separator: ", ")))")
        }
    }
}

/// The providers phonebatch can run, by name.
public enum ProviderCatalog {
    public static let names = ["offline"]

    public static func provider(named name: String) throws -> any Provider {
        switch name {
        case "offline": return OfflineProvider()
        default:
            throw PhoneBatchError.invalidOption("unknown provider '\(name)' (choose one of: \(names.joined(separator: ", ")))")
        }
    }
}

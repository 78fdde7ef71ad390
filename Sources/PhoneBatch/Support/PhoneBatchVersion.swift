import NumberEngine

/// The version phonebatch reports and writes into every job it creates.
public enum PhoneBatchVersion {
    public static let current = "0.2.0"

    /// What `phonebatch --version` prints: the program's version and the metadata's, since
    /// both decide a verdict ("phonebatch 0.2.0 (metadata 9.0.43)").
    public static var banner: String {
        "phonebatch \(current) (metadata \(NumberEngine.metadataVersion))"
    }
}

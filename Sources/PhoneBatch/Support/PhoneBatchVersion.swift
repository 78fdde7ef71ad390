/// The version phonebatch reports and writes into every job it creates.
public enum PhoneBatchVersion {
    public static let current = "0.1.0"
}

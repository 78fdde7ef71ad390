import Foundation

/// phonebatch's configuration: a TOML file (`--config FILE`) with a section per provider,
/// under the environment, which wins key by key. See `samples/phonebatch.toml`.
public struct Configuration: Sendable {
    private let document: TOMLDocument
    private let environment: [String: String]
    public let path: String?

    /// The sections a file may have.
    static let sections = ["harmony", "experian", "delpha", "accuauth", "xverify", "prices"]

    public init(path: String?, environment: [String: String]) throws {
        self.path = path
        self.environment = environment
        guard let path else {
            document = try TOMLDocument(parsing: "")
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PhoneBatchError.configuration("config file not found: \(path) (check the path given to --config)")
        }
        do {
            document = try TOMLDocument(parsing: String(decoding: data, as: UTF8.self))
        } catch let error as TOMLError {
            throw PhoneBatchError.configuration("\(path): \(error)")
        }
        for table in document.tables.keys where !table.isEmpty && !Self.sections.contains(table) {
            throw PhoneBatchError.configuration("\(path): unknown section [\(table)] (sections: \(Self.sections.joined(separator: ", ")))")
        }
        if let stray = document.tables[""]?.keys.sorted().first {
            throw PhoneBatchError.configuration("\(path): `\(stray)` is outside any section; put it under [provider]")
        }
    }

    /// A provider's settings: its section, overridden by `PHONEBATCH_<PROVIDER>_*`.
    public func settings(for provider: String) -> ProviderSettings {
        ProviderSettings(provider: provider, file: document.tables[provider] ?? [:], environment: environment,
                         configPath: path)
    }

    /// The same configuration with some environment values replaced (`--sandbox` points
    /// the provider at the in-process sandbox this way).
    public func overriding(_ values: [String: String]) -> Configuration {
        Configuration(document: document, environment: environment.merging(values) { _, new in new }, path: path)
    }

    private init(document: TOMLDocument, environment: [String: String], path: String?) {
        self.document = document
        self.environment = environment
        self.path = path
    }
}

/// `phonebatch report`: a job's report written as one self-contained HTML page.
public struct ReportExport {
    public var databasePath: String
    /// Default: `NAME.report.html` beside the database.
    public var outputPath: String?
    /// The config whose prices cost the units (`--config`, `PHONEBATCH_*`).
    public var configPath: String?
    public var environment: [String: String]

    public init(databasePath: String, outputPath: String?, configPath: String?, environment: [String: String]) {
        self.databasePath = databasePath
        self.outputPath = outputPath
        self.configPath = configPath
        self.environment = environment
    }

    /// Writes the page (under a temporary name, renamed into place); returns where it went.
    public func run() throws -> String {
        let database = FileSystem.absolute(databasePath)
        let store = try Store.openExisting(path: database)
        let configuration = try Configuration(path: configPath, environment: environment)
        let report = try store.report { provider in
            try? ProviderCatalog.profile(named: provider, configuration: configuration)?.pricing
        }
        let destination = FileSystem.absolute(outputPath ?? Self.defaultPath(for: database))
        guard destination != database else {
            throw PhoneBatchError.invalidOption("the report would overwrite the database \(database); choose another path with --out")
        }
        let file = try OutputFile(path: destination)
        try file.withBuffer { $0.append(contentsOf: report.html.utf8) }
        try file.commit()
        return destination
    }

    /// `contacts.phonebatch.sqlite` -> `contacts.phonebatch.report.html`
    static func defaultPath(for database: String) -> String {
        let (directory, stem) = DefaultPaths.stem(of: database)
        return "\(directory)/\(stem).report.html"
    }
}

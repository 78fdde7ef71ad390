import Foundation

/// What the user asked `run` to do.
public struct RunOptions: Sendable {
    public var inputPath: String
    public var outputPath: String?
    public var databasePath: String?
    public var provider = "offline"
    public var phoneColumn: String?
    public var countryColumn: String?
    public var defaultCountry: String?
    /// One character, or "tab"; detected when nil.
    public var delimiter: String?
    public var format: OutputFormat = .csv
    /// Send locally invalid numbers to the provider too.
    public var sendInvalid = false
    /// Discard an existing database for this input and start over.
    public var restart = false
    /// How phone fields are checked: in this process, or by worker processes.
    /// The TOML config file (`--config`), if any.
    public var configPath: String?
    /// The environment the provider settings are read from (`PHONEBATCH_*`).
    public var environment: [String: String] = [:]
    /// Rehearsal: the provider is the in-process sandbox. Part of the job's identity, so
    /// that a rehearsal's answers are never mixed with a real provider's.
    public var sandbox = false
    /// `--only`, `--rejects`, `--excel-safe`.
    public var output = OutputChoices()
    /// Phone Confirm: the column holding the code each row's call reads out.
    public var codeColumn: String?

    public init(inputPath: String) {
        self.inputPath = inputPath
    }

    /// The options that decide what the job computes, as stored in `job.options`: a run on
    /// an existing database must ask for the same ones to resume it.
    var defining: JSONValue {
        var options: [(String, JSONValue)] = [
            ("provider", .string(provider)),
            ("phone_column", .optional(phoneColumn)),
            ("country_column", .optional(countryColumn)),
            ("default_country", .optional(defaultCountry)),
            ("delimiter", .optional(delimiter)),
            ("send_invalid", .bool(sendInvalid)),
            ("sandbox", .bool(sandbox)),
        ]
        // Phone Confirm's only: a run's options read as they always have.
        if let codeColumn { options.append(("code_column", .string(codeColumn))) }
        return .object(options)
    }

    /// All the options kept in `job.options`: the defining ones, then the output choices
    /// (which a run may change: the latest run's are kept, for `resume` and `export`).
    var stored: JSONValue {
        guard case .object(let defining) = defining else { return defining }
        return .object(defining + output.stored)
    }

    /// The options a job was run with, read back from its database (`phonebatch resume`).
    public static func resuming(_ job: JobRecord, databasePath: String) throws -> RunOptions {
        guard let stored = try? JSONValue(parsing: job.optionsJSON) else {
            throw PhoneBatchError.notAPhoneBatchDatabase(path: databasePath)
        }
        var options = RunOptions(inputPath: job.input.path)
        options.outputPath = job.outputPath
        options.databasePath = databasePath
        options.format = job.format
        options.provider = stored["provider"]?.stringValue ?? job.provider
        options.phoneColumn = stored["phone_column"]?.stringValue
        options.countryColumn = stored["country_column"]?.stringValue
        options.defaultCountry = stored["default_country"]?.stringValue
        options.delimiter = stored["delimiter"]?.stringValue
        options.sendInvalid = stored["send_invalid"]?.boolValue ?? false
        options.sandbox = stored["sandbox"]?.boolValue ?? false
        options.codeColumn = stored["code_column"]?.stringValue
        options.output = OutputChoices(stored: stored)
        return options
    }

    /// The delimiter byte the user gave, if any.
    func delimiterByte() throws -> UInt8? {
        try Self.delimiterByte(delimiter)
    }

    /// `--delimiter`'s byte: one character, or the word tab.
    static func delimiterByte(_ delimiter: String?) throws -> UInt8? {
        guard let delimiter else { return nil }
        if delimiter.lowercased() == "tab" || delimiter == "\\t" || delimiter == "\t" { return UInt8(ascii: "\t") }
        guard delimiter.utf8.count == 1, let byte = delimiter.utf8.first,
              byte != UInt8(ascii: "\""), byte != 0x0A, byte != 0x0D else {
            throw PhoneBatchError.invalidOption("--delimiter takes one character such as , ; | or the word tab, not '\(delimiter)'")
        }
        return byte
    }
}

/// Where a run's files go when the user does not say.
public enum DefaultPaths {
    /// `contacts.csv` -> `contacts`
    static func stem(of input: String) -> (directory: String, stem: String) {
        let slash = input.lastIndex(of: "/")
        let directory = slash.map { String(input[..<$0]) } ?? "."
        var name = slash.map { String(input[input.index(after: $0)...]) } ?? input
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return (directory, name)
    }

    /// `contacts.checked.csv` (or `.jsonl`) beside the input.
    public static func output(for input: String, format: OutputFormat) -> String {
        let (directory, stem) = stem(of: input)
        return "\(directory)/\(stem).checked.\(format.fileExtension)"
    }

    /// `contacts.phonebatch.sqlite` beside the input.
    public static func database(for input: String) -> String {
        let (directory, stem) = stem(of: input)
        return "\(directory)/\(stem).phonebatch.sqlite"
    }
}

extension RunOptions {
    /// The options of the job in the database at `path`, to resume it.
    public static func resuming(databasePath path: String) throws -> RunOptions {
        let store = try Store.openExisting(path: path)
        guard let job = try store.loadJob() else { throw PhoneBatchError.notAPhoneBatchDatabase(path: path) }
        return try resuming(job, databasePath: FileSystem.absolute(path))
    }
}

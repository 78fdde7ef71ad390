/// What goes where when the output is written: which rows the output keeps (`--only`), where
/// the rows that could not be checked also go (`--rejects`), and whether phone columns are
/// written for spreadsheets (`--excel-safe`). None of them changes what the job computes, so
/// a job can be exported again with other choices.
public struct OutputChoices: Sendable, Equatable {
    public var only: RowVerdict.Selection = .all
    /// The rejects file, absolute once the job is opened; nil for none.
    public var rejectsPath: String?
    public var excelSafe = false

    public init(only: RowVerdict.Selection = .all, rejectsPath: String? = nil, excelSafe: Bool = false) {
        self.only = only
        self.rejectsPath = rejectsPath
        self.excelSafe = excelSafe
    }

    /// As kept in the job's options, beside the options that define the job.
    var stored: [(String, JSONValue)] {
        [("only", .string(only.rawValue)), ("rejects", .optional(rejectsPath)), ("excel_safe", .bool(excelSafe))]
    }

    /// Read back from the job's options; a job from before these choices has the defaults.
    init(stored options: JSONValue) {
        only = options["only"]?.stringValue.flatMap(RowVerdict.Selection.init(rawValue:)) ?? .all
        rejectsPath = options["rejects"]?.stringValue
        excelSafe = options["excel_safe"]?.boolValue ?? false
    }

    /// Refuses choices that cannot be honoured, before anything is written.
    func check(format: OutputFormat, outputPath: String, inputPath: String, databasePath: String) throws {
        if excelSafe && format != .csv {
            throw PhoneBatchError.invalidOption("--excel-safe applies to CSV output; leave it out with --format \(format.rawValue)")
        }
        if let rejectsPath, [outputPath, inputPath, databasePath].contains(rejectsPath) {
            throw PhoneBatchError.invalidOption("--rejects \(rejectsPath) would overwrite the input, the output or the database; choose another path")
        }
    }
}

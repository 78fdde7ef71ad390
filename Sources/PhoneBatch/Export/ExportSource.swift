/// What an export reads and where it writes: an input as it was read (its fingerprint,
/// dialect and header), the columns appended to its rows, and the output's path, format and
/// choices. A job's own output is one; each file `confirm verify` reads is another.
public struct ExportSource: Sendable {
    public var input: InputFingerprint
    public var dialect: CSVDialect
    public var header: [String]
    /// The phone column (0-based), for `--excel-safe`; nil when the input has none.
    public var phoneColumn: Int?
    public var outputPath: String
    public var format: OutputFormat
    public var choices: OutputChoices
    public var columns: AppendedColumns
    /// Whether the job sent valid numbers to a provider (a valid number it never answered
    /// is then a reject).
    var sentToProvider: Bool

    /// A job's output: the verdict columns, or the call columns of a Phone Confirm job.
    public init(job: JobRecord) {
        input = job.input
        dialect = job.dialect
        header = job.header
        phoneColumn = job.phoneColumn
        outputPath = job.outputPath
        format = job.format
        choices = job.outputChoices
        columns = job.provider == ConfirmColumns.provider ? .confirmPlace : .verdict
        sentToProvider = job.provider != ProviderCatalog.offline
    }

    public init(input: InputFingerprint, dialect: CSVDialect, header: [String], phoneColumn: Int?, outputPath: String,
                format: OutputFormat, columns: AppendedColumns) {
        self.input = input
        self.dialect = dialect
        self.header = header
        self.phoneColumn = phoneColumn
        self.outputPath = outputPath
        self.format = format
        self.choices = OutputChoices()
        self.columns = columns
        sentToProvider = true
    }
}

import ArgumentParser
import PhoneBatch

/// `run`'s choices of what the output holds: they change what is written, not what is
/// checked, so a finished job can be exported again with others.
struct OutputOptions: ParsableArguments {
    @Option(help: "Write only these rows: valid (valid and not a dead line), invalid, or all.")
    var only: RowVerdict.Selection = .all

    @Option(help: "Also write the rows that could not be checked (malformed, empty, unanswered) to this file, with their row number and reason.")
    var rejects: String?

    @Flag(name: .customLong("excel-safe"), help: "Write phone columns as =\"...\" so spreadsheets keep the leading + and zeros (CSV only).")
    var excelSafe = false

    var choices: OutputChoices {
        OutputChoices(only: only, rejectsPath: rejects, excelSafe: excelSafe)
    }
}

extension RowVerdict.Selection: ExpressibleByArgument {}

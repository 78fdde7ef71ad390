import ArgumentParser
import PhoneBatch

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the whole history of one input row: its number, every batch and request that carried it, the answer.",
        discussion: "The same history is the row_history view of the database, for SQL."
    )

    @Argument(help: "The job's SQLite file.")
    var db: String

    @Option(help: "The input row, numbered as a spreadsheet numbers it (the header is row 1).")
    var row: Int

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() async throws {
        let history = try await reportingErrors { try Store.openExisting(path: db).rowHistory(row) }
        print(json ? history.json.text : history.text)
    }
}

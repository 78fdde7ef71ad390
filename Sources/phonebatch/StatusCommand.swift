import ArgumentParser
import PhoneBatch

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show where a job stands: rows, numbers, batches in flight, requests and units, errors, time left.",
        discussion: "Reads the database only; safe while a run is going on."
    )

    @Argument(help: "The job's SQLite file.")
    var db: String

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() async throws {
        let status = try await reportingErrors { try Store.openExisting(path: db).status() }
        print(json ? status.json.text : status.text)
    }
}

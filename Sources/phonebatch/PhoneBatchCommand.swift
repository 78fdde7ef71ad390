import ArgumentParser
import PhoneBatch

@main
struct PhoneBatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phonebatch",
        abstract: "Check the phone numbers of a CSV export, locally and with paid providers.",
        version: PhoneBatchVersion.current,
        subcommands: [RunCommand.self, ExportCommand.self, SchemaCommand.self, SandboxCommand.self, NormalizeWorkerCommand.self]
    )
}

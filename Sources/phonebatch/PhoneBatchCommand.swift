import ArgumentParser
import Foundation
import PhoneBatch

@main
struct PhoneBatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phonebatch",
        abstract: "Check the phone numbers of a CSV export, locally and with paid providers.",
        version: PhoneBatchVersion.banner,
        subcommands: [RunCommand.self, PlanCommand.self, ResumeCommand.self, ConfirmCommand.self, StatusCommand.self, AuditCommand.self, ReportCommand.self, ExportCommand.self, ConfigCommand.self, SchemaCommand.self, SandboxCommand.self, BenchEngineCommand.self]
    )

    /// As ArgumentParser's own entry point, but a wrong flag or value is one line on standard
    /// error (what is wrong, and where help is), with exit status 64; help and version print
    /// in full as usual.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode { exit(withError: error) }
            StandardError.write("phonebatch: error: \(message(for: error)) (see phonebatch help)\n")
            Foundation.exit(code.rawValue)
        }
    }
}

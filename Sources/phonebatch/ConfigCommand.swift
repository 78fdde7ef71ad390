import ArgumentParser
import Foundation
import PhoneBatch

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Work with the configuration.",
        subcommands: [ConfigCheckCommand.self]
    )
}

struct ConfigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the config file and the PHONEBATCH_* environment, and say which providers are ready (no secret is printed).",
        discussion: "Exits 78 when the file itself is wrong; a provider that is not ready is reported, not an error."
    )

    @Option(help: "A TOML config file with a section per provider.")
    var config: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() async throws {
        let configuration = try await reportingErrors {
            try Configuration(path: config, environment: ProcessInfo.processInfo.environment)
        }
        let providers = ProviderReadiness.check(configuration)
        if json {
            print(JSONValue.object([
                ("config", .optional(config)),
                ("providers", .object(providers.map { ($0.provider, $0.json) })),
            ]).text)
            return
        }
        print(config.map { "config   \($0): read, no errors" } ?? "config   none given (--config FILE); settings from the environment only")
        for provider in providers { print(provider.text) }
    }
}

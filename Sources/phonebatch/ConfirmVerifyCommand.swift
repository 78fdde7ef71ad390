import ArgumentParser
import Foundation
import PhoneBatch

struct ConfirmVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the codes people typed back against the calls `confirm place` made.",
        discussion: """
            Each row holds a transaction_number (or a phone number called by `confirm place`) and the code typed back. \
            The output is INPUT with pb_confirm_status (verified, wrong_code, expired, error) and pb_confirm_message \
            appended. Run the same command again to resume; an edited file is checked as a new round.
            """
    )

    @Argument(help: "The CSV file of codes typed back.")
    var input: String

    @Option(name: .customLong("code-column"), help: "The column holding the code each person typed (a header name or a 1-based number).")
    var codeColumn: String

    @Option(help: "The database `confirm place` made (NAME.confirm.sqlite).")
    var db: String

    @Option(name: .customLong("transaction-column"), help: "The column of Xverify transaction numbers (default: one named transaction_number or pb_confirm_transaction).")
    var transactionColumn: String?

    @Option(name: .customLong("phone-column"), help: "The phone column, used where a row has no transaction number (default: found from the header).")
    var phoneColumn: String?

    @Option(name: .customLong("default-country"), help: "The country of national numbers in the phone column (default: the place step's).")
    var defaultCountry: String?

    @Option(name: .customLong("response-format"), help: "The format Xverify answers in: json or xml.")
    var responseFormat: ResponseFormat = .json

    @Option(help: "Where to write the output (default: NAME.verified.csv beside the input).")
    var out: String?

    @Option(help: "The field separator: , ; | or tab (default: detected).")
    var delimiter: String?

    @Option(help: "Output format: csv or jsonl.")
    var format: OutputFormat = .csv

    @Option(help: "A TOML config file with an [xverify] section; PHONEBATCH_XVERIFY_* variables override it.")
    var config: String?

    @OptionGroup var stopping: StopOptions

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let command = self
        try await JobConsole(logging: logging, stopping: stopping).run { logger, interruption, progress in
            var verification = CodeVerification(inputPath: command.input, databasePath: command.db, codeColumn: command.codeColumn,
                                                logger: logger, interruption: interruption)
            verification.outputPath = command.out
            verification.format = command.format
            verification.phoneColumn = command.phoneColumn
            verification.transactionColumn = command.transactionColumn
            verification.defaultCountry = command.defaultCountry
            verification.delimiter = command.delimiter
            verification.responseFormat = command.responseFormat
            verification.configPath = command.config
            verification.environment = ProcessInfo.processInfo.environment
            verification.progress = progress
            return try await verification.run()
        }
    }
}

import ArgumentParser
import Foundation
import PhoneBatch

struct ConfirmPlaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "place",
        abstract: "Call each row's number and read it the row's code (Xverify Phone Confirm).",
        discussion: """
            One call per distinct valid number and code; locally invalid numbers are not called. The output is INPUT \
            with pb_status, pb_e164, pb_error, pb_confirm_transaction, pb_confirm_status and pb_confirm_message appended. \
            Run the same command again to resume: a call that may have been placed is never placed again unless \
            --retry-in-doubt is given.
            """
    )

    @Argument(help: "The CSV file of the people to call.")
    var input: String

    @Option(name: .customLong("code-column"), help: "The column holding the code each call reads out (a header name or a 1-based number).")
    var codeColumn: String

    @Flag(name: .customLong("i-have-consent"), help: "Confirm that the people in INPUT agreed to be called. Without it nobody is called.")
    var consent = false

    @Option(name: .customLong("redial-count"), help: "Times to dial again when nobody answers (0 to 5).")
    var redialCount: Int?

    @Option(name: .customLong("redial-interval"), help: "Seconds between those redials (1 to 3600).")
    var redialInterval: Int?

    @Option(name: .customLong("call-at"), help: "When to place the calls, as \"YYYY-MM-DD HH:MM:SS\" (default: now).")
    var callAt: String?

    @Option(name: .customLong("calls-per-minute"), help: "The pace of calls (default: 30, one every 2 seconds; never above max_calls_per_minute of [xverify]).")
    var callsPerMinute: Double?

    @Flag(name: .customLong("retry-in-doubt"), help: "Place again the calls that may have been placed already (their people may be called twice).")
    var retryInDoubt = false

    @Option(name: .customLong("response-format"), help: "The format Xverify answers in: json or xml.")
    var responseFormat: ResponseFormat = .json

    @Option(help: "Where to write the output (default: NAME.calls.csv beside the input).")
    var out: String?

    @Option(help: "The job's SQLite file (default: NAME.confirm.sqlite beside the input).")
    var db: String?

    @OptionGroup var columns: ColumnOptions

    @Option(help: "Output format: csv or jsonl.")
    var format: OutputFormat = .csv

    @Option(help: "A TOML config file with an [xverify] section; PHONEBATCH_XVERIFY_* variables override it.")
    var config: String?

    @OptionGroup var workers: WorkerOptions

    @OptionGroup var stopping: StopOptions

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        var options = RunOptions(inputPath: input)
        options.outputPath = out
        options.databasePath = db
        columns.apply(to: &options)
        options.format = format
        options.codeColumn = codeColumn
        options.configPath = config
        options.environment = ProcessInfo.processInfo.environment
        var call = CallParameters()
        call.redialCount = redialCount
        call.redialIntervalSeconds = redialInterval
        call.callAt = callAt
        call.callsPerMinute = callsPerMinute
        call.responseFormat = responseFormat
        let (consent, retryInDoubt) = (consent, retryInDoubt)
        try await JobConsole(logging: logging, stopping: stopping).run { logger, interruption, progress in
            var placement = ConfirmPlacement(options: options, logger: logger, interruption: interruption)
            placement.consent = consent
            placement.call = call
            placement.retryInDoubt = retryInDoubt
            placement.progress = progress
            return try await placement.run()
        }
    }
}

extension ResponseFormat: ExpressibleByArgument {}

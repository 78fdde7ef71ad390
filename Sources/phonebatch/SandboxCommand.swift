import ArgumentParser
import Hummingbird
import PhoneBatch
import PhoneBatchSandbox

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve imitations of the provider APIs on loopback, to rehearse a run without spending money.",
        discussion: "Harmony, Experian, Delpha, Accuauth and Xverify, at their real paths under one base URL."
    )

    @Option(help: "The loopback address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 for any free one).")
    var port = 8080

    @Flag(name: .customLong("print-env"), help: "Print the export lines that point phonebatch at a sandbox on --port, and exit.")
    var printEnvironment = false

    @Option(help: "A JSON file of knobs (latency_ms, error_rate, timeout_rate, reset_rate, malformed_rate, rate_limit, rate_window_seconds, async_seconds, job_timeout_rate, credits, seed, code_lifetime_seconds, hold_answer_seconds, hold_answer_endpoints); flags override it.")
    var profile: String?

    @Option(name: .customLong("latency-ms"), help: "Mean added latency per request, in milliseconds.")
    var latency: Double?

    @Option(name: .customLong("error-rate"), help: "Share of requests answered 500, 502 or 503 (0 to 1).")
    var errorRate: Double?

    @Option(name: .customLong("timeout-rate"), help: "Share of requests never answered (0 to 1).")
    var timeoutRate: Double?

    @Option(name: .customLong("reset-rate"), help: "Share of requests whose connection is dropped (0 to 1).")
    var resetRate: Double?

    @Option(name: .customLong("malformed-rate"), help: "Share of answers whose body is cut short (0 to 1).")
    var malformedRate: Double?

    @Option(name: .customLong("rate-limit"), help: "Requests each provider accepts in a window (a minute unless --rate-window says) before answering 429.")
    var rateLimit: Int?

    @Option(name: .customLong("rate-window"), help: "The rate limit's window in seconds (default 60; 1 makes --rate-limit a rate a second).")
    var rateWindow: Double?

    @Option(help: "Seed for faults and verdicts.")
    var seed: UInt64?

    @Option(name: .customLong("async-seconds"), help: "How long an Experian batch, an Accuauth task or a Delpha job takes (default 2).")
    var asyncSeconds: Double?

    @Option(help: "Units a provider may bill before refusing, as provider=N[,provider=N...] (harmony, experian, delpha, accuauth, xverify).")
    var credits: String?

    @Option(name: .customLong("job-timeout-rate"), help: "Share of Delpha jobs that end in 504 \"Job timed out.\" (0 to 1).")
    var jobTimeoutRate: Double?

    @Option(name: .customLong("code-lifetime-seconds"), help: "How long an Xverify code stays good after its call, on the sandbox's clock (default 600); later, verifycode answers error 5.")
    var codeLifetime: Double?

    @Option(name: .customLong("hold-answer-seconds"), help: "Hold every provider answer this long after the work is done and the ledger written, as if the answer were late or lost (default 0); a profile's hold_answer_endpoints narrows it.")
    var holdAnswer: Double?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard LoopbackAddress.isLoopback(host) else {
            throw ValidationError(SandboxError.notLoopback(host).description)
        }
        for (name, rate) in [("--error-rate", errorRate), ("--timeout-rate", timeoutRate), ("--reset-rate", resetRate),
                             ("--malformed-rate", malformedRate), ("--job-timeout-rate", jobTimeoutRate)] {
            if let rate, !(0...1).contains(rate) { throw ValidationError("\(name) is a share, from 0 to 1") }
        }
        if let rateWindow, rateWindow <= 0 { throw ValidationError("--rate-window is a number of seconds above 0") }
        if let codeLifetime, codeLifetime <= 0 { throw ValidationError("--code-lifetime-seconds is a number of seconds above 0") }
        if let holdAnswer, holdAnswer < 0 { throw ValidationError("--hold-answer-seconds is a number of seconds, 0 or more") }
        _ = try parsedCredits()
        guard (0...65535).contains(port) else { throw ValidationError("--port is 0 to 65535") }
    }

    func run() async throws {
        let baseURL = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        if printEnvironment {
            for (name, value) in SandboxCredentials.environment(baseURL: baseURL) { print("export \(name)=\(value)") }
            return
        }
        let knobs: SandboxKnobs
        do {
            knobs = try makeKnobs()
        } catch let error as SandboxError {
            throw ValidationError(error.description)
        }
        let logger = logging.makeLogger()
        let app = try Sandbox(knobs: knobs).application(host: host, port: port, logger: logger) { bound in
            logger.info("sandbox listening on http://\(host):\(bound); Ctrl-C stops it")
        }
        try await app.runService()
    }

    /// The defaults, then the profile file, then the flags given (a profile of their own).
    private func makeKnobs() throws -> SandboxKnobs {
        let file = try profile.map(SandboxProfile.load(path:)) ?? SandboxProfile()
        let flags = SandboxProfile(
            latency_ms: latency, error_rate: errorRate, timeout_rate: timeoutRate, reset_rate: resetRate,
            malformed_rate: malformedRate, rate_limit: rateLimit, rate_window_seconds: rateWindow, async_seconds: asyncSeconds,
            job_timeout_rate: jobTimeoutRate, credits: try parsedCredits(), seed: seed,
            code_lifetime_seconds: codeLifetime, hold_answer_seconds: holdAnswer)
        return try flags.applied(to: file.applied(to: SandboxKnobs()))
    }

    private func parsedCredits() throws -> [String: Int]? {
        guard let credits else { return nil }
        var parsed: [String: Int] = [:]
        for item in credits.split(separator: ",") {
            let parts = item.split(separator: "=")
            guard parts.count == 2, ProviderKey(rawValue: String(parts[0])) != nil, let units = Int(parts[1]), units >= 0 else {
                throw ValidationError("--credits takes provider=N pairs separated by commas, such as delpha=10,accuauth=5; not '\(item)'")
            }
            parsed[String(parts[0])] = units
        }
        return parsed
    }
}

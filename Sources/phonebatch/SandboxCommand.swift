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

    @Option(name: .customLong("latency-ms"), help: "Mean added latency per request, in milliseconds.")
    var latency = 0.0

    @Option(name: .customLong("error-rate"), help: "Share of requests answered 500, 502 or 503 (0 to 1).")
    var errorRate = 0.0

    @Option(name: .customLong("rate-limit"), help: "Requests a minute each provider accepts before answering 429.")
    var rateLimit: Int?

    @Option(help: "Seed for faults and verdicts.")
    var seed: UInt64 = 0

    @Option(name: .customLong("async-seconds"), help: "How long an Accuauth task or a Delpha job takes.")
    var asyncSeconds = 2.0

    @Option(help: "Units a provider may bill before refusing, as provider=N[,provider=N...] (harmony, delpha, accuauth, xverify).")
    var credits: String?

    @Option(name: .customLong("job-timeout-rate"), help: "Share of Delpha jobs that end in 504 \"Job timed out.\" (0 to 1).")
    var jobTimeoutRate = 0.0

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard LoopbackAddress.isLoopback(host) else {
            throw ValidationError(SandboxError.notLoopback(host).description)
        }
        guard (0...1).contains(errorRate) else { throw ValidationError("--error-rate is a share, from 0 to 1") }
        guard (0...1).contains(jobTimeoutRate) else { throw ValidationError("--job-timeout-rate is a share, from 0 to 1") }
        _ = try parsedCredits()
        guard (0...65535).contains(port) else { throw ValidationError("--port is 0 to 65535") }
    }

    func run() async throws {
        let baseURL = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        if printEnvironment {
            for (name, value) in SandboxCredentials.environment(baseURL: baseURL) { print("export \(name)=\(value)") }
            return
        }
        var knobs = SandboxKnobs()
        knobs.latencyMilliseconds = latency
        knobs.errorRate = errorRate
        knobs.rateLimitPerMinute = rateLimit
        knobs.seed = seed
        knobs.asyncSeconds = asyncSeconds
        knobs.jobTimeoutRate = jobTimeoutRate
        knobs.credits = try parsedCredits()
        let logger = logging.makeLogger()
        let app = try Sandbox(knobs: knobs).application(host: host, port: port, logger: logger) { bound in
            logger.info("sandbox listening on http://\(host):\(bound); Ctrl-C stops it")
        }
        try await app.runService()
    }

    private func parsedCredits() throws -> [ProviderKey: Int] {
        guard let credits else { return [:] }
        var parsed: [ProviderKey: Int] = [:]
        for item in credits.split(separator: ",") {
            let parts = item.split(separator: "=")
            guard parts.count == 2, let key = ProviderKey(rawValue: String(parts[0])), let units = Int(parts[1]), units >= 0 else {
                throw ValidationError("--credits takes provider=N pairs separated by commas, such as delpha=10,accuauth=5; not '\(item)'")
            }
            parsed[key] = units
        }
        return parsed
    }
}

import Foundation
import Logging
import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// Whole runs of the sample against the sandbox, through the engine and the database.
@Suite struct ProviderRunTests {
    let directory: TemporaryDirectory
    let input: String

    init() throws {
        (directory, input) = try TemporaryDirectory.withSample()
    }

    func options(_ provider: String, environment: [String: String]) -> RunOptions {
        var options = RunOptions(inputPath: input)
        options.provider = provider
        options.environment = environment
        return options
    }

    func count(_ sql: String) throws -> Int64 {
        try Store(path: directory.file("contacts.phonebatch.sqlite")).scalar(sql)
    }

    /// The numbers libphonenumber finds valid: what must be sent, once each.
    func validNumbers() throws -> Int64 {
        try count("SELECT COUNT(*) FROM number WHERE valid = 1")
    }

    @Test(arguments: ["harmony", "experian", "delpha", "accuauth"])
    func theSampleSettlesEveryNumberUnderFaults(provider: String) async throws {
        var knobs = SandboxKnobs()
        knobs.errorRate = 0.1
        knobs.timeoutRate = 0.05
        knobs.rateLimitPerMinute = 100
        knobs.rateWindowSeconds = 1
        knobs.asyncSeconds = 0.2
        knobs.seed = 7
        try await AdapterHarness.run(knobs) { harness in
            let settings = ["TIMEOUT_SECONDS": "0.5", "MAX_ATTEMPTS": "8", "MAX_IN_FLIGHT": "8", "REQUESTS_PER_SECOND": "400",
                            "BATCH_SIZE": provider == "experian" ? "40" : (provider == "harmony" ? "5" : "1")]
            let report = try await JobRunner(options: options(provider, environment: harness.environment(provider, settings)),
                                             logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })).run()
            #expect(report.counts.rows == 302)
            // Every valid number settled by the provider, every invalid one never sent.
            #expect(try count("SELECT COUNT(*) FROM number WHERE state NOT IN ('done', 'local')") == 0)
            #expect(try count("SELECT COUNT(*) FROM result") == validNumbers())
            #expect(try count("SELECT COUNT(*) FROM result r JOIN number n USING (e164) WHERE n.valid = 0") == 0)
            #expect(try count("SELECT COUNT(*) FROM row_result WHERE pb_status = 'valid' AND pb_provider <> '\(provider)'") == 0)
            #expect(try count("SELECT COUNT(*) FROM row_result WHERE pb_status = 'valid' AND pb_line_status IS NULL") == 0)
            // The faults happened, and were recorded.
            #expect(try count("SELECT COUNT(*) FROM request_log WHERE http_status = 0 OR http_status >= 429") > 0)
            let ledger = await harness.ledger(ProviderKey(rawValue: provider)!)
            #expect(ledger["distinct_numbers"]?.intValue == (try validNumbers()))
            if provider == "experian" {
                // Billed per batch start: no number billed twice, whatever went wrong.
                #expect(ledger["resubmitted_numbers"]?.intValue == 0)
                #expect(ledger["billable"]?.intValue == (try validNumbers()))
            }
        }
    }

    @Test func locallyInvalidNumbersAreSentOnlyWhenAsked() async throws {
        try await AdapterHarness.run { harness in
            var options = options("harmony", environment: harness.environment("harmony"))
            options.sendInvalid = true
            _ = try await JobRunner(options: options, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })).run()
            let parsed = try count("SELECT COUNT(*) FROM number")
            #expect(parsed > (try validNumbers()))
            #expect(await harness.ledger(.harmony)["distinct_numbers"]?.intValue == parsed)
        }
    }

    @Test func aRefusalStopsTheRunAndResumeFinishesWithNothingRepeated() async throws {
        try await AdapterHarness.run { harness in
            let database = directory.file("contacts.phonebatch.sqlite")
            var wrong = harness.environment("accuauth")
            wrong["PHONEBATCH_ACCUAUTH_API_SECRET"] = "expired-secret-value"
            let stopped = try await phonebatch(["run", input, "--provider", "accuauth"], environment: wrong)
            #expect(stopped.status == ExitStatus.providerRefused.rawValue)
            let line = stopped.stderr.split(separator: "\n").filter { $0.contains("error:") }
            #expect(line.count == 1, "\(stopped.stderr)")
            #expect(line.first?.contains("PHONEBATCH_ACCUAUTH_") == true)
            #expect(line.first?.contains("phonebatch resume") == true)
            #expect(!stopped.stderr.contains("expired-secret-value"))
            #expect(try count("SELECT COUNT(*) FROM event WHERE kind = 'run_stopped'") == 1)

            let resumed = try await phonebatch(["resume", database], environment: harness.environment("accuauth"))
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(try count("SELECT COUNT(*) FROM result") == validNumbers())
            #expect(try count("SELECT COUNT(*) FROM number WHERE state NOT IN ('done', 'local')") == 0)
            #expect(await harness.ledger(.accuauth)["distinct_numbers"]?.intValue == (try validNumbers()))
            #expect(FileManager.default.fileExists(atPath: directory.file("contacts.checked.csv")))
        }
    }

    @Test func creditsRunningOutMidwayStopAndTheRestIsBilledOnceElsewhere() async throws {
        var knobs = SandboxKnobs()
        knobs.credits = [.experian: 100]
        knobs.asyncSeconds = 0.1
        let database = directory.file("contacts.phonebatch.sqlite")
        let settings = ["BATCH_SIZE": "50", "MAX_IN_FLIGHT": "1"]
        try await AdapterHarness.run(knobs) { harness in
            let stopped = try await phonebatch(["run", input, "--provider", "experian"],
                                               environment: harness.environment("experian", settings))
            #expect(stopped.status == ExitStatus.providerRefused.rawValue, "\(stopped.stderr)")
            #expect(stopped.stderr.contains("no credits left"))
            #expect(await harness.ledger(.experian)["billable"]?.intValue == 100)
            // The user tops the account up and resumes: the batches already started are
            // polled, not started again.
            await harness.sandbox.sandbox.topUp(.experian, units: 1_000)
            let resumed = try await phonebatch(["resume", database], environment: harness.environment("experian", settings))
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(try count("SELECT COUNT(*) FROM result") == validNumbers())
            let ledger = await harness.ledger(.experian)
            #expect(ledger["billable"]?.intValue == (try validNumbers()), "each number billed once across both runs")
            #expect(ledger["resubmitted_numbers"]?.intValue == 0)
        }
    }

    @Test func secretsReachNeitherTheDatabaseNorTheLogsNorTheOutput() async throws {
        try await AdapterHarness.run { harness in
            let environment = harness.environment("delpha")
            let result = try await phonebatch(["run", input, "--provider", "delpha", "-v"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            let secrets = [SandboxCredentials.delphaClientSecret, SandboxCredentials.delphaClientID]
            let files = ["contacts.phonebatch.sqlite", "contacts.phonebatch.sqlite-wal", "contacts.checked.csv"]
            for file in files {
                guard let data = FileManager.default.contents(atPath: directory.file(file)) else { continue }
                for secret in secrets { #expect(data.range(of: Data(secret.utf8)) == nil, "\(secret) in \(file)") }
            }
            for secret in secrets { #expect(!result.stderr.contains(secret) && !result.stdout.contains(secret)) }
        }
    }

    @Test func aNewUserRehearsesWithSandboxAndNoSetup() async throws {
        // No PHONEBATCH_* settings at all: --sandbox brings its own.
        let result = try await phonebatch(["run", input, "--provider", "experian", "--sandbox"],
                                          environment: ["PHONEBATCH_EXPERIAN_POLL_SECONDS": "0.2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("rehearsing against the sandbox at http://127.0.0.1:"))
        #expect(try count("SELECT COUNT(*) FROM row_result WHERE pb_provider = 'experian'") > 250)
        #expect(try count("SELECT COUNT(*) FROM result") == validNumbers())
        // A rehearsal is part of the job: running the same input for real is refused, not mixed in.
        let real = try await phonebatch(["run", input, "--provider", "experian"],
                                        environment: ["PHONEBATCH_EXPERIAN_URL": "http://127.0.0.1:9", "PHONEBATCH_EXPERIAN_TOKEN": "t"])
        #expect(real.status == ExitStatus.dataError.rawValue)
    }

    @Test func theSampleConfigurationIsReadAndEnvironmentWins() throws {
        let configuration = try Configuration(path: TestPaths.repositoryRoot + "/samples/phonebatch.toml", environment: [
            "PHONEBATCH_HARMONY_USER": "u", "PHONEBATCH_HARMONY_PASSWORD": "p", "PHONEBATCH_EXPERIAN_TOKEN": "t",
            "PHONEBATCH_DELPHA_CLIENT_ID": "i", "PHONEBATCH_DELPHA_CLIENT_SECRET": "s", "PHONEBATCH_ACCUAUTH_API_ID": "i",
            "PHONEBATCH_ACCUAUTH_API_SECRET": "s", "PHONEBATCH_EXPERIAN_BATCH_SIZE": "500",
        ])
        for name in ProviderCatalog.names where name != ProviderCatalog.offline {
            #expect(try ProviderCatalog.provider(named: name, configuration: configuration) != nil)
        }
        let experian = try #require(try ProviderCatalog.provider(named: "experian", configuration: configuration))
        #expect(experian.limits.batchSize == 500)
        #expect(abs(experian.limits.requestsPerSecond - 2.5) < 0.001)
    }

    @Test func aMissingCredentialOrABadValueIsOneLineWithItsExitCode() throws {
        let missing = try phonebatch("run", input, "--provider", "harmony")
        // The machine running the tests has no PHONEBATCH_HARMONY_URL.
        #expect(missing.status == ExitStatus.configuration.rawValue)
        #expect(missing.stderr.contains("PHONEBATCH_HARMONY_URL"))
        let config = try directory.write("bad.toml", "[experian]\nurl = \"http://127.0.0.1:9\"\ntoken = \"t\"\nbatch_size = 20000\n")
        let bad = try phonebatch("run", input, "--provider", "experian", "--config", config, "--db",
                                 directory.file("other.sqlite"))
        #expect(bad.status == ExitStatus.configuration.rawValue)
        #expect(bad.stderr.contains("batch_size"))
    }
}

import Foundation
import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// SIGINT and SIGTERM on a real process in the middle of its requests.
@Suite struct InterruptionTests {
    let directory: TemporaryDirectory
    let input: String
    var database: String { directory.file("contacts.phonebatch.sqlite") }

    init() throws {
        (directory, input) = try TemporaryDirectory.withSample()
    }

    /// A sandbox slow enough that a run is caught with requests in flight.
    static var slowSandbox: SandboxKnobs {
        var knobs = SandboxKnobs()
        knobs.latencyMilliseconds = 300
        return knobs
    }

    static let settings = ["BATCH_SIZE": "10", "MAX_IN_FLIGHT": "2"]

    func startRun(_ harness: AdapterHarness) throws -> LaunchedProcess {
        try LaunchedProcess(["run", input, "--provider", "harmony"],
                            environment: harness.environment("harmony", Self.settings), stderrPath: directory.file("run.err"))
    }

    func validNumbers() throws -> Int64 { try query(database, "SELECT COUNT(*) FROM number WHERE valid = 1") }

    /// Numbers in batches with a retried request: on a loaded machine a request may fail on
    /// our side after the provider has read it, and its retry sends those numbers again.
    func retriedNumbers() throws -> Int64 {
        try query(database, "SELECT COUNT(*) FROM batch_number WHERE batch_id IN (SELECT batch_id FROM request_log WHERE attempt > 1)")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalFinishesWhatIsInFlightAndExitsResumable(signal: Int32) async throws {
        try await AdapterHarness.run(Self.slowSandbox) { harness in
            let run = try startRun(harness)
            try await waitUntil("the first answer") { try query(database, "SELECT COUNT(*) FROM event WHERE kind = 'batch_done'") > 0 }
            run.send(signal)
            let (status, stderr) = await run.wait()
            #expect(status == ExitStatus.interrupted.rawValue, "\(stderr)")
            #expect(stderr.contains("interrupted; the work in flight is recorded: run `phonebatch resume \(database)` to finish"))
            // Everything in flight was finished and recorded: nothing is left mid-submission.
            #expect(try query(database, "SELECT COUNT(*) FROM batch WHERE state = 'submitting' OR lease_owner IS NOT NULL") == 0)
            #expect(try query(database, "SELECT COUNT(*) FROM event WHERE kind = 'run_interrupted'") == 1)
            #expect(try query(database, "SELECT COUNT(*) FROM number WHERE state IN ('pending', 'batched')") > 0, "stopped early")

            let resumed = try await phonebatch(["resume", database], environment: harness.environment("harmony", Self.settings))
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(try query(database, "SELECT COUNT(*) FROM result") == validNumbers())
            let ledger = await harness.ledger(.harmony)
            #expect(Int64(ledger["resubmitted_numbers"]?.intValue ?? -1) <= (try retriedNumbers()),
                    "a clean stop leaves nothing in doubt: only a retried request sends a number twice")
            #expect(ledger["distinct_numbers"]?.intValue == (try validNumbers()))
        }
    }

    @Test func aSecondSignalExitsAtOnceAndResumeSendsOnlyWhatWasInDoubt() async throws {
        try await AdapterHarness.run(Self.slowSandbox) { harness in
            let run = try startRun(harness)
            try await waitUntil("a batch in flight") {
                try query(database, "SELECT COUNT(*) FROM batch WHERE state = 'submitting'") > 0
                    && query(database, "SELECT COUNT(*) FROM event WHERE kind = 'batch_done'") > 0
            }
            run.send(SIGINT)
            // Signals of one kind sent together may arrive as one: send the second once the
            // first is being acted on.
            try await waitUntil("the first signal taken") { run.stderrSoFar.contains("stopping:") }
            run.send(SIGINT)
            let (status, stderr) = await run.wait()
            #expect(status == ExitStatus.interrupted.rawValue, "\(stderr)")
            #expect(stderr.contains("stopped at once"))

            let resumed = try await phonebatch(["resume", database], environment: harness.environment("harmony", Self.settings))
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(try query(database, "SELECT COUNT(*) FROM result") == validNumbers())
            let inDoubt = try query(database, """
                SELECT COUNT(DISTINCT bn.e164) FROM event e JOIN batch_number bn ON bn.batch_id = e.batch_id
                WHERE e.kind = 'batch_resent'
                """)
            let resent = Int64(await harness.ledger(.harmony)["resubmitted_numbers"]?.intValue ?? -1)
            #expect(resent <= inDoubt + (try retriedNumbers()), "only numbers whose request may have left are sent twice")
        }
    }

    /// An answer that does not come within `--grace`: the process exits 75 when the grace
    /// period ends, without waiting for it, and the batch is left for resume to find in doubt.
    @Test(.timeLimit(.minutes(2))) func aGracePeriodThatRunsOutExitsResumableWithoutWaitingForTheAnswer() async throws {
        var knobs = SandboxKnobs()
        knobs.holdAnswerSeconds = 600
        knobs.holdAnswerEndpoints = ["validate_phone"]
        try await AdapterHarness.run(knobs) { harness in
            let run = try LaunchedProcess(["run", input, "--provider", "harmony", "--grace", "1"],
                                          environment: harness.environment("harmony", Self.settings.merging(["TIMEOUT_SECONDS": "900"]) { $1 }),
                                          stderrPath: directory.file("run.err"))
            try await waitForLedger(harness, .harmony, "numbers_submitted", atLeast: 1, "a batch at the sandbox")
            run.send(SIGINT)
            let (status, stderr) = await run.wait()
            // The answers are held for ten minutes and the test is allowed two,
            // so an exit at all means the grace period, not the answer, ended the run.
            #expect(status == ExitStatus.interrupted.rawValue, "\(stderr)")
            #expect(stderr.contains("interrupted (the grace period ran out)"), "\(stderr)")
            #expect(try query(database, "SELECT COUNT(*) FROM batch WHERE state = 'submitting'") >= 1, "left in doubt")
            #expect(try query(database, "SELECT COUNT(*) FROM result") == 0)
        }
    }
}

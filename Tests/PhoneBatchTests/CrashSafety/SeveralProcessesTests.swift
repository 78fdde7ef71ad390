import Foundation
import Logging
import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// More than one process on one job: they share the work through leases, and no batch is
/// sent or settled twice.
@Suite struct SeveralProcessesTests {
    let directory: TemporaryDirectory
    let input: String
    var database: String { directory.file("contacts.phonebatch.sqlite") }

    init() throws {
        (directory, input) = try TemporaryDirectory.withSample()
    }

    static let settings = ["BATCH_SIZE": "10", "MAX_IN_FLIGHT": "2"]

    func validNumbers() throws -> Int64 { try query(database, "SELECT COUNT(*) FROM number WHERE valid = 1") }

    /// Every batch settled exactly once, every valid number sent exactly once.
    func expectEachBatchDoneOnce(_ harness: AdapterHarness) async throws {
        #expect(try query(database, "SELECT COUNT(*) FROM result") == validNumbers())
        #expect(try query(database, """
            SELECT COUNT(*) FROM (SELECT batch_id FROM event WHERE kind = 'batch_done' GROUP BY batch_id HAVING COUNT(*) > 1)
            """) == 0)
        #expect(try query(database, "SELECT COUNT(*) FROM batch WHERE state <> 'done'") == 0)
        // A number reaches the provider twice only when a request was retried (on a loaded
        // machine a request may time out after the provider has read it), never because two
        // processes sent one batch.
        let ledger = await harness.ledger(.harmony)
        let retried = try query(database, """
            SELECT COUNT(*) FROM batch_number WHERE batch_id IN (SELECT batch_id FROM request_log WHERE attempt > 1)
            """)
        #expect(Int64(ledger["resubmitted_numbers"]?.intValue ?? -1) <= retried)
        #expect(ledger["distinct_numbers"]?.intValue == (try validNumbers()))
        #expect(try readAll(directory.file("contacts.checked.csv")).count == 303)
    }

    @Test func twoResumesOfOneJobBothWorkAndNoBatchIsDoneTwice() async throws {
        var knobs = SandboxKnobs()
        knobs.latencyMilliseconds = 150
        try await AdapterHarness.run(knobs) { harness in
            let environment = harness.environment("harmony", Self.settings)
            // A run stopped as soon as it has read the input: the job waits at ingest's end.
            var options = RunOptions(inputPath: input)
            options.provider = "harmony"
            options.environment = environment
            let stopped = Interruption()
            stopped.request()
            await #expect(throws: PhoneBatchError.interrupted(databasePath: database)) {
                _ = try await JobRunner(options: options, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
                                        interruption: stopped).run()
            }

            let first = try LaunchedProcess(["resume", database], environment: environment, stderrPath: directory.file("1.err"))
            let second = try LaunchedProcess(["resume", database], environment: environment, stderrPath: directory.file("2.err"))
            let (firstStatus, firstErr) = await first.wait()
            let (secondStatus, secondErr) = await second.wait()
            #expect(firstStatus == 0, "\(firstErr)")
            #expect(secondStatus == 0, "\(secondErr)")
            #expect(try query(database, """
                SELECT COUNT(DISTINCT json_extract(detail, '$.owner')) FROM event WHERE kind = 'batch_submitting'
                """) == 2, "both processes sent batches")
            try await expectEachBatchDoneOnce(harness)
        }
    }

    @Test func twoRunsStartedTogetherOnOneInputMakeOneJob() async throws {
        var knobs = SandboxKnobs()
        knobs.latencyMilliseconds = 50
        try await AdapterHarness.run(knobs) { harness in
            let environment = harness.environment("harmony", Self.settings)
            let arguments = ["run", input, "--provider", "harmony"]
            let first = try LaunchedProcess(arguments, environment: environment, stderrPath: directory.file("1.err"))
            let second = try LaunchedProcess(arguments, environment: environment, stderrPath: directory.file("2.err"))
            let (firstStatus, firstErr) = await first.wait()
            let (secondStatus, secondErr) = await second.wait()
            #expect(firstStatus == 0, "\(firstErr)")
            #expect(secondStatus == 0, "\(secondErr)")
            #expect(try query(database, "SELECT COUNT(*) FROM record") == 302, "each row read once")
            #expect(try query(database, "SELECT COUNT(*) FROM event WHERE kind = 'run_started'") == 1)
            try await expectEachBatchDoneOnce(harness)
        }
    }
}

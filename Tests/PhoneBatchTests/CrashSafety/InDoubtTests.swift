import Foundation
import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// A process killed between a provider acting on a batch and the answer being recorded: the
/// one case where a number may be paid for twice, made to happen on purpose.
@Suite struct InDoubtTests {
    let directory: TemporaryDirectory
    let input: String
    var database: String { directory.file("people.phonebatch.sqlite") }

    /// 35 valid London numbers: four batches of 10, 10, 10 and 5.
    init() throws {
        directory = try TemporaryDirectory()
        let rows = (0..<35).map { "person \($0),+44 20 7946 \(String(format: "%04d", $0))" }
        input = try directory.write("people.csv", "name,phone\n" + rows.joined(separator: "\n") + "\n")
    }

    /// One batch at a time, each answer held by the sandbox for 2 s after it has acted (the
    /// ledger already counts the numbers), so the kill below always lands between the two.
    static var holdingSandbox: SandboxKnobs {
        var knobs = SandboxKnobs()
        knobs.holdAnswerSeconds = 2
        knobs.holdAnswerEndpoints = ["validate_phone"]
        return knobs
    }

    static let settings = ["BATCH_SIZE": "10", "MAX_IN_FLIGHT": "1", "TIMEOUT_SECONDS": "300"]

    @Test func aBatchKilledAfterItsRequestLeftIsSentAgainAndMarkedAPossibleDuplicate() async throws {
        try await AdapterHarness.run(Self.holdingSandbox) { harness in
            let environment = harness.environment("harmony", Self.settings)
            let run = try LaunchedProcess(["run", input, "--provider", "harmony"],
                                          environment: environment, stderrPath: directory.file("run.err"))
            // Two batches answered and recorded, the third acted on by the provider.
            try await waitForLedger(harness, .harmony, "numbers_submitted", atLeast: 30, "the third batch at the sandbox")
            run.send(SIGKILL)
            _ = await run.wait()
            let caught = try query(database, "SELECT id FROM batch WHERE state = 'submitting'")
            #expect(try query(database, "SELECT COUNT(*) FROM batch WHERE state = 'submitting'") == 1)
            #expect(try query(database, "SELECT COUNT(*) FROM batch WHERE state = 'done'") == 2)

            // status on the killed job: what is left, and when it should be done.
            let statusRun = try await phonebatch(["status", database, "--json"], environment: [:])
            #expect(statusRun.status == 0, "\(statusRun.stderr)")
            let status = try JSONValue(parsing: statusRun.stdout)
            #expect(status["stage"]?.stringValue == "submit")
            #expect(status["numbers_left"]?.intValue == 15)
            #expect(status["batches"]?["harmony"]?["done"]?.intValue == 2)
            #expect(status["batches"]?["harmony"]?["in_flight"]?.intValue == 1)
            #expect(status["batches"]?["harmony"]?["pending"]?.intValue == 1)
            #expect(status["batches"]?["harmony"]?["failed"]?.intValue == 0)
            #expect(status["requests"]?["harmony"]?["units"]?.intValue == 20)
            #expect((status["numbers_per_second"]?.doubleValue ?? 0) > 0)
            #expect((status["estimated_seconds_left"]?.doubleValue ?? -1) >= 0)
            let statusText = try await phonebatch(["status", database], environment: [:])
            #expect(statusText.stdout.contains("left      15 numbers at "), "\(statusText.stdout)")

            let resumed = try await phonebatch(["resume", database], environment: environment)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(try query(database, "SELECT COUNT(*) FROM result") == 35)
            // The caught batch, and only it, was sent again, and the events say so.
            #expect(try query(database, "SELECT COUNT(*) FROM event WHERE kind = 'batch_resent'") == 1)
            #expect(try query(database, """
                SELECT batch_id FROM event
                WHERE kind = 'batch_resent' AND json_extract(detail, '$.possible_duplicate') = 1
                """) == caught)
            let ledger = await harness.ledger(.harmony)
            #expect(ledger["resubmitted_numbers"]?.intValue == 10, "the caught batch's numbers, sent twice")
            #expect(ledger["distinct_numbers"]?.intValue == 35)
            #expect(ledger["numbers_submitted"]?.intValue == 45)

            // The audit of a row in that batch tells it.
            let row = try query(database, """
                SELECT MIN(r.row_no) FROM record r JOIN batch_number bn ON bn.e164 = r.e164 WHERE bn.batch_id = \(caught)
                """)
            let audit = try await phonebatch(["audit", database, "--row", String(row)], environment: [:])
            #expect(audit.status == 0, "\(audit.stderr)")
            #expect(audit.stdout.contains("batch in doubt") && audit.stdout.contains("batch resent  attempt=2 possible_duplicate=true"), "\(audit.stdout)")
        }
    }
}

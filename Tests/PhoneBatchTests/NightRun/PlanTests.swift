import Foundation
import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// `phonebatch plan`, and the question `run` asks before it spends money.
@Suite struct PlanTests {
    let directory: TemporaryDirectory
    let input: String
    var database: String { directory.file("contacts.phonebatch.sqlite") }

    init() throws {
        (directory, input) = try TemporaryDirectory.withSample()
    }

    @Test func aPlanCountsEverythingAndPricesItWithoutCredentialsOrNetwork() async throws {
        let config = try directory.write("prices.toml", """
            [experian]
            price_per_number = 0.01
            ported_date = true
            price_ported_date = 0.002
            currency = "EUR"
            batch_size = 100
            requests_per_minute = 60
            """)
        // No PHONEBATCH_* variables at all: a plan needs no credential.
        let result = try await phonebatch(["plan", input, "--provider", "experian", "--config", config, "--json"],
                                          environment: [:])
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try JSONValue(parsing: result.stdout)
        #expect(plan["rows"]?.intValue == 302)
        #expect(plan["empty"]?.intValue == 10)
        #expect(plan["unparseable"]?.intValue == 22)
        #expect(plan["invalid"]?.intValue == 11)
        #expect(plan["malformed"]?.intValue == 2)
        #expect(plan["unique_valid_numbers"]?.intValue == 227)
        #expect(plan["duplicates"]?.intValue == 30)
        #expect(plan["batches"]?.intValue == 3)
        #expect(plan["requests"]?.intValue == 15, "create, start, two polls and the results, a batch")
        #expect(plan["estimated_seconds"]?.doubleValue == 15, "15 requests at one a second")
        #expect(plan["estimated_cost"]?.doubleValue == 2.72, "227 x (0.01 + 0.002)")
        #expect(try query(database, "SELECT COUNT(*) FROM event WHERE kind = 'request'") == 0)

        let text = try await phonebatch(["plan", input, "--provider", "experian", "--config", config], environment: [:])
        #expect(text.stdout.contains("cost     about 2.72 EUR (227 x check 0.0100 EUR + ported date 0.0020 EUR)"))
    }

    @Test func runContinuesFromThePlanWithoutReadingTheInputAgain() async throws {
        try await AdapterHarness.run { harness in
            let plan = try await phonebatch(["plan", input, "--provider", "harmony"], environment: [:])
            #expect(plan.status == 0, "\(plan.stderr)")
            let run = try await phonebatch(["run", input, "--provider", "harmony"],
                                           environment: harness.environment("harmony"))
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("resuming the job"))
            #expect(try query(database, "SELECT COUNT(*) FROM record") == 302)
            #expect(await harness.ledger(.harmony)["distinct_numbers"]?.intValue == 227)
        }
    }

    /// `run` on a terminal answering `answer`.
    func runOnATerminal(answering answer: String, environment: [String: String]) async throws -> ProcessResult {
        try await onATerminal(["run", input, "--provider", "harmony"], answering: answer, environment: environment)
    }

    @Test func onATerminalRunAsksFirstAndANoSendsNothing() async throws {
        try await AdapterHarness.run { harness in
            let environment = harness.environment("harmony")
            let declined = try await runOnATerminal(answering: "n", environment: environment)
            #expect(declined.status == ExitStatus.interrupted.rawValue, "\(declined.stdout)")
            #expect(declined.stdout.contains("send     227 numbers to harmony in 3 batches"))
            #expect(declined.stdout.contains("Send 227 numbers to harmony? [y/N]"))
            #expect(declined.stdout.contains("nothing was sent"))
            #expect(await harness.ledger(.harmony)["numbers_submitted"]?.intValue == 0)

            let accepted = try await runOnATerminal(answering: "y", environment: environment)
            #expect(accepted.status == 0, "\(accepted.stdout)")
            #expect(await harness.ledger(.harmony)["distinct_numbers"]?.intValue == 227)
            // Off a terminal (every other test) it never asks; --yes never asks either.
        }
    }
}

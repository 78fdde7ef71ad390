import AsyncHTTPClient
import Foundation
import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// `confirm place` and `confirm verify`: the real binary against the sandbox's Xverify.
@Suite struct PhoneConfirmTests {
    let directory: TemporaryDirectory
    let input: String
    var database: String { directory.file("people.confirm.sqlite") }
    var calls: String { directory.file("people.calls.csv") }

    /// Three calls: Ann and Dee share a number and a code (one call); Eve's number is not
    /// valid, Fay has no code and Gus's row is broken: nobody calls them.
    static let people = """
        name,phone,country,code
        Ann,+44 7400 123456,,4821
        Bob,07911 123456,GB,1234
        Cid,+33 6 12 34 56 78,,5555
        Dee,+447400123456,,4821
        Eve,12345,FR,9999
        Fay,+49 151 23456789,,
        Gus,+1 202 555 0143

        """

    init() throws {
        directory = try TemporaryDirectory()
        input = try directory.write("people.csv", Self.people)
    }

    /// The sandbox's settings, paced for a test: the cap and the pace far above a person's,
    /// and a timeout no loaded machine reaches (a call without an answer in time is in doubt,
    /// which is right, but not what these tests are about).
    static func environment(_ harness: AdapterHarness, _ extra: [String: String] = [:]) -> [String: String] {
        harness.environment("xverify", ["MAX_CALLS_PER_MINUTE": "60000", "TIMEOUT_SECONDS": "300"].merging(extra) { $1 })
    }

    /// What the calls' outcomes and messages are, for a failure's message.
    func callMessages() -> String {
        guard let connection = try? SQLiteConnection(path: database, readOnly: true),
              let rows = try? connection.strings("SELECT call_id || ' ' || outcome || ': ' || COALESCE(message, '') FROM confirm_call") else {
            return "(no database)"
        }
        return rows.joined(separator: " | ")
    }

    func place(_ harness: AdapterHarness, _ extra: [String] = [], environment: [String: String]? = nil) async throws -> ProcessResult {
        try await phonebatch(["confirm", "place", input, "--code-column", "code", "--i-have-consent", "--calls-per-minute", "60000",
                              ] + extra,
                             environment: environment ?? Self.environment(harness))
    }

    func verify(_ file: String, _ harness: AdapterHarness, _ extra: [String] = []) async throws -> ProcessResult {
        try await phonebatch(["confirm", "verify", file, "--code-column", "typed", "--db", database] + extra,
                             environment: Self.environment(harness))
    }

    /// The output as dictionaries keyed by column name, in row order.
    static func rows(_ path: String) throws -> [[String: String]] {
        let records = try readAll(path)
        let header = try #require(records.first).fields
        return records.dropFirst().map { Dictionary(zip(header, $0.fields), uniquingKeysWith: { $1 }) }
    }

    @Test func withoutConsentNobodyIsCalledAndNothingIsWritten() async throws {
        try await AdapterHarness.run { harness in
            let result = try await phonebatch(["confirm", "place", input, "--code-column", "code"],
                                              environment: Self.environment(harness))
            #expect(result.status == ExitStatus.usage.rawValue)
            #expect(result.stderr.contains("pass --i-have-consent"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: database), "no database is made")
            #expect(!FileManager.default.fileExists(atPath: calls))
            let ledger = await harness.ledger(.xverify)
            #expect(ledger["requests"] == .object([]), "the sandbox heard nothing")
            #expect(ledger["billable"]?.intValue == 0)
        }
    }

    @Test(arguments: ["json", "xml"])
    func callsArePlacedOncePerNumberAndCodeAndTheCodesVerified(format: String) async throws {
        try await AdapterHarness.run { harness in
            let placed = try await place(harness, ["--redial-count", "2", "--redial-interval", "60",
                                                   "--call-at", "2026-11-23 09:30:00", "--response-format", format])
            #expect(placed.status == 0, "\(placed.stderr)")
            #expect(placed.stdout.contains("calls: 3 placed, 0 refused, 0 in doubt; 3 rows not called"), "\(placed.stdout)")

            let rows = try Self.rows(calls)
            #expect(rows.map { $0["name"] ?? "" } == ["Ann", "Bob", "Cid", "Dee", "Eve", "Fay", "Gus"], "every row, in order")
            #expect(rows.map { $0["pb_confirm_status"] ?? "" }
                    == ["placed", "placed", "placed", "placed", "not_called", "not_called", "not_called"])
            #expect(rows[0]["pb_confirm_transaction"] == rows[3]["pb_confirm_transaction"], "one call for one number and code")
            #expect(Set(rows.prefix(3).compactMap { $0["pb_confirm_transaction"] }).count == 3)
            #expect(rows[4]["pb_confirm_message"] == "not called: the number is not valid"
                    || rows[4]["pb_confirm_message"] == "not called: the phone field is not a phone number")
            #expect(rows[5]["pb_confirm_message"] == "not called: the code field is empty")
            #expect(rows[6]["pb_status"] == "malformed")
            #expect(rows[0]["pb_confirm_message"]?.hasPrefix("Call placed to +447400123456") == true, "Xverify's message")

            // What the sandbox heard: three calls, the parameters under their documented names.
            let heard = try await Self.sandboxCalls(harness)
            #expect(heard.count == 3)
            #expect(heard.allSatisfy { $0["call_time_parameter"]?.stringValue == "call_place_tile" })
            #expect(heard.allSatisfy { $0["call_time"]?.stringValue == "2026-11-23 09:30:00" })
            #expect(heard.allSatisfy { $0["redial_count"]?.stringValue == "2" && $0["redial_interval"]?.stringValue == "60" })
            #expect(heard.map { $0["code"]?.stringValue ?? "" } == ["4821", "1234", "5555"])
            #expect(await harness.ledger(.xverify)["billable"]?.intValue == 3)

            // Codes typed back: by transaction number, or by phone; right, wrong, and rows
            // that cannot be checked.
            let ann = try #require(rows[0]["pb_confirm_transaction"]), bob = try #require(rows[1]["pb_confirm_transaction"])
            let typed = try directory.write("typed.csv", """
                phone,transaction_number,typed
                ,\(ann),4821
                ,\(bob),0000
                +33 6 12 34 56 78,,5555
                +49 151 23456789,,1111
                ,\(ann),

                """)
            let verified = try await verify(typed, harness, ["--response-format", format])
            #expect(verified.status == 0, "\(verified.stderr)")
            let checked = try Self.rows(directory.file("typed.verified.csv"))
            #expect(checked.map { $0["pb_confirm_status"] ?? "" } == ["verified", "wrong_code", "verified", "error", "error"])
            #expect(checked[3]["pb_confirm_message"] == "no call to +4915123456789 was placed from this database")
            #expect(checked[4]["pb_confirm_message"] == "the code field is empty")
            #expect(verified.stdout.contains("codes: 2 verified, 1 wrong_code, 0 expired, 2 error"), "\(verified.stdout)")

            // Past the code's lifetime, Xverify says it expired.
            await harness.sandbox.sandbox.clock.advance(by: 3600)
            let late = try directory.write("late.csv", "transaction_number,typed\n\(ann),4821\n")
            let expired = try await verify(late, harness, ["--response-format", format])
            #expect(expired.status == 0, "\(expired.stderr)")
            #expect(try Self.rows(directory.file("late.verified.csv")).first?["pb_confirm_status"] == "expired")

            // The audit shows the call and every code checked against it.
            let audit = try await phonebatch(["audit", database, "--row", "2"], environment: [:])
            #expect(audit.status == 0, "\(audit.stderr)")
            #expect(audit.stdout.contains("call placed"), "\(audit.stdout)")
            #expect(audit.stdout.components(separatedBy: "code checked").count - 1 == 2, "\(audit.stdout)")
            #expect(try query(database, "SELECT COUNT(*) FROM call_log WHERE outcome = 'placed'") == 3)
            #expect(try query(database, "SELECT codes_checked FROM call_log WHERE rows = '2 5'") == 2)

            // Done is done: the same command again calls nobody.
            let again = try await place(harness, ["--response-format", format])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(await harness.ledger(.xverify)["billable"]?.intValue == 3)
        }
    }

    @Test func callParametersAreCheckedBeforeAnyoneIsCalled() async throws {
        try await AdapterHarness.run { harness in
            for (flags, message) in [(["--call-at", "tomorrow 9am"], "--call-at takes a time as YYYY-MM-DD HH:MM:SS"),
                                     (["--redial-count", "9"], "--redial-count takes 0 to 5"),
                                     (["--calls-per-minute", "600"], "is above the cap of 30 a minute")] {
                let result = try await phonebatch(["confirm", "place", input, "--code-column", "code", "--i-have-consent"] + flags,
                                                  environment: harness.environment("xverify"))
                #expect(result.status == ExitStatus.usage.rawValue, "\(flags)")
                #expect(result.stderr.contains(message), "\(result.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: database))
            #expect(await harness.ledger(.xverify)["requests"] == .object([]))
        }
    }

    @Test func anUntrustedKeyOrDomainStopsTheRunAndCallsNobody() async throws {
        try await AdapterHarness.run { harness in
            let untrusted = Self.environment(harness, ["DOMAIN": "elsewhere.example"])
            let refused = try await place(harness, environment: untrusted)
            #expect(refused.status == ExitStatus.configuration.rawValue, "\(refused.stderr)")
            #expect(refused.stderr.contains("HTTP 503: not trusted"), "\(refused.stderr)")
            #expect(await harness.ledger(.xverify)["billable"]?.intValue == 0)
            #expect(try query(database, "SELECT COUNT(*) FROM confirm_call WHERE outcome = 'waiting'") == 3, "nothing lost: \(callMessages())")

            let fixed = try await place(harness)
            #expect(fixed.status == 0, "\(fixed.stderr)")
            #expect(await harness.ledger(.xverify)["billable"]?.intValue == 3)

            let ann = try #require(try Self.rows(calls).first?["pb_confirm_transaction"])
            let typed = try directory.write("typed.csv", "transaction_number,typed\n\(ann),4821\n")
            let stopped = try await phonebatch(["confirm", "verify", typed, "--code-column", "typed", "--db", database],
                                               environment: untrusted)
            #expect(stopped.status == ExitStatus.configuration.rawValue, "\(stopped.stderr)")
            let resumed = try await verify(typed, harness)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(try Self.rows(directory.file("typed.verified.csv")).first?["pb_confirm_status"] == "verified")
        }
    }

    /// Two processes started together on one new database: both finish, and every call is
    /// placed exactly once.
    @Test func twoProcessesOnOneDatabaseCallEachPersonOnce() async throws {
        try await AdapterHarness.run { harness in
            let arguments = ["confirm", "place", input, "--code-column", "code", "--i-have-consent", "--calls-per-minute", "6000"]
            let first = try LaunchedProcess(arguments, environment: Self.environment(harness), stderrPath: directory.file("1.err"))
            let second = try LaunchedProcess(arguments, environment: Self.environment(harness), stderrPath: directory.file("2.err"))
            let (one, two) = (await first.wait(), await second.wait())
            #expect(one.status == 0, "\(one.stderr)")
            #expect(two.status == 0, "\(two.stderr)")
            #expect(await harness.ledger(.xverify)["billable"]?.intValue == 3)
            #expect(try await Self.sandboxCalls(harness).count == 3)
            #expect(try query(database, "SELECT COUNT(*) FROM confirm_call WHERE outcome = 'placed'") == 3, "\(callMessages())")
        }
    }

    /// SIGKILL while Xverify holds the answer to a call it has placed: the call is in doubt.
    @Test func aCallCaughtBetweenPlacingAndRecordingIsNeverPlacedAgainUnlessAsked() async throws {
        var knobs = SandboxKnobs()
        knobs.holdAnswerSeconds = 3
        knobs.holdAnswerEndpoints = ["placecall"]
        try await AdapterHarness.run(knobs) { harness in
            let run = try LaunchedProcess(["confirm", "place", input, "--code-column", "code", "--i-have-consent",
                                           "--calls-per-minute", "60000"],
                                          environment: Self.environment(harness), stderrPath: directory.file("place.err"))
            try await waitForLedger(harness, .xverify, "billable", atLeast: 1, "a call placed")
            run.send(SIGKILL)
            _ = await run.wait()
            #expect(try query(database, "SELECT COUNT(*) FROM batch WHERE state = 'submitting'") == 1, "caught mid-call")

            let again = try await place(harness)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("calls: 2 placed, 0 refused, 1 in doubt"), "\(again.stdout) \(callMessages())")
            #expect(await harness.ledger(.xverify)["billable"]?.intValue == 3, "Ann was called once, not twice")
            let rows = try Self.rows(calls)
            #expect(rows[0]["pb_confirm_status"] == "in_doubt" && rows[3]["pb_confirm_status"] == "in_doubt")
            #expect(rows[0]["pb_confirm_message"]?.contains("--retry-in-doubt") == true)
            #expect(try query(database, "SELECT COUNT(*) FROM event WHERE kind = 'call_in_doubt'") == 1)

            let retried = try await place(harness, ["--retry-in-doubt"])
            #expect(retried.status == 0, "\(retried.stderr)")
            #expect(await harness.ledger(.xverify)["billable"]?.intValue == 4, "placed again, as asked")
            #expect(try Self.rows(calls)[0]["pb_confirm_status"] == "placed")
            #expect(try query(database, "SELECT COUNT(*) FROM event WHERE kind = 'call_retried'") == 1)
        }
    }

    /// The calls the sandbox placed, as `GET /_sandbox/xverify/calls` lists them.
    static func sandboxCalls(_ harness: AdapterHarness) async throws -> [JSONValue] {
        let response = try await harness.client.execute(HTTPClientRequest(url: harness.sandbox.baseURL + "/_sandbox/xverify/calls"),
                                                        timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        let json = try JSONValue(parsing: Array(body.readableBytesView))
        guard case .array(let calls)? = json["calls"] else { return [] }
        return calls
    }
}

import Foundation
import Testing
@testable import PhoneBatch

/// `phonebatch status` and `phonebatch audit` on a job checked by Harmony in a rehearsal.
@Suite struct StatusAndAuditTests {
    let directory: TemporaryDirectory
    var database: String { directory.file("contacts.phonebatch.sqlite") }

    init() async throws {
        let input: String
        (directory, input) = try TemporaryDirectory.withSample()
        let run = try await phonebatch(["run", input, "--provider", "harmony", "--sandbox", "-q"], environment: [:])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func statusCountsEveryStageAndWhatWasSpent() throws {
        let result = try phonebatch("status", database, "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let status = try JSONValue(parsing: result.stdout)
        let valid = try query(database, "SELECT COUNT(*) FROM number WHERE valid = 1")
        #expect(status["stage"]?.stringValue == "done")
        #expect(status["rows"]?.intValue == 302)
        #expect(status["rows_by_status"]?["malformed"]?.intValue == 2)
        #expect(status["numbers_by_state"]?["done"]?.intValue == valid)
        #expect(status["numbers_left"]?.intValue == 0)
        #expect(status["batches"]?["harmony"]?["done"]?.intValue == 3)
        #expect(status["batches"]?["harmony"]?["in_flight"]?.intValue == 0)
        #expect(status["requests"]?["harmony"]?["units"]?.intValue == valid)
        #expect(status["requests"]?["harmony"]?["by_class"]?["ok"]?.intValue == 3)
        #expect(status["elapsed_seconds"]?.doubleValue != nil)

        let text = try phonebatch("status", database)
        #expect(text.stdout.contains("stage     done (finished), provider harmony"))
        #expect(text.stdout.contains("rows      302: valid 257"))
        #expect(text.stdout.contains("requests  harmony: 3 requests, \(valid) units; ok 3"))
    }

    /// The views an auditor queries: progress by stage, and what each provider was asked,
    /// answered and charged.
    @Test func theProgressAndCostViewsSayWhatWasDoneAndSpent() throws {
        let valid = try query(database, "SELECT COUNT(*) FROM number WHERE valid = 1")
        let progress = { (what: String, state: String) in
            try query(self.database, "SELECT count FROM progress WHERE what = '\(what)' AND state = '\(state)'")
        }
        #expect(try progress("rows", "malformed") == 2)
        #expect(try progress("rows", "parsed") == query(database, "SELECT COUNT(*) FROM record WHERE status = 'parsed'"))
        #expect(try progress("numbers", "done") == valid)
        #expect(try progress("numbers", "local") == query(database, "SELECT COUNT(*) FROM number WHERE valid = 0"))
        #expect(try progress("batches", "done") == 3)

        let cost = { (column: String) in try query(self.database, "SELECT \(column) FROM cost WHERE provider = 'harmony'") }
        #expect(try query(database, "SELECT COUNT(*) FROM cost") == 1)
        #expect(try cost("batches") == 3)
        #expect(try cost("numbers_batched") == valid)
        #expect(try cost("distinct_numbers_batched") == valid)
        #expect(try cost("numbers_answered") == valid)
        #expect(try cost("requests") == 3)
        #expect(try cost("units") == valid)
    }

    @Test func auditTellsARowsWholeHistory() throws {
        let result = try phonebatch("audit", database, "--row", "5")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "row 5 (line 5): phone \"+34 678 992 551\", country \"Spain\" -> parsed")
        #expect(lines.contains { $0.contains("number +34678992551: valid mobile, region ES") })
        #expect(lines.contains { $0.contains("batch submitting  attempt=1") })
        #expect(lines.contains { $0.contains("request POST validate_phone -> HTTP 200") })
        #expect(lines.contains { $0.contains("answer from harmony (batch ") && $0.contains("line_status=connected") })
        #expect(lines.last?.contains("pb_provider=harmony") == true)

        let json = try JSONValue(parsing: try phonebatch("audit", database, "--row", "5", "--json").stdout)
        let whats = json["history"]?.arrayValue?.compactMap { $0["what"]?.stringValue } ?? []
        #expect(whats.first == "row" && whats.contains("request") && whats.contains("result"))
        #expect(json["output"]?["pb_e164"]?.stringValue == "+34678992551")
    }

    @Test func aMalformedRowsHistorySaysWhy() throws {
        let result = try phonebatch("audit", database, "--row", "102")
        #expect(result.stdout.contains("-> malformed (error: expected 9 fields, found 7)"))
        #expect(result.stdout.contains("row malformed"))
    }

    @Test func aRowThatDoesNotExistIsOneLine() throws {
        let result = try phonebatch("audit", database, "--row", "9999")
        #expect(result.status == ExitStatus.usage.rawValue)
        #expect(result.stderr == "phonebatch: error: the job has no row 9999: its data rows are 2 to 303 (row 1 is the header)\n")
    }
}

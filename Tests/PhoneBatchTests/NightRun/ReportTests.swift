import Foundation
import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// `phonebatch report`: one self-contained HTML page. (scripts/render-report draws it in
/// headless Chromium for a person to look at.)
@Suite struct ReportTests {
    let directory: TemporaryDirectory
    let input: String
    var database: String { directory.file("contacts.phonebatch.sqlite") }

    init() throws {
        (directory, input) = try TemporaryDirectory.withSample()
    }

    @Test func thePageHoldsTheBreakdownsTheTimelineAndTheCostWithNothingFromOutside() async throws {
        try await AdapterHarness.run { harness in
            var environment = harness.environment("harmony", ["BATCH_SIZE": "10"])
            environment["PHONEBATCH_HARMONY_PRICE_PER_NUMBER"] = "0.02"
            environment["PHONEBATCH_HARMONY_CURRENCY"] = "EUR"
            #expect(try await phonebatch(["run", input, "--provider", "harmony"], environment: environment).status == 0)
            let made = try await phonebatch(["report", database], environment: environment)
            #expect(made.status == 0, "\(made.stderr)")
            let path = directory.file("contacts.phonebatch.report.html")
            #expect(made.stdout == "wrote the report to \(path)\n")
            let page = try String(contentsOfFile: path, encoding: .utf8)

            for heading in ["Rows by status", "Rows by number type", "Rows by region", "Rows by line status", "Provider errors", "Cost"] {
                #expect(page.contains(heading), "\(heading)")
            }
            #expect(page.components(separatedBy: "<svg").count >= 6, "a chart per breakdown and the timeline")
            let units = Int(try query(database, "SELECT SUM(units) FROM request_log"))
            #expect(units == 227)
            #expect(page.contains("4.54 EUR"), "227 units at 0.02 EUR")
            // Self-contained: nothing fetched, no script.
            let outside = page.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            #expect(!outside.contains("http:") && !outside.contains("https:") && !outside.contains("<script"))
            #expect(!page.contains(harness.sandbox.environment["PHONEBATCH_HARMONY_PASSWORD"]!), "no secret")
        }
    }

    @Test func theTimelineHasEveryMinuteFromFirstToLast() throws {
        #expect(Store.minutes(after: "2026-11-22T23:58", before: "2026-11-23T00:01") == ["2026-11-22T23:59", "2026-11-23T00:00"])
        #expect(Store.minutes(after: "2026-11-22T10:00", before: "2026-11-22T10:01").isEmpty)
    }

    @Test func aMissingDatabaseIsOneLine() async throws {
        let missing = try await phonebatch(["report", directory.file("nothing.sqlite")], environment: [:])
        #expect(missing.status == ExitStatus.noInput.rawValue)
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }
}

import Foundation
import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// The summary table at the end of a run and in `status`.
@Suite struct SummaryTests {
    let directory: TemporaryDirectory
    let input: String
    var database: String { directory.file("contacts.phonebatch.sqlite") }

    init() throws {
        (directory, input) = try TemporaryDirectory.withSample()
    }

    @Test func aRunEndsWithTheTableAndStatusShowsTheSame() async throws {
        let run = try await phonebatch(["run", input], environment: [:])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "checked 302 rows in \(lines.first!.split(separator: " ")[4]) 238 distinct numbers, 30 rows repeat a number checked once")
        // Status and type two abreast, each with rows and share of all rows.
        #expect(lines.contains { $0.hasPrefix("valid") && $0.contains("257  85.1%") && $0.contains("mobile") && $0.contains("147  48.7%") })
        #expect(lines.contains { $0.hasPrefix("malformed") && $0.contains("2   0.7%") })
        #expect(lines.contains { $0.hasPrefix("GB") && $0.contains("57  18.9%") })
        #expect(lines.contains { $0.hasPrefix("other") })
        #expect(lines.contains("output  \(directory.file("contacts.checked.csv"))"))
        #expect(!run.stdout.contains("provider errors"), "an offline job has no provider")

        let status = try await phonebatch(["status", database], environment: [:])
        let table = run.stdout.split(separator: "\n").dropFirst().dropLast().joined(separator: "\n")
        #expect(status.stdout.hasSuffix(table + "\n"), "\(status.stdout)")

        let json = try JSONValue(parsing: try await phonebatch(["status", database, "--json"], environment: [:]).stdout)
        #expect(json["summary"]?["by_status"]?["valid"]?.intValue == 257)
        #expect(json["summary"]?["by_type"]?["mobile"]?.intValue == 147)
        #expect(json["summary"]?["by_region"]?["GB"]?.intValue == 57)
    }

    @Test func aProviderJobCountsLineStatusesAndProviderErrors() async throws {
        var knobs = SandboxKnobs()
        knobs.errorRate = 0.2
        try await AdapterHarness.run(knobs) { harness in
            let run = try await phonebatch(["run", input, "--provider", "harmony"],
                                           environment: harness.environment("harmony", ["BATCH_SIZE": "10"]))
            #expect(run.status == 0, "\(run.stderr)")
            let summary = try Store(path: database).summary()
            #expect(summary.byLineStatus.reduce(0) { $0 + $1.1 } == summary.byStatus.first { $0.0 == "valid" }?.1)
            let errors = try query(database, "SELECT COUNT(*) FROM request_log WHERE http_status >= 500")
            #expect(errors > 0)
            #expect(summary.providerErrors.first { $0.0 == "harmony: server error" }?.1 == Int(errors))
            #expect(run.stdout.contains("line status"))
            #expect(run.stdout.contains("harmony: server error"))
        }
    }
}

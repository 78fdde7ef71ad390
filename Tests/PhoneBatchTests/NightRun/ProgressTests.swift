import Foundation
import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// What a run shows while it works: bars on a terminal, log lines elsewhere, nothing quiet.
@Suite struct ProgressTests {
    let directory: TemporaryDirectory
    let input: String

    init() throws {
        (directory, input) = try TemporaryDirectory.withSample()
    }

    /// A sandbox slow enough that the run lasts a few seconds: the display has time to show.
    static var slow: SandboxKnobs {
        var knobs = SandboxKnobs()
        knobs.latencyMilliseconds = 150
        return knobs
    }

    @Test func onATerminalTheBarsAreDrawnInPlaceAndWipedBeforeTheSummary() async throws {
        try await AdapterHarness.run(Self.slow) { harness in
            let run = try await onATerminal(["run", input, "--provider", "harmony", "--yes"],
                                            environment: harness.environment("harmony", ["BATCH_SIZE": "10"]))
            #expect(run.status == 0, "\(run.stdout)")
            #expect(run.stdout.contains("check  ["), "a bar for the provider stage")
            #expect(run.stdout.contains("numbers"))
            // Redrawn in place: the cursor goes back up over the lines and clears them.
            let wipe = "\u{1B}[J"
            #expect(run.stdout.contains("F" + wipe))
            let afterLastWipe = run.stdout.components(separatedBy: wipe).last ?? ""
            #expect(afterLastWipe.contains("checked 302 rows"), "the summary comes after the bars are gone")
            #expect(!afterLastWipe.contains("check  ["))
        }
    }

    @Test func offATerminalALogLineComesAtIntervalsAndQuietShowsNothing() async throws {
        try await AdapterHarness.run(Self.slow) { harness in
            var environment = harness.environment("harmony", ["BATCH_SIZE": "10"])
            environment["PHONEBATCH_PROGRESS_SECONDS"] = "0.2"
            let run = try await phonebatch(["run", input, "--provider", "harmony"], environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("phonebatch: progress: check harmony: "))
            #expect(run.stderr.contains(" of 227 numbers"))
            #expect(!run.stderr.contains("\u{1B}["), "no terminal codes in a log")

            let quiet = try await phonebatch(["run", input, "--provider", "harmony", "--restart", "--quiet"],
                                             environment: environment)
            #expect(quiet.status == 0, "\(quiet.stderr)")
            #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
            #expect(quiet.stdout.isEmpty)
        }
    }

    @Test func jsonLogsAreOneObjectALine() async throws {
        try await AdapterHarness.run(Self.slow) { harness in
            var environment = harness.environment("harmony", ["BATCH_SIZE": "10"])
            environment["PHONEBATCH_PROGRESS_SECONDS"] = "0.2"
            let run = try await phonebatch(["run", input, "--provider", "harmony", "--log-format", "json"],
                                           environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            let lines = run.stderr.split(separator: "\n").map { try? JSONValue(parsing: String($0)) }
            #expect(!lines.isEmpty && lines.allSatisfy { $0 != nil }, "\(run.stderr)")
            let objects = lines.compactMap { $0 }
            #expect(objects.allSatisfy { $0["time"]?.stringValue != nil && $0["level"]?.stringValue != nil })
            #expect(objects.contains { $0["level"]?.stringValue == "warning" && $0["message"]?.stringValue?.contains("row 102") == true })
            #expect(objects.contains { $0["message"]?.stringValue?.hasPrefix("progress: check harmony") == true })
        }
    }

    @Test func theLinesSayHowFarHowFastAndHowLong() {
        let snapshot = ProgressSnapshot(
            reading: .init(inputBytes: 1000, bytesRead: 1000, rows: 302, startedAt: 0, bytesAtStart: 0),
            sending: .init(provider: "harmony", numbers: 1000, settled: 250, startedAt: 10, settledAtStart: 0,
                           requests: 4, retries: 1, units: 300))
        let lines = snapshot.lines(now: 20, barWidth: 8)
        #expect(lines == [
            "read   [########]  100% 302 rows, 15 rows/s",
            "check  [##......]   25% 250 of 1,000 numbers, 25.0/s, 30s left; 4 requests, 1 retries, 300 units",
        ])
        #expect(snapshot.logLine(now: 20) == "progress: check harmony:  25% 250 of 1,000 numbers, 25.0/s, 30s left; 4 requests, 1 retries, 300 units")
    }
}

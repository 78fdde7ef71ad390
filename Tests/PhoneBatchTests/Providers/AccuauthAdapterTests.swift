import Foundation
import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// Accuauth's adapter against the sandbox: answers now or as tasks, PENDING as HTTP 400,
/// transient verdicts checked again, every refusal.
@Suite struct AccuauthAdapterTests {
    @Test func numbersAreAnsweredAtOnceOrThroughTasks() async throws {
        var knobs = SandboxKnobs()
        knobs.asyncSeconds = 30
        try await AdapterHarness.run(knobs) { harness in
            let provider = try AccuauthProvider(settings: harness.settings("accuauth", ["MAX_CHECKS": "1"]))
            var tasks: [WorkBatch] = []
            var immediate = 0
            for (index, phone) in sampleNumbers.enumerated() {
                var batch = workBatch([phone], id: Int64(index + 1))
                let outcome = try await provider.submit(batch, session: harness.session(provider))
                if let task = outcome.providerRef {
                    batch.providerRef = task
                    tasks.append(batch)
                } else {
                    #expect(outcome.answers.count == 1)
                    immediate += 1
                }
            }
            #expect(immediate > 0 && !tasks.isEmpty, "the sandbox answers about half at once")
            // HTTP 400 PENDING is "not yet", not an error.
            #expect(try await provider.poll(tasks[0], session: harness.session(provider)).isPending)
            #expect(await harness.book.count("task_result", status: 400) == 1)
            await harness.sandbox.sandbox.clock.advance(by: 31)
            for task in tasks {
                let answer = try #require(try await provider.poll(task, session: harness.session(provider)).answers.first)
                #expect(LineStatus.allCases.contains(answer.lineStatus))
            }
            #expect(await harness.book.records.first?.units == 1)
        }
    }

    @Test func lineAbnormalAndTempUnavailableAreCheckedAgainLater() {
        let provider = try! AccuauthProvider(settings: (try! Configuration(path: nil, environment: [
            "PHONEBATCH_ACCUAUTH_URL": "http://127.0.0.1:1", "PHONEBATCH_ACCUAUTH_API_ID": "id",
            "PHONEBATCH_ACCUAUTH_API_SECRET": "secret", "PHONEBATCH_ACCUAUTH_RECHECK_SECONDS": "60",
        ])).settings(for: "accuauth"))
        #expect(AccuauthProvider.isTransient("line_abnormal"))
        #expect(AccuauthProvider.isTransient("temp_unavailable"))
        #expect(!AccuauthProvider.isTransient("busy"))
        #expect(provider.recheckSeconds == 60)
        #expect(AccuauthProvider.lineStatus("ring") == .connected)
        #expect(AccuauthProvider.lineStatus("empty") == .disconnected)
        #expect(AccuauthProvider.lineStatus("turned_off") == .unreachable)
        #expect(AccuauthProvider.lineStatus("outside_service_area") == .unreachable)
        #expect(AccuauthProvider.lineStatus("busy") == .busy)
    }

    @Test func aTaskPastItsDayIsNotPolledButSubmittedAgain() async throws {
        try await AdapterHarness.run { harness in
            let provider = try AccuauthProvider(settings: harness.settings("accuauth"))
            let batch = workBatch([sampleNumbers[0]], providerRef: "T123",
                                  submittedAt: Date().timeIntervalSince1970 - 25 * 3600)
            #expect(try await provider.poll(batch, session: harness.session(provider)).isAgain)
            #expect(await harness.book.records.isEmpty)
        }
    }

    @Test(arguments: [
        ("sandbox-accuauth-expired", StopReason.credentials),
        ("sandbox-accuauth-no-permission", .permission),
        ("someone-else", .credentials),
    ])
    func refusalsStopTheRun(apiID: String, reason: StopReason) async throws {
        try await AdapterHarness.run { harness in
            let provider = try AccuauthProvider(settings: harness.settings("accuauth", ["API_ID": apiID]))
            try await expectStop(reason) {
                _ = try await provider.submit(workBatch([sampleNumbers[0]]), session: harness.session(provider))
            }
        }
    }

    @Test func aUsedUpQuotaStopsTheRunAndARateLimitOnlySlowsIt() async throws {
        var knobs = SandboxKnobs()
        knobs.credits = [.accuauth: 0]
        try await AdapterHarness.run(knobs) { harness in
            let provider = try AccuauthProvider(settings: harness.settings("accuauth"))
            try await expectStop(.quota) {
                _ = try await provider.submit(workBatch([sampleNumbers[0]]), session: harness.session(provider))
            }
        }
        var limited = SandboxKnobs()
        // One check in a two-second window, and three sent at once: a 403 whatever the load.
        limited.rateLimitPerMinute = 1
        limited.rateWindowSeconds = 2
        try await AdapterHarness.run(limited) { harness in
            let provider = try AccuauthProvider(settings: harness.settings("accuauth", ["MAX_ATTEMPTS": "8"]))
            let session = harness.session(provider)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for phone in sampleNumbers.prefix(3) {
                    group.addTask { _ = try await provider.submit(workBatch([phone]), session: session) }
                }
                try await group.waitForAll()
            }
            #expect(await harness.book.count("check", status: 403) >= 1, "403 RATE_LIMIT_EXCEEDED")
            #expect(await harness.book.count("check", status: 200) == 3)
        }
    }
}

import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// Harmony's adapter against the sandbox, over real HTTP.
@Suite struct HarmonyAdapterTests {
    @Test func aBatchIsAnsweredNumberByNumberInOneCall() async throws {
        try await AdapterHarness.run { harness in
            let provider = try HarmonyProvider(settings: harness.settings("harmony"))
            let batch = workBatch(sampleNumbers)
            let outcome = try await provider.submit(batch, session: harness.session(provider))
            let answers = outcome.answers
            #expect(answers.map(\.e164) == batch.numbers.map(\.e164))
            for answer in answers {
                #expect(!answer.providerStatus.isEmpty)
                if answer.lineStatus == .connected { #expect(answer.carrier != nil) }
            }
            #expect(await harness.book.count("validate_phone", status: 200) == 1)
            #expect(await harness.book.records.first?.units == sampleNumbers.count)
        }
    }

    @Test func theProviderVocabularyMapsToOneLineStatus() {
        let number = workBatch(["+447700900123"]).numbers[0]
        func status(_ phoneStatus: String, _ exception: String = "") -> LineStatus {
            HarmonyProvider.answer(["phoneStatus": .string(phoneStatus), "exception": .string(exception)], for: number).lineStatus
        }
        #expect(status("connected|Network confirmed connection") == .connected)
        #expect(status("Active") == .connected)
        #expect(status("disconnected|Network confirmed disconnection") == .disconnected)
        #expect(status("indeterminate", "Invalid destination address.") == .invalid)
        #expect(status("indeterminate", "Network is forbidden") == .unknown)
    }

    @Test func badCredentialsStopTheRun() async throws {
        try await AdapterHarness.run { harness in
            let provider = try HarmonyProvider(settings: harness.settings("harmony", ["PASSWORD": "wrong"]))
            do {
                _ = try await provider.submit(workBatch(sampleNumbers), session: harness.session(provider))
                Issue.record("expected a stop")
            } catch let stop as ProviderStop {
                #expect(stop.reason == .credentials)
                #expect(stop.detail.contains("Access is denied"))
                #expect(stop.description.contains("PHONEBATCH_HARMONY_"))
                #expect(!stop.description.contains("wrong"), "the secret is never repeated")
            }
            #expect(await harness.book.count("validate_phone") == 1, "a refusal is not retried")
        }
    }

    @Test func noCreditStopsTheRun() async throws {
        var knobs = SandboxKnobs()
        knobs.credits = [.harmony: 5]
        try await AdapterHarness.run(knobs) { harness in
            let provider = try HarmonyProvider(settings: harness.settings("harmony"))
            await #expect(throws: ProviderStop.self) {
                _ = try await provider.submit(workBatch(sampleNumbers), session: harness.session(provider))
            }
            #expect(await harness.book.records.last?.status == 402)
        }
    }

    @Test func serverErrorsAndTimeoutsAreRetriedThenGivenUp() async throws {
        var knobs = SandboxKnobs()
        knobs.errorRate = 1
        try await AdapterHarness.run(knobs) { harness in
            let provider = try HarmonyProvider(settings: harness.settings("harmony", ["MAX_ATTEMPTS": "3"]))
            await #expect(throws: TransientFailure.self) {
                _ = try await provider.submit(workBatch(sampleNumbers), session: harness.session(provider))
            }
            let statuses = await harness.book.records.map(\.status)
            #expect(statuses.count == 3)
            #expect(statuses.allSatisfy { (500...503).contains($0) })
        }
        var silent = SandboxKnobs()
        silent.timeoutRate = 1
        try await AdapterHarness.run(silent) { harness in
            let provider = try HarmonyProvider(settings: harness.settings("harmony", ["MAX_ATTEMPTS": "2", "TIMEOUT_SECONDS": "0.2"]))
            await #expect(throws: TransientFailure.self) {
                _ = try await provider.submit(workBatch(sampleNumbers), session: harness.session(provider))
            }
            let records = await harness.book.records
            #expect(records.map(\.status) == [0, 0], "no answer is status 0")
            #expect(records.allSatisfy { $0.error?.contains("no answer within") == true })
        }
    }

    @Test func anAnswerLargerThanTheCapIsRefused() async throws {
        try await AdapterHarness.run { harness in
            let provider = try HarmonyProvider(settings: harness.settings("harmony", ["MAX_ANSWER_BYTES": "1024", "MAX_ATTEMPTS": "1"]))
            await #expect(throws: TransientFailure.self) {
                _ = try await provider.submit(workBatch(sampleNumbers), session: harness.session(provider))
            }
            #expect(await harness.book.records.first?.error?.contains("larger than 1024 bytes") == true)
        }
    }

    @Test func aRateLimitSlowsTheWholeLane() async throws {
        var knobs = SandboxKnobs()
        // One request in a four-second window, and three sent at once: only a machine that
        // spread three concurrent requests over more than four seconds would see no 429.
        knobs.rateLimitPerMinute = 1
        knobs.rateWindowSeconds = 4
        try await AdapterHarness.run(knobs) { harness in
            let provider = try HarmonyProvider(settings: harness.settings("harmony", ["MAX_ATTEMPTS": "8"]))
            let lane = Lane(requestsPerSecond: 1000)
            let session = ProviderSession(client: harness.client, lane: lane, limits: provider.limits, provider: "harmony",
                                          batchID: 1, recorder: harness.book, logger: .init(label: "test"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<3 {
                    group.addTask { _ = try await provider.submit(workBatch(sampleNumbers), session: session) }
                }
                try await group.waitForAll()
            }
            #expect(await harness.book.count("validate_phone", status: 429) >= 1)
            #expect(await lane.throttled >= 1)
            #expect(await lane.currentRate < 1000)
            #expect(await harness.book.count("validate_phone", status: 200) == 3)
        }
    }
}

import Foundation
import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// Experian's adapter against the sandbox: create, remember, start, poll, fetch; recovery.
@Suite struct ExperianAdapterTests {
    @Test func aBatchIsCreatedRememberedStartedPolledAndFetched() async throws {
        var knobs = SandboxKnobs()
        knobs.asyncSeconds = 30
        try await AdapterHarness.run(knobs) { harness in
            let provider = try ExperianProvider(settings: harness.settings("experian", ["PORTED_DATE": "true"]))
            let batch = workBatch(sampleNumbers)
            let accepted = try await provider.submit(batch, session: harness.session(provider))
            let id = try #require(accepted.providerRef)
            #expect(await harness.book.references[1] == id, "the batch id is recorded before the start")
            #expect(await harness.book.records.map(\.endpoint) == ["create", "start"])
            #expect(await harness.book.records.last?.units == sampleNumbers.count)

            var submitted = batch
            submitted.providerRef = id
            #expect(try await provider.poll(submitted, session: harness.session(provider)).isPending)
            await harness.sandbox.sandbox.clock.advance(by: 31)
            let answers = try await provider.poll(submitted, session: harness.session(provider)).answers
            #expect(Set(answers.map(\.e164)) == Set(batch.numbers.map(\.e164)))
            #expect(answers.contains { $0.carrier != nil }, "Add-Metadata brings the operator")
            #expect(answers.allSatisfy { !$0.providerStatus.isEmpty })
            let ledger = await harness.ledger(.experian)
            #expect(ledger["billable"]?.intValue == Int64(sampleNumbers.count))
        }
    }

    @Test func rowsAStoppedBatchNeverReachedAreLeftToBeQueuedAgain() async throws {
        var knobs = SandboxKnobs()
        knobs.asyncSeconds = 120
        try await AdapterHarness.run(knobs) { harness in
            let provider = try ExperianProvider(settings: harness.settings("experian", ["MAX_PROCESSING_TIME": "PT1M"]))
            var batch = workBatch(sampleNumbers)
            batch.providerRef = try #require(try await provider.submit(batch, session: harness.session(provider)).providerRef)
            await harness.sandbox.sandbox.clock.advance(by: 61)
            let answers = try await provider.poll(batch, session: harness.session(provider)).answers
            #expect(!answers.isEmpty)
            #expect(answers.count < batch.numbers.count, "the unprocessed rows are not answers")
        }
    }

    @Test func aBatchInDoubtIsFoundByOurReferenceNotCreatedOrStartedTwice() async throws {
        try await AdapterHarness.run { harness in
            let provider = try ExperianProvider(settings: harness.settings("experian"))
            let batch = workBatch(sampleNumbers)
            let first = try #require(try await provider.submit(batch, session: harness.session(provider)).providerRef)
            // The create's answer was lost in a crash: the batch has no id in the database.
            let recovered = try #require(try await provider.recover(batch, session: harness.session(provider)))
            #expect(recovered.providerRef == first)
            #expect(await harness.book.count("create") == 1)
            #expect(await harness.book.count("start") == 1)
            // A batch the provider never saw is not found: it is sent again.
            #expect(try await provider.recover(workBatch(sampleNumbers, id: 2), session: harness.session(provider)) == nil)
        }
    }

    @Test func aCreatedButUnstartedBatchIsStartedOnRecovery() async throws {
        try await AdapterHarness.run { harness in
            let provider = try ExperianProvider(settings: harness.settings("experian"))
            let batch = workBatch(sampleNumbers)
            // Created by hand, as if the run died between create and start.
            let session = harness.session(provider)
            let created = try await session.send(ProviderRequest(
                method: "POST", url: harness.sandbox.baseURL + "/phone/bulk/v1/batches",
                headers: provider.headers(batch, json: true),
                body: ProviderRequest.json(["defaults": ["batch_reference_id": .string(batch.reference)],
                                            "phones": .array([["number": .string("+447700900123")]])]),
                endpoint: "create"))
            #expect(created.status == 200)
            let recovered = try #require(try await provider.recover(batch, session: harness.session(provider)))
            #expect(recovered.providerRef != nil)
            #expect(await harness.book.count("start", status: 200) == 1)
        }
    }

    @Test func noCreditsAndBadTokensStopTheRun() async throws {
        var knobs = SandboxKnobs()
        knobs.credits = [.experian: 3]
        try await AdapterHarness.run(knobs) { harness in
            let provider = try ExperianProvider(settings: harness.settings("experian"))
            try await expectStop(.credits) {
                _ = try await provider.submit(workBatch(sampleNumbers), session: harness.session(provider))
            }
            let wrong = try ExperianProvider(settings: harness.settings("experian", ["TOKEN": "nope"]))
            try await expectStop(.credentials) {
                _ = try await wrong.submit(workBatch(sampleNumbers), session: harness.session(wrong))
            }
        }
    }

    @Test func thePublishedRateLimitIsAdopted() async throws {
        var knobs = SandboxKnobs()
        knobs.rateLimitPerMinute = 60
        try await AdapterHarness.run(knobs) { harness in
            let provider = try ExperianProvider(settings: harness.settings("experian", ["REQUESTS_PER_SECOND": "50"]))
            let lane = Lane(requestsPerSecond: 50)
            let session = ProviderSession(client: harness.client, lane: lane, limits: provider.limits, provider: "experian",
                                          batchID: 1, recorder: harness.book, logger: .init(label: "test"))
            _ = try await provider.submit(workBatch(sampleNumbers), session: session)
            #expect(await lane.currentRate <= 1.0, "X-Rate-Limit-Limit: 60 a minute is one a second")
        }
    }

    @Test func theConfidenceVocabularyMapsToOneLineStatus() {
        let number = workBatch(["+447700900123"]).numbers[0]
        func status(_ confidence: String) -> LineStatus {
            ExperianProvider.answer(["confidence": .string(confidence)], for: number).lineStatus
        }
        #expect(status("verified") == .connected)
        #expect(status("disposable") == .connected)
        #expect(status("dead") == .disconnected)
        #expect(status("teleservice not provisioned") == .disconnected)
        #expect(status("absent") == .unreachable)
        #expect(status("no coverage") == .noCoverage)
        #expect(status("unverified") == .unknown)
        #expect(status("unknown") == .unknown)
    }
}

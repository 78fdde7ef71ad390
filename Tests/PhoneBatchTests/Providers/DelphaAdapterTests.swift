import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// Delpha's adapter against the sandbox: OAuth2 token, job, polls, 504, refusals.
@Suite struct DelphaAdapterTests {
    @Test func aJobIsSubmittedPolledAndAnsweredWithOneTokenForAll() async throws {
        var knobs = SandboxKnobs()
        knobs.asyncSeconds = 30
        try await AdapterHarness.run(knobs) { harness in
            let provider = try DelphaProvider(settings: harness.settings("delpha"))
            var jobs: [WorkBatch] = []
            for (index, phone) in sampleNumbers.prefix(5).enumerated() {
                var batch = workBatch([phone], id: Int64(index + 1))
                // The sandbox answers `status` as "SUCCESS" or as the integer 202: both are taken.
                batch.providerRef = try #require(try await provider.submit(batch, session: harness.session(provider)).providerRef)
                jobs.append(batch)
            }
            #expect(await harness.book.count("token") == 1, "the token is cached until it expires")
            #expect(try await provider.poll(jobs[0], session: harness.session(provider)).isPending)
            await harness.sandbox.sandbox.clock.advance(by: 31)
            var zoned = 0
            for job in jobs {
                let answer = try #require(try await provider.poll(job, session: harness.session(provider)).answers.first)
                #expect(answer.e164 == job.numbers[0].e164)
                #expect(answer.carrier != nil)
                #expect(answer.lineStatus == .unknown, "Delpha scores numbers; it does not test the line")
                if answer.timezone != nil { zoned += 1 }
            }
            #expect(zoned >= 4, "the time zone comes through where Delpha gives one")
        }
    }

    @Test func anExpiredTokenIsFetchedAgainOnce() async throws {
        try await AdapterHarness.run { harness in
            let provider = try DelphaProvider(settings: harness.settings("delpha"))
            _ = try await provider.submit(workBatch([sampleNumbers[0]]), session: harness.session(provider))
            // The sandbox's clock moves past the token's life; ours still thinks it good.
            await harness.sandbox.sandbox.clock.advance(by: 3700)
            let outcome = try await provider.submit(workBatch([sampleNumbers[1]]), session: harness.session(provider))
            #expect(outcome.providerRef != nil)
            #expect(await harness.book.count("token") == 2)
            #expect(await harness.book.count("submit", status: 401) == 1)
        }
    }

    @Test func wrongClientCredentialsAndNoCreditsStopTheRun() async throws {
        try await AdapterHarness.run { harness in
            let provider = try DelphaProvider(settings: harness.settings("delpha", ["CLIENT_SECRET": "nope"]))
            try await expectStop(.credentials) {
                _ = try await provider.submit(workBatch([sampleNumbers[0]]), session: harness.session(provider))
            }
        }
        var knobs = SandboxKnobs()
        knobs.credits = [.delpha: 1]
        try await AdapterHarness.run(knobs) { harness in
            let provider = try DelphaProvider(settings: harness.settings("delpha"))
            _ = try await provider.submit(workBatch([sampleNumbers[0]]), session: harness.session(provider))
            try await expectStop(.credits) {
                _ = try await provider.submit(workBatch([sampleNumbers[1]]), session: harness.session(provider))
            }
        }
    }

    @Test func aTimedOutJobIsSubmittedAgain() async throws {
        var knobs = SandboxKnobs()
        knobs.jobTimeoutRate = 1
        knobs.asyncSeconds = 0
        try await AdapterHarness.run(knobs) { harness in
            let provider = try DelphaProvider(settings: harness.settings("delpha"))
            var batch = workBatch([sampleNumbers[0]])
            batch.providerRef = try #require(try await provider.submit(batch, session: harness.session(provider)).providerRef)
            #expect(try await provider.poll(batch, session: harness.session(provider)).isAgain)
            #expect(await harness.book.count("poll", status: 504) == 1, "504 is read, not retried")
        }
    }

    @Test func aLostJobIsSubmittedAgain() async throws {
        try await AdapterHarness.run { harness in
            let provider = try DelphaProvider(settings: harness.settings("delpha"))
            var batch = workBatch([sampleNumbers[0]])
            batch.providerRef = "no-such-job"
            #expect(try await provider.poll(batch, session: harness.session(provider)).isAgain)
        }
    }
}

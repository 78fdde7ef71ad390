import Logging
import Testing
@testable import PhoneBatch

/// The plan and submit stages with a synchronous provider that lives in the test: the real
/// store and its state machine, a provider that answers from memory.
@Suite struct EngineTests {
    struct EchoProvider: Provider {
        let name = "echo"
        let maxBatchSize = 2
        /// Numbers this provider leaves unanswered (the engine must queue them again).
        var skip: Set<Int64> = []

        func check(_ numbers: [NumberToCheck]) async throws -> [ProviderAnswer] {
            numbers.filter { !skip.contains($0.e164) }.map {
                ProviderAnswer(e164: $0.e164, providerStatus: "seen", answer: ["number": .string($0.e164Text)])
            }
        }
    }

    let directory: TemporaryDirectory
    let store: Store
    let logger = Logger(label: "test")

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store(path: directory.file("job.sqlite"))
        let input = try directory.write("in.csv", "phone\n")
        try store.createJob(JobRecord(
            input: try InputFingerprint.of(path: input), outputPath: directory.file("out.csv"), format: .csv,
            provider: "echo", optionsJSON: "{}", dialect: CSVDialect(), header: ["phone"], phoneColumn: 0,
            countryColumn: nil, defaultRegion: nil, stage: .ingest,
            ingestCheckpoint: IngestCheckpoint(offset: 6, nextRow: 2, nextLine: 2), token: "t0k3n"))
        var normalizer = PhoneNormalizer()
        var chunk = IngestChunk(checkpoint: IngestCheckpoint(offset: 6, nextRow: 7, nextLine: 7))
        let phones = ["+44 20 7946 0000", "+33 6 12 34 56 78", "+49 30 901820", "+44 20 7946 0000", "+33 6 12 34 56"]
        for (index, phone) in phones.enumerated() {
            guard case .parsed(let number) = normalizer.check(phone, region: nil) else { continue }
            chunk.rows.append(IngestedRow(rowNo: index + 2, line: index + 2, phoneRaw: phone, countryRaw: nil, region: nil,
                                          status: .parsed, error: nil, number: number))
        }
        try store.commitIngestChunk(chunk, queue: .valid)
    }

    @Test func validNumbersArePlannedInBatchesInvalidOnesSettledLocally() throws {
        let batches = try Planner(store: store, provider: EchoProvider(), token: "t0k3n", logger: logger).run()
        #expect(batches == 2, "three distinct valid numbers, two a batch")
        #expect(try store.scalar("SELECT COUNT(*) FROM number WHERE state = 'local'") == 1)
        #expect(try store.scalar("SELECT COUNT(*) FROM number WHERE state = 'batched'") == 3)
        let reference = try store.connection.prepare("SELECT reference FROM batch ORDER BY id")
        var references: [String] = []
        while try reference.step() { references.append(reference.string(0)) }
        #expect(references == ["pb-t0k3n-1", "pb-t0k3n-2"])
    }

    @Test func submitRecordsEveryAnswerAndRequeuesTheUnanswered() async throws {
        try Planner(store: store, provider: EchoProvider(), token: "t0k3n", logger: logger).run()
        let skipped: Int64 = 442079460000
        let done = try await Submitter(store: store, provider: EchoProvider(skip: [skipped]), owner: "test", logger: logger).run()
        #expect(done == 2)
        #expect(try store.scalar("SELECT state = 'pending' FROM number WHERE e164 = \(skipped)") == 1)
        #expect(try store.scalar("SELECT COUNT(*) FROM result WHERE provider = 'echo'") == 2)
        // The unanswered number goes out again in a new batch.
        #expect(try Planner(store: store, provider: EchoProvider(), token: "t0k3n", logger: logger).run() == 1)
        try await Submitter(store: store, provider: EchoProvider(), owner: "test", logger: logger).run()
        #expect(try store.scalar("SELECT COUNT(*) FROM number WHERE state = 'done'") == 3)
        let providers = try store.connection.prepare("SELECT row_no, pb_status, pb_provider FROM row_result ORDER BY row_no")
        var seen: [String] = []
        while try providers.step() { seen.append("\(providers.int64(0)) \(providers.string(1)) \(providers.string(2))") }
        #expect(seen == ["2 valid echo", "3 valid echo", "4 valid echo", "5 valid echo", "6 invalid offline"])
    }

    @Test func aFailedSubmissionGivesTheBatchBack() async throws {
        struct Down: Error {}
        struct FailingProvider: Provider {
            let name = "echo"
            let maxBatchSize = 2
            func check(_ numbers: [NumberToCheck]) async throws -> [ProviderAnswer] { throw Down() }
        }
        try Planner(store: store, provider: EchoProvider(), token: "t0k3n", logger: logger).run()
        await #expect(throws: Down.self) {
            try await Submitter(store: store, provider: FailingProvider(), owner: "test", logger: logger).run()
        }
        #expect(try store.scalar("SELECT COUNT(*) FROM batch WHERE state = 'planned' AND last_error IS NOT NULL") == 1)
        #expect(try store.scalar("SELECT COUNT(*) FROM event WHERE kind = 'batch_failed'") == 1)
        // Nothing is lost: the next run sends it again and settles everything.
        try await Submitter(store: store, provider: EchoProvider(), owner: "test", logger: logger).run()
        #expect(try store.scalar("SELECT COUNT(*) FROM number WHERE state = 'done'") == 3)
        #expect(try store.openWork(provider: "echo") == (0, 0))
    }

    @Test func anAnswerForANumberTheBatchDidNotCarryIsIgnored() async throws {
        struct Stray: Provider {
            let name = "echo"
            let maxBatchSize = 1
            func check(_ numbers: [NumberToCheck]) async throws -> [ProviderAnswer] {
                [ProviderAnswer(e164: 999, providerStatus: "stray", answer: .null)]
                    + numbers.map { ProviderAnswer(e164: $0.e164, providerStatus: "ok", answer: .null) }
            }
        }
        try Planner(store: store, provider: Stray(), token: "t0k3n", logger: logger).run()
        try await Submitter(store: store, provider: Stray(), owner: "test", logger: logger).run()
        #expect(try store.scalar("SELECT COUNT(*) FROM result") == 3)
        #expect(try store.scalar("SELECT COUNT(*) FROM result WHERE e164 = 999") == 0)
    }

    @Test func aBatchWhoseWorkerDiedIsTakenOverAndMarkedInDoubt() throws {
        try Planner(store: store, provider: EchoProvider(), token: "t0k3n", logger: logger).run()
        let first = try #require(try store.claimBatchForSubmission(provider: "echo", owner: "dead", leaseSeconds: -1))
        #expect(!first.wasInDoubt)
        #expect(first.attempt == 1)
        let again = try #require(try store.claimBatchForSubmission(provider: "echo", owner: "alive", leaseSeconds: 60))
        #expect(again.id == first.id)
        #expect(again.wasInDoubt)
        #expect(again.attempt == 2)
        #expect(try store.scalar("SELECT COUNT(*) FROM event WHERE kind = 'batch_in_doubt' AND batch_id = \(first.id)") == 1)
        // A live lease is respected: the next claim takes the other batch.
        let other = try #require(try store.claimBatchForSubmission(provider: "echo", owner: "alive", leaseSeconds: 60))
        #expect(other.id != first.id)
        #expect(try store.claimBatchForSubmission(provider: "echo", owner: "alive", leaseSeconds: 60) == nil)
    }
}

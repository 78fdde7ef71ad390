import AsyncHTTPClient
import Logging
import Testing
@testable import PhoneBatch

/// The plan and submit stages with a synchronous provider that lives in the test: the real
/// store, its state machine and the submit engine, a provider that answers from memory
/// (the adapters that speak HTTP are tested against the sandbox).
@Suite struct EngineTests {
    struct EchoProvider: Provider {
        let name = "echo"
        let limits = ProviderLimits(batchSize: 2, requestsPerSecond: 1000, maxInFlight: 2)
        /// Numbers this provider leaves unanswered (the engine must queue them again).
        var skip: Set<Int64> = []
        /// Numbers answered that the batch did not carry.
        var strays: [Int64] = []
        /// Submissions that fail, by batch id, on the first attempt.
        var failFirst: Set<Int64> = []

        func submit(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome {
            if failFirst.contains(batch.id), batch.attempt == 1 { throw TransientFailure(reason: "down") }
            let answers = batch.numbers.filter { !skip.contains($0.e164) }.map {
                ProviderAnswer(e164: $0.e164, lineStatus: .connected, providerStatus: "seen",
                               answer: ["number": .string($0.e164Text)])
            }
            return .answered(answers + strays.map { ProviderAnswer(e164: $0, lineStatus: .unknown, providerStatus: "stray", answer: .null) })
        }
    }

    let directory: TemporaryDirectory
    let store: Store
    let logger = Logger(label: "test")

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store(path: directory.file("job.sqlite"))
        let input = try directory.write("in.csv", "phone\n")
        try store.createJob(.onePhoneColumn(input: input, output: directory.file("out.csv"), provider: "echo"))
        var normalizer = PhoneNormalizer()
        var chunk = IngestChunk(checkpoint: IngestCheckpoint(offset: 6, nextRow: 7, nextLine: 7), startOffset: 6)
        let phones = ["+44 20 7946 0000", "+33 6 12 34 56 78", "+49 30 901820", "+44 20 7946 0000", "+33 6 12 34 56"]
        for (index, phone) in phones.enumerated() {
            guard case .parsed(let number) = normalizer.check(phone, region: nil) else { continue }
            let earlier = chunk.rows.first { $0.e164 == number.e164 }
            chunk.rows.append(IngestedRow(rowNo: index + 2, line: index + 2, phoneRaw: phone, countryRaw: nil, region: nil,
                                          status: .parsed, error: nil, e164: number.e164,
                                          numberID: earlier?.numberID ?? Int64(Set(chunk.rows.compactMap(\.e164)).count + 1),
                                          newNumber: earlier == nil ? number : nil))
        }
        try store.commitIngestChunk(chunk, queue: .valid, owner: "test:1")
        try store.finishIngest()
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

    func runEngine(_ provider: EchoProvider) async throws {
        let queue = try WorkQueue(path: store.path, provider: provider.name, token: "t0k3n", owner: "test:1",
                                  leaseSeconds: 60, batchSize: provider.limits.batchSize)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var engine = SubmitEngine(queue: queue, provider: provider, client: client, logger: logger)
        engine.backoff = Backoff(base: 0.001, cap: 0.01)
        do {
            try await engine.run()
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    @Test func submitRecordsEveryAnswerAndGivesUpOnANumberNeverAnswered() async throws {
        try Planner(store: store, provider: EchoProvider(), token: "t0k3n", logger: logger).run()
        let skipped: Int64 = 442079460000
        try await runEngine(EchoProvider(skip: [skipped]))
        #expect(try store.scalar("SELECT COUNT(*) FROM result WHERE line_status = 'connected'") == 2)
        // Queued again after each batch that left it out, then given up on: never lost, never looping.
        #expect(try store.scalar("SELECT state = 'failed' FROM number WHERE e164 = \(skipped)") == 1)
        #expect(try store.scalar("SELECT COUNT(*) FROM batch_number WHERE e164 = \(skipped)") == Int64(maximumBatchesPerNumber))
        #expect(try store.openWork(provider: "echo") == (0, 0))
    }

    @Test func aFailedSubmissionGivesTheBatchBackAndItIsSentAgain() async throws {
        try Planner(store: store, provider: EchoProvider(), token: "t0k3n", logger: logger).run()
        try await runEngine(EchoProvider(failFirst: [1]))
        #expect(try store.scalar("SELECT COUNT(*) FROM event WHERE kind = 'batch_again' AND batch_id = 1") == 1)
        #expect(try store.scalar("SELECT attempt FROM batch WHERE id = 1") == 2)
        #expect(try store.scalar("SELECT COUNT(*) FROM number WHERE state = 'done'") == 3)
        #expect(try store.openWork(provider: "echo") == (0, 0))
    }

    @Test func anAnswerForANumberTheBatchDidNotCarryIsIgnored() async throws {
        try Planner(store: store, provider: EchoProvider(), token: "t0k3n", logger: logger).run()
        try await runEngine(EchoProvider(strays: [999]))
        #expect(try store.scalar("SELECT COUNT(*) FROM result") == 3)
        #expect(try store.scalar("SELECT COUNT(*) FROM result WHERE e164 = 999") == 0)
    }

    @Test func aBatchWhoseWorkerDiedIsTakenOverAndMarkedInDoubt() throws {
        try Planner(store: store, provider: EchoProvider(), token: "t0k3n", logger: logger).run()
        let first = try #require(try store.claimBatch(provider: "echo", owner: "dead", leaseSeconds: -1, preferPoll: false))
        #expect(!first.wasInDoubt)
        #expect(first.attempt == 1)
        let again = try #require(try store.claimBatch(provider: "echo", owner: "alive", leaseSeconds: 60, preferPoll: false))
        #expect(again.id == first.id)
        #expect(again.wasInDoubt)
        #expect(again.attempt == 2)
        #expect(try store.scalar("SELECT COUNT(*) FROM event WHERE kind = 'batch_in_doubt' AND batch_id = \(first.id)") == 1)
        // A live lease is respected: the next claim takes the other batch.
        let other = try #require(try store.claimBatch(provider: "echo", owner: "alive", leaseSeconds: 60, preferPoll: false))
        #expect(other.id != first.id)
        #expect(try store.claimBatch(provider: "echo", owner: "alive", leaseSeconds: 60, preferPoll: false) == nil)
    }
}

import Foundation
import Testing
@testable import PhoneBatch

/// The job lease that lets only one process read the input.
@Suite struct JobLeaseTests {
    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store(path: directory.file("job.sqlite"))
        let input = try directory.write("in.csv", "phone\n+447400123456\n")
        try store.createJob(.onePhoneColumn(input: input, output: directory.file("out.csv"), provider: "offline"))
    }

    @Test func aLiveHolderKeepsItAndItsRenewalsSucceed() throws {
        #expect(try store.takeJobLease(owner: "a:1", isGone: { _ in false }) == .held)
        #expect(try store.takeJobLease(owner: "b:2", isGone: { _ in false }) == .busy(owner: "a:1"))
        #expect(try store.takeJobLease(owner: "a:1", isGone: { _ in false }) == .held)
        try store.releaseJobLease(owner: "a:1")
        #expect(try store.takeJobLease(owner: "b:2", isGone: { _ in false }) == .held)
    }

    @Test func aDeadHolderOrAnExpiredLeaseIsTakenOver() throws {
        #expect(try store.takeJobLease(owner: "a:1", isGone: { _ in false }) == .held)
        #expect(try store.takeJobLease(owner: "b:2", isGone: { $0 == "a:1" }) == .held)
        try store.connection.execute("UPDATE job SET lease_until = '2000-01-01T00:00:00.000Z'")
        #expect(try store.takeJobLease(owner: "c:3", isGone: { _ in false }) == .held)
    }

    @Test func aChunkIsCommittedOnlyFromTheCheckpointTheDatabaseHolds() throws {
        var normalizer = PhoneNormalizer()
        guard case .parsed(let number) = normalizer.check("+447400123456", region: nil) else { Issue.record("parse"); return }
        var chunk = IngestChunk(checkpoint: IngestCheckpoint(offset: 20, nextRow: 3, nextLine: 3), startOffset: 6)
        chunk.rows = [IngestedRow(rowNo: 2, line: 2, phoneRaw: "+447400123456", countryRaw: nil, region: nil, status: .parsed,
                                  error: nil, e164: number.e164, numberID: 1, newNumber: number)]
        try store.commitIngestChunk(chunk, queue: .none, owner: "a:1")
        // A stalled process committing the same rows again is refused, and nothing is written.
        #expect(throws: PhoneBatchError.ingestTakenOver(path: store.path)) {
            try store.commitIngestChunk(chunk, queue: .none, owner: "b:2")
        }
        #expect(try store.scalar("SELECT COUNT(*) FROM record") == 1)
        #expect(try store.takeJobLease(owner: "b:2", isGone: { _ in false }) == .busy(owner: "a:1"), "renewed with the chunk")
    }
}

/// A batch a worker has claimed, with the numbers it carries.
public struct ClaimedBatch: Sendable {
    public var id: Int64
    public var reference: String
    public var attempt: Int
    public var numbers: [NumberToCheck]
    /// The batch was found mid-submission after a crash: its request may have reached the
    /// provider already.
    public var wasInDoubt: Bool
}

extension Store {
    /// Groups up to `size` pending numbers (in E.164 order) into a new planned batch.
    /// Returns nil when no number is pending. One transaction per batch.
    public func planBatch(provider: String, token: String, size: Int) throws -> (id: Int64, size: Int)? {
        try transaction {
            guard try scalar("SELECT EXISTS (SELECT 1 FROM number WHERE state = 'pending')") == 1 else { return nil }
            let now = Timestamp.now()
            // The reference is made from the id SQLite assigns; the random token keeps it
            // unique among jobs that share a provider account.
            let insertBatch = try statement("""
                INSERT INTO batch (provider, reference, state, size, created_at, updated_at)
                VALUES (?, 'pb-' || ? || '-new', 'planned', 0, ?, ?)
                """)
            insertBatch.bind(1, provider)
            insertBatch.bind(2, token)
            insertBatch.bind(3, now)
            insertBatch.bind(4, now)
            try insertBatch.run()
            let batchID = connection.lastInsertRowID

            // Set-based: SQLite moves the numbers without a round trip per number.
            let members = try statement("""
                INSERT INTO batch_number (batch_id, e164)
                SELECT ?, e164 FROM number WHERE state = 'pending' ORDER BY e164 LIMIT ?
                """)
            members.bind(1, batchID)
            members.bind(2, size)
            try members.run()
            let count = connection.changes
            let mark = try statement("""
                UPDATE number SET state = 'batched'
                WHERE e164 IN (SELECT e164 FROM batch_number WHERE batch_id = ?)
                """)
            mark.bind(1, batchID)
            try mark.run()
            let setSize = try statement("UPDATE batch SET size = ?, reference = ? WHERE id = ?")
            setSize.bind(1, count)
            setSize.bind(2, "pb-\(token)-\(batchID)")
            setSize.bind(3, batchID)
            try setSize.run()
            try appendEvent(Event(kind: "batch_planned", batchID: batchID, detail: ["size": .int(count)]))
            return (batchID, count)
        }
    }

    /// Claims the next batch to submit: a planned one, or one whose lease ran out while it
    /// was being submitted (its worker died). Marks it `submitting` with the next attempt
    /// number and a lease, and commits that before the caller sends anything: intent before
    /// effect.
    public func claimBatchForSubmission(provider: String, owner: String, leaseSeconds: Double) throws -> ClaimedBatch? {
        let claimed: (Int64, String, Int, Bool)? = try transaction {
            let now = Timestamp.now()
            let next = try statement("""
                SELECT id, reference, attempt, state FROM batch
                WHERE provider = ? AND (state = 'planned' OR (state = 'submitting' AND lease_until < ?))
                ORDER BY id LIMIT 1
                """)
            next.bind(1, provider)
            next.bind(2, now)
            guard try next.step() else { next.reset(); return nil }
            let id = next.int64(0), reference = next.string(1), attempt = Int(next.int64(2)) + 1
            let inDoubt = next.string(3) == "submitting"
            next.reset()

            let claim = try statement("""
                UPDATE batch SET state = 'submitting', attempt = ?, lease_owner = ?, lease_until = ?, updated_at = ?
                WHERE id = ?
                """)
            claim.bind(1, attempt)
            claim.bind(2, owner)
            claim.bind(3, Timestamp.after(seconds: leaseSeconds))
            claim.bind(4, now)
            claim.bind(5, id)
            try claim.run()
            if inDoubt {
                try appendEvent(Event(kind: "batch_in_doubt", batchID: id, detail: [
                    "attempt": .int(attempt - 1), "action": .string("send again: possible duplicate"),
                ]))
            }
            try appendEvent(Event(kind: "batch_submitting", batchID: id, detail: ["attempt": .int(attempt)]))
            return (id, reference, attempt, inDoubt)
        }
        guard let (id, reference, attempt, inDoubt) = claimed else { return nil }
        return ClaimedBatch(id: id, reference: reference, attempt: attempt, numbers: try numbers(inBatch: id),
                            wasInDoubt: inDoubt)
    }

    func numbers(inBatch id: Int64) throws -> [NumberToCheck] {
        let query = try statement("""
            SELECT n.e164, n.region, n.national, n.type, n.valid
            FROM batch_number bn JOIN number n ON n.e164 = bn.e164
            WHERE bn.batch_id = ? ORDER BY bn.e164
            """)
        defer { query.reset() }
        query.bind(1, id)
        var numbers: [NumberToCheck] = []
        while try query.step() {
            numbers.append(NumberToCheck(e164: query.int64(0), region: query.optionalString(1), national: query.string(2),
                                         type: NumberType(rawValue: query.string(3)) ?? .unknown,
                                         isValid: query.int64(4) != 0))
        }
        return numbers
    }

    /// Records a synchronous provider's answers for a batch and settles it: one transaction.
    /// An answer for a number the batch did not carry is ignored.
    public func recordAnswers(_ answers: [ProviderAnswer], for batch: ClaimedBatch, provider: String,
                              elapsedMilliseconds: Int) throws {
        let carried = Set(batch.numbers.map(\.e164))
        let answers = answers.filter { carried.contains($0.e164) }
        try transaction {
            let now = Timestamp.now()
            let insert = try statement("""
                INSERT OR REPLACE INTO result (e164, provider, batch_id, provider_status, checked_at, answer)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            let settle = try statement("UPDATE number SET state = 'done' WHERE e164 = ? AND state = 'batched'")
            for answer in answers {
                insert.bind(1, answer.e164)
                insert.bind(2, provider)
                insert.bind(3, batch.id)
                insert.bind(4, answer.providerStatus)
                insert.bind(5, now)
                insert.bind(6, answer.answer.text)
                try insert.run()
                settle.bind(1, answer.e164)
                try settle.run()
            }
            // A number the provider did not answer goes back to the queue for another batch.
            let requeue = try statement("""
                UPDATE number SET state = 'pending'
                WHERE state = 'batched' AND e164 IN (SELECT e164 FROM batch_number WHERE batch_id = ?)
                """)
            requeue.bind(1, batch.id)
            try requeue.run()
            let done = try statement("""
                UPDATE batch SET state = 'done', lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ?
                """)
            done.bind(1, now)
            done.bind(2, batch.id)
            try done.run()
            try appendEvent(Event(kind: "batch_done", batchID: batch.id, detail: [
                "attempt": .int(batch.attempt), "answers": .int(answers.count), "ms": .int(elapsedMilliseconds),
            ]))
        }
    }
}

extension Store {
    /// Gives a claimed batch back to the queue after its submission failed, with the reason:
    /// the next claim sends it again.
    public func releaseBatch(_ batch: ClaimedBatch, error: String) throws {
        try transaction {
            let release = try statement("""
                UPDATE batch SET state = 'planned', lease_owner = NULL, lease_until = NULL, last_error = ?, updated_at = ?
                WHERE id = ? AND state = 'submitting'
                """)
            release.bind(1, error)
            release.bind(2, Timestamp.now())
            release.bind(3, batch.id)
            try release.run()
            try appendEvent(Event(kind: "batch_failed", batchID: batch.id, detail: [
                "attempt": .int(batch.attempt), "error": .string(error),
            ]))
        }
    }

    /// Numbers waiting for a batch, and batches not yet settled.
    public func openWork(provider: String) throws -> (pendingNumbers: Int, openBatches: Int) {
        let pending = try scalar("SELECT COUNT(*) FROM number WHERE state = 'pending'")
        let open = try scalar("SELECT COUNT(*) FROM batch WHERE state NOT IN ('done', 'failed') AND provider = ?") {
            $0.bind(1, provider)
        }
        return (Int(pending), Int(open))
    }
}

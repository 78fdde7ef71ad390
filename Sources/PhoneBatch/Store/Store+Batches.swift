/// A batch a worker has claimed, to submit or to poll.
public struct ClaimedBatch: Sendable {
    public enum Purpose: Sendable, Equatable {
        /// Send it (again): it was planned, or given back.
        case submit
        /// Ask the provider how it is getting on.
        case poll
    }

    public var purpose: Purpose
    public var work: WorkBatch
    /// The batch was found mid-submission after its worker stopped: its request may have
    /// reached the provider already.
    public var wasInDoubt: Bool

    public var id: Int64 { work.id }
    public var attempt: Int { work.attempt }
    public var numbers: [NumberToCheck] { work.numbers }
}

/// Batches a number may ride in before it is given up on (`failed`).
let maximumBatchesPerNumber = 5

extension Store {
    /// Groups up to `size` pending numbers (in E.164 order) into a new planned batch.
    /// Returns nil when no number is pending. One transaction per batch.
    public func planBatch(provider: String, token: String, size: Int) throws -> (id: Int64, size: Int)? {
        try transaction {
            guard try scalar("SELECT EXISTS (SELECT 1 FROM number WHERE state = 'pending')") == 1 else { return nil }
            let batchID = try insertPlannedBatch(provider: provider, token: token, size: 0)

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
            let setSize = try statement("UPDATE batch SET size = ? WHERE id = ?")
            setSize.bind(1, count)
            setSize.bind(2, batchID)
            try setSize.run()
            try appendEvent(Event(kind: "batch_planned", batchID: batchID, detail: ["size": .int(count)]))
            return (batchID, count)
        }
    }

    /// Inserts a planned batch of `size` numbers with our reference, `pb-TOKEN-ID`: made from
    /// the id SQLite assigns, and the job's random token keeps it unique among jobs that share
    /// a provider account. In a transaction the caller holds; returns the batch's id.
    func insertPlannedBatch(provider: String, token: String, size: Int) throws -> Int64 {
        let now = Timestamp.now()
        let insert = try statement("""
            INSERT INTO batch (provider, reference, state, size, created_at, updated_at)
            VALUES (?, 'pb-' || ? || '-new', 'planned', ?, ?, ?)
            """)
        insert.bind(1, provider)
        insert.bind(2, token)
        insert.bind(3, size)
        insert.bind(4, now)
        insert.bind(5, now)
        try insert.run()
        let id = connection.lastInsertRowID
        let setReference = try statement("UPDATE batch SET reference = 'pb-' || ? || '-' || id WHERE id = ?")
        setReference.bind(1, token)
        setReference.bind(2, id)
        try setReference.run()
        return id
    }

    /// Claims the next piece of work: a batch due for a poll, or one to submit (planned and
    /// due, or found `submitting` with its lease run out: its worker died). `preferPoll`
    /// decides which kind goes first when both are due, so that neither starves.
    ///
    /// A submission is marked `submitting` with the next attempt number and a lease, and
    /// committed before the caller sends anything: intent before effect. A poll takes a
    /// lease only, so that two processes do not poll one batch.
    public func claimBatch(provider: String, owner: String, leaseSeconds: Double, preferPoll: Bool) throws -> ClaimedBatch? {
        let claimed: (Int64, ClaimedBatch.Purpose, Bool)? = try transaction {
            let order: [ClaimedBatch.Purpose] = preferPoll ? [.poll, .submit] : [.submit, .poll]
            for purpose in order {
                guard let due = try nextDue(purpose, provider: provider) else { continue }
                try claim(due, purpose: purpose, owner: owner, leaseSeconds: leaseSeconds)
                return (due.id, purpose, due.inDoubt)
            }
            return nil
        }
        guard let (id, purpose, inDoubt) = claimed else { return nil }
        return ClaimedBatch(purpose: purpose, work: try workBatch(id), wasInDoubt: inDoubt)
    }

    private func nextDue(_ purpose: ClaimedBatch.Purpose, provider: String) throws -> (id: Int64, inDoubt: Bool, attempt: Int)? {
        let now = Timestamp.now()
        let query = try statement(purpose == .submit ? """
            SELECT id, state = 'submitting', attempt FROM batch
            WHERE provider = ?1 AND ((state = 'planned' AND (next_check_at IS NULL OR next_check_at <= ?2))
                                     OR (state = 'submitting' AND lease_until < ?2))
            ORDER BY id LIMIT 1
            """ : """
            SELECT id, 0, attempt FROM batch
            WHERE provider = ?1 AND state = 'submitted' AND next_check_at <= ?2
              AND (lease_until IS NULL OR lease_until < ?2)
            ORDER BY next_check_at LIMIT 1
            """)
        defer { query.reset() }
        query.bind(1, provider)
        query.bind(2, now)
        guard try query.step() else { return nil }
        return (query.int64(0), query.int64(1) != 0, Int(query.int64(2)))
    }

    private func claim(_ due: (id: Int64, inDoubt: Bool, attempt: Int), purpose: ClaimedBatch.Purpose, owner: String,
                       leaseSeconds: Double) throws {
        let id = due.id, now = Timestamp.now()
        if purpose == .poll {
            let lease = try statement("UPDATE batch SET lease_owner = ?, lease_until = ?, updated_at = ? WHERE id = ?")
            lease.bind(1, owner)
            lease.bind(2, Timestamp.after(seconds: leaseSeconds))
            lease.bind(3, now)
            lease.bind(4, id)
            try lease.run()
            return
        }
        let claim = try statement("""
            UPDATE batch SET state = 'submitting', attempt = ?, lease_owner = ?, lease_until = ?,
                             next_check_at = NULL, updated_at = ?
            WHERE id = ?
            """)
        let attempt = due.attempt + 1
        claim.bind(1, attempt)
        claim.bind(2, owner)
        claim.bind(3, Timestamp.after(seconds: leaseSeconds))
        claim.bind(4, now)
        claim.bind(5, id)
        try claim.run()
        if due.inDoubt {
            try appendEvent(Event(kind: "batch_in_doubt", batchID: id, detail: ["attempt": .int(attempt - 1)]))
        }
        try appendEvent(Event(kind: "batch_submitting", batchID: id, detail: ["attempt": .int(attempt), "owner": .string(owner)]))
    }

    /// A batch with its numbers, as a provider works on it.
    func workBatch(_ id: Int64) throws -> WorkBatch {
        let query = try statement("""
            SELECT reference, attempt, provider_ref, (julianday(submitted_at) - 2440587.5) * 86400.0, polls
            FROM batch WHERE id = ?
            """)
        query.bind(1, id)
        _ = try query.step()
        var batch = WorkBatch(id: id, reference: query.string(0), attempt: Int(query.int64(1)),
                              numbers: [], providerRef: query.optionalString(2),
                              submittedAt: query.isNull(3) ? nil : query.double(3), polls: Int(query.int64(4)))
        query.reset()
        batch.numbers = try numbers(inBatch: id)
        return batch
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
}

extension Store {
    /// The provider's own reference for a batch being submitted, committed at once: a crash
    /// after this finds the batch at the provider rather than creating it again.
    public func rememberReference(batchID: Int64, providerRef: String) throws {
        try transaction {
            let update = try statement("UPDATE batch SET provider_ref = ?, updated_at = ? WHERE id = ?")
            update.bind(1, providerRef)
            update.bind(2, Timestamp.now())
            update.bind(3, batchID)
            try update.run()
            try appendEvent(Event(kind: "batch_reference", batchID: batchID, detail: ["provider_ref": .string(providerRef)]))
        }
    }

    /// An event about a batch outside a state change (adopted after a crash, sent again as a
    /// possible duplicate).
    public func recordBatchEvent(_ kind: String, batchID: Int64, detail: JSONValue) throws {
        try transaction { try appendEvent(Event(kind: kind, batchID: batchID, object: detail)) }
    }

    /// One request to a provider, for the audit (`request_log`).
    public func recordRequest(_ record: RequestRecord) throws {
        try transaction {
            // Batch 0: a request for no batch (a code checked against a call made elsewhere).
            try appendEvent(Event(kind: "request", batchID: record.batchID == 0 ? nil : record.batchID, detail: [
                "provider": .string(record.provider), "endpoint": .string(record.endpoint), "method": .string(record.method),
                "status": .int(record.status), "ms": .int(record.milliseconds), "units": .int(record.units),
                "attempt": .int(record.attempt), "error": .optional(record.error),
            ]))
        }
    }

    /// The provider accepted the batch under `providerRef`: poll it in `pollAfter` seconds.
    public func markAccepted(_ batch: ClaimedBatch, providerRef: String, pollAfter: Double) throws {
        try transaction {
            let update = try statement("""
                UPDATE batch SET state = 'submitted', provider_ref = ?, submitted_at = ?, polls = 0, next_check_at = ?,
                                 lease_owner = NULL, lease_until = NULL, last_error = NULL, updated_at = ?
                WHERE id = ?
                """)
            let now = Timestamp.now()
            update.bind(1, providerRef)
            update.bind(2, now)
            update.bind(3, Timestamp.after(seconds: pollAfter))
            update.bind(4, now)
            update.bind(5, batch.id)
            try update.run()
            try appendEvent(Event(kind: "batch_accepted", batchID: batch.id, detail: [
                "attempt": .int(batch.attempt), "provider_ref": .string(providerRef),
            ]))
        }
    }

    /// A poll found the batch still running (or could not ask): poll again in `after` seconds.
    public func schedulePoll(_ batch: ClaimedBatch, after: Double, error: String? = nil) throws {
        try transaction {
            let update = try statement("""
                UPDATE batch SET polls = polls + 1, next_check_at = ?, lease_owner = NULL, lease_until = NULL,
                                 last_error = ?, updated_at = ?
                WHERE id = ? AND state = 'submitted'
                """)
            update.bind(1, Timestamp.after(seconds: after))
            update.bind(2, error)
            update.bind(3, Timestamp.now())
            update.bind(4, batch.id)
            try update.run()
        }
    }

    /// Gives a batch back to be submitted again in `after` seconds: its submission failed,
    /// the provider lost it, or its verdict means "try later". Keeps the provider's
    /// reference while the batch was never accepted (Experian may hold it, created).
    public func giveBack(_ batch: ClaimedBatch, reason: String, after: Double, forgetReference: Bool) throws {
        try transaction {
            let release = try statement("""
                UPDATE batch SET state = 'planned', lease_owner = NULL, lease_until = NULL, last_error = ?,
                                 next_check_at = ?, provider_ref = CASE WHEN ? THEN NULL ELSE provider_ref END,
                                 submitted_at = NULL, polls = 0, updated_at = ?
                WHERE id = ? AND state IN ('submitting', 'submitted')
                """)
            release.bind(1, reason)
            release.bind(2, after > 0 ? Timestamp.after(seconds: after) : nil)
            release.bind(3, forgetReference)
            release.bind(4, Timestamp.now())
            release.bind(5, batch.id)
            try release.run()
            try appendEvent(Event(kind: "batch_again", batchID: batch.id, detail: [
                "attempt": .int(batch.attempt), "reason": .string(reason), "after_seconds": .double(after),
            ]))
        }
    }

    /// Records a provider's answers and settles the batch: one transaction. An answer for a
    /// number the batch did not carry is ignored; a number left unanswered goes back to the
    /// queue, or is given up on after riding in `maximumBatchesPerNumber` batches.
    /// Returns how many numbers it settled (answered or given up on).
    @discardableResult
    public func recordAnswers(_ answers: [ProviderAnswer], for batch: ClaimedBatch, provider: String,
                              elapsedMilliseconds: Int) throws -> Int {
        let carried = Set(batch.numbers.map(\.e164))
        let answers = answers.filter { carried.contains($0.e164) }
        return try transaction {
            let now = Timestamp.now()
            let insert = try statement("""
                INSERT OR REPLACE INTO result (e164, provider, batch_id, provider_status, checked_at, answer,
                                               line_status, carrier, ported, timezone)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let settle = try statement("UPDATE number SET state = 'done' WHERE e164 = ? AND state = 'batched'")
            for answer in answers {
                insert.bind(1, answer.e164)
                insert.bind(2, provider)
                insert.bind(3, batch.id)
                insert.bind(4, answer.providerStatus)
                insert.bind(5, now)
                insert.bind(6, answer.answer.text)
                insert.bind(7, answer.lineStatus.rawValue)
                insert.bind(8, answer.carrier)
                insert.bind(9, answer.ported)
                insert.bind(10, answer.timezone)
                try insert.run()
                settle.bind(1, answer.e164)
                try settle.run()
            }
            let giveUp = try statement("""
                UPDATE number SET state = 'failed'
                WHERE state = 'batched' AND e164 IN (SELECT e164 FROM batch_number WHERE batch_id = ?1)
                  AND (SELECT COUNT(*) FROM batch_number b WHERE b.e164 = number.e164) >= ?2
                """)
            giveUp.bind(1, batch.id)
            giveUp.bind(2, maximumBatchesPerNumber)
            try giveUp.run()
            let failed = connection.changes
            let requeue = try statement("""
                UPDATE number SET state = 'pending'
                WHERE state = 'batched' AND e164 IN (SELECT e164 FROM batch_number WHERE batch_id = ?)
                """)
            requeue.bind(1, batch.id)
            try requeue.run()
            let requeued = connection.changes
            let done = try statement("""
                UPDATE batch SET state = 'done', lease_owner = NULL, lease_until = NULL, next_check_at = NULL,
                                 last_error = NULL, updated_at = ?
                WHERE id = ?
                """)
            done.bind(1, now)
            done.bind(2, batch.id)
            try done.run()
            try appendEvent(Event(kind: "batch_done", batchID: batch.id, detail: [
                "attempt": .int(batch.attempt), "answers": .int(answers.count), "requeued": .int(requeued),
                "given_up": .int(failed), "ms": .int(elapsedMilliseconds),
            ]))
            return answers.count + failed
        }
    }
}

extension Store {
    /// Numbers waiting for a batch, and batches not yet settled.
    public func openWork(provider: String) throws -> (pendingNumbers: Int, openBatches: Int) {
        let pending = try scalar("SELECT COUNT(*) FROM number WHERE state = 'pending'")
        let open = try scalar("SELECT COUNT(*) FROM batch WHERE state NOT IN ('done', 'failed') AND provider = ?") {
            $0.bind(1, provider)
        }
        return (Int(pending), Int(open))
    }

    /// Seconds until the next piece of work could be due (a deferred submission, a poll, a
    /// lease held by another process running out); nil when no batch is open.
    public func secondsUntilNextWork(provider: String) throws -> Double? {
        let query = try statement("""
            SELECT (julianday(MIN(CASE
                        WHEN state = 'planned' THEN COALESCE(next_check_at, updated_at)
                        WHEN state = 'submitted' THEN MAX(next_check_at, COALESCE(lease_until, next_check_at))
                        ELSE lease_until END)) - julianday('now')) * 86400.0,
                   COUNT(*)
            FROM batch WHERE provider = ? AND state NOT IN ('done', 'failed')
            """)
        defer { query.reset() }
        query.bind(1, provider)
        guard try query.step(), query.int64(1) > 0 else { return nil }
        return query.isNull(0) ? 1 : max(0, query.double(0))
    }
}

extension Store {
    /// Ends the leases whose owner `isDead` says is gone: their batches can be claimed now.
    func releaseLeases(where isDead: (String) -> Bool) throws -> Int {
        let owners = try connection.strings("SELECT DISTINCT lease_owner FROM batch WHERE lease_owner IS NOT NULL")
        let dead = owners.filter(isDead)
        guard !dead.isEmpty else { return 0 }
        return try transaction {
            let expire = try statement("UPDATE batch SET lease_until = '1970-01-01T00:00:00.000Z' WHERE lease_owner = ?")
            var released = 0
            for owner in dead {
                expire.bind(1, owner)
                try expire.run()
                released += connection.changes
            }
            return released
        }
    }

    /// The run stopped because a provider refused to go on.
    func recordRunStopped(reason: String, detail: String) throws {
        try transaction {
            try appendEvent(Event(kind: "run_stopped", detail: ["reason": .string(reason), "detail": .string(detail)]))
        }
    }
}

extension Store {
    /// The numbers a provider stage settles, and how many of them are settled: where the
    /// progress display starts when a run (or a resumed one) begins sending.
    func sendingCounts() throws -> (numbers: Int, settled: Int) {
        let numbers = Int(try scalar("SELECT COUNT(*) FROM number WHERE state <> 'local'"))
        return (numbers, Int(try scalar("SELECT COUNT(*) FROM number WHERE state IN ('done', 'failed')")))
    }
}

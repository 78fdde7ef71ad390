/// A call claimed to be placed: the number, the code it reads out, and the moment it may
/// leave (its slot in the pace every process shares).
public struct ClaimedCall: Sendable {
    public var id: Int64
    public var e164: Int64
    /// The number's own region (ISO 3166 alpha-2), sent as the country code.
    public var region: String?
    public var code: String
    /// 1 on the first try, 2 after a try that never left ...
    public var attempt: Int
    /// Seconds from the claim until the call may be placed.
    public var waitSeconds: Double

    public var e164Text: String { "+\(e164)" }
}

extension Store {
    /// One call for each distinct valid number and code not yet planned, and each row tied to
    /// its call: one transaction. A locally invalid number is never called. Returns the calls
    /// planned.
    @discardableResult
    public func planCalls(provider: String, token: String) throws -> Int {
        try transaction {
            let wanted = try statement("""
                SELECT n.e164, cr.code
                FROM confirm_row cr JOIN record r ON r.row_no = cr.row_no JOIN number n ON n.e164 = r.e164
                WHERE cr.call_id IS NULL AND cr.code <> '' AND n.valid = 1
                  AND NOT EXISTS (SELECT 1 FROM confirm_call c WHERE c.e164 = n.e164 AND c.code = cr.code)
                GROUP BY n.e164, cr.code
                ORDER BY MIN(cr.row_no)
                """)
            var calls: [(Int64, String)] = []
            while try wanted.step() { calls.append((wanted.int64(0), wanted.string(1))) }
            wanted.reset()
            let insertMember = try statement("INSERT INTO batch_number (batch_id, e164) VALUES (?, ?)")
            let insertCall = try statement("INSERT INTO confirm_call (call_id, e164, code, outcome) VALUES (?, ?, ?, 'waiting')")
            for (e164, code) in calls {
                let id = try insertPlannedBatch(provider: provider, token: token, size: 1)
                insertMember.bind(1, id)
                insertMember.bind(2, e164)
                try insertMember.run()
                insertCall.bind(1, id)
                insertCall.bind(2, e164)
                insertCall.bind(3, code)
                try insertCall.run()
            }
            let tie = try statement("""
                UPDATE confirm_row SET call_id = (
                    SELECT c.call_id FROM record r JOIN confirm_call c ON c.e164 = r.e164 AND c.code = confirm_row.code
                    WHERE r.row_no = confirm_row.row_no)
                WHERE call_id IS NULL
                """)
            try tie.run()
            if !calls.isEmpty {
                try appendEvent(Event(kind: "calls_planned", detail: ["calls": .int(calls.count)]))
            }
            return calls.count
        }
    }

    /// `--retry-in-doubt`: every call in doubt is planned again, each with an event that says
    /// it may be a second call to the same person.
    public func retryCallsInDoubt() throws -> Int {
        try transaction {
            let ids = try ids("SELECT call_id FROM confirm_call WHERE outcome = 'in_doubt' ORDER BY call_id")
            let call = try statement("UPDATE confirm_call SET outcome = 'waiting', message = NULL WHERE call_id = ?")
            let batch = try statement("""
                UPDATE batch SET state = 'planned', lease_owner = NULL, lease_until = NULL, next_check_at = NULL,
                                 last_error = 'in doubt: placed again (--retry-in-doubt)', updated_at = ?
                WHERE id = ?
                """)
            for id in ids {
                call.bind(1, id)
                try call.run()
                batch.bind(1, Timestamp.now())
                batch.bind(2, id)
                try batch.run()
                try appendEvent(Event(kind: "call_retried", batchID: id, detail: ["possible_duplicate": .bool(true)]))
            }
            return ids.count
        }
    }

    /// Calls found mid-placement whose worker is gone (its lease ran out): the request may have
    /// reached Xverify, so they are in doubt, never placed again on their own.
    public func settleAbandonedCalls(provider: String) throws -> Int {
        try transaction {
            let ids = try ids("""
                SELECT id FROM batch WHERE provider = ?1 AND state = 'submitting' AND lease_until < ?2 ORDER BY id
                """) { $0.bind(1, provider); $0.bind(2, Timestamp.now()) }
            for id in ids {
                try markInDoubt(id, reason: CallOutcome.abandonedReason)
            }
            return ids.count
        }
    }

    /// Claims the next call to place and takes the next slot of the shared pace (`interval`
    /// seconds after the last slot taken): committed before the caller waits for the slot and
    /// sends. The lease covers the wait, the request and a margin.
    public func claimCall(provider: String, owner: String, interval: Double, requestSeconds: Double) throws -> ClaimedCall? {
        try transaction {
            let next = try statement("""
                SELECT b.id, b.attempt, c.e164, c.code, n.region
                FROM batch b JOIN confirm_call c ON c.call_id = b.id JOIN number n ON n.e164 = c.e164
                WHERE b.provider = ?1 AND b.state = 'planned' AND (b.next_check_at IS NULL OR b.next_check_at <= ?2)
                ORDER BY b.id LIMIT 1
                """)
            next.bind(1, provider)
            next.bind(2, Timestamp.now())
            guard try next.step() else { next.reset(); return nil }
            var call = ClaimedCall(id: next.int64(0), e164: next.int64(2), region: next.optionalString(4), code: next.string(3),
                                   attempt: Int(next.int64(1)) + 1, waitSeconds: 0)
            next.reset()
            call.waitSeconds = try takeSlot(interval: interval)
            let claim = try statement("""
                UPDATE batch SET state = 'submitting', attempt = ?, lease_owner = ?, lease_until = ?, next_check_at = NULL,
                                 updated_at = ?
                WHERE id = ?
                """)
            claim.bind(1, call.attempt)
            claim.bind(2, owner)
            claim.bind(3, Timestamp.after(seconds: call.waitSeconds + requestSeconds + 60))
            claim.bind(4, Timestamp.now())
            claim.bind(5, call.id)
            try claim.run()
            try appendEvent(Event(kind: "batch_submitting", batchID: call.id, detail: [
                "attempt": .int(call.attempt), "owner": .string(owner), "slot_in_seconds": .double((call.waitSeconds * 1000).rounded() / 1000),
            ]))
            return call
        }
    }

    /// The next free slot of the pace, taken: seconds from now until it.
    private func takeSlot(interval: Double) throws -> Double {
        let now = Timestamp.now()
        let seed = try statement("INSERT OR IGNORE INTO confirm_pace (id, next_slot_at) VALUES (1, ?)")
        seed.bind(1, now)
        try seed.run()
        let slot = try statement("""
            SELECT MAX(next_slot_at, ?1), (julianday(MAX(next_slot_at, ?1)) - julianday(?1)) * 86400.0 FROM confirm_pace WHERE id = 1
            """)
        slot.bind(1, now)
        _ = try slot.step()
        let slotAt = slot.string(0)
        let wait = max(0, slot.double(1))
        slot.reset()
        let advance = try statement("""
            UPDATE confirm_pace SET next_slot_at = strftime('%Y-%m-%dT%H:%M:%fZ', julianday(?) + ? / 86400.0) WHERE id = 1
            """)
        advance.bind(1, slotAt)
        advance.bind(2, interval)
        try advance.run()
        return wait
    }

    /// What came of a call: recorded with the batch's state, in one transaction.
    public func recordCall(_ call: ClaimedCall, outcome: CallOutcome, parameters: JSONValue) throws {
        try transaction {
            let now = Timestamp.now()
            switch outcome {
            case .placed(let transaction, let message):
                try settle(call.id, outcome: "placed", message: message, transaction: transaction, placedAt: now, batchState: "done")
                try appendEvent(Event(kind: "call_placed", batchID: call.id, object: .object([
                    ("attempt", .int(call.attempt)), ("transaction_number", .optional(transaction)), ("message", .string(message)),
                ] + Self.members(of: parameters))))
            case .refused(let message):
                try settle(call.id, outcome: "refused", message: message, transaction: nil, placedAt: nil, batchState: "done")
                try appendEvent(Event(kind: "call_refused", batchID: call.id, detail: [
                    "attempt": .int(call.attempt), "message": .string(message),
                ]))
            case .inDoubt(let reason):
                try markInDoubt(call.id, reason: reason)
            case .notSent(let reason, let after):
                try release(call, reason: reason, after: after)
            }
        }
    }

    /// A call that did not leave (its slot was not reached, the connection never opened, or
    /// the provider refused it at the door): planned again, its try not counted.
    public func giveBackCall(_ call: ClaimedCall, reason: String, after: Double) throws {
        try transaction { try release(call, reason: reason, after: after) }
    }

    private func release(_ call: ClaimedCall, reason: String, after: Double) throws {
        let release = try statement("""
            UPDATE batch SET state = 'planned', attempt = attempt - 1, lease_owner = NULL, lease_until = NULL,
                             last_error = ?, next_check_at = ?, updated_at = ?
            WHERE id = ? AND state = 'submitting'
            """)
        release.bind(1, reason)
        release.bind(2, after > 0 ? Timestamp.after(seconds: after) : nil)
        release.bind(3, Timestamp.now())
        release.bind(4, call.id)
        try release.run()
        try appendEvent(Event(kind: "batch_again", batchID: call.id, detail: [
            "attempt": .int(call.attempt), "reason": .string(reason), "after_seconds": .double(after), "sent": .bool(false),
        ]))
    }

    private func settle(_ id: Int64, outcome: String, message: String, transaction: String?, placedAt: String?,
                        batchState: String) throws {
        let call = try statement("UPDATE confirm_call SET outcome = ?, message = ?, transaction_number = ?, placed_at = ? WHERE call_id = ?")
        call.bind(1, outcome)
        call.bind(2, message)
        call.bind(3, transaction)
        call.bind(4, placedAt)
        call.bind(5, id)
        try call.run()
        let batch = try statement("""
            UPDATE batch SET state = ?, provider_ref = COALESCE(?, provider_ref), lease_owner = NULL, lease_until = NULL,
                             last_error = ?, updated_at = ?
            WHERE id = ?
            """)
        batch.bind(1, batchState)
        batch.bind(2, transaction)
        batch.bind(3, batchState == "done" ? nil : message)
        batch.bind(4, Timestamp.now())
        batch.bind(5, id)
        try batch.run()
    }

    private func markInDoubt(_ id: Int64, reason: String) throws {
        try settle(id, outcome: "in_doubt", message: reason, transaction: nil, placedAt: nil, batchState: "failed")
        try appendEvent(Event(kind: "call_in_doubt", batchID: id, detail: ["reason": .string(reason)]))
    }

    /// The integers of a query's first column.
    private func ids(_ sql: String, _ bind: (Statement) -> Void = { _ in }) throws -> [Int64] {
        let query = try statement(sql)
        defer { query.reset() }
        bind(query)
        var ids: [Int64] = []
        while try query.step() { ids.append(query.int64(0)) }
        return ids
    }

    private static func members(of object: JSONValue) -> [(String, JSONValue)] {
        if case .object(let members) = object { return members }
        return []
    }

    /// The calls by outcome, and the rows with none.
    public func callCounts() throws -> CallCounts {
        var counts = CallCounts()
        let query = try statement("SELECT outcome, COUNT(*) FROM confirm_call GROUP BY outcome")
        defer { query.reset() }
        while try query.step() {
            let count = Int(query.int64(1))
            switch query.string(0) {
            case "waiting": counts.waiting = count
            case "placed": counts.placed = count
            case "refused": counts.refused = count
            default: counts.inDoubt = count
            }
        }
        counts.rowsNotCalled = Int(try scalar("""
            SELECT COUNT(*) FROM record r LEFT JOIN confirm_row cr ON cr.row_no = r.row_no WHERE cr.call_id IS NULL
            """))
        return counts
    }
}

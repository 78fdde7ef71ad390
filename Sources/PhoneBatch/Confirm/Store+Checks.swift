import Foundation

/// One row of a verify input as it is read: the code typed back and the call it answers,
/// or (`status`) why it needs no request.
struct CheckRow {
    var rowNo: Int
    var line: Int
    var callID: Int64? = nil
    var transaction: String? = nil
    var code: String? = nil
    /// Set when the row is settled without asking Xverify (malformed, no code, no call).
    var settled: (status: CheckStatus, message: String)? = nil
}

/// A code claimed to be checked.
public struct ClaimedCheck: Sendable {
    public var inputID: Int64
    public var rowNo: Int
    public var callID: Int64?
    public var transaction: String
    public var code: String
    public var attempt: Int
}

extension Store {
    /// The verify input at `path` with this content, if it was read before.
    func verifyInput(path: String, sha256: String) throws -> VerifyInput? {
        let query = try statement("""
            SELECT id, size, output_path, output_format, delimiter, line_ending, has_bom, header, phone_column,
                   transaction_column, code_column, stage
            FROM confirm_input WHERE path = ? AND sha256 = ?
            """)
        defer { query.reset() }
        query.bind(1, path)
        query.bind(2, sha256)
        guard try query.step() else { return nil }
        let header = (try? JSONDecoder().decode([String].self, from: Data(query.string(7).utf8))) ?? []
        return VerifyInput(
            id: query.int64(0), input: InputFingerprint(path: path, size: query.int64(1), sha256: sha256),
            outputPath: query.string(2), format: OutputFormat(rawValue: query.string(3)) ?? .csv,
            dialect: CSVDialect(delimiter: query.string(4).utf8.first ?? UInt8(ascii: ","),
                                lineEnding: LineEnding(rawValue: query.string(5)) ?? .lf, hasBOM: query.int64(6) != 0),
            header: header, phoneColumn: query.optionalInt64(8).map(Int.init),
            transactionColumn: query.optionalInt64(9).map(Int.init), codeColumn: Int(query.int64(10)),
            isDone: query.string(11) == "done")
    }

    /// Keeps a verify input and every one of its rows: one transaction, so a crash while
    /// reading leaves nothing and the file is read again. `rows` is called with a closure
    /// that keeps one row.
    func recordVerifyInput(_ input: VerifyInput, rows: ((CheckRow) throws -> Void) throws -> Void) throws -> Int64 {
        let headerJSON = String(decoding: try JSONEncoder().encode(input.header), as: UTF8.self)
        return try transaction {
            let now = Timestamp.now()
            let insert = try statement("""
                INSERT INTO confirm_input (path, size, sha256, output_path, output_format, delimiter, line_ending, has_bom,
                                           header, phone_column, transaction_column, code_column, stage, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'check', ?, ?)
                """)
            insert.bind(1, input.input.path)
            insert.bind(2, input.input.size)
            insert.bind(3, input.input.sha256)
            insert.bind(4, input.outputPath)
            insert.bind(5, input.format.rawValue)
            insert.bind(6, String(UnicodeScalar(input.dialect.delimiter)))
            insert.bind(7, input.dialect.lineEnding.rawValue)
            insert.bind(8, input.dialect.hasBOM)
            insert.bind(9, headerJSON)
            insert.bind(10, input.phoneColumn)
            insert.bind(11, input.transactionColumn)
            insert.bind(12, input.codeColumn)
            insert.bind(13, now)
            insert.bind(14, now)
            try insert.run()
            let id = connection.lastInsertRowID
            let row = try statement("""
                INSERT INTO confirm_check (input_id, row_no, line_no, call_id, transaction_number, code, state, status,
                                           message, checked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var count = 0
            try rows { check in
                row.bind(1, id)
                row.bind(2, check.rowNo)
                row.bind(3, check.line)
                row.bind(4, check.callID)
                row.bind(5, check.transaction)
                row.bind(6, check.code)
                row.bind(7, check.settled == nil ? "pending" : "done")
                row.bind(8, check.settled?.status.rawValue)
                row.bind(9, check.settled?.message)
                row.bind(10, check.settled == nil ? nil : now)
                try row.run()
                count += 1
            }
            try appendEvent(Event(kind: "verify_read", detail: [
                "input": .string(input.input.path), "input_id": .int(id), "sha256": .string(input.input.sha256),
                "rows": .int(count),
            ]))
            return id
        }
    }

    /// The latest call placed to `e164`, with its transaction number.
    func placedCall(to e164: Int64) throws -> (id: Int64, transaction: String)? {
        let query = try statement("""
            SELECT call_id, transaction_number FROM confirm_call
            WHERE e164 = ? AND outcome = 'placed' AND transaction_number IS NOT NULL
            ORDER BY placed_at DESC, call_id DESC LIMIT 1
            """)
        defer { query.reset() }
        query.bind(1, e164)
        guard try query.step() else { return nil }
        return (query.int64(0), query.string(1))
    }

    /// What became of the calls to `e164`, for a row that has no placed call to check: nil
    /// when none was planned.
    func callOutcome(of e164: Int64) throws -> String? {
        let query = try statement("SELECT outcome FROM confirm_call WHERE e164 = ? ORDER BY call_id DESC LIMIT 1")
        defer { query.reset() }
        query.bind(1, e164)
        return try query.step() ? query.string(0) : nil
    }

    /// The call with this transaction number, if this database placed it.
    func call(transaction: String) throws -> Int64? {
        let query = try statement("SELECT call_id FROM confirm_call WHERE transaction_number = ?")
        defer { query.reset() }
        query.bind(1, transaction)
        return try query.step() ? query.int64(0) : nil
    }

    /// Claims the next code to check: pending and due, or found `checking` with its lease run
    /// out (its worker died; checking again is harmless, and said in the events).
    func claimCheck(inputID: Int64, owner: String, leaseSeconds: Double) throws -> ClaimedCheck? {
        try transaction {
            let now = Timestamp.now()
            let next = try statement("""
                SELECT row_no, call_id, transaction_number, code, attempt, state = 'checking' FROM confirm_check
                WHERE input_id = ?1 AND ((state = 'pending' AND (next_check_at IS NULL OR next_check_at <= ?2))
                                         OR (state = 'checking' AND lease_until < ?2))
                ORDER BY row_no LIMIT 1
                """)
            next.bind(1, inputID)
            next.bind(2, now)
            guard try next.step() else { next.reset(); return nil }
            let check = ClaimedCheck(inputID: inputID, rowNo: Int(next.int64(0)), callID: next.optionalInt64(1),
                                     transaction: next.string(2), code: next.string(3), attempt: Int(next.int64(4)) + 1)
            let abandoned = next.int64(5) != 0
            next.reset()
            let claim = try statement("""
                UPDATE confirm_check SET state = 'checking', attempt = ?, lease_owner = ?, lease_until = ?, next_check_at = NULL
                WHERE input_id = ? AND row_no = ?
                """)
            claim.bind(1, check.attempt)
            claim.bind(2, owner)
            claim.bind(3, Timestamp.after(seconds: leaseSeconds))
            claim.bind(4, inputID)
            claim.bind(5, check.rowNo)
            try claim.run()
            if abandoned {
                try appendEvent(Event(kind: "check_resent", batchID: check.callID, detail: [
                    "input_id": .int(inputID), "row": .int(check.rowNo), "attempt": .int(check.attempt),
                ]))
            }
            return check
        }
    }

    /// What Xverify said of a code, recorded.
    func recordCheck(_ check: ClaimedCheck, status: CheckStatus, message: String) throws {
        try transaction {
            let done = try statement("""
                UPDATE confirm_check SET state = 'done', status = ?, message = ?, checked_at = ?, lease_owner = NULL,
                                         lease_until = NULL
                WHERE input_id = ? AND row_no = ?
                """)
            done.bind(1, status.rawValue)
            done.bind(2, message)
            done.bind(3, Timestamp.now())
            done.bind(4, check.inputID)
            done.bind(5, check.rowNo)
            try done.run()
            try appendEvent(Event(kind: "code_checked", batchID: check.callID, detail: [
                "input_id": .int(check.inputID), "row": .int(check.rowNo), "transaction_number": .string(check.transaction),
                "status": .string(status.rawValue), "message": .string(message), "attempt": .int(check.attempt),
            ]))
        }
    }

    /// A check that got no usable answer: pending again in `after` seconds.
    func giveBackCheck(_ check: ClaimedCheck, reason: String, after: Double) throws {
        try transaction {
            let release = try statement("""
                UPDATE confirm_check SET state = 'pending', lease_owner = NULL, lease_until = NULL, next_check_at = ?, message = ?
                WHERE input_id = ? AND row_no = ?
                """)
            release.bind(1, after > 0 ? Timestamp.after(seconds: after) : nil)
            release.bind(2, reason)
            release.bind(3, check.inputID)
            release.bind(4, check.rowNo)
            try release.run()
        }
    }

    /// Seconds until a pending check falls due or one another process holds could be found
    /// abandoned; nil when every row is done.
    func secondsUntilNextCheck(inputID: Int64) throws -> Double? {
        let query = try statement("""
            SELECT (julianday(MIN(CASE WHEN state = 'pending' THEN COALESCE(next_check_at, '1970-01-01T00:00:00.000Z')
                                       ELSE lease_until END)) - julianday('now')) * 86400.0, COUNT(*)
            FROM confirm_check WHERE input_id = ? AND state <> 'done'
            """)
        defer { query.reset() }
        query.bind(1, inputID)
        guard try query.step(), query.int64(1) > 0 else { return nil }
        return query.isNull(0) ? 1 : max(0, query.double(0))
    }

    /// The rows of a verify input by status; `pending` counts the rows not done.
    func checkCounts(inputID: Int64) throws -> [String: Int] {
        let query = try statement("""
            SELECT CASE WHEN state = 'done' THEN status ELSE 'pending' END, COUNT(*) FROM confirm_check
            WHERE input_id = ? GROUP BY 1
            """)
        defer { query.reset() }
        query.bind(1, inputID)
        var counts: [String: Int] = [:]
        while try query.step() { counts[query.string(0)] = Int(query.int64(1)) }
        return counts
    }

    func markVerifyInputDone(_ id: Int64) throws {
        try transaction {
            let update = try statement("UPDATE confirm_input SET stage = 'done', updated_at = ? WHERE id = ?")
            update.bind(1, Timestamp.now())
            update.bind(2, id)
            try update.run()
        }
    }
}

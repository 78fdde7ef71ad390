/// Counts that describe a job at a glance.
public struct JobCounts: Sendable, Equatable {
    /// Rows by `pb_status`.
    public var rowsByStatus: [String: Int]
    public var distinctNumbers: Int
    /// Rows whose number another row already holds.
    public var duplicateRows: Int

    public var rows: Int { rowsByStatus.values.reduce(0, +) }
}

extension Store {
    /// The counts; `rowsByStatus` when the caller has them already (the summary), since
    /// counting them is a pass over every row.
    public func counts(rowsByStatus: [(String, Int)]? = nil) throws -> JobCounts {
        var byStatus: [String: Int] = [:]
        if let rowsByStatus {
            for (status, count) in rowsByStatus { byStatus[status] = count }
        } else {
            let query = try statement("SELECT pb_status, COUNT(*) FROM row_result GROUP BY pb_status")
            defer { query.reset() }
            while try query.step() { byStatus[query.string(0)] = Int(query.int64(1)) }
        }
        // Counted on the number index, the smallest thing that holds every number (progress,
        // a view over whole tables, was a pass over every row and number).
        let distinct = Int(try scalar("SELECT COUNT(*) FROM number"))
        // A row holds a number exactly when it is valid or invalid.
        let parsedRows = (byStatus["valid"] ?? 0) + (byStatus["invalid"] ?? 0)
        return JobCounts(rowsByStatus: byStatus, distinctNumbers: distinct, duplicateRows: parsedRows - distinct)
    }

    public func recordRunFinished(elapsedSeconds: Double) throws {
        try transaction {
            try appendEvent(Event(kind: "run_finished", detail: ["seconds": .double((elapsedSeconds * 1000).rounded() / 1000)]))
        }
    }
}

extension Store {
    /// The run was interrupted (SIGINT, SIGTERM) and stopped cleanly at `stage`.
    func recordRunInterrupted(stage: JobStage) throws {
        try transaction { try appendEvent(Event(kind: "run_interrupted", detail: ["stage": .string(stage.rawValue)])) }
    }
}

extension Store {
    /// True while no request has been sent to a provider: nothing has been spent yet.
    func isUnspent() throws -> Bool {
        try scalar("SELECT EXISTS (SELECT 1 FROM event WHERE kind = 'request')") == 0
    }
}

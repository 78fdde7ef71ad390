/// Everything that happened to one input row (`phonebatch audit DB --row N`), read from the
/// `row_history` view, with the columns the output gave it (`row_result`).
public struct RowHistory: Sendable {
    public struct Entry: Sendable {
        /// 0 the row as read, 1 its number, 2 what happened after (events and the answer, by time).
        public var step: Int
        public var at: String?
        /// `row`, `number`, `result`, or an event kind (`request`, `batch_done` ...).
        public var what: String
        public var batchID: Int64?
        public var detail: JSONValue
    }

    public var rowNo: Int
    public var entries: [Entry]
    /// The pb_ columns, in output order, nil where empty.
    public var output: [(String, String?)]

    public var json: JSONValue {
        [
            "row": .int(rowNo),
            "history": .array(entries.map { entry in
                ["step": .int(entry.step), "at": .optional(entry.at), "what": .string(entry.what),
                 "batch_id": entry.batchID.map { .int($0) } ?? .null, "detail": entry.detail]
            }),
            "output": .object(output.map { ($0.0, .optional($0.1)) }),
        ]
    }
}

extension Store {
    /// The history of input row `rowNo`; throws when the job has no such row.
    public func rowHistory(_ rowNo: Int) throws -> RowHistory {
        try connection.readTransaction {
            let query = try statement("""
                SELECT step, at, what, batch_id, detail FROM row_history WHERE row_no = ? ORDER BY step, at, event_id
                """)
            defer { query.reset() }
            query.bind(1, rowNo)
            var entries: [RowHistory.Entry] = []
            while try query.step() {
                let detail = query.optionalString(4).flatMap { try? JSONValue(parsing: $0) } ?? .null
                entries.append(RowHistory.Entry(step: Int(query.int64(0)), at: query.optionalString(1), what: query.string(2),
                                                batchID: query.optionalInt64(3), detail: detail))
            }
            guard !entries.isEmpty else {
                let rows = try scalar("SELECT COUNT(*) FROM record")
                throw PhoneBatchError.invalidOption("the job has no row \(rowNo): its data rows are 2 to \(rows + 1) (row 1 is the header)")
            }
            let columns = ResultColumns.names
            let result = try statement("SELECT \(columns.joined(separator: ", ")) FROM row_result WHERE row_no = ?")
            defer { result.reset() }
            result.bind(1, rowNo)
            _ = try result.step()
            let output = columns.enumerated().map { index, name in (name, result.optionalString(Int32(index))) }
            return RowHistory(rowNo: rowNo, entries: entries, output: output)
        }
    }
}

/// Walks `row_result` in row order, handing out each row's result columns as borrowed bytes.
public final class RowResultCursor {
    private let query: Statement
    private let columns: Int32

    init(query: Statement, columns: Int) {
        self.query = query
        self.columns = Int32(columns)
    }

    deinit { query.reset() }

    /// The next row's number, or nil after the last row.
    public func next() throws -> Int? {
        guard try query.step() else { return nil }
        return Int(query.int64(0))
    }

    /// The current row's appended values, in their columns' order; nil where NULL.
    func values() -> [UnsafeRawBufferPointer?] {
        (1...columns).map { query.isNull($0) ? nil : query.textBytes($0) }
    }
}

extension Store {
    /// The appended columns of every row, in input order.
    public func rowResults(_ columns: AppendedColumns = .verdict) throws -> RowResultCursor {
        let query = try statement(columns.query)
        query.reset()
        if let inputID = columns.inputID { query.bind(1, inputID) }
        return RowResultCursor(query: query, columns: columns.names.count)
    }
}

extension Store {
    /// - Parameter seconds: how long writing the rows took.
    func recordExport(_ report: ExportReport, seconds: Double) throws {
        try transaction {
            try appendEvent(Event(kind: "export_written", detail: [
                "path": .string(report.path), "format": .string(report.format.rawValue), "rows": .int(report.rows),
                "only": .string(report.only.rawValue), "rejects_path": .optional(report.rejectsPath), "rejects": .int(report.rejects),
                "seconds": .double(seconds),
            ]))
        }
    }
}

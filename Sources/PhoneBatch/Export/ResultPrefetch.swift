import Foundation

/// Reads the appended columns ahead of the exporter, on a thread of its own.
///
/// Why: an export is two halves of about equal cost, SQLite walking `row_result` and the
/// input being read again and written out with its results, and at the end of a run the
/// phone checkers are gone, so the second core is free. Run one after the other they took
/// 4.6 s for a million rows; side by side, about 2.9 s.
///
/// The cursor belongs to the thread until `stop()` returns; nothing else may use the store
/// (its connection) meanwhile.
final class ResultPrefetch: @unchecked Sendable {
    // @unchecked Sendable: `cursor` is used by the prefetch thread only, and released by it
    // before `finished` is signalled; `handoff` is itself safe to share.
    private var cursor: RowResultCursor?
    private let handoff: BoundedHandoff<Result<ResultBlock, any Error>>
    private let finished = DispatchSemaphore(value: 0)
    private var stopped = false

    /// Starts reading `cursor`, `rowsPerBlock` rows at a time, at most two blocks ahead.
    init(cursor: RowResultCursor, columns: Int, rowsPerBlock: Int = 4096) {
        self.cursor = cursor
        handoff = BoundedHandoff(capacity: 2)
        let thread = Thread { [self] in
            defer {
                self.cursor = nil
                finished.signal()
            }
            read(columns: columns, rowsPerBlock: rowsPerBlock)
        }
        thread.start()
    }

    deinit { stop() }

    private func read(columns: Int, rowsPerBlock: Int) {
        defer { handoff.close() }
        guard let cursor else { return }
        do {
            while true {
                var block = ResultBlock(columns: columns, rows: rowsPerBlock)
                while block.count < rowsPerBlock, let rowNo = try cursor.next() {
                    block.append(rowNo: rowNo, values: cursor.values())
                }
                if block.count > 0 {
                    guard handoff.put(.success(block)) else { return }
                }
                if block.count < rowsPerBlock { break }
            }
        } catch {
            _ = handoff.put(.failure(error))
        }
    }

    /// The next block of rows in order, waiting for it; nil after the last. Throws what
    /// reading the database threw.
    func next() throws -> ResultBlock? {
        try handoff.take()?.get()
    }

    /// Ends the reading, early or not, and waits for the thread to let go of the cursor.
    func stop() {
        guard !stopped else { return }
        stopped = true
        handoff.abandon()
        finished.wait()
    }
}

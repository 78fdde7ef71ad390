import Testing
@testable import PhoneBatch

/// The export's read-ahead of results on a thread of its own.
@Suite struct ResultPrefetchTests {
    @Test func blocksComeInRowOrderAndStoppingEarlyLetsGoOfTheQuery() throws {
        let (directory, input) = try TemporaryDirectory.withSample()
        let database = directory.file("job.sqlite")
        let run = try phonebatch("run", input, "--db", database, "--out", directory.file("out.csv"))
        #expect(run.status == 0, "\(run.stderr)")
        let store = try Store.openExisting(path: database)
        let columns = ResultColumns.names.count

        let prefetch = ResultPrefetch(cursor: try store.rowResults(), columns: columns, rowsPerBlock: 10)
        var rows: [Int] = []
        while let block = try prefetch.next() {
            #expect(block.count <= 10)
            try block.forEachRow { rowNo, values in
                rows.append(rowNo)
                #expect(values.count == columns)
                #expect(values[0] != nil, "pb_status is never NULL")
            }
        }
        prefetch.stop()
        #expect(rows == Array(2...303))

        // Stopped with the reader two blocks ahead and waiting: it lets go of the query, which
        // then reads from the start again.
        let early = ResultPrefetch(cursor: try store.rowResults(), columns: columns, rowsPerBlock: 10)
        _ = try early.next()
        early.stop()
        let cursor = try store.rowResults()
        var count = 0
        while try cursor.next() != nil { count += 1 }
        #expect(count == 302)
    }
}

import Foundation
import Synchronization
import Testing
@testable import PhoneBatch

@Suite struct StoreTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    @Test func theBinaryCarriesSchemaSQLByteForByte() throws {
        let published = try String(contentsOfFile: TestPaths.repositoryRoot + "/schema.sql", encoding: .utf8)
        #expect(Schema.text == published, "run scripts/sync-schema after editing schema.sql")
    }

    @Test func phonebatchSchemaPrintsIt() throws {
        let result = try phonebatch("schema")
        #expect(result.status == 0)
        #expect(result.stdout == Schema.text)
    }

    @Test func aNewFileGetsTheSchemaAndItsVersion() throws {
        let store = try Store(path: directory.file("job.sqlite"))
        #expect(try store.connection.userVersion == Schema.version)
        let tables = try names(store, type: "table")
        #expect(tables == ["batch", "batch_number", "confirm_call", "confirm_check", "confirm_input", "confirm_pace", "confirm_row", "event", "job", "number", "record", "result"])
        #expect(try names(store, type: "view") == ["call_log", "confirm_check_result", "confirm_place_result", "cost", "progress", "request_log", "row_history", "row_result"])
        // Opening again leaves it as it is.
        let again = try Store(path: directory.file("job.sqlite"))
        #expect(try names(again, type: "table") == tables)
    }

    @Test func aFileThatIsNotPhonebatchsIsRefused() throws {
        let path = directory.file("other.sqlite")
        let other = try SQLiteConnection(path: path)
        try other.execute("CREATE TABLE t (x)")
        #expect(throws: PhoneBatchError.notAPhoneBatchDatabase(path: path)) { _ = try Store(path: path) }
    }

    @Test func aFileFromANewerPhonebatchIsRefused() throws {
        let path = directory.file("newer.sqlite")
        let newer = try SQLiteConnection(path: path)
        try newer.execute("PRAGMA user_version = \(Schema.version + 1)")
        #expect(throws: PhoneBatchError.databaseTooNew(path: path, version: Schema.version + 1, supported: Schema.version)) {
            _ = try Store(path: path)
        }
    }

    @Test func eventsAreAppendOnly() throws {
        let store = try Store(path: directory.file("job.sqlite"))
        try store.transaction { try store.appendEvent(Event(kind: "test", detail: ["n": .int(1)])) }
        #expect(throws: SQLiteError.self) { try store.connection.execute("UPDATE event SET kind = 'changed'") }
        #expect(throws: SQLiteError.self) { try store.connection.execute("DELETE FROM event") }
        #expect(try store.scalar("SELECT COUNT(*) FROM event WHERE kind = 'test'") == 1)
    }

    /// Processes started together on one new file (two `confirm place`, two `run`) each open
    /// it: the switch to WAL must wait for the others, not fail with "database is locked".
    @Test func manyOpeningOneNewFileAtOnceAllSucceed() throws {
        for round in 0..<5 {
            let path = directory.file("together-\(round).sqlite")
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do {
                    _ = try Store(path: path)
                } catch {
                    failures.withLock { $0.append(String(describing: error)) }
                }
            }
            #expect(failures.withLock { $0 } == [])
        }
    }

    @Test func aFailedTransactionLeavesNothing() throws {
        let store = try Store(path: directory.file("job.sqlite"))
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try store.transaction {
                try store.appendEvent(Event(kind: "half"))
                throw Stop()
            }
        }
        #expect(try store.scalar("SELECT COUNT(*) FROM event") == 0)
    }

    @Test func errorsCarryTheSQLAndSQLitesMessage() throws {
        let store = try Store(path: directory.file("job.sqlite"))
        do {
            _ = try store.connection.prepare("SELECT nope FROM record")
            Issue.record("expected an error")
        } catch let error as SQLiteError {
            #expect(error.message.contains("no such column: nope"))
            #expect(error.sql == "SELECT nope FROM record")
            #expect(error.description.contains("SELECT nope FROM record"))
        }
    }

    @Test func theFileIsInWALMode() throws {
        let store = try Store(path: directory.file("job.sqlite"))
        let mode = try store.connection.prepare("PRAGMA journal_mode")
        _ = try mode.step()
        #expect(mode.string(0) == "wal")
    }

    @Test func aVersionOneFileIsMigratedToEqualANewOne() throws {
        let oldPath = directory.file("v1.sqlite")
        let old = try SQLiteConnection(path: oldPath)
        try old.execute(try String(contentsOfFile: TestPaths.fixture("schema-v1.sql"), encoding: .utf8))
        try old.execute("PRAGMA user_version = 1")
        let migrated = try Store(path: oldPath)
        let fresh = try Store(path: directory.file("new.sqlite"))
        #expect(try migrated.connection.userVersion == Schema.version)
        #expect(try names(migrated, type: "table") == names(fresh, type: "table"))
        #expect(try names(migrated, type: "view") == names(fresh, type: "view"))
        #expect(try names(migrated, type: "index") == names(fresh, type: "index"))
        for table in try names(fresh, type: "table") + names(fresh, type: "view") {
            let columns = "SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || COALESCE(dflt_value, '') FROM pragma_table_info('\(table)')"
            #expect(try migrated.connection.strings(columns) == fresh.connection.strings(columns), "\(table)")
        }
        let views = "SELECT sql FROM sqlite_master WHERE type = 'view' ORDER BY name"
        #expect(try migrated.connection.strings(views) == fresh.connection.strings(views))
    }

    func names(_ store: Store, type: String) throws -> [String] {
        let query = try store.connection.prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name")
        query.bind(1, type)
        var names: [String] = []
        while try query.step() { names.append(query.string(0)) }
        return names
    }
}

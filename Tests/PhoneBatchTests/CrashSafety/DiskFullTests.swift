import Foundation
import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox
import Logging

/// A full disk, made by capping the database's pages (`PHONEBATCH_MAX_DB_PAGES`): SQLite
/// fails the write with SQLITE_FULL exactly as it does when the disk is full.
@Suite struct DiskFullTests {
    let directory: TemporaryDirectory
    let input: String
    var database: String { directory.file("contacts.phonebatch.sqlite") }
    var output: String { directory.file("contacts.checked.csv") }

    init() throws {
        (directory, input) = try TemporaryDirectory.withSample()
    }

    /// The disk fills while reading the input (offline: 20 pages hold the schema but not the
    /// rows) or while the provider answers (harmony: the input is planned first, then the
    /// file may grow by two pages, far less than the answers need, whatever the timing).
    @Test(arguments: ["offline", "harmony"])
    func theRunStopsSaysSoAndResumesOnceThereIsRoom(provider: String) async throws {
        try await AdapterHarness.run { harness in
            let environment = harness.environment("harmony", ["BATCH_SIZE": "5"])
            var pages = 20
            if provider != "offline" {
                let planned = try await phonebatch(["plan", input, "--provider", provider], environment: environment)
                #expect(planned.status == 0, "\(planned.stderr)")
                pages = Int(try query(database, "PRAGMA page_count")) + 2
            }
            let arguments = ["run", input, "--provider", provider]
            let full = try await phonebatch(arguments, environment: environment.merging([Store.maxPagesVariable: String(pages)]) { $1 })
            #expect(full.status == ExitStatus.ioError.rawValue, "\(full.stderr)")
            let errors = full.stderr.split(separator: "\n").filter { $0.contains("error:") }
            #expect(errors == ["phonebatch: error: the disk is full (database or disk is full); the database is sound: free some space and run the same command again to resume"])
            let check = try SQLiteConnection(path: database).prepare("PRAGMA integrity_check")
            #expect(try check.step() && check.string(0) == "ok")

            let resumed = try await phonebatch(arguments, environment: environment)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(try query(database, "SELECT COUNT(*) FROM record") == 302)
            #expect(try query(database, "SELECT COUNT(*) FROM number WHERE state IN ('pending', 'batched')") == 0)
            if provider == "offline" {
                let expected = try String(contentsOfFile: TestPaths.repositoryRoot + "/Tests/PhoneBatchTests/Fixtures/contacts.expected.csv", encoding: .utf8)
                #expect(try String(contentsOfFile: output, encoding: .utf8) == expected)
            } else {
                #expect(await harness.ledger(.harmony)["distinct_numbers"]?.intValue
                        == (try query(database, "SELECT COUNT(*) FROM number WHERE valid = 1")))
            }
        }
    }

    /// The disk fills while the number indexes are built at the end of ingest: the
    /// transaction rolls back whole, the job stays in ingest with its rows and numbers, and
    /// ending ingest again once there is room gives every number once, indexed.
    @Test func aFullDiskWhileTheNumbersAreIndexedLosesNothing() throws {
        var options = RunOptions(inputPath: input)
        options.outputPath = output
        let setup = JobSetup(options: options, inputPath: input, outputPath: output, defaultRegion: nil, logger: Logger(label: "test"))
        let job = try setup.makeJob(fingerprint: try InputFingerprint.of(path: input))
        let store = try Store(path: database)
        try store.createJob(job)
        let layout = RowLayout(fieldCount: job.header.count, phoneColumn: job.phoneColumn, countryColumn: job.countryColumn,
                               defaultRegion: job.defaultRegion)
        let seen = try store.beginIngest()
        try Ingester(store: store, layout: layout, queue: .none, checker: LocalPhoneChecker(seen: seen), logger: Logger(label: "test"))
            .run(path: input, dialect: job.dialect, from: job.ingestCheckpoint)
        let numbers = try store.scalar("SELECT COUNT(*) FROM number")
        #expect(numbers > 0)
        #expect(try numbers == store.scalar("SELECT COUNT(DISTINCT e164) FROM record WHERE e164 IS NOT NULL"))
        #expect(try store.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'number_by_e164'") == 0, "dropped while reading")

        // Not one page more: the indexes need new pages.
        try store.connection.execute("PRAGMA max_page_count = \(try store.scalar("PRAGMA page_count"))")
        do {
            try store.finishIngest()
            Issue.record("the indexes fitted in no new page")
        } catch PhoneBatchError.diskFull {
            // As a full disk says it: the run stops with exit 74 and resumes later.
        }
        #expect(try store.loadJob()?.stage == .ingest)
        #expect(try store.scalar("SELECT COUNT(*) FROM number") == numbers)
        #expect(try store.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'number_by_e164'") == 0)
        let check = try store.connection.prepare("PRAGMA integrity_check")
        #expect(try check.step() && check.string(0) == "ok")
        check.reset()

        try store.connection.execute("PRAGMA max_page_count = 1000000")
        try store.finishIngest()
        #expect(try store.loadJob()?.stage == .plan)
        #expect(try store.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('number_by_e164', 'number_pending')") == 2)
        #expect(try store.scalar("SELECT COUNT(*) FROM number") == numbers)
        #expect(try store.scalar("SELECT COUNT(*) FROM pragma_foreign_key_check") == 0)
    }
}

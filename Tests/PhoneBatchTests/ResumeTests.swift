import Foundation
import Logging
import Testing
@testable import PhoneBatch

/// A job stopped partway through ingest continues where its database says, and ends with the
/// same output as a run that was never interrupted.
@Suite struct ResumeTests {
    @Test func aRunResumesAPartlyIngestedJob() throws {
        let directory = try TemporaryDirectory()
        var text = "name,phone,country\n"
        for index in 0..<50 { text += "P\(index),+44 20 7946 \(String(format: "%04d", index % 30)),GB\n" }
        let input = try directory.write("in.csv", text)

        let whole = try phonebatch("run", input, "--out", directory.file("whole.csv"), "--db", directory.file("whole.sqlite"))
        #expect(whole.status == 0, "\(whole.stderr)")

        // The same job, stopped after the first 20 rows: ingest a file that holds only them.
        let logger = Logger(label: "test")
        var options = RunOptions(inputPath: input)
        options.outputPath = directory.file("resumed.csv")
        let setup = JobSetup(options: options, inputPath: input, outputPath: directory.file("resumed.csv"),
                             defaultRegion: nil, logger: logger)
        let job = try setup.makeJob(fingerprint: try InputFingerprint.of(path: input))
        let store = try Store(path: directory.file("resumed.sqlite"))
        try store.createJob(job)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let prefix = try directory.write("prefix.csv", lines.prefix(21).joined(separator: "\n") + "\n")
        let layout = RowLayout(fieldCount: 3, phoneColumn: 1, countryColumn: 2, defaultRegion: nil)
        let ingester = Ingester(store: store, layout: layout, queue: .none, checker: LocalPhoneChecker(seen: try store.beginIngest()),
                                logger: logger)
        ingester.chunkSize = 7
        try ingester.run(path: prefix, dialect: job.dialect, from: job.ingestCheckpoint)
        // As a process that stopped would: its lease given up (else the run waits it out).
        try store.releaseJobLease(owner: LeaseOwner.current().description)
        #expect(try store.scalar("SELECT COUNT(*) FROM record") == 20)
        #expect(try store.loadJob()?.ingestCheckpoint.nextRow == 22)
        // Mid-ingest each number read so far is in `number` once, unindexed until ingest ends.
        #expect(try store.scalar("SELECT COUNT(*) FROM number") == store.scalar("SELECT COUNT(DISTINCT e164) FROM record"))
        #expect(try store.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'number_by_e164'") == 0)
        // What status and an auditor see meanwhile: the numbers and rows read so far, with
        // their verdicts.
        #expect(try store.scalar("SELECT count FROM progress WHERE what = 'numbers' AND state = 'local'") > 0)
        #expect(try store.scalar("SELECT COUNT(*) FROM row_result WHERE pb_status = 'valid'") == 20)

        let resumed = try phonebatch("run", input, "--out", directory.file("resumed.csv"), "--db", directory.file("resumed.sqlite"))
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming the job"))
        let expected = try Data(contentsOf: URL(fileURLWithPath: directory.file("whole.csv")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.file("resumed.csv"))) == expected)
        #expect(try store.scalar("SELECT COUNT(*) FROM record") == 50)
        #expect(try store.scalar("SELECT COUNT(*) FROM number") == 30)
        // Each number once, kept from the first row that holds it, whichever chunk read it.
        #expect(try store.scalar("""
            SELECT COUNT(*) FROM number n WHERE first_row = (SELECT MIN(row_no) FROM record r WHERE r.e164 = n.e164)
            """) == 30)
        #expect(try store.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'number_by_e164'") == 1)
        #expect(try store.scalar("SELECT COUNT(*) FROM pragma_foreign_key_check") == 0, "every row refers to a number in place")
        #expect(try store.scalar("SELECT COUNT(*) FROM record WHERE status = 'parsed' AND e164 NOT IN (SELECT e164 FROM number)") == 0)
    }

    @Test func aJobBegunBeforeAnOptionExistedStillResumes() throws {
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.csv", "name,phone\nA,+44 20 7946 0001\n")
        let database = directory.file("in.phonebatch.sqlite")
        #expect(try phonebatch("run", input).status == 0)
        // As an older phonebatch wrote it: no "sandbox" among the options.
        try SQLiteConnection(path: database).execute("""
            UPDATE job SET options = '{"provider":"offline","phone_column":null,"country_column":null,"default_country":null,"delimiter":null,"send_invalid":false}'
            """)
        let again = try phonebatch("run", input)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try phonebatch("resume", database).status == 0)
    }
}

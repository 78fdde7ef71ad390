import Foundation
import Logging
import Testing
@testable import PhoneBatch

/// A job begun with the old checker (Debian's libphonenumber 8.12.57) keeps the verdicts it
/// recorded when it is exported or resumed past reading its input; one stopped while reading
/// is read again with the current metadata; `--restart` checks everything again.
@Suite struct OldJobTests {
    let directory: TemporaryDirectory
    let input: String

    init() throws {
        directory = try TemporaryDirectory()
        // +1 235 is an area code the 2022 metadata did not have.
        input = try directory.write("in.csv", "name,phone\nA,+1 235 555 0199\nB,+44 20 7946 0000\n")
    }

    /// Makes the job look as an older phonebatch left it: judged by 8.12.57, which called the
    /// +1 235 number invalid.
    func makeOld(_ database: String) throws {
        try SQLiteConnection(path: database).execute("""
            UPDATE job SET metadata_version = '8.12.57';
            UPDATE number SET valid = 0, type = 'unknown', error = 'not an assigned number range in US' WHERE e164 = 12355550199;
            """)
    }

    @Test func aFinishedOldJobExportsTheVerdictsItRecorded() throws {
        let database = directory.file("in.phonebatch.sqlite")
        #expect(try phonebatch("run", input).status == 0)
        #expect(try queryText(database, "SELECT metadata_version FROM job") == NumberEngine.metadataVersion)
        try makeOld(database)
        let export = try phonebatch("export", database, "--out", directory.file("again.csv"))
        #expect(export.status == 0, "\(export.stderr)")
        let again = try String(contentsOfFile: directory.file("again.csv"), encoding: .utf8)
        #expect(again.contains("A,+1 235 555 0199,invalid,+12355550199"), "the recorded verdict, not a new one")
        #expect(try phonebatch("resume", database).status == 0)
        #expect(try String(contentsOfFile: directory.file("in.checked.csv"), encoding: .utf8).contains("A,+1 235 555 0199,invalid"))

        let restarted = try phonebatch("run", input, "--restart")
        #expect(restarted.status == 0, "\(restarted.stderr)")
        #expect(try String(contentsOfFile: directory.file("in.checked.csv"), encoding: .utf8).contains("A,+1 235 555 0199,valid,+12355550199,US"))
        #expect(try queryText(database, "SELECT metadata_version FROM job") == NumberEngine.metadataVersion)
    }

    @Test func anOldJobStoppedWhileReadingIsReadAgainWithTheCurrentMetadata() throws {
        let database = directory.file("old.sqlite")
        let logger = Logger(label: "test")
        var options = RunOptions(inputPath: input)
        options.outputPath = directory.file("old.csv")
        let setup = JobSetup(options: options, inputPath: input, outputPath: directory.file("old.csv"), defaultRegion: nil, logger: logger)
        let job = try setup.makeJob(fingerprint: try InputFingerprint.of(path: input))
        let store = try Store(path: database)
        try store.createJob(job)
        // The first row read, then stopped.
        let prefix = try directory.write("prefix.csv", "name,phone\nA,+1 235 555 0199\n")
        let layout = RowLayout(fieldCount: 2, phoneColumn: 1, countryColumn: nil, defaultRegion: nil)
        try Ingester(store: store, layout: layout, queue: .none, checker: LocalPhoneChecker(seen: try store.beginIngest()), logger: logger)
            .run(path: prefix, dialect: job.dialect, from: job.ingestCheckpoint)
        // As a process that stopped would: its lease given up (else the next waits for it).
        try store.releaseJobLease(owner: LeaseOwner.current().description)
        try SQLiteConnection(path: database).execute("""
            UPDATE job SET metadata_version = '8.12.57';
            UPDATE number SET valid = 0, type = 'unknown';
            """)

        let resumed = try phonebatch("resume", database)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("begun with metadata 8.12.57 and had not finished reading its input"))
        let output = try String(contentsOfFile: directory.file("old.csv"), encoding: .utf8)
        #expect(output.contains("A,+1 235 555 0199,valid,+12355550199,US"))
        #expect(output.contains("B,+44 20 7946 0000,valid"))
        #expect(try query(database, "SELECT COUNT(*) FROM record") == 2, "each row once")
        #expect(try queryText(database, "SELECT metadata_version FROM job") == NumberEngine.metadataVersion)
        #expect(try queryText(database, "SELECT json_extract(detail, '$.previous_metadata') FROM event WHERE kind = 'ingest_restarted'") == "8.12.57")
    }
}

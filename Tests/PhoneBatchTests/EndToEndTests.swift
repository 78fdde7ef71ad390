import Foundation
import Testing
@testable import PhoneBatch

/// The command line as a user runs it: the built binary, real files, the real database.
@Suite struct EndToEndTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    func copySample() throws -> String {
        let sample = try Data(contentsOf: URL(fileURLWithPath: TestPaths.repositoryRoot + "/samples/contacts.csv"))
        return try directory.write("contacts.csv", bytes: Array(sample))
    }

    func contents(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func theSampleGivesTheCheckedInOutput() throws {
        let input = try copySample()
        let result = try phonebatch("run", input, "--provider", "offline")
        #expect(result.status == 0, "\(result.stderr)")
        let output = directory.file("contacts.checked.csv")
        #expect(FileSystem.exists(directory.file("contacts.phonebatch.sqlite")), "the database goes beside the input")
        let expected = try contents(TestPaths.repositoryRoot + "/Tests/PhoneBatchTests/Fixtures/contacts.expected.csv")
        #expect(try contents(output) == expected, "diff \(output) Tests/PhoneBatchTests/Fixtures/contacts.expected.csv")
        #expect(result.stdout.contains("checked 302 rows"))
        #expect(result.stderr.contains("phone column: 'Mobile Phone' (column 6), from the header"))
        #expect(result.stderr.contains("is malformed"))
    }

    @Test func exportGivesTheRunsBytesAgain() throws {
        let input = try copySample()
        for format in ["csv", "jsonl"] {
            let out = directory.file("run.\(format)"), db = directory.file("job-\(format).sqlite")
            let run = try phonebatch("run", input, "--out", out, "--db", db, "--format", format)
            #expect(run.status == 0, "\(run.stderr)")
            let again = directory.file("again.\(format)")
            let export = try phonebatch("export", db, "--out", again)
            #expect(export.status == 0, "\(export.stderr)")
            #expect(try contents(again) == contents(out), "\(format)")
        }
    }

    @Test func theVersionNamesTheMetadataRelease() throws {
        let version = try phonebatch("--version")
        #expect(version.status == 0)
        #expect(version.stdout == "phonebatch \(PhoneBatchVersion.current) (metadata \(NumberEngine.metadataVersion))\n")
    }

    @Test func theRetiredWorkersFlagIsAcceptedAndSaysItIsIgnored() throws {
        let input = try copySample()
        let plain = directory.file("plain.csv"), old = directory.file("old.csv")
        #expect(try phonebatch("run", input, "--out", plain, "--db", directory.file("plain.sqlite")).status == 0)
        let run = try phonebatch("run", input, "--out", old, "--db", directory.file("old.sqlite"), "--workers", "3")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("--workers is no longer needed"))
        #expect(try contents(old) == contents(plain))
    }

    @Test func jsonlRowsCarryTheHeaderAndTheResults() throws {
        let input = try directory.write("in.csv", "Name,Phone,Phone\nAnn,+44 20 7946 0000,x\n,,\n")
        let out = directory.file("out.jsonl")
        #expect(try phonebatch("run", input, "--out", out, "--format", "jsonl", "--phone-column", "2").status == 0)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(first["Name"] as? String == "Ann")
        #expect(first["Phone_3"] as? String == "x", "a repeated name gets its column number")
        #expect(first["pb_status"] as? String == "valid")
        #expect(first["pb_e164"] as? String == "+442079460000")
        #expect(first["pb_location"] as? String == "London")
        let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as! [String: Any]
        #expect(second["pb_status"] as? String == "empty")
        #expect(second["pb_e164"] is NSNull)
    }

    @Test func theOutputKeepsSeparatorLineEndingAndByteOrderMark() throws {
        let text = "Nom;Téléphone;Pays\r\nAnne;06 12 34 56 78;France\r\n\"Dupont; Jean\";+33 1 42 68 53 00;FR\r\n"
        let input = try directory.write("fr.csv", bytes: CSVDialect.utf8BOM + Array(text.utf8))
        let result = try phonebatch("run", input)
        #expect(result.status == 0, "\(result.stderr)")
        let output = try contents(directory.file("fr.checked.csv"))
        let expected = CSVDialect.utf8BOM + Array("""
            Nom;Téléphone;Pays;pb_status;pb_e164;pb_region;pb_type;pb_national;pb_location;pb_range_carrier;\
            pb_range_timezones;pb_provider;pb_line_status;pb_carrier;pb_ported;pb_timezone;pb_provider_status;\
            pb_checked_at;pb_error\r
            Anne;06 12 34 56 78;France;valid;+33612345678;FR;mobile;06 12 34 56 78;France;SFR;Europe/Paris;offline;;;;;;;\r
            "Dupont; Jean";+33 1 42 68 53 00;FR;valid;+33142685300;FR;fixed_line;01 42 68 53 00;Paris;;Europe/Paris;\
            offline;;;;;;;\r

            """.utf8)
        #expect(Array(output) == expected)
    }

    @Test func thePhoneColumnIsFoundFromContentWhenTheHeaderSaysNothing() throws {
        var text = "who,contact,city\n"
        for index in 0..<20 { text += "P\(index),+44 20 7946 \(String(format: "%04d", index)),London\n" }
        let input = try directory.write("plain.csv", text)
        let result = try phonebatch("run", input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("phone column: 'contact' (column 2), from the content: 100% of sampled values are phone numbers"))
    }

    @Test func defaultCountryReadsNationalNumbers() throws {
        let input = try directory.write("uk.csv", "phone\n020 7946 0000\n")
        #expect(try phonebatch("run", input, "--default-country", "United Kingdom").status == 0)
        let output = try String(contentsOfFile: directory.file("uk.checked.csv"), encoding: .utf8)
        #expect(output.contains("020 7946 0000,valid,+442079460000,GB"))
    }

    @Test func runningAgainOnAChangedInputIsRefused() throws {
        let input = try directory.write("c.csv", "phone\n+44 20 7946 0000\n")
        #expect(try phonebatch("run", input).status == 0)
        #expect(try phonebatch("run", input).status == 0, "the same input and options: the finished job is exported again")
        try directory.write("c.csv", "phone\n+44 20 7946 0001\n")
        let refused = try phonebatch("run", input)
        #expect(refused.status == PhoneBatch.ExitStatus.dataError.rawValue)
        #expect(refused.stderr.contains("has changed since the run began"))
        let export = try phonebatch("export", directory.file("c.phonebatch.sqlite"))
        #expect(export.status == PhoneBatch.ExitStatus.dataError.rawValue)
        #expect(try phonebatch("run", input, "--restart").status == 0)
        #expect(try String(contentsOfFile: directory.file("c.checked.csv"), encoding: .utf8).contains("+442079460001"))
    }

    @Test func mistakesGetOneLineAndTheirExitStatus() throws {
        let good = try directory.write("good.csv", "phone\n+44 20 7946 0000\n")
        let noPhone = try directory.write("nophone.csv", "name,city\nAnn,Paris\nBob,Rome\n")
        let binary = try directory.write("book.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0])
        let cases: [([String], PhoneBatch.ExitStatus, String)] = [
            (["run", directory.file("missing.csv")], .noInput, "input file not found"),
            (["run", binary], .dataError, "does not look like a CSV file: it is a ZIP archive"),
            (["run", noPhone], .dataError, "no phone column found; the header is: 'name', 'city'"),
            (["run", good, "--default-country", "Narnia"], .usage, "unknown country 'Narnia'"),
            (["run", good, "--phone-column", "mobile"], .usage, "no column 'mobile' in the header: 'phone'"),
            (["run", good, "--provider", "nope"], .usage, "unknown provider 'nope'"),
            (["run", good, "--out", good], .usage, "the output would overwrite the input"),
            (["run", good, "--delimiter", "ab"], .usage, "--delimiter takes one character"),
            (["run", good, "--out", directory.file("x.sqlite"), "--db", directory.file("x.sqlite")], .usage,
             "the output would overwrite the database"),
            (["export", directory.file("none.sqlite")], .noInput, "database not found"),
        ]
        for (arguments, status, message) in cases {
            let result = try runProcess(TestPaths.binary, arguments)
            #expect(result.status == status.rawValue, "\(arguments): \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let badFlag = try phonebatch("run", good, "--no-such-flag")
        #expect(badFlag.status == PhoneBatch.ExitStatus.usage.rawValue)
        #expect(badFlag.stderr == "phonebatch: error: Unknown option '--no-such-flag' (see phonebatch help)\n")
        let help = try phonebatch("run", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: phonebatch run"))
    }

    @Test func malformedRowsAreCarriedThroughAligned() throws {
        let input = try directory.write("m.csv", "a,phone,b\n1,+44 20 7946 0000,x\n2,short\n3,+44 20 7946 0001,y,extra\n4,\"open,z\n5,+44 20 7946 0002,w\n")
        let result = try phonebatch("run", input)
        #expect(result.status == 0)
        #expect(result.stderr.contains("row 3 (line 3) is malformed: expected 3 fields, found 2"))
        #expect(result.stderr.contains("row 5 (line 5) is malformed: unterminated quote"))
        let lines = try String(contentsOfFile: directory.file("m.checked.csv"), encoding: .utf8).split(separator: "\n")
        #expect(lines[2] == "2,short,,malformed,,,,,,,,,,,,,,,\"expected 3 fields, found 2\"")
        #expect(lines[3] == "3,+44 20 7946 0001,y,malformed,,,,,,,,,,,,,,,\"expected 3 fields, found 4; extra fields: 'extra'\"")
        #expect(lines[4] == "4,\"\"\"open\",z,malformed,,,,,,,,,,,,,,,unterminated quote")
        #expect(lines[5].hasPrefix("5,+44 20 7946 0002,w,valid,+442079460002"))
    }
}

@Suite struct SandboxCommandTests {
    @Test func printEnvPointsEveryProviderAtThePort() throws {
        let result = try phonebatch("sandbox", "--port", "18080", "--print-env")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 15)
        #expect(lines.allSatisfy { $0.hasPrefix("export PHONEBATCH_") })
        #expect(lines.contains("export PHONEBATCH_HARMONY_URL=http://127.0.0.1:18080"))
        #expect(lines.contains("export PHONEBATCH_DELPHA_TOKEN_URL=http://127.0.0.1:18080/oauth2/token"))
    }

    @Test func refusesAnAddressThatIsNotLoopback() throws {
        let result = try phonebatch("sandbox", "--host", "0.0.0.0")
        #expect(result.status == PhoneBatch.ExitStatus.usage.rawValue)
        #expect(result.stderr.contains("the sandbox serves loopback only"))
    }
}

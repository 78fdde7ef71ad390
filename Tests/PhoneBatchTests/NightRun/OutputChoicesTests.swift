import Foundation
import Testing
@testable import PhoneBatch

/// `--only`, `--rejects` and `--excel-safe`: what the output holds, kept with the job.
@Suite struct OutputChoicesTests {
    let directory: TemporaryDirectory
    let input: String
    var database: String { directory.file("contacts.phonebatch.sqlite") }
    var output: String { directory.file("contacts.checked.csv") }
    var rejects: String { directory.file("rejects.csv") }

    init() throws {
        (directory, input) = try TemporaryDirectory.withSample()
    }

    /// The rows of a CSV file through Python's csv module (the reference reader).
    func csvRows(_ path: String) async throws -> [[String]] {
        let script = "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig')))))"
        let result = try await runProcessAside("/usr/bin/env", ["python3", "-c", script, path])
        return try JSONDecoder().decode([[String]].self, from: Data(result.stdout.utf8))
    }

    @Test func onlyValidKeepsTheValidRowsAndTheRejectsHoldWhatCouldNotBeChecked() async throws {
        let run = try await phonebatch(["run", input, "--only", "valid", "--rejects", rejects], environment: [:])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("kept    257 valid rows (--only)"))
        #expect(run.stdout.contains("rejects 12 rows to \(rejects)"))

        let kept = try await csvRows(output)
        let status = kept[0].firstIndex(of: "pb_status")!
        #expect(kept.count == 258)
        #expect(kept.dropFirst().allSatisfy { $0[status] == "valid" })

        // Malformed and empty rows, each with its row number (as a spreadsheet numbers it) and reason.
        let rejected = try await csvRows(rejects)
        #expect(rejected[0].suffix(3) == ["pb_row", "pb_status", "pb_error"])
        #expect(rejected.count == 13)
        #expect(Set(rejected.dropFirst().map { $0[$0.count - 2] }) == ["empty", "malformed"])
        let malformed = rejected.first { $0.last == "expected 9 fields, found 7" }
        #expect(malformed?[malformed!.count - 3] == "102")
        #expect(rejected.dropFirst().filter { $0.last == "the phone field is empty" }.count == 10)
        let rows = rejected.dropFirst().map { Int($0[$0.count - 3])! }
        #expect(rows == rows.sorted())
        for row in rows {
            #expect(try query(database, "SELECT COUNT(*) FROM row_result WHERE row_no = \(row) AND pb_status IN ('empty', 'malformed')") == 1)
        }
    }

    @Test func onlyInvalidKeepsTheInvalidAndUnparseableRows() async throws {
        let run = try await phonebatch(["run", input, "--only", "invalid"], environment: [:])
        #expect(run.status == 0, "\(run.stderr)")
        let kept = try await csvRows(output)
        let status = kept[0].firstIndex(of: "pb_status")!
        #expect(kept.count == 1 + 11 + 22)
        #expect(Set(kept.dropFirst().map { $0[status] }) == ["invalid", "unparseable"])
    }

    @Test func excelSafeWritesPhoneColumnsAsTextFormulasAndExportKeepsTheChoices() async throws {
        let run = try await phonebatch(["run", input, "--excel-safe"], environment: [:])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try await csvRows(output)
        let header = rows[0]
        let (phone, e164, national, region) = (header.firstIndex(of: "Mobile Phone")!, header.firstIndex(of: "pb_e164")!,
                                               header.firstIndex(of: "pb_national")!, header.firstIndex(of: "pb_region")!)
        let gb = rows.first { $0.count > e164 && $0[e164] == "=\"+442920180592\"" }
        #expect(gb?[national] == "=\"029 2018 0592\"")
        #expect(gb?[phone] == "=\"+44 29 2018 0592\"")
        #expect(gb?[region] == "GB", "other columns as they were")
        #expect(rows.dropFirst().allSatisfy { $0[e164].isEmpty || $0[e164].hasPrefix("=\"+") })

        // export writes what the run wrote, byte for byte; asked otherwise, the plain output.
        let again = directory.file("again.csv")
        #expect(try await phonebatch(["export", database, "--out", again], environment: [:]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(contentsOf: URL(fileURLWithPath: output)))
        let plain = directory.file("plain.csv")
        #expect(try await phonebatch(["export", database, "--out", plain, "--no-excel-safe"], environment: [:]).status == 0)
        let expected = try String(contentsOfFile: TestPaths.repositoryRoot + "/Tests/PhoneBatchTests/Fixtures/contacts.expected.csv", encoding: .utf8)
        #expect(try String(contentsOfFile: plain, encoding: .utf8) == expected)
    }

    @Test func choicesThatCannotBeHonouredAreRefusedBeforeAnythingIsWritten() async throws {
        let jsonl = try await phonebatch(["run", input, "--format", "jsonl", "--excel-safe"], environment: [:])
        #expect(jsonl.status == ExitStatus.usage.rawValue)
        #expect(jsonl.stderr == "phonebatch: error: --excel-safe applies to CSV output; leave it out with --format jsonl\n")
        let overwrite = try await phonebatch(["run", input, "--rejects", input], environment: [:])
        #expect(overwrite.status == ExitStatus.usage.rawValue)
        #expect(overwrite.stderr.contains("would overwrite the input"))
        #expect(!FileManager.default.fileExists(atPath: database))
        let wrong = try await phonebatch(["run", input, "--only", "maybe"], environment: [:])
        #expect(wrong.status == ExitStatus.usage.rawValue)
        #expect(wrong.stderr.contains("--only"))
    }

    @Test func aRowsVerdictFollowsItsStatusAndTheProvidersLineStatus() {
        #expect(RowVerdict.of(status: "valid", lineStatus: nil, sentToProvider: false) == .valid)
        #expect(RowVerdict.of(status: "valid", lineStatus: "connected", sentToProvider: true) == .valid)
        #expect(RowVerdict.of(status: "valid", lineStatus: "disconnected", sentToProvider: true) == .invalid)
        #expect(RowVerdict.of(status: "valid", lineStatus: nil, sentToProvider: true) == .unchecked, "never answered")
        #expect(RowVerdict.of(status: "unparseable", lineStatus: nil, sentToProvider: true) == .invalid)
        #expect(RowVerdict.of(status: "empty", lineStatus: nil, sentToProvider: false) == .unchecked)
        #expect(RowVerdict.of(status: "malformed", lineStatus: nil, sentToProvider: false) == .unchecked)
    }
}

import Foundation
@testable import PhoneBatch

/// A fresh directory under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "phonebatch-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `contents` to `name` in the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        try write(name, bytes: Array(contents.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = "\(path)/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }
}

extension TemporaryDirectory {
    /// A new directory holding a copy of samples/contacts.csv, as a user's export, and the
    /// copy's path: a run's files go beside it.
    static func withSample() throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let input = directory.file("contacts.csv")
        try FileManager.default.copyItem(atPath: TestPaths.repositoryRoot + "/samples/contacts.csv", toPath: input)
        return (directory, input)
    }
}

enum TestPaths {
    /// The repository's root directory.
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
    }

    /// The `phonebatch` binary built beside the tests.
    static let binary: String = {
        var directory = Bundle.module.bundleURL.deletingLastPathComponent()
        let candidate = directory.appendingPathComponent("phonebatch").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        directory = URL(fileURLWithPath: repositoryRoot).appendingPathComponent(".build/debug")
        return directory.appendingPathComponent("phonebatch").path
    }()
}

/// What a finished process said.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `executable` with `arguments` and waits for it to finish.
func runProcess(_ executable: String, _ arguments: [String], directory: String? = nil, input: String? = nil,
                environment: [String: String]? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes to the end before waiting, so a chatty process cannot block on a full pipe.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data(), errData = Data()
    group.enter()
    DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs the phonebatch binary.
func phonebatch(_ arguments: String..., directory: String? = nil) throws -> ProcessResult {
    try runProcess(TestPaths.binary, arguments, directory: directory)
}

/// Runs the phonebatch binary with `environment` added to this process's, off the
/// cooperative threads (an in-process sandbox must keep answering while it waits).
func phonebatch(_ arguments: [String], environment: [String: String]) async throws -> ProcessResult {
    try await runProcessAside(TestPaths.binary, arguments, environment: environment)
}

/// `runProcess` on a thread of its own, never on one of the few cooperative threads: a test
/// that blocked one while a process ran would starve every in-process sandbox of the suite.
func runProcessAside(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) async throws -> ProcessResult {
    let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    return try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try runProcess(executable, arguments, environment: merged) })
        }
    }
}

/// Reads every record of a CSV file with phonebatch's reader.
func readAll(_ path: String, dialect: CSVDialect = CSVDialect(), bufferSize: Int = 1 << 16,
             maxRecordBytes: Int = 8 << 20) throws -> [CSVRecord] {
    let reader = try CSVReader(path: path, dialect: dialect, maxRecordBytes: maxRecordBytes, bufferSize: bufferSize)
    var records: [CSVRecord] = []
    var record = CSVRecord()
    while try reader.read(into: &record) { records.append(record) }
    return records
}

extension Array where Element == CSVRecord {
    var fields: [[String]] { map(\.fields) }
}

extension JobRecord {
    /// A job on a one-column input of phones (`phone\n...`), made directly rather than by
    /// sniffing the file, for tests that drive the store themselves.
    static func onePhoneColumn(input: String, output: String, provider: String) throws -> JobRecord {
        JobRecord(input: try InputFingerprint.of(path: input), outputPath: output, format: .csv, provider: provider,
                  optionsJSON: "{}", dialect: CSVDialect(), header: ["phone"], phoneColumn: 0, countryColumn: nil,
                  defaultRegion: nil, stage: .ingest, ingestCheckpoint: IngestCheckpoint(offset: 6, nextRow: 2, nextLine: 2),
                  token: "t0k3n")
    }
}

/// phonebatch on a terminal (a pseudo-terminal made by Python's pty module): everything it
/// wrote to the terminal, standard output and error together, comes back as `stdout`. With
/// `answer`, it is typed once the question "[y/N]" shows.
func onATerminal(_ arguments: [String], answering answer: String? = nil, environment: [String: String]) async throws -> ProcessResult {
    let script = """
        import os, pty, sys
        answer, argv = sys.argv[1].encode(), sys.argv[2:]
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(argv[0], argv)
        seen = b""
        while answer and b"[y/N]" not in seen:
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            seen += chunk
        if answer:
            os.write(fd, answer + b"\\n")
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        _, status = os.waitpid(pid, 0)
        sys.stdout.buffer.write(seen)
        sys.exit(os.waitstatus_to_exitcode(status))
        """
    return try await runProcessAside("/usr/bin/env", ["python3", "-c", script, answer ?? "", TestPaths.binary] + arguments,
                                     environment: environment)
}

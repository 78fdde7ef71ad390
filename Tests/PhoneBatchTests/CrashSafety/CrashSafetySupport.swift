import Foundation
import Testing
@testable import PhoneBatch
import PhoneBatchSandbox

/// A phonebatch process started in the background, to signal or kill while it works.
final class LaunchedProcess: Sendable {
    private let process: Process
    private let stderrPath: String
    private let finished: AsyncStream<Int32>

    /// Starts the phonebatch binary with `environment` added to this process's; standard
    /// error goes to a file beside the job (a pipe nobody reads could block it).
    init(_ arguments: [String], environment: [String: String], stderrPath: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let (stream, continuation) = AsyncStream<Int32>.makeStream(bufferingPolicy: .bufferingNewest(1))
        process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
        try process.run()
        self.process = process
        self.stderrPath = stderrPath
        finished = stream
    }

    /// A test that fails early must not leave its process talking to a sandbox being stopped.
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    var pid: Int32 { process.processIdentifier }

    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// What it has written on standard error so far.
    var stderrSoFar: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Waits for the exit; returns its status and what it wrote on standard error.
    func wait() async -> (status: Int32, stderr: String) {
        var status: Int32 = -1
        for await code in finished { status = code }
        let stderr = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
        return (status, stderr)
    }
}

/// Waits, checking every 20 ms, until `condition` holds: a wait on something observable (a
/// row in the job's database), never a guess at how long something takes. A condition that
/// throws (the database not made yet) does not hold.
func waitUntil(_ what: String, timeout: Double = 60, _ condition: () throws -> Bool,
               sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    while !((try? condition()) ?? false) {
        guard Date() < deadline else {
            Issue.record("timed out waiting for \(what)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// Waits, checking every 20 ms, until the sandbox's ledger for `provider` counts at least
/// `count` of `key` (`numbers_submitted`, `billable` ...): the provider has acted.
func waitForLedger(_ harness: AdapterHarness, _ provider: ProviderKey, _ key: String, atLeast count: Int64,
                   _ what: String, timeout: Double = 120, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    while await harness.ledger(provider)[key]?.intValue ?? 0 < count {
        guard Date() < deadline else {
            Issue.record("timed out waiting for \(what)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// One integer from the job's database, read through a read-only connection of its own.
func query(_ database: String, _ sql: String) throws -> Int64 {
    let connection = try SQLiteConnection(path: database, readOnly: true)
    let statement = try connection.prepare(sql)
    defer { statement.reset() }
    guard try statement.step() else { return 0 }
    return statement.int64(0)
}

/// One text from the job's database, nil for NULL or no row.
func queryText(_ database: String, _ sql: String) throws -> String? {
    let connection = try SQLiteConnection(path: database, readOnly: true)
    let statement = try connection.prepare(sql)
    defer { statement.reset() }
    guard try statement.step() else { return nil }
    return statement.optionalString(0)
}

/// The rows of a CSV output with the time column blanked: two runs of one job must agree
/// on everything else.
func comparableRows(_ path: String) throws -> [[String]] {
    let records = try readAll(path).fields
    guard let header = records.first, let time = header.firstIndex(of: "pb_checked_at") else { return records }
    return records.enumerated().map { index, row in
        guard index > 0, time < row.count else { return row }
        var row = row
        row[time] = ""
        return row
    }
}

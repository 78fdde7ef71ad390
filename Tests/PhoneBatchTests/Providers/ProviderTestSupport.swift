import AsyncHTTPClient
import Foundation
import Logging
import Testing
@testable import PhoneBatch
@testable import PhoneBatchSandbox

/// What a session wrote, kept in memory for the adapter tests (the runs write it to SQLite).
actor RequestBook: BatchRecorder {
    private(set) var records: [RequestRecord] = []
    private(set) var references: [Int64: String] = [:]

    func recordRequest(_ record: RequestRecord) { records.append(record) }
    func rememberReference(batchID: Int64, providerRef: String) { references[batchID] = providerRef }

    func count(_ endpoint: String, status: Int? = nil) -> Int {
        records.filter { $0.endpoint == endpoint && (status == nil || $0.status == status) }.count
    }
}

/// A sandbox served on an ephemeral loopback port, an HTTP client, and settings that point a
/// provider at the sandbox with test-sized timeouts and polls.
struct AdapterHarness: Sendable {
    let sandbox: InProcessSandbox
    let client: HTTPClient
    let book = RequestBook()

    static func run<T: Sendable>(_ knobs: SandboxKnobs = SandboxKnobs(),
                                 _ body: @Sendable (AdapterHarness) async throws -> T) async throws -> T {
        let sandbox = try await InProcessSandbox.start(knobs: knobs, logger: Logger(label: "sandbox", factory: { _ in SwiftLogNoOpLogHandler() }))
        let harness = AdapterHarness(sandbox: sandbox, client: ProviderHTTPClient.make(limits: ProviderLimits(batchSize: 1, requestsPerSecond: 1, maxInFlight: 8)))
        do {
            let value = try await body(harness)
            try await harness.client.shutdown()
            await sandbox.stop()
            return value
        } catch {
            try? await harness.client.shutdown()
            await sandbox.stop()
            throw error
        }
    }

    /// Test-sized pacing for every provider, then `extra` (`TIMEOUT_SECONDS` ...) for `provider`.
    static func fastSettings(_ provider: String, _ extra: [String: String] = [:]) -> [String: String] {
        var values = ["TIMEOUT_SECONDS": "15", "POLL_SECONDS": "0.05", "MAX_POLL_SECONDS": "0.2", "REQUESTS_PER_SECOND": "1000",
                      "MAX_ATTEMPTS": "3", "MAX_IN_FLIGHT": "8"]
        if provider == "accuauth" { values["RECHECK_SECONDS"] = "0.05" }
        values.merge(extra) { $1 }
        return Dictionary(uniqueKeysWithValues: values.map { ("PHONEBATCH_\(provider.uppercased())_\($0.key)", $0.value) })
    }

    func environment(_ provider: String, _ extra: [String: String] = [:]) -> [String: String] {
        sandbox.environment.merging(Self.fastSettings(provider, extra)) { $1 }
    }

    func settings(_ provider: String, _ extra: [String: String] = [:]) -> ProviderSettings {
        // Only the sandbox and these values: nothing from the machine's environment.
        (try! Configuration(path: nil, environment: environment(provider, extra))).settings(for: provider)
    }

    func session(_ provider: any Provider, batch: Int64 = 1) -> ProviderSession {
        ProviderSession(client: client, lane: Lane(requestsPerSecond: provider.limits.requestsPerSecond), limits: provider.limits,
                        provider: provider.name, batchID: batch, recorder: book, logger: Logger(label: "test"))
    }

    func ledger(_ provider: ProviderKey) async -> JSONValue {
        await sandbox.sandbox.ledger.summary()[provider.rawValue] ?? .null
    }
}

/// A batch of `phones` (E.164 or national with a region), as the engine would hand it over.
func workBatch(_ phones: [String], id: Int64 = 1, attempt: Int = 1, providerRef: String? = nil,
               submittedAt: Double? = nil) -> WorkBatch {
    var normalizer = PhoneNormalizer(wantLocation: false)
    let numbers: [NumberToCheck] = phones.compactMap { text in
        guard case .parsed(let number) = normalizer.check(text, region: nil) else { return nil }
        return NumberToCheck(e164: number.e164, region: number.region, national: number.national, type: number.type,
                             isValid: number.isValid)
    }
    return WorkBatch(id: id, reference: "pb-test-\(id)", attempt: attempt, numbers: numbers, providerRef: providerRef,
                     submittedAt: submittedAt, polls: 0)
}

/// Valid numbers from many countries.
let sampleNumbers = [
    "+447400123456", "+447911123456", "+33612345678", "+4915123456789", "+12025550143", "+61412345678",
    "+5215512345678", "+34612345678", "+390612345678", "+81312345678", "+919876543210", "+5511987654321",
]

extension BatchOutcome {
    var answers: [ProviderAnswer] {
        if case .answered(let answers) = self { return answers }
        return []
    }

    var providerRef: String? {
        if case .accepted(let ref) = self { return ref }
        return nil
    }

    var isPending: Bool {
        if case .pending = self { return true }
        return false
    }

    var isAgain: Bool {
        if case .again = self { return true }
        return false
    }
}

/// Runs `body` and expects it to stop the run for `reason`.
func expectStop(_ reason: StopReason, _ body: () async throws -> Void,
                sourceLocation: SourceLocation = #_sourceLocation) async throws {
    do {
        try await body()
        Issue.record("expected a stop (\(reason.rawValue))", sourceLocation: sourceLocation)
    } catch let stop as ProviderStop {
        #expect(stop.reason == reason, sourceLocation: sourceLocation)
    }
}

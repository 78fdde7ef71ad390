import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// What a worker's requests for one batch go through: the lane's pace, a timeout and a size
/// cap on every answer, retries with backoff, and a line in the job's event log for every
/// request sent. Adapters see only `send` and `remember`.
public struct ProviderSession: Sendable {
    let client: HTTPClient
    let lane: Lane
    let limits: ProviderLimits
    let provider: String
    let batchID: Int64
    let recorder: any BatchRecorder
    let logger: Logger
    var backoff = Backoff()
    /// Asked between tries: an interrupted run gives the batch back instead of waiting to retry.
    var interruption = Interruption()

    init(client: HTTPClient, lane: Lane, limits: ProviderLimits, provider: String, batchID: Int64,
         recorder: any BatchRecorder, logger: Logger) {
        self.client = client
        self.lane = lane
        self.limits = limits
        self.provider = provider
        self.batchID = batchID
        self.recorder = recorder
        self.logger = logger
    }

    /// Records the provider's own reference for the batch, committed before the caller goes
    /// on: a crash after this finds the batch at the provider instead of creating it twice.
    public func remember(providerRef: String) async throws {
        try await recorder.rememberReference(batchID: batchID, providerRef: providerRef)
    }

    /// Sends `request` until it gets an answer its `classify` accepts. Throws `ProviderStop`
    /// when the answer says the run cannot go on, `TransientFailure` when the tries run out.
    public func send(_ request: ProviderRequest) async throws -> ProviderResponse {
        var lastProblem = ""
        for attempt in 1...max(1, limits.maxAttempts) {
            try await lane.permit()
            let started = Date()
            let outcome: Result<ProviderResponse, Error>
            do {
                outcome = .success(try await execute(request))
            } catch {
                outcome = .failure(error)
            }
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            var pause: Double?
            switch outcome {
            case .failure(let error):
                lastProblem = Self.describe(error, timeout: limits.requestTimeout)
                try await record(request, status: 0, milliseconds: milliseconds, units: 0, attempt: attempt, error: lastProblem)
            case .success(let response):
                if let limit = response.header("X-Rate-Limit-Limit").flatMap(Int.init) { await lane.adopt(limitPerMinute: limit) }
                let verdict = request.classify(response)
                let units = response.isSuccess ? request.units(response) : 0
                let problem: String? = switch verdict {
                case .accept: nil
                case .retry(let reason, _): reason
                case .stop(let reason): "stop: \(reason.rawValue)"
                }
                try await record(request, status: response.status, milliseconds: milliseconds, units: units, attempt: attempt,
                                 error: problem)
                switch verdict {
                case .accept:
                    await lane.succeeded()
                    return response
                case .stop(let reason):
                    throw ProviderStop(provider: provider, reason: reason, detail: Self.summary(of: response))
                case .retry(let reason, let throttle):
                    lastProblem = reason
                    pause = Self.pauseSeconds(response)
                    if throttle { await lane.throttle(pauseSeconds: pause) }
                }
            }
            guard attempt < limits.maxAttempts else { break }
            try interruption.check()
            let wait = max(backoff.delay(retry: attempt - 1), pause ?? 0)
            logger.debug("\(provider) \(request.endpoint): \(lastProblem); retrying in \(Int(wait * 1000)) ms")
            try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
        }
        throw TransientFailure(reason: "\(request.endpoint): \(lastProblem) (\(limits.maxAttempts) tries)")
    }

    /// One try and no retry, for a request that must never be repeated by accident (a call
    /// to a person). Returns the answer, whatever its status; throws `RequestLost` when none
    /// came, saying whether the request may have reached the provider.
    public func sendOnce(_ request: ProviderRequest) async throws -> ProviderResponse {
        try await lane.permit()
        let started = Date()
        do {
            let response = try await execute(request)
            let units = response.isSuccess ? request.units(response) : 0
            try await record(request, status: response.status, milliseconds: Int(Date().timeIntervalSince(started) * 1000),
                             units: units, attempt: 1, error: response.isSuccess ? nil : "HTTP \(response.status)")
            return response
        } catch {
            let problem = Self.describe(error, timeout: limits.requestTimeout)
            try await record(request, status: 0, milliseconds: Int(Date().timeIntervalSince(started) * 1000), units: 0,
                             attempt: 1, error: problem)
            throw RequestLost(reason: problem, mayHaveArrived: !RequestLost.neverConnected(error))
        }
    }

    /// One request with the whole exchange (head and body) under the timeout, the body
    /// refused beyond the size cap.
    private func execute(_ request: ProviderRequest) async throws -> ProviderResponse {
        var http = HTTPClientRequest(url: request.url)
        http.method = .init(rawValue: request.method)
        for (name, value) in request.headers { http.headers.add(name: name, value: value) }
        if let body = request.body { http.body = .bytes(ByteBuffer(bytes: body)) }
        let client = client, cap = limits.maxAnswerBytes, prepared = http
        return try await Deadline.run(seconds: limits.requestTimeout) {
            let response = try await client.execute(prepared, timeout: .seconds(Int64(max(1, limits.requestTimeout.rounded(.up)))))
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: cap)
            } catch is NIOTooManyBytesError {
                throw AnswerTooLarge(limit: cap)
            }
            return ProviderResponse(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                                    body: Array(body.readableBytesView))
        }
    }

    private func record(_ request: ProviderRequest, status: Int, milliseconds: Int, units: Int, attempt: Int,
                        error: String?) async throws {
        try await recorder.recordRequest(RequestRecord(
            provider: provider, batchID: batchID, endpoint: request.endpoint, method: request.method, status: status,
            milliseconds: milliseconds, units: units, attempt: attempt, error: error))
    }

    /// Seconds the provider asked us to wait: Retry-After (seconds), else X-Rate-Limit-Reset
    /// (UTC epoch seconds).
    static func pauseSeconds(_ response: ProviderResponse) -> Double? {
        if let retryAfter = response.header("Retry-After").flatMap(Double.init) { return min(retryAfter, 300) }
        if let reset = response.header("X-Rate-Limit-Reset").flatMap(Double.init) {
            return min(max(0, reset - Date().timeIntervalSince1970), 300)
        }
        return nil
    }

    /// What a refusing answer said, short, for the stop message.
    static func summary(of response: ProviderResponse) -> String {
        let text = String(decoding: response.body.prefix(300), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ")
        return "HTTP \(response.status): \(text)"
    }

    static func describe(_ error: Error, timeout: Double) -> String {
        switch error {
        case is DeadlineExceeded: return "no answer within \(timeout) s"
        case let large as AnswerTooLarge: return "answer larger than \(large.limit) bytes refused"
        case let client as HTTPClientError: return "transport: \(client)"
        default: return "transport: \(error)"
        }
    }
}

/// An answer bigger than the cap: refused rather than held in memory.
struct AnswerTooLarge: Error {
    let limit: Int
}

/// One request, as the event log keeps it.
public struct RequestRecord: Sendable {
    public var provider: String
    public var batchID: Int64
    /// The adapter's name for the call; never the URL (it may carry a key).
    public var endpoint: String
    public var method: String
    /// The HTTP status; 0 when no answer came (timeout, dropped connection).
    public var status: Int
    public var milliseconds: Int
    public var units: Int
    /// 1 for the first try of this request, 2 for its first retry ...
    public var attempt: Int
    public var error: String?
}

/// Where a session writes what it did: the job's database.
public protocol BatchRecorder: Sendable {
    func recordRequest(_ record: RequestRecord) async throws
    func rememberReference(batchID: Int64, providerRef: String) async throws
}

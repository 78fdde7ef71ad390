import Foundation

/// Accuauth: one number a request, answered at once or as a task to poll.
/// `POST {url}/check/phone_number/o1` (form field `phone_number`, the country prefix without
/// a plus) answers `OK` with a result, or `PENDING` with a `task_id` valid for 24 hours;
/// `POST {url}/check/phone_number/task_result/o1` with the `task_id` answers HTTP 400
/// `PENDING` while the check runs (not an error) and `OK` when done. `line_abnormal` and
/// `temp_unavailable` mean "try later": the number is checked again, a few times.
public struct AccuauthProvider: Provider {
    public let name = "accuauth"
    public let limits: ProviderLimits
    let base: String
    let apiID: String
    let apiSecret: String
    /// How long to wait before checking again a line that was abnormal or unavailable.
    let recheckSeconds: Double
    /// Checks of one number before a transient verdict is taken as it is.
    let maxChecks: Int

    static let taskLifetime: Double = 24 * 3600
    static let defaultLimits = ProviderLimits(batchSize: 1, requestsPerSecond: 10, maxInFlight: 8, firstPoll: 1,
                                              maxPollInterval: 30)

    public init(settings: ProviderSettings) throws {
        base = try settings.baseURL() + "/check/phone_number"
        apiID = try settings.require("api_id")
        apiSecret = try settings.require("api_secret")
        recheckSeconds = try settings.double("recheck_seconds", in: 0...86_400) ?? 600
        maxChecks = try settings.int("max_checks", in: 1...20) ?? 3
        limits = try Self.defaultLimits.configured(by: settings, maxBatchSize: 1)
    }

    private var headers: [(String, String)] {
        [("X-DF-API-ID", apiID), ("X-DF-API-SECRET", apiSecret), ("Content-Type", "application/x-www-form-urlencoded"),
         ("Accept", "application/json")]
    }

    public func submit(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome {
        guard let number = batch.numbers.first else { return .answered([]) }
        let response = try await session.send(ProviderRequest(
            method: "POST", url: "\(base)/o1", headers: headers,
            body: ProviderRequest.form([("phone_number", String(number.e164))]), endpoint: "check",
            classify: Self.classify, units: { $0.status == 200 ? 1 : 0 }))
        let json = response.json
        let status = json?["status"]?.stringValue ?? ""
        switch status {
        case "OK":
            return outcome(json, for: number, batch: batch)
        case "PENDING":
            // The task id is at the top level; some answers nest it in `result`.
            guard let task = json?["task_id"]?.stringValue ?? json?["result"]?["task_id"]?.stringValue else {
                return .again(reason: "accuauth answered PENDING without a task_id", after: 5)
            }
            return .accepted(providerRef: task)
        case "INVALID_ARGUMENT":
            return .answered([ProviderAnswer(e164: number.e164, lineStatus: .invalid,
                                             providerStatus: "\(status): \(json?["reason"]?.stringValue ?? "")",
                                             answer: json ?? .null)])
        default:
            return .again(reason: "accuauth: \(ProviderSession.summary(of: response))", after: 5)
        }
    }

    public func poll(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome {
        guard let number = batch.numbers.first, let task = batch.providerRef else { return .again(reason: "no task", after: 0) }
        // A task is valid for 24 hours: past that, the number is checked afresh.
        if let submitted = batch.submittedAt, Date().timeIntervalSince1970 - submitted > Self.taskLifetime {
            return .again(reason: "accuauth task \(task) passed its 24-hour deadline", after: 0)
        }
        let response = try await session.send(ProviderRequest(
            method: "POST", url: "\(base)/task_result/o1", headers: headers,
            body: ProviderRequest.form([("task_id", task)]), endpoint: "task_result", classify: Self.classify))
        let json = response.json
        switch json?["status"]?.stringValue ?? "" {
        case "OK": return outcome(json, for: number, batch: batch)
        case "PENDING": return .pending
        default: return .again(reason: "accuauth lost task \(task): \(ProviderSession.summary(of: response))", after: 0)
        }
    }

    private func outcome(_ json: JSONValue?, for number: NumberToCheck, batch: WorkBatch) -> BatchOutcome {
        let phoneStatus = json?["result"]?["phone_status"]?.stringValue ?? ""
        if Self.isTransient(phoneStatus), batch.attempt < maxChecks {
            return .again(reason: "phone_status \(phoneStatus): checking again later", after: recheckSeconds)
        }
        return .answered([ProviderAnswer(e164: number.e164, lineStatus: Self.lineStatus(phoneStatus),
                                         providerStatus: phoneStatus, answer: json ?? .null)])
    }

    static func isTransient(_ phoneStatus: String) -> Bool {
        phoneStatus == "line_abnormal" || phoneStatus == "temp_unavailable"
    }

    static func lineStatus(_ phoneStatus: String) -> LineStatus {
        switch phoneStatus {
        case "connected", "ring": .connected
        case "empty": .disconnected
        case "busy": .busy
        case "turned_off", "outside_service_area": .unreachable
        default: .unknown
        }
    }

    /// 401 (UNAUTHORIZED, KEY_EXPIRED), 403 NO_PERMISSION and OUT_OF_QUOTA stop the run;
    /// 403 RATE_LIMIT_EXCEEDED slows the lane; 400 (PENDING, INVALID_ARGUMENT) is the adapter's.
    @Sendable static func classify(_ response: ProviderResponse) -> ResponseClass {
        let code = response.json?["status"]?.stringValue ?? ""
        switch (response.status, code) {
        case (401, _): return .stop(.credentials)
        case (403, "RATE_LIMIT_EXCEEDED"): return .retry(reason: "403 RATE_LIMIT_EXCEEDED", throttle: true)
        case (403, "OUT_OF_QUOTA"): return .stop(.quota)
        case (403, _): return .stop(.permission)
        case (400, _): return .accept
        default: return ResponseClass.standard(response)
        }
    }
}

import Foundation

/// Delpha: one asynchronous job per number, OAuth2 client credentials.
/// `POST {url}/v1/phone` with `{"phone":"+E164"}` answers 202 with a `job_id`;
/// `GET {url}/v1/phone/{job_id}` answers 202 while running, 200 with the result, 504 when the
/// job timed out (submitted again). `status` comes as a string or as the integer 202.
public struct DelphaProvider: Provider {
    public let name = "delpha"
    public let limits: ProviderLimits
    let jobs: String
    let tokenURL: String
    let clientID: String
    let clientSecret: String
    let token = DelphaToken()

    /// No published rate limit: a moderate default the config can raise.
    static let defaultLimits = ProviderLimits(batchSize: 1, requestsPerSecond: 10, maxInFlight: 8, firstPoll: 1,
                                              maxPollInterval: 30)

    public init(settings: ProviderSettings) throws {
        jobs = try settings.baseURL() + "/v1/phone"
        tokenURL = try settings.require("token_url")
        clientID = try settings.require("client_id")
        clientSecret = try settings.require("client_secret")
        limits = try Self.defaultLimits.configured(by: settings, maxBatchSize: 1)
    }

    public func submit(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome {
        guard let number = batch.numbers.first else { return .answered([]) }
        let response = try await authorized(session) { bearer in
            ProviderRequest(method: "POST", url: jobs,
                            headers: [("Authorization", bearer), ("Content-Type", "application/json"), ("Accept", "application/json")],
                            body: ProviderRequest.json(["phone": .string(number.e164Text)]), endpoint: "submit",
                            classify: Self.classify, units: { $0.status == 202 ? 1 : 0 })
        }
        let json = response.json
        if response.status == 400 {
            // The provider's verdict on this number: settled, not retried.
            let message = json?["message"]?.stringValue ?? "HTTP 400"
            return .answered([ProviderAnswer(e164: number.e164, lineStatus: .invalid, providerStatus: message,
                                             answer: json ?? .null)])
        }
        guard let jobID = json?["job_id"]?.stringValue, Self.isAccepted(json?["status"]) else {
            return .again(reason: "delpha did not take the job: \(ProviderSession.summary(of: response))", after: 5)
        }
        return .accepted(providerRef: jobID)
    }

    public func poll(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome {
        guard let number = batch.numbers.first, let jobID = batch.providerRef else { return .again(reason: "no job", after: 0) }
        let response = try await authorized(session) { bearer in
            ProviderRequest(method: "GET", url: "\(jobs)/\(FormEncoding.escape(jobID))",
                            headers: [("Authorization", bearer), ("Accept", "application/json")], endpoint: "poll",
                            classify: Self.classifyPoll)
        }
        switch response.status {
        case 202: return .pending
        case 504: return .again(reason: "delpha job \(jobID) timed out", after: 0)
        case 200: break
        default: return .again(reason: "delpha lost job \(jobID): \(ProviderSession.summary(of: response))", after: 0)
        }
        guard let json = response.json, let result = json["result"] else {
            return .again(reason: "delpha sent no result for job \(jobID)", after: 5)
        }
        return .answered([Self.answer(result, envelope: json, for: number)])
    }

    /// Sends a request with the cached token; on a 401 fetches a new token once and sends
    /// again; a second 401 stops the run.
    private func authorized(_ session: ProviderSession,
                            _ make: @Sendable (String) -> ProviderRequest) async throws -> ProviderResponse {
        let cached = try await token.current { try await fetchToken(session) }
        let first = try await session.send(make("Bearer \(cached)"))
        guard first.status == 401 else { return first }
        await token.invalidate(cached)
        let fresh = try await token.current { try await fetchToken(session) }
        let second = try await session.send(make("Bearer \(fresh)"))
        guard second.status == 401 else { return second }
        throw ProviderStop(provider: name, reason: .credentials, detail: ProviderSession.summary(of: second))
    }

    private func fetchToken(_ session: ProviderSession) async throws -> (String, Double) {
        let response = try await session.send(ProviderRequest(
            method: "POST", url: tokenURL,
            headers: [("Authorization", "Basic " + Base64.encode("\(clientID):\(clientSecret)")),
                      ("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
            body: ProviderRequest.form([("grant_type", "client_credentials"), ("scope", "api/access")]),
            endpoint: "token",
            classify: { response in
                // invalid_client and its kin: the credentials are wrong.
                response.status == 400 || response.status == 401 ? .stop(.credentials) : ResponseClass.standard(response)
            }))
        guard let json = response.json, let value = json["access_token"]?.stringValue else {
            throw TransientFailure(reason: "delpha token endpoint sent no access_token")
        }
        return (value, Double(json["expires_in"]?.intValue ?? 3600))
    }

    /// 401 is the adapter's (a new token first); 402: no credits; 400: the number's verdict.
    @Sendable static func classify(_ response: ProviderResponse) -> ResponseClass {
        response.status == 401 ? .accept : ResponseClass.standard(response)
    }

    /// On a poll, 504 ("Job timed out.") and 500 "Failed to retrieve job." mean: submit again.
    @Sendable static func classifyPoll(_ response: ProviderResponse) -> ResponseClass {
        if response.status == 401 || response.status == 504 { return .accept }
        if response.status == 500, response.json?["message"]?.stringValue?.contains("Failed to retrieve job") == true {
            return .accept
        }
        return ResponseClass.standard(response)
    }

    /// "SUCCESS" in the current document, 202 in the older one.
    static func isAccepted(_ status: JSONValue?) -> Bool {
        guard let status else { return true }
        if let text = status.stringValue { return text.uppercased() == "SUCCESS" || text == "202" }
        if let code = status.intValue { return code == 202 || code == 200 }
        return false
    }

    /// Delpha scores the number's quality; it does not test the line, so a valid number's
    /// line status is unknown. A validity of -1 means the number is not valid.
    static func answer(_ result: JSONValue, envelope: JSONValue, for number: NumberToCheck) -> ProviderAnswer {
        let validity = result["scores"]?["validity"]?.doubleValue
        let type = result["phone_type"]?.stringValue ?? "UNKNOWN"
        let providerStatus = "\(type); validity \(validity.map { String(format: "%g", $0) } ?? "?")"
        return ProviderAnswer(e164: number.e164, lineStatus: (validity ?? 0) < 0 ? .invalid : .unknown,
                              carrier: result["carrier"]?.stringValue, timezone: result["timezone"]?.stringValue,
                              providerStatus: providerStatus, answer: envelope)
    }
}


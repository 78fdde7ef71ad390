import Foundation

/// Xverify Phone Confirm on the wire: `GET {url}/services/phoneconfirm/placecall/` calls a
/// number and reads a code; `GET {url}/services/phoneconfirm/verifycode/` checks the code the
/// person typed against the call's transaction number. The key and the trusted domain travel
/// in the query string, so a URL is never logged: requests are named by endpoint only.
///
/// Settings (`[xverify]`, `PHONEBATCH_XVERIFY_*`): `url`, `apikey`, `domain`, and
/// `max_calls_per_minute` (the cap no run may exceed, 30 by default), with the usual
/// `requests_per_second`, `timeout_seconds` and `max_attempts` for verification.
public struct XverifyClient: Sendable {
    public static let name = ConfirmColumns.provider
    public let limits: ProviderLimits
    /// The most calls a minute any run may place.
    public let maxCallsPerMinute: Double
    let base: String
    let apiKey: String
    let domain: String

    /// One call every two seconds: the default pace, and the default cap.
    public static let defaultCallsPerMinute: Double = 30
    static let defaultLimits = ProviderLimits(batchSize: 1, requestsPerSecond: 5, maxInFlight: 1, maxAttempts: 4)

    public init(settings: ProviderSettings) throws {
        base = try settings.baseURL() + "/services/phoneconfirm"
        apiKey = try settings.require("apikey")
        domain = try settings.require("domain")
        maxCallsPerMinute = try settings.double("max_calls_per_minute", in: 0.01...60_000) ?? Self.defaultCallsPerMinute
        limits = try Self.defaultLimits.configured(by: settings, maxBatchSize: 1)
    }

    // MARK: Placing a call

    /// The placecall request for `call`, with the run's call parameters.
    func placeCall(_ call: ClaimedCall, parameters: CallParameters) -> ProviderRequest {
        var query: [(String, String)] = [("phone", call.e164Text)]
        if let region = call.region { query.append(("country_code", region)) }
        query.append(("code", call.code))
        query.append(("type", parameters.responseFormat.rawValue))
        if let count = parameters.redialCount { query.append(("redial_count", String(count))) }
        if let interval = parameters.redialIntervalSeconds { query.append(("redial_interval", String(interval))) }
        // The documented spelling (one client writes call_place_time).
        if let time = parameters.callAt { query.append(("call_place_tile", time)) }
        return ProviderRequest(method: "GET", url: url("placecall", query), endpoint: "placecall",
                               units: { Self.isPlaced($0) ? 1 : 0 })
    }

    /// What a placecall answer means for the call. Throws when the run must stop: the key or
    /// domain is not trusted (503), the account has no credits, the URL is wrong.
    func readPlacement(_ response: ProviderResponse) throws -> CallOutcome {
        switch response.status {
        case 200..<300:
            guard let answer = XverifyAnswer.parse(response.body) else {
                return .inDoubt(reason: "in doubt: Xverify's answer could not be read (\(Self.excerpt(response))); the call may have been placed")
            }
            if !answer.isError && answer.isValid {
                return .placed(transaction: answer.transactionNumber, message: answer.message ?? "call placed")
            }
            let said = Self.said(answer)
            if said.lowercased().contains("credit") {
                throw ProviderStop(provider: Self.name, reason: .credits, detail: said)
            }
            return .refused(message: "refused: \(said)")
        case 429:
            return .notSent(reason: "HTTP 429 rate limited", after: ProviderSession.pauseSeconds(response) ?? 30)
        case 400..<500:
            try Self.stopOnConfiguration(response)
            return .refused(message: "refused: HTTP \(response.status) \(Self.excerpt(response))")
        default:
            try Self.stopOnConfiguration(response)
            return .inDoubt(reason: "in doubt: HTTP \(response.status) from Xverify; the call may have been placed")
        }
    }

    static func isPlaced(_ response: ProviderResponse) -> Bool {
        guard response.isSuccess, let answer = XverifyAnswer.parse(response.body) else { return false }
        return !answer.isError && answer.isValid
    }

    // MARK: Verifying a code

    /// The verifycode request: a read, safe to send again.
    func verifyCode(transaction: String, code: String, format: ResponseFormat) -> ProviderRequest {
        ProviderRequest(method: "GET",
                        url: url("verifycode", [("transaction_number", transaction), ("code", code), ("type", format.rawValue)]),
                        endpoint: "verifycode", classify: Self.classifyVerification)
    }

    /// 503 is the adapter's (a configuration stop); the rest as every provider.
    @Sendable static func classifyVerification(_ response: ProviderResponse) -> ResponseClass {
        [401, 403, 404, 503].contains(response.status) ? .accept : ResponseClass.standard(response)
    }

    /// What Xverify said of a code. `expired` is read from the message: the documents give no
    /// code for it.
    func readVerification(_ response: ProviderResponse) throws -> (CheckStatus, String) {
        try Self.stopOnConfiguration(response)
        guard response.isSuccess, let answer = XverifyAnswer.parse(response.body) else {
            return (.error, "Xverify's answer could not be read: HTTP \(response.status) \(Self.excerpt(response))")
        }
        let message = answer.message ?? ""
        if message.lowercased().contains("expire") { return (.expired, message) }
        if answer.isError { return (.error, Self.said(answer)) }
        return answer.isValid ? (.verified, message) : (.wrongCode, message)
    }

    // MARK: Shared

    /// A 503 means an untrusted key or domain (the vendor's words); 401, 403 and 404 a wrong
    /// key or URL. None is the number's fault, and none passes by waiting.
    static func stopOnConfiguration(_ response: ProviderResponse) throws {
        switch response.status {
        case 503:
            throw PhoneBatchError.configuration(
                "xverify refused the API key or domain (HTTP 503: not trusted); check PHONEBATCH_XVERIFY_APIKEY and PHONEBATCH_XVERIFY_DOMAIN (or apikey and domain in [xverify] of the config): the domain must be one the account trusts; then run the same command again")
        case 401, 403:
            throw PhoneBatchError.configuration(
                "xverify refused the credentials (HTTP \(response.status)); check PHONEBATCH_XVERIFY_APIKEY and PHONEBATCH_XVERIFY_DOMAIN, then run the same command again")
        case 404:
            throw PhoneBatchError.configuration(
                "xverify answered 404: PHONEBATCH_XVERIFY_URL (or url in [xverify]) does not point at Phone Confirm; fix it, then run the same command again")
        default:
            return
        }
    }

    static func said(_ answer: XverifyAnswer) -> String {
        let message = answer.message.map { $0.isEmpty ? "no message" : $0 } ?? "no message"
        return answer.isError && !answer.error.isEmpty ? "\(message) (error \(answer.error))" : message
    }

    static func excerpt(_ response: ProviderResponse) -> String {
        String(decoding: response.body.prefix(120), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
    }

    private func url(_ endpoint: String, _ query: [(String, String)]) -> String {
        let all = query + [("apikey", apiKey), ("domain", domain)]
        return "\(base)/\(endpoint)/?" + all.map { "\(FormEncoding.escape($0.0))=\(FormEncoding.escape($0.1))" }.joined(separator: "&")
    }
}

/// The format Xverify answers in (`type=`).
public enum ResponseFormat: String, Sendable, CaseIterable {
    case json
    case xml
}

/// What `confirm verify` writes in `pb_confirm_status`.
public enum CheckStatus: String, Sendable, CaseIterable {
    case verified
    case wrongCode = "wrong_code"
    case expired
    case error
}

/// What an answer means for the request that got it. The HTTP-wide rules are here, once;
/// each adapter adds its provider's own (Accuauth's HTTP 400 PENDING is not an error,
/// Experian's 403 means no credits left ...) and falls back to `standard`.
public enum ResponseClass: Sendable, Equatable {
    /// Hand the answer to the adapter.
    case accept
    /// Transient: try again after a backoff. `throttle` slows the whole lane (a rate limit).
    case retry(reason: String, throttle: Bool)
    /// The run cannot go on until the user acts.
    case stop(StopReason)

    /// 2xx and the other 4xx: the adapter reads them. 408, 429 and 5xx: retried, a 429
    /// slowing the lane. 401 and 402: the run stops.
    @Sendable public static func standard(_ response: ProviderResponse) -> ResponseClass {
        switch response.status {
        case 401: return .stop(.credentials)
        case 402: return .stop(.credits)
        case 429: return .retry(reason: "HTTP 429 rate limited", throttle: true)
        case 408: return .retry(reason: "HTTP 408 request timeout", throttle: false)
        case 500...599: return .retry(reason: "HTTP \(response.status)", throttle: false)
        default: return .accept
        }
    }
}

/// Why a provider stops the run: nothing will work until the user does something.
public enum StopReason: String, Sendable, Equatable {
    case credentials
    case credits
    case quota
    case permission
    /// The provider kept failing until the batch ran out of attempts.
    case unavailable
}

/// The run stops: the provider refuses to work (or cannot) until the user acts. Answers in
/// flight are recorded first, and `phonebatch resume DB` goes on after the fix.
public struct ProviderStop: Error, Sendable, Equatable, CustomStringConvertible {
    public var provider: String
    public var reason: StopReason
    /// What the provider said, verbatim (never a credential).
    public var detail: String

    public init(provider: String, reason: StopReason, detail: String) {
        self.provider = provider
        self.reason = reason
        self.detail = detail
    }

    /// How the user goes on once the cause is fixed: Phone Confirm's calls are resumed by
    /// running their command again (consent included), every other job by `resume`.
    var resume: String {
        provider == ConfirmColumns.provider ? "run the same command again" : "run `phonebatch resume DB`"
    }

    public var description: String {
        let upper = provider.uppercased()
        switch reason {
        case .credentials:
            return "\(provider) refused the credentials (\(detail)); check PHONEBATCH_\(upper)_* or the [\(provider)] section of the config, then \(resume)"
        case .credits:
            return "\(provider) says the account has no credits left (\(detail)); top it up, then \(resume)"
        case .quota:
            return "\(provider) says the account's quota is used up (\(detail)); wait for it to renew or raise it, then \(resume)"
        case .permission:
            return "\(provider) says this account may not use the API (\(detail)); ask the vendor to enable it, then \(resume)"
        case .unavailable:
            return "\(provider) kept failing (\(detail)); nothing is lost: \(resume) later"
        }
    }
}

/// A request that kept failing in a way that may pass: its batch is given back for later.
public struct TransientFailure: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

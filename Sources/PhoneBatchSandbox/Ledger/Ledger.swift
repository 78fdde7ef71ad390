import PhoneBatch

/// What each provider imitation was asked and charged, for tests and rehearsals to check
/// against (`GET /_sandbox/ledger`): requests by endpoint and status, numbers submitted and
/// how many were sent more than once, and the units billed.
public actor Ledger {
    private struct ProviderBook {
        var requests: [String: [Int: Int]] = [:]
        var submissions: [String: Int] = [:]
        var billable = 0
    }

    private var books: [ProviderKey: ProviderBook] = [:]

    public init() {}

    public func recordRequest(_ provider: ProviderKey, endpoint: String, status: Int) {
        books[provider, default: ProviderBook()].requests[endpoint, default: [:]][status, default: 0] += 1
    }

    /// A number submitted for checking (keyed as the provider would see it: E.164 when it parses).
    public func recordSubmission(_ provider: ProviderKey, number: String) {
        books[provider, default: ProviderBook()].submissions[number, default: 0] += 1
    }

    public func recordBillable(_ provider: ProviderKey, units: Int) {
        books[provider, default: ProviderBook()].billable += units
    }

    public func reset() {
        books = [:]
    }

    /// One object per provider key, every key present.
    public func summary() -> JSONValue {
        .object(ProviderKey.allCases.map { key in
            let book = books[key] ?? ProviderBook()
            let requests: JSONValue = .object(book.requests.keys.sorted().map { endpoint in
                (endpoint, .object(book.requests[endpoint]!.keys.sorted().map { status in
                    (String(status), .int(book.requests[endpoint]![status]!))
                }))
            })
            return (key.rawValue, [
                "requests": requests,
                "numbers_submitted": .int(book.submissions.values.reduce(0, +)),
                "distinct_numbers": .int(book.submissions.count),
                "resubmitted_numbers": .int(book.submissions.values.filter { $0 > 1 }.count),
                "billable": .int(book.billable),
            ])
        })
    }
}

/// The five imitated providers, by the key the ledger and the environment use.
public enum ProviderKey: String, CaseIterable, Sendable {
    case harmony, experian, delpha, accuauth, xverify
}

import Foundation

/// Delpha's OAuth2 bearer token, shared by every worker: fetched with the client
/// credentials, kept until shortly before it expires, fetched again when the API says 401.
actor DelphaToken {
    private var token: String?
    private var expires = Date.distantPast
    /// A fetch under way, so that workers that all need a token wait for one request.
    private var fetching: Task<(String, TimeInterval), Error>?

    /// Seconds before the stated expiry at which the token is no longer used.
    static let margin: TimeInterval = 60

    func current(fetch: @escaping @Sendable () async throws -> (String, TimeInterval)) async throws -> String {
        if let token, Date() < expires { return token }
        if let fetching { return try await fetching.value.0 }
        let task = Task { try await fetch() }
        fetching = task
        defer { fetching = nil }
        let (value, lifetime) = try await task.value
        token = value
        expires = Date().addingTimeInterval(max(0, lifetime - Self.margin))
        return value
    }

    /// The API refused `used`: forget it (unless another worker already replaced it).
    func invalidate(_ used: String) {
        if token == used {
            token = nil
            expires = .distantPast
        }
    }
}

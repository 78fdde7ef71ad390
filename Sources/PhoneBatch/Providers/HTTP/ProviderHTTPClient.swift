import AsyncHTTPClient
import NIOCore

/// The HTTP client a run's provider calls share.
enum ProviderHTTPClient {
    static func make(limits: ProviderLimits) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        // Enough connections for every request in flight, so none waits for a free one.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(8, limits.maxInFlight * 2)
        configuration.timeout.connect = .seconds(Int64(max(1, min(30, limits.requestTimeout))))
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .enabled(limit: .size(limits.maxAnswerBytes))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Runs `body` with a client made for `limits`, shut down after it however it ends.
    static func using<T>(limits: ProviderLimits, _ body: (HTTPClient) async throws -> T) async throws -> T {
        let client = make(limits: limits)
        do {
            let value = try await body(client)
            try await client.shutdown()
            return value
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

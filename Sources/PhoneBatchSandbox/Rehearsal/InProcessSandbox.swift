import Hummingbird
import Logging

/// A sandbox served by this process on an ephemeral loopback port, for `run --sandbox`: the
/// provider is pointed at it through the same `PHONEBATCH_*` settings a real one uses.
public struct InProcessSandbox: Sendable {
    public let baseURL: String
    public let sandbox: Sandbox
    private let server: Task<Void, Never>

    /// Starts the server and returns once it listens.
    public static func start(knobs: SandboxKnobs = SandboxKnobs(), logger: Logger) async throws -> InProcessSandbox {
        let sandbox = Sandbox(knobs: knobs)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = try sandbox.application(host: "127.0.0.1", port: 0, logger: logger) { port in continuation.yield(port) }
        let server = Task {
            do {
                try await app.run()
            } catch {
                logger.error("the in-process sandbox stopped: \(error)")
            }
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw SandboxError.profile("the in-process sandbox did not start") }
        return InProcessSandbox(baseURL: "http://127.0.0.1:\(port)", sandbox: sandbox, server: server)
    }

    /// The settings that point every provider at this sandbox.
    public var environment: [String: String] {
        Dictionary(SandboxCredentials.environment(baseURL: baseURL).map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
    }

    public func stop() async {
        server.cancel()
        await server.value
    }
}

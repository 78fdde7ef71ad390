import Hummingbird
import Logging

/// The five provider imitations on one loopback HTTP server, with the knobs, the ledger and
/// the clock they share. Tests start it in-process on an ephemeral port; `phonebatch
/// sandbox` runs it until interrupted.
public struct Sandbox: Sendable {
    public let knobs: SandboxKnobs
    public let ledger = Ledger()
    public let clock = SandboxClock()
    private let faults: FaultInjector

    public init(knobs: SandboxKnobs = SandboxKnobs()) {
        self.knobs = knobs
        faults = FaultInjector(knobs: knobs, clock: clock)
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        HarmonyImitation(
            endpoint: ProviderEndpoint(provider: .harmony, name: "validate_phone", faults: faults, ledger: ledger,
                                       errorResponse: HarmonyImitation.error),
            seed: knobs.seed
        ).register(on: router)
        AdminRoutes(ledger: ledger, clock: clock).register(on: router)
        return router
    }

    /// The server, bound to `host` (loopback only) and `port` (0 for any free one);
    /// `onListening` hears the port once it is bound.
    public func application(host: String, port: Int, logger: Logger,
                            onListening: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        guard LoopbackAddress.isLoopback(host) else { throw SandboxError.notLoopback(host) }
        return Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "phonebatch-sandbox"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }
}

public enum SandboxError: Error, Equatable, CustomStringConvertible {
    case notLoopback(String)

    public var description: String {
        switch self {
        case .notLoopback(let host):
            return "the sandbox serves loopback only, not \(host) (use 127.0.0.1 or ::1)"
        }
    }
}

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
    private let credits: CreditMeter
    private let accuauthTasks = AccuauthTasks()
    private let delphaState = DelphaState()
    private let xverifyCalls = XverifyCalls()
    private let experianBatches = ExperianBatches()

    public init(knobs: SandboxKnobs = SandboxKnobs()) {
        self.knobs = knobs
        faults = FaultInjector(knobs: knobs, clock: clock)
        credits = CreditMeter(credits: knobs.credits)
    }

    /// Tops up a provider's credits, as a user would their account after a stop.
    public func topUp(_ provider: ProviderKey, units: Int) async {
        await credits.topUp(provider, units: units)
    }

    private func endpoint(_ provider: ProviderKey, _ name: String,
                          _ fault: @escaping @Sendable (FaultInjector.Fault) -> Response) -> ProviderEndpoint {
        var endpoint = ProviderEndpoint(provider: provider, name: name, faults: faults, ledger: ledger, faultResponse: fault)
        if knobs.holdAnswerEndpoints?.contains(name) ?? true {
            endpoint.holdAnswerSeconds = knobs.holdAnswerSeconds
        }
        return endpoint
    }

    public func router() -> Router<SandboxRequestContext> {
        let router = Router(context: SandboxRequestContext.self)
        HarmonyImitation(endpoint: endpoint(.harmony, "validate_phone", HarmonyImitation.fault), credits: credits, seed: knobs.seed)
            .register(on: router)
        func experian(_ name: String) -> ProviderEndpoint {
            var endpoint = endpoint(.experian, name, ExperianImitation.fault)
            endpoint.advertisesRateLimit = true
            return endpoint
        }
        ExperianImitation(create: experian("create"), list: experian("list"), status: experian("status"),
                          start: experian("start"), results: experian("results"), stop: experian("stop"),
                          batches: experianBatches, credits: credits, clock: clock, knobs: knobs)
            .register(on: router)
        AccuauthImitation(check: endpoint(.accuauth, "check", AccuauthImitation.fault),
                          taskResult: endpoint(.accuauth, "task_result", AccuauthImitation.fault),
                          tasks: accuauthTasks, credits: credits, clock: clock, knobs: knobs)
            .register(on: router)
        DelphaImitation(token: endpoint(.delpha, "token", DelphaImitation.fault),
                        submit: endpoint(.delpha, "submit", DelphaImitation.fault),
                        poll: endpoint(.delpha, "poll", DelphaImitation.fault),
                        state: delphaState, credits: credits, clock: clock, knobs: knobs)
            .register(on: router)
        XverifyImitation(place: endpoint(.xverify, "placecall", XverifyImitation.fault),
                         verify: endpoint(.xverify, "verifycode", XverifyImitation.fault),
                         calls: xverifyCalls, credits: credits, clock: clock, knobs: knobs)
            .register(on: router)
        let (ledger, tasks, delpha, calls, batches) = (ledger, accuauthTasks, delphaState, xverifyCalls, experianBatches)
        AdminRoutes(clock: clock, ledger: ledger, topUp: { [credits] provider, units in await credits.topUp(provider, units: units) }) {
            await ledger.reset()
            await batches.reset()
            await tasks.reset()
            await delpha.reset()
            await calls.reset()
        }.register(on: router)
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
    case profile(String)

    public var description: String {
        switch self {
        case .notLoopback(let host):
            return "the sandbox serves loopback only, not \(host) (use 127.0.0.1 or ::1)"
        case .profile(let problem):
            return problem
        }
    }
}

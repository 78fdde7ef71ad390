import Foundation
import Hummingbird
import PhoneBatch

/// The sandbox's own endpoints, under `/_sandbox`: the ledger, a reset, and the clock.
struct AdminRoutes {
    let clock: SandboxClock
    let ledger: Ledger
    /// Adds credits to a provider's account.
    let topUp: @Sendable (ProviderKey, Int) async -> Void
    /// Empties the ledger and every imitation's state.
    let reset: @Sendable () async -> Void

    func register(on router: Router<SandboxRequestContext>) {
        router.get("/_sandbox/ledger") { _, _ in
            Response.json(.ok, await ledger.summary())
        }
        router.post("/_sandbox/reset") { _, _ in
            await reset()
            return Response.json(.ok, ["reset": .bool(true)])
        }
        router.post("/_sandbox/credits") { request, _ in
            guard let units = try? JSONDecoder().decode([String: Int].self, from: Data(try await request.bodyBytes())),
                  units.keys.allSatisfy({ ProviderKey(rawValue: $0) != nil }) else {
                return Response.json(.badRequest, ["error": .string("send {\"provider\": units, ...}")])
            }
            for (provider, count) in units { await topUp(ProviderKey(rawValue: provider)!, count) }
            return Response.json(.ok, ["topped_up": .bool(true)])
        }
        router.post("/_sandbox/clock") { request, _ in
            struct Move: Decodable { var advance_seconds: Double }
            guard let move = try? JSONDecoder().decode(Move.self, from: Data(try await request.bodyBytes())) else {
                return Response.json(.badRequest, ["error": .string("send {\"advance_seconds\": N}")])
            }
            await clock.advance(by: move.advance_seconds)
            return Response.json(.ok, ["offset_seconds": .double(await clock.offsetSeconds)])
        }
    }
}

import AsyncHTTPClient
import Logging

/// Places a job's calls, one at a time, at the pace every process shares. Each call is
/// claimed (committed, with its slot) before the wait and the request, and its outcome is
/// committed before the next is claimed. A call whose request may have reached Xverify
/// without an answer recorded is in doubt, and is never placed again on its own: a person
/// must not be called twice because a network or a process failed.
struct CallPlacer {
    let queue: ConfirmQueue
    let client: XverifyClient
    let http: HTTPClient
    let parameters: CallParameters
    /// Seconds between two calls.
    let interval: Double
    let logger: Logger
    let interruption: Interruption
    var backoff = Backoff(base: 1, cap: 300)

    func run() async throws {
        // A crashed run's claims end now; another process's, should it die, when its lease runs out.
        try await queue.releaseDeadLeases()
        let abandoned = try await queue.settleAbandonedCalls()
        if abandoned > 0 {
            logger.warning("\(abandoned) calls were being placed when phonebatch stopped; they are in doubt and are not placed again (--retry-in-doubt places them again)")
        }
        // The pace is the calls' own; the lane only keeps requests from bunching.
        let lane = Lane(requestsPerSecond: max(client.limits.requestsPerSecond, 1 / interval))
        var unsent = 0
        while !interruption.isRequested {
            _ = try await queue.settleAbandonedCalls()
            guard let call = try await queue.claimCall(interval: interval, requestSeconds: client.limits.requestTimeout) else {
                guard let wait = try await queue.secondsUntilNextCall() else { break }
                try await interruption.sleep(seconds: min(max(wait, 0.01), 5))
                continue
            }
            try await interruption.sleep(seconds: call.waitSeconds)
            if interruption.isRequested {
                try await queue.giveBackCall(call, reason: "interrupted before the call was placed")
                break
            }
            let outcome = try await place(call, lane: lane)
            try await queue.recordCall(call, outcome: outcome, parameters: parameters.audit)
            report(outcome, of: call)
            if case .notSent(let reason, _) = outcome {
                unsent += 1
                if unsent >= client.limits.maxAttempts {
                    throw ProviderStop(provider: XverifyClient.name, reason: .unavailable,
                                       detail: "\(unsent) calls in a row could not be sent, last: \(reason)")
                }
            } else {
                unsent = 0
            }
        }
        try interruption.check()
    }

    /// One try at one call. A stop (an untrusted key, no credits) gives the call back, unsent,
    /// and ends the run.
    private func place(_ call: ClaimedCall, lane: Lane) async throws -> CallOutcome {
        let session = ProviderSession(client: http, lane: lane, limits: client.limits, provider: XverifyClient.name,
                                      batchID: call.id, recorder: queue, logger: logger)
        do {
            let response = try await session.sendOnce(client.placeCall(call, parameters: parameters))
            return try client.readPlacement(response)
        } catch let lost as RequestLost {
            guard lost.mayHaveArrived else {
                return .notSent(reason: lost.reason, after: backoff.delay(retry: call.attempt, random: 1))
            }
            return .inDoubt(reason: "in doubt: \(lost.reason); the call may have been placed (--retry-in-doubt places it again)")
        } catch {
            try await queue.giveBackCall(call, reason: String(describing: error))
            throw error
        }
    }

    private func report(_ outcome: CallOutcome, of call: ClaimedCall) {
        switch outcome {
        case .placed(let transaction, _):
            logger.info("call \(call.id) to \(call.e164Text) placed (transaction \(transaction ?? "none"))")
        case .refused(let message):
            logger.warning("call \(call.id) to \(call.e164Text) \(message)")
        case .inDoubt(let reason):
            logger.warning("call \(call.id) to \(call.e164Text) \(reason)")
        case .notSent(let reason, let after):
            logger.warning("call \(call.id) to \(call.e164Text) not sent (\(reason)); trying again in \(Int(after)) s")
        }
    }
}

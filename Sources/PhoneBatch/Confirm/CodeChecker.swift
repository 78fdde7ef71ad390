import AsyncHTTPClient
import Logging

/// Checks the codes of one verify input with Xverify, one at a time through the lane. Each
/// check is claimed (committed) before its request and recorded after it; checking a code is
/// a read, so a check caught in between by a crash is simply sent again.
struct CodeChecker {
    let queue: ConfirmQueue
    let client: XverifyClient
    let http: HTTPClient
    let inputID: Int64
    let format: ResponseFormat
    let logger: Logger
    let interruption: Interruption
    var backoff = Backoff(base: 1, cap: 300)

    /// Tries of one code, each with the session's own retries, before it is given up on.
    static let maxChecks = 3

    func run() async throws {
        let lane = Lane(requestsPerSecond: client.limits.requestsPerSecond)
        let leaseSeconds = SubmitEngine.leaseSeconds(for: client.limits)
        while !interruption.isRequested {
            guard let check = try await queue.claimCheck(inputID: inputID, leaseSeconds: leaseSeconds) else {
                guard let wait = try await queue.secondsUntilNextCheck(inputID: inputID) else { break }
                try await interruption.sleep(seconds: min(max(wait, 0.01), 5))
                continue
            }
            var session = ProviderSession(client: http, lane: lane, limits: client.limits, provider: XverifyClient.name,
                                          batchID: check.callID ?? 0, recorder: queue, logger: logger)
            session.interruption = interruption
            do {
                let response = try await session.send(client.verifyCode(transaction: check.transaction, code: check.code,
                                                                        format: format))
                let (status, message) = try client.readVerification(response)
                try await queue.recordCheck(check, status: status, message: message)
            } catch let failure as TransientFailure {
                guard check.attempt < Self.maxChecks else {
                    try await queue.recordCheck(check, status: .error, message: "no answer from Xverify after \(check.attempt) tries: \(failure.reason)")
                    continue
                }
                let wait = backoff.delay(retry: check.attempt, random: 1)
                logger.warning("code of row \(check.rowNo): \(failure.reason); checking again in \(Int(wait)) s")
                try await queue.giveBackCheck(check, reason: failure.reason, after: wait)
            } catch {
                // A stop (an untrusted key) or an interruption between tries: the code waits.
                try await queue.giveBackCheck(check, reason: String(describing: error), after: 0)
                throw error
            }
        }
        try interruption.check()
    }
}

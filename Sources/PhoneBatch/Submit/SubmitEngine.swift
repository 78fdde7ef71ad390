import AsyncHTTPClient
import Foundation
import Logging

/// Submits and polls one provider's batches until every number is settled, as many at once
/// as the provider's lane allows. The database is the queue: a worker claims a batch
/// (committed), asks the provider, and records the outcome (committed) before it takes the
/// next. Submitting and polling take turns when both are due, so neither starves.
///
/// A stop (bad credentials, no credits, quota) ends the claiming of new work; the batches in
/// flight finish and are recorded, and the stop is thrown for the command to report. An
/// interruption (SIGINT, SIGTERM) does the same, and a batch waiting to retry is given back
/// at once rather than waited for.
public struct SubmitEngine: Sendable {
    let queue: WorkQueue
    let provider: any Provider
    let client: HTTPClient
    let lane: Lane
    let logger: Logger
    let interruption: Interruption
    public var backoff = Backoff(base: 1, cap: 300)

    public init(queue: WorkQueue, provider: any Provider, client: HTTPClient, logger: Logger,
                interruption: Interruption = Interruption()) {
        self.queue = queue
        self.provider = provider
        self.client = client
        self.lane = Lane(requestsPerSecond: provider.limits.requestsPerSecond)
        self.logger = logger
        self.interruption = interruption
    }

    /// How long a claim holds: longer than the slowest submission (every try of a few
    /// requests timing out), so that a live worker never loses its batch to another.
    public static func leaseSeconds(for limits: ProviderLimits) -> Double {
        Double(limits.maxAttempts) * (limits.requestTimeout + 30) * 3 + 60
    }

    private enum Step: Sendable {
        case finished
        case stopped(ProviderStop)
        case failed(any Error)
        case wake
    }

    public func run() async throws {
        let released = try await queue.releaseDeadLeases()
        if released > 0 { logger.warning("took over \(released) batches from a run that stopped without finishing them") }
        let limits = provider.limits
        var failure: (any Error)?
        var stop: ProviderStop?
        try await withThrowingTaskGroup(of: Step.self) { group in
            var inFlight = 0
            var timerArmed = false
            var preferPoll = false
            while true {
                let winding = stop != nil || failure != nil || interruption.isRequested
                while !winding, inFlight < limits.maxInFlight {
                    guard let claimed = try await queue.next(preferPoll: preferPoll) else { break }
                    preferPoll.toggle()
                    inFlight += 1
                    group.addTask { await perform(claimed) }
                }
                // Only asked when a worker is free and nothing could be claimed: not on the hot path.
                let idle = winding || inFlight >= limits.maxInFlight ? nil : try await queue.secondsUntilNextWork()
                if inFlight == 0 {
                    guard let idle else { break }
                    // Nothing in flight: wait for the next poll or deferred retry to fall due
                    // (at most 5 s, so that work another process leaves is seen soon).
                    try await interruption.sleep(seconds: min(max(idle, 0.01), 5))
                    continue
                }
                if !timerArmed, let idle {
                    timerArmed = true
                    group.addTask {
                        try? await Task.sleep(for: .milliseconds(Int(min(max(idle, 0.01), 30) * 1000)))
                        return .wake
                    }
                }
                guard let step = try await group.next() else { break }
                switch step {
                case .wake:
                    timerArmed = false
                case .finished:
                    inFlight -= 1
                case .stopped(let reason):
                    inFlight -= 1
                    if stop == nil {
                        stop = reason
                        logger.warning("\(reason.provider) refused to go on (\(reason.reason.rawValue)); finishing the \(inFlight) batches in flight")
                    }
                case .failed(let error):
                    inFlight -= 1
                    failure = failure ?? error
                }
            }
            group.cancelAll()
        }
        if let failure { throw failure }
        if let stop {
            try await queue.recordStop(stop)
            throw PhoneBatchError.providerStopped(stop)
        }
        try interruption.check()
    }

    /// One step on one batch: submit (or recover) it, or poll it; then record what came of it.
    private func perform(_ claimed: ClaimedBatch) async -> Step {
        var session = ProviderSession(client: client, lane: lane, limits: provider.limits, provider: provider.name,
                                      batchID: claimed.id, recorder: queue, logger: logger)
        session.interruption = interruption
        let started = Timestamp.monotonic()
        do {
            let outcome = try await step(claimed, session: session)
            try await apply(outcome, to: claimed, milliseconds: Int((Timestamp.monotonic() - started) * 1000))
            return .finished
        } catch let stop as ProviderStop {
            do {
                try await setAside(claimed, reason: stop.description, after: 0)
            } catch {
                return .failed(error)
            }
            return .stopped(stop)
        } catch is Interruption.Requested {
            // Stopped between tries: back to the queue, to be sent again on resume.
            do {
                try await setAside(claimed, reason: "interrupted", after: 0)
            } catch {
                return .failed(error)
            }
            return .finished
        } catch let error where Self.isFatal(error) {
            return .failed(error)
        } catch {
            // Transient, or an answer that made no sense: this batch waits, the others go on.
            let reason = String(describing: error)
            do {
                if claimed.purpose == .submit, claimed.attempt >= provider.limits.maxBatchAttempts {
                    try await setAside(claimed, reason: reason, after: 0)
                    return .stopped(ProviderStop(provider: provider.name, reason: .unavailable,
                                                 detail: "batch \(claimed.id) failed \(claimed.attempt) times, last: \(reason)"))
                }
                let wait = claimed.purpose == .poll
                    ? provider.limits.pollInterval(after: claimed.work.polls + 1)
                    : backoff.delay(retry: claimed.attempt, random: Double.random(in: 0.5..<1))
                logger.warning("\(provider.name) batch \(claimed.id): \(reason); trying again in \(Int(wait)) s")
                try await setAside(claimed, reason: reason, after: wait)
            } catch {
                return .failed(error)
            }
            return .finished
        }
    }

    private func step(_ claimed: ClaimedBatch, session: ProviderSession) async throws -> BatchOutcome {
        let batch = claimed.work
        switch claimed.purpose {
        case .poll:
            return try await provider.poll(batch, session: session)
        case .submit:
            guard claimed.wasInDoubt || batch.providerRef != nil else {
                return try await provider.submit(batch, session: session)
            }
            if let found = try await provider.recover(batch, session: session) {
                try await queue.recordEvent("batch_adopted", batchID: batch.id, detail: ["attempt": .int(batch.attempt)])
                return found
            }
            if claimed.wasInDoubt {
                // The provider cannot say whether the earlier request arrived: send again,
                // and say so, for the auditor counting possible duplicates.
                try await queue.recordEvent("batch_resent", batchID: batch.id, detail: [
                    "attempt": .int(batch.attempt), "possible_duplicate": .bool(true), "numbers": .int(batch.numbers.count),
                ])
            }
            var fresh = batch
            fresh.providerRef = nil
            return try await provider.submit(fresh, session: session)
        }
    }

    private func apply(_ outcome: BatchOutcome, to claimed: ClaimedBatch, milliseconds: Int) async throws {
        switch outcome {
        case .answered(let answers):
            try await queue.recordAnswers(answers, for: claimed, elapsedMilliseconds: milliseconds)
        case .accepted(let providerRef):
            try await queue.markAccepted(claimed, providerRef: providerRef, pollAfter: provider.limits.firstPoll)
        case .pending:
            if claimed.purpose == .poll {
                try await queue.schedulePoll(claimed, after: provider.limits.pollInterval(after: claimed.work.polls + 1), error: nil)
            } else {
                try await queue.giveBack(claimed, reason: "not ready", after: provider.limits.firstPoll, forgetReference: false)
            }
        case .again(let reason, let after):
            try await queue.giveBack(claimed, reason: reason, after: after, forgetReference: true)
        }
    }

    /// A batch that could not be worked on now: a submission goes back to the queue (keeping
    /// the provider's reference, if it has one, to be recovered), a poll is rescheduled.
    private func setAside(_ claimed: ClaimedBatch, reason: String, after: Double) async throws {
        if claimed.purpose == .poll {
            try await queue.schedulePoll(claimed, after: after, error: reason)
        } else {
            try await queue.giveBack(claimed, reason: reason, after: after, forgetReference: false)
        }
    }

    /// Errors of the database or of the run itself: the run ends with them.
    static func isFatal(_ error: any Error) -> Bool {
        error is PhoneBatchError || error is SQLiteError || error is CancellationError
    }
}

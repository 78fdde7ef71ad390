import Foundation
import PhoneBatch

/// Delpha's issued tokens and submitted jobs.
actor DelphaState {
    struct Job {
        var result: JSONValue
        var ready: Date
        var timesOut: Bool
    }

    private var tokens: [String: Date] = [:]
    private var jobs: [String: Job] = [:]

    func issueToken(expiring: Date) -> String {
        let token = HexID.make() + HexID.make()
        tokens[token] = expiring
        return token
    }

    func tokenIsValid(_ token: String, at now: Date) -> Bool {
        guard let expiry = tokens[token] else { return false }
        return now < expiry
    }

    func add(_ job: Job) -> String {
        let id = HexID.make()
        jobs[id] = job
        return id
    }

    func job(_ id: String) -> Job? { jobs[id] }

    func reset() {
        tokens = [:]
        jobs = [:]
    }
}

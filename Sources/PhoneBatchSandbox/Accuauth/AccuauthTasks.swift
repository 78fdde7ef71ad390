import Foundation

/// Accuauth's pending checks, and how many times each number has been checked (a line that
/// was `line_abnormal` or `temp_unavailable` settles when checked again).
actor AccuauthTasks {
    struct Task {
        var phoneNumber: String
        var status: String
        var created: Date
        var ready: Date
    }

    private var tasks: [String: Task] = [:]
    private var checks: [String: Int] = [:]

    /// How many times `number` has been checked, counting this one.
    func countCheck(_ number: String) -> Int {
        checks[number, default: 0] += 1
        return checks[number]!
    }

    func add(_ task: Task) -> String {
        let id = HexID.make()
        tasks[id] = task
        return id
    }

    func task(_ id: String) -> Task? { tasks[id] }

    func reset() {
        tasks = [:]
        checks = [:]
    }
}

import Foundation
import Glibc
import PhoneBatch

/// The question `run` asks before it spends money: the plan, then "Send N numbers ...? [y/N]".
enum TerminalConfirmation {
    /// The question, or nil when none must be asked: `--yes`, or standard input is not a
    /// terminal (cron, systemd, a pipe), where nobody could answer.
    static func make(skip: Bool, console: Console) -> (@Sendable (JobPlan) async -> Bool)? {
        guard !skip, isatty(STDIN_FILENO) == 1 else { return nil }
        return { plan in
            await console.holdingProgress {
                console.write(plan.text + "\n")
                console.write("Send \(plan.numbersToSend) numbers to \(plan.provider)? [y/N] ")
                guard let answer = readLine() else { return false }
                return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
            }
        }
    }
}

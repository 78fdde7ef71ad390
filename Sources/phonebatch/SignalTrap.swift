import Dispatch
import Foundation
import PhoneBatch

/// SIGINT and SIGTERM for a command that works on a job: the first asks the run to stop
/// (it finishes or gives back what is in flight, records it, and exits 75); if that takes
/// longer than the grace period, or a second signal comes, the process exits 75 at once.
/// Exiting at once is as safe as a SIGKILL: every change is committed before it counts.
final class SignalTrap {
    let interruption = Interruption()
    private var sources: [any DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "phonebatch.signals")

    /// Installs the handlers; they stay as long as this trap.
    init(graceSeconds: Double, console: Console) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            // Handlers run one at a time on `queue`, and signals that come together are
            // coalesced into one call: `data` says how many came.
            source.setEventHandler { [interruption, queue, source] in
                guard !interruption.isRequested, source.data < 2 else { Self.exitNow("stopped at once", console: console) }
                interruption.request()
                console.write("phonebatch: stopping: finishing the work in flight (up to \(Int(graceSeconds)) s; press Ctrl-C again to stop at once)\n")
                queue.asyncAfter(deadline: .now() + graceSeconds) { Self.exitNow("the grace period ran out", console: console) }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Leaves without unwinding: what was in flight is found in doubt on resume.
    private static func exitNow(_ why: String, console: Console) -> Never {
        console.clear()
        StandardError.write("phonebatch: interrupted (\(why)); the database is sound: run `phonebatch resume DB` (or the same command) to finish\n")
        _exit(ExitStatus.interrupted.rawValue)
    }
}

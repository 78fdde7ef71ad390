import Foundation
import Glibc

/// Who holds a lease: a process on a machine, written `host:pid`. A lease ends when it runs
/// out; one held by a process of this machine that no longer exists ends at once.
public struct LeaseOwner: Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let pid: Int32

    /// This process.
    public static func current() -> LeaseOwner {
        LeaseOwner(host: ProcessInfo.processInfo.hostName, pid: getpid())
    }

    public init(host: String, pid: Int32) {
        self.host = host
        self.pid = pid
    }

    /// Reads `host:pid`; nil for anything else.
    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let pid = Int32(text[text.index(after: colon)...]) else { return nil }
        self.init(host: String(text[..<colon]), pid: pid)
    }

    public var description: String { "\(host):\(pid)" }

    /// True only when the owner was a process of this machine that has exited: another
    /// machine's process (a shared disk) is never declared dead, its lease runs out instead.
    public static func isGone(_ text: String) -> Bool {
        guard let owner = LeaseOwner(text), owner.host == ProcessInfo.processInfo.hostName else { return false }
        return kill(owner.pid, 0) != 0 && errno == ESRCH
    }
}

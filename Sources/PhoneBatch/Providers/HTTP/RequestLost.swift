import AsyncHTTPClient
import NIOCore
import NIOPosix
import Glibc

/// A request that got no answer. Whether it may have reached the provider decides what can
/// be done with it: a request that never had a connection can be sent again safely; any
/// other may have been read (and acted on) before the answer was lost.
public struct RequestLost: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var mayHaveArrived: Bool

    public var description: String { reason }

    /// Errors that happen before a connection exists, so before any byte of the request
    /// left: the connection was refused or timed out. Everything else (a timeout waiting for
    /// the answer, a connection dropped midway) may have come after the provider read it.
    static func neverConnected(_ error: any Error) -> Bool {
        if error is NIOConnectionError { return true }
        if let client = error as? HTTPClientError, client == .connectTimeout { return true }
        if let channel = error as? ChannelError, case .connectTimeout = channel { return true }
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED { return true }
        return false
    }
}

import Foundation

/// Where this program's own binary is, so that it can start copies of itself as workers.
public enum WorkerExecutable {
    public static var path: String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return FileSystem.absolute(CommandLine.arguments[0])
    }

    /// A write to a worker that died must fail with EPIPE, not kill this process.
    public static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }
}

import Glibc

/// A file written under a temporary name beside its destination and renamed into place
/// when complete, so that a reader never sees half an output and a crash leaves the old one.
public final class OutputFile {
    public let path: String
    private let temporaryPath: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var committed = false
    private static let flushSize = 1 << 20

    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        temporaryPath = "\(directory)/.\(name).tmp-\(getpid())"
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw PhoneBatchError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
        buffer.reserveCapacity(Self.flushSize + (64 << 10))
    }

    deinit {
        close(fd)
        if !committed { unlink(temporaryPath) }
    }

    /// Appends to the pending bytes, writing them out once a megabyte has gathered.
    public func withBuffer(_ body: (inout [UInt8]) -> Void) throws {
        body(&buffer)
        if buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws {
        var written = 0
        try buffer.withUnsafeBytes { bytes in
            while written < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    if errno == ENOSPC { throw PhoneBatchError.diskFull(reason: "writing \(path)") }
                    throw PhoneBatchError.outputNotWritable(path: path, reason: reason)
                }
                written += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left, syncs it to disk and renames it into place.
    public func commit() throws {
        try flush()
        guard fsync(fd) == 0 else {
            throw PhoneBatchError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
        guard rename(temporaryPath, path) == 0 else {
            throw PhoneBatchError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
        committed = true
    }
}

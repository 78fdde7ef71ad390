import Glibc

/// The input file as it was at ingest: export and resume compare it with the file as it is,
/// since the output is built by reading the input again.
public struct InputFingerprint: Sendable, Equatable {
    public var path: String
    public var size: Int64
    public var sha256: String

    /// Reads the whole file once.
    public static func of(path: String) throws -> InputFingerprint {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw PhoneBatchError.inputNotFound(path: path) }
            throw PhoneBatchError.inputUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var hash = SHA256()
        var size: Int64 = 0
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let n = read(fd, chunk.baseAddress, chunk.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw PhoneBatchError.inputUnreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            hash.update(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            size += Int64(n)
        }
        return InputFingerprint(path: path, size: size, sha256: hash.finalizeHex())
    }
}

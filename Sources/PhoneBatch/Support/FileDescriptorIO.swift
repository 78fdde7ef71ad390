import Glibc

/// Blocking reads and writes of whole frames on a pipe: a u32 length, then that many bytes.
enum FrameIO {
    enum Failure: Error {
        case closed
        case system(String)
    }

    static func write(_ payload: [UInt8], to fd: Int32) throws {
        var frame: [UInt8] = []
        frame.reserveCapacity(payload.count + 4)
        frame.appendInteger(UInt32(payload.count))
        frame.append(contentsOf: payload)
        try frame.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { throw Failure.closed }
                    throw Failure.system(String(cString: strerror(errno)))
                }
                written += n
            }
        }
    }

    /// The next frame, or nil when the other end closed the pipe between frames.
    static func read(from fd: Int32) throws -> [UInt8]? {
        guard let header = try readExactly(4, from: fd, eofAllowed: true) else { return nil }
        let count = Int(UInt32(littleEndian: header.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }))
        return try readExactly(count, from: fd, eofAllowed: false) ?? []
    }

    private static func readExactly(_ count: Int, from fd: Int32, eofAllowed: Bool) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.system(String(cString: strerror(errno)))
            }
            if n == 0 {
                if filled == 0 && eofAllowed { return nil }
                throw Failure.closed
            }
            filled += n
        }
        return buffer
    }
}

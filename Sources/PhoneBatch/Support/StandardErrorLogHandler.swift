import Foundation
import Logging

/// Writes standard error directly and unbuffered.
public enum StandardError {
    public static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Log lines for a person reading a terminal: `phonebatch: warning: row 57 (line 58) ...`.
public struct StandardErrorLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    /// Where the line goes: standard error, or what shares it with a progress display.
    private let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void = StandardError.write) {
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let prefix = event.level == .info || event.level == .notice ? "" : "\(event.level): "
        var extra = metadata.merging(event.metadata ?? [:]) { $1 }
        extra = extra.filter { !$0.key.isEmpty }
        let suffix = extra.isEmpty ? "" : " " + extra.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        write("phonebatch: \(prefix)\(event.message)\(suffix)\n")
    }
}

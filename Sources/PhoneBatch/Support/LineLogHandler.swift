import Logging

/// Log lines on standard error (or what shares it with a progress display), one per event:
/// - `text`, for a person at a terminal: `phonebatch: warning: row 57 (line 58) ...`;
/// - `json` (`--log-format json`), for log collectors (journald, Loki, a `jq` filter):
///   `{"time":"2026-11-22T03:14:07.123Z","level":"warning","message":"...","metadata":{...}}`.
/// Both carry the same message and metadata, never a secret.
public struct LineLogHandler: LogHandler {
    public enum Format: Sendable {
        case text, json
    }

    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let format: Format
    private let write: @Sendable (String) -> Void

    public init(format: Format = .text, write: @escaping @Sendable (String) -> Void = StandardError.write) {
        self.format = format
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let extra = metadata.merging(event.metadata ?? [:]) { $1 }.filter { !$0.key.isEmpty }.sorted { $0.key < $1.key }
        switch format {
        case .text:
            let prefix = event.level == .info || event.level == .notice ? "" : "\(event.level): "
            let suffix = extra.map { " \($0.key)=\($0.value)" }.joined()
            write("phonebatch: \(prefix)\(event.message)\(suffix)\n")
        case .json:
            var object: [(String, JSONValue)] = [
                ("time", .string(Timestamp.now())), ("level", .string(event.level.rawValue)), ("message", .string("\(event.message)")),
            ]
            if !extra.isEmpty { object.append(("metadata", .object(extra.map { ($0.key, .string("\($0.value)")) }))) }
            write(JSONValue.object(object).text + "\n")
        }
    }
}

import Logging

/// `--log-format json`: one JSON object a line, for log collectors (journald, Loki, a
/// `jq` filter): `{"time":"2026-11-22T03:14:07.123Z","level":"warning","message":"...",
/// "metadata":{...}}`. Never carries a secret: it logs what the text format logs.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void = StandardError.write) {
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let extra = metadata.merging(event.metadata ?? [:]) { $1 }.filter { !$0.key.isEmpty }
        var object: [(String, JSONValue)] = [
            ("time", .string(Timestamp.now())), ("level", .string(event.level.rawValue)), ("message", .string("\(event.message)")),
        ]
        if !extra.isEmpty {
            object.append(("metadata", .object(extra.sorted { $0.key < $1.key }.map { ($0.key, .string("\($0.value)")) })))
        }
        write(JSONValue.object(object).text + "\n")
    }
}

/// The shapes export can write.
public enum OutputFormat: String, Sendable, Codable, CaseIterable {
    /// The input's own CSV dialect, with the result columns appended.
    case csv
    /// One JSON object per line: the header's names as keys, then the result columns.
    case jsonl

    public var fileExtension: String { rawValue }
}

/// Which of three kinds a row of the output is, for `--only` and `--rejects`:
/// - `valid`: a number the local check finds valid, answered by the provider (when the job
///   has one) with a line status other than `disconnected` or `invalid`;
/// - `invalid`: a number found invalid (`invalid`, `unparseable`), or whose line the
///   provider found `disconnected` or `invalid`;
/// - `unchecked`: a row that could not be checked: a malformed row, an empty phone field, or
///   a valid number the provider never answered. These go to the rejects file.
public enum RowVerdict: Sendable, Equatable {
    case valid, invalid, unchecked

    /// `--only`: the rows the output keeps.
    public enum Selection: String, Sendable, CaseIterable {
        case all, valid, invalid

        func keeps(_ verdict: RowVerdict) -> Bool {
            switch self {
            case .all: return true
            case .valid: return verdict == .valid
            case .invalid: return verdict == .invalid
            }
        }
    }

    /// The verdict of a row from its `pb_status` and `pb_line_status`; `sentToProvider`:
    /// the job has a provider, so a valid number should have its answer.
    static func of(status: String, lineStatus: String?, sentToProvider: Bool) -> RowVerdict {
        switch status {
        case "valid":
            if let lineStatus { return ["disconnected", "invalid"].contains(lineStatus) ? .invalid : .valid }
            return sentToProvider ? .unchecked : .valid
        case "invalid", "unparseable":
            return .invalid
        default:
            return .unchecked
        }
    }
}

extension RowVerdict {
    private static let status = ResultColumns.names.firstIndex(of: "pb_status")!
    private static let lineStatus = ResultColumns.names.firstIndex(of: "pb_line_status")!

    /// The verdict of a row from its result values, as the exporter reads them.
    static func of(_ values: [UnsafeRawBufferPointer?], sentToProvider: Bool) -> RowVerdict {
        let text = { (index: Int) in values[index].map { String(decoding: $0, as: UTF8.self) } }
        return of(status: text(status) ?? "", lineStatus: text(lineStatus), sentToProvider: sentToProvider)
    }
}

extension RowHistory {
    /// The history as a person reads it: the row, its number, then each event in order with
    /// its time and batch, the answer, and the output columns.
    public var text: String {
        var lines: [String] = []
        for entry in entries {
            let detail = entry.detail
            switch entry.what {
            case "row":
                lines.append("row \(rowNo) (line \(Self.plain(detail["line"]))): phone \(Self.quoted(detail["phone"]))"
                    + (detail["country"].map { $0 == .null ? "" : ", country \(Self.quoted($0))" } ?? "")
                    + " -> \(Self.plain(detail["status"]))" + Self.suffix("error", detail["error"]))
            case "number":
                let valid = detail["valid"]?.intValue == 1 ? "valid" : "invalid"
                lines.append("  number \(Self.plain(detail["e164"])): \(valid) \(Self.plain(detail["type"])), "
                    + "region \(Self.plain(detail["region"])), \(Self.quoted(detail["national"]))"
                    + "; state \(Self.plain(detail["state"])); first on row \(Self.plain(detail["first_row"]))"
                    + Self.suffix("error", detail["error"]))
            case "result":
                lines.append("  \(entry.at ?? "")  answer from \(Self.plain(detail["provider"]))"
                    + (entry.batchID.map { " (batch \($0))" } ?? "") + ": " + Self.pairs(detail, skipping: ["provider"]))
            case "request":
                let status = detail["status"]?.intValue ?? 0
                lines.append("  \(entry.at ?? "")  batch \(entry.batchID ?? 0)  request \(Self.plain(detail["method"])) "
                    + "\(Self.plain(detail["endpoint"])) -> \(status == 0 ? "no answer" : "HTTP \(status)"), "
                    + "\(Self.plain(detail["ms"])) ms, \(Self.plain(detail["units"])) units, try \(Self.plain(detail["attempt"]))"
                    + Self.suffix("error", detail["error"]))
            default:
                lines.append("  \(entry.at ?? "")  " + (entry.batchID.map { "batch \($0)  " } ?? "")
                    + entry.what.replacingOccurrences(of: "_", with: " ") + (detail == .null ? "" : "  " + Self.pairs(detail)))
            }
        }
        lines.append("  output: " + output.compactMap { name, value in value.map { "\(name)=\($0)" } }.joined(separator: "  "))
        return lines.joined(separator: "\n")
    }

    /// A JSON value as plain text: strings unquoted, null as "-".
    static func plain(_ value: JSONValue?) -> String {
        guard let value, value != .null else { return "-" }
        return value.stringValue ?? value.text
    }

    static func quoted(_ value: JSONValue?) -> String {
        guard let value, value != .null else { return "(none)" }
        return value.text
    }

    static func suffix(_ label: String, _ value: JSONValue?) -> String {
        guard let value, value != .null else { return "" }
        return " (\(label): \(plain(value)))"
    }

    /// `key=value` for each member that is not null.
    static func pairs(_ object: JSONValue, skipping: Set<String> = []) -> String {
        guard case .object(let members) = object else { return object.text }
        return members.filter { !skipping.contains($0.0) && $0.1 != .null }.map { "\($0.0)=\(plain($0.1))" }.joined(separator: " ")
    }
}

/// Where the fields phonebatch reads sit in each row, and how many fields a row must have.
public struct RowLayout: Sendable, Equatable {
    public var fieldCount: Int
    public var phoneColumn: Int
    public var countryColumn: Int?
    public var defaultRegion: String?
    /// Phone Confirm's code column: the code each row's call reads out.
    public var codeColumn: Int? = nil

    /// Why `record` cannot be taken as a row of this layout, or nil when it can.
    func problem(with record: CSVRecord) -> String? {
        var reasons: [String] = []
        if let problem = record.problem { reasons.append(problem.description) }
        if record.fieldCount != fieldCount {
            reasons.append("expected \(fieldCount) fields, found \(record.fieldCount)")
            if record.fieldCount > fieldCount {
                let extra = (fieldCount..<record.fieldCount).map { "'\(record.string($0))'" }
                reasons.append("extra fields: \(extra.joined(separator: ", "))")
            }
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }
}

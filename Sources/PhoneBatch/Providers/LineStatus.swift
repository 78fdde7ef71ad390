/// Whether a line is live, in one vocabulary for every provider (`pb_line_status`). Each
/// adapter maps its provider's own values here; the README has the table.
public enum LineStatus: String, Sendable, CaseIterable {
    /// The network says the number is in service.
    case connected
    /// The number is not in service (unassigned, ceased, dead).
    case disconnected
    /// In service, but the handset could not be reached (switched off, out of coverage, absent).
    case unreachable
    /// The line was busy.
    case busy
    /// The provider has no coverage of the number's network or country.
    case noCoverage = "no_coverage"
    /// The provider says the number is not a valid number.
    case invalid
    /// The provider answered but could not say.
    case unknown
}

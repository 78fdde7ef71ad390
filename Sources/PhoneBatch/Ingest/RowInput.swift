/// The parts of an input row that ingest reads, taken from its CSV record.
struct RowInput: Sendable {
    var rowNo: Int
    var line: Int
    var phone: String?
    var country: String?
    /// The code to read out (Phone Confirm only).
    var code: String? = nil
    /// Why the row is malformed, if it is.
    var problem: String?
}

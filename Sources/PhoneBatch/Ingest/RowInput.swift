/// The parts of an input row that ingest reads, taken from its CSV record.
struct RowInput: Sendable {
    var rowNo: Int
    var line: Int
    var phone: String?
    var country: String?
    /// Why the row is malformed, if it is.
    var problem: String?
}

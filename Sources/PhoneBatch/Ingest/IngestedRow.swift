/// What ingest keeps of one input row (its other fields stay in the input file).
public struct IngestedRow: Sendable {
    public var rowNo: Int
    public var line: Int
    public var phoneRaw: String?
    public var countryRaw: String?
    /// The region used to read a national number.
    public var region: String?
    public var status: RowStatus
    /// What was wrong with the row, if anything (also set for a parsed row whose country
    /// field could not be read).
    public var error: String?
    /// The number's E.164 digits, set when `status` is `.parsed`.
    public var e164: Int64?
    /// What the row's spelling suggests when its number is invalid (an international prefix
    /// left out).
    public var hint: String? = nil
    /// The number's row in `number` (numbered in the order the numbers were first read).
    public var numberID: Int64? = nil
    /// The number's description, on the first row that holds it (the number is new).
    public var newNumber: NumberDescription? = nil
    /// The code its call reads out, trimmed (Phone Confirm only).
    public var code: String? = nil
}

/// The row-level outcome, before the number's own verdict.
public enum RowStatus: String, Sendable {
    /// A phone number was read; valid or invalid is the number's verdict.
    case parsed
    /// The phone field is blank.
    case empty
    /// The phone field cannot be read as a phone number.
    case unparseable
    /// The row itself is broken CSV (an unterminated quote, a wrong number of fields).
    case malformed
}

/// A run of rows committed together, with the checkpoint after them.
public struct IngestChunk: Sendable {
    public var rows: [IngestedRow] = []
    /// Where ingest resumes after this chunk.
    public var checkpoint: IngestCheckpoint
    /// The byte offset this chunk starts at: the checkpoint the database must still hold
    /// for the chunk to be committed (so no two processes ever commit the same rows).
    public var startOffset: Int64

    public init(checkpoint: IngestCheckpoint, startOffset: Int64) {
        self.checkpoint = checkpoint
        self.startOffset = startOffset
    }
}

/// What ingest keeps of one phone field: the number it reads as, or why it reads as none.
public enum PhoneReading: Sendable, Equatable {
    /// The field is blank.
    case empty
    /// The text cannot be read as a phone number at all.
    case unparseable(reason: String)
    /// A phone number, as its E.164 digits; `hint` says what the spelling suggests when the
    /// number is invalid (an international prefix left out).
    case number(e164: Int64, hint: String?, read: NumberRead?)
}

/// Which `number` row a reading's number is: its id (the numbers are numbered in the order
/// they were first read), and its description when this is that first reading.
public struct NumberRead: Sendable, Equatable {
    public var id: Int64
    public var description: NumberDescription?
}

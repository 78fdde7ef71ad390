/// What ingest keeps of one phone field: the number it reads as, or why it reads as none.
public enum PhoneReading: Sendable, Equatable {
    /// The field is blank.
    case empty
    /// The text cannot be read as a phone number at all.
    case unparseable(reason: String)
    /// A phone number, as its E.164 digits; `hint` says what the spelling suggests when the
    /// number is invalid (an international prefix left out). `description` is the number's
    /// verdict, given with the first reading of each number only (the checker knows which
    /// numbers it has read before, so each is described once).
    case number(e164: Int64, hint: String?, description: NumberDescription?)
}

/// What ingest keeps of one phone field, as the checker gives it: the number it reads as, or
/// why it reads as none.
public enum PhoneReading: Sendable, Equatable {
    /// The field is blank.
    case empty
    /// The text cannot be read as a phone number at all.
    case unparseable(reason: String)
    /// A phone number: its E.164 digits; what the spelling suggests when the number is invalid
    /// (an international prefix left out); its row in `number` (numbered in the order the
    /// numbers were first read); and its description, at its first reading only (the checker
    /// knows which numbers it has read, so each is described once).
    case number(e164: Int64, hint: String?, id: Int64, description: NumberDescription?)
}

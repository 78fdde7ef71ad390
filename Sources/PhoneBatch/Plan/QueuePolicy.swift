/// Which numbers wait for a provider. The rest are settled by the local check alone:
/// that is money saved on numbers that cannot be valid.
public enum QueuePolicy: Sendable {
    /// Nothing is sent: the `offline` provider.
    case none
    /// Numbers the local check finds valid.
    case valid
    /// Every number, valid or not (`--send-invalid`).
    case all

    func queues(_ number: NumberDescription) -> Bool {
        switch self {
        case .none: return false
        case .valid: return number.isValid
        case .all: return true
        }
    }
}

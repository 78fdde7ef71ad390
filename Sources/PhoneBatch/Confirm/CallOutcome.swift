/// What came of one try at placing a call.
public enum CallOutcome: Sendable, Equatable {
    /// Xverify took the call: it dials now (or at the time asked).
    case placed(transaction: String?, message: String)
    /// Xverify answered that it will not place it (an invalid number, a bad parameter).
    case refused(message: String)
    /// The request may have reached Xverify and no answer was recorded: the person may be
    /// called. Never placed again unless the user passes `--retry-in-doubt`.
    case inDoubt(reason: String)
    /// The request certainly did not leave, or Xverify turned it away unread (a rate limit):
    /// planned again in `after` seconds.
    case notSent(reason: String, after: Double)

    /// Why a call found mid-placement after a crash is in doubt.
    static let abandonedReason =
        "in doubt: phonebatch stopped while placing this call, which may have been placed; pass --retry-in-doubt to place it again"
}

/// The calls of a Phone Confirm job, by outcome.
public struct CallCounts: Sendable, Equatable {
    public var waiting = 0
    public var placed = 0
    public var refused = 0
    public var inDoubt = 0
    /// Input rows with no call: their number is not valid, or they have no code.
    public var rowsNotCalled = 0

    public var calls: Int { waiting + placed + refused + inDoubt }
}

import Foundation

/// Hands items from one thread to another in order, holding at most `capacity` at a time:
/// the producer waits when it is that far ahead, the consumer when it has caught up.
///
/// `close()` ends the handoff from either side: the producer's next `put` returns false, and
/// the consumer's `take` returns nil once what was put before is taken.
final class BoundedHandoff<Item>: @unchecked Sendable {
    // @unchecked Sendable: `items` and `closed` are guarded by `condition`.
    private let condition = NSCondition()
    private var items: [Item] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Waits for room, then adds `item`. False (and `item` dropped) once closed.
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, waiting for one; nil once closed with none left.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// No more items: wakes both sides.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Closes and drops what is waiting, for a consumer that stops early.
    func abandon() {
        condition.lock()
        closed = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

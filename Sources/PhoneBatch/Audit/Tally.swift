/// Counts by name, summed as rows arrive and read back most first (ties by name, so that
/// the same job always prints the same way).
struct Tally {
    private var counts: [String: Int] = [:]

    mutating func add(_ name: String, _ count: Int) {
        counts[name, default: 0] += count
    }

    var sorted: [(String, Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The `keeping` largest, then their rest summed under `rest` (when there is any).
    func sorted(keeping limit: Int, rest name: String) -> [(String, Int)] {
        let all = sorted
        guard all.count > limit else { return all }
        return Array(all.prefix(limit)) + [(name, all.dropFirst(limit).reduce(0) { $0 + $1.1 })]
    }
}

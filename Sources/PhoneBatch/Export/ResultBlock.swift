/// A run of rows' result values copied out of the database cursor, so that they can be read
/// on another thread after the cursor has moved on.
struct ResultBlock: Sendable {
    let columns: Int
    private(set) var rowNos: [Int] = []
    private var bytes: [UInt8] = []
    /// Per row and column: where its value starts in `bytes`, and its length (-1: NULL).
    private var spans: [(start: Int32, length: Int32)] = []

    init(columns: Int, rows: Int) {
        self.columns = columns
        rowNos.reserveCapacity(rows)
        spans.reserveCapacity(rows * columns)
        bytes.reserveCapacity(rows * columns * 12)
    }

    var count: Int { rowNos.count }

    mutating func append(rowNo: Int, values: [UnsafeRawBufferPointer?]) {
        rowNos.append(rowNo)
        for value in values {
            if let value {
                spans.append((Int32(bytes.count), Int32(value.count)))
                bytes.append(contentsOf: value)
            } else {
                spans.append((0, -1))
            }
        }
    }

    /// Calls `body` with each row's number and values, in order. The values are borrowed:
    /// valid during the call only.
    func forEachRow(_ body: (_ rowNo: Int, _ values: [UnsafeRawBufferPointer?]) throws -> Void) throws {
        try bytes.withUnsafeBytes { base in
            var values = [UnsafeRawBufferPointer?](repeating: nil, count: columns)
            for (row, rowNo) in rowNos.enumerated() {
                for column in 0..<columns {
                    let span = spans[row * columns + column]
                    values[column] = span.length < 0
                        ? nil
                        : UnsafeRawBufferPointer(rebasing: base[Int(span.start)..<Int(span.start + span.length)])
                }
                try body(rowNo, values)
            }
        }
    }
}

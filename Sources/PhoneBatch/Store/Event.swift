/// One line of the job's history, as the `event` table keeps it.
public struct Event: Sendable {
    public var kind: String
    public var rowNo: Int?
    public var e164: Int64?
    public var batchID: Int64?
    public var detail: [(String, JSONValue)]

    public init(kind: String, rowNo: Int? = nil, e164: Int64? = nil, batchID: Int64? = nil,
                detail: KeyValuePairs<String, JSONValue> = [:]) {
        self.kind = kind
        self.rowNo = rowNo
        self.e164 = e164
        self.batchID = batchID
        self.detail = detail.map { ($0.key, $0.value) }
    }

    public init(kind: String, batchID: Int64?, object: JSONValue) {
        self.init(kind: kind, batchID: batchID)
        if case .object(let pairs) = object { detail = pairs }
    }
}

extension Store {
    /// Appends one event. Call it inside the transaction of the change it records.
    public func appendEvent(_ event: Event) throws {
        let insert = try statement("INSERT INTO event (at, kind, row_no, e164, batch_id, detail) VALUES (?, ?, ?, ?, ?, ?)")
        insert.bind(1, Timestamp.now())
        insert.bind(2, event.kind)
        insert.bind(3, event.rowNo)
        insert.bind(4, event.e164)
        insert.bind(5, event.batchID)
        insert.bind(6, event.detail.isEmpty ? nil : JSONValue.object(event.detail).text)
        try insert.run()
    }
}

import Logging

/// Streams the input into the store: one `record` row per input row, one `number` row per
/// distinct number, in chunks that each commit with the checkpoint after them.
///
/// Ingest and normalize run fused, a chunk at a time: parsing while the row is in hand saves
/// a second pass over a million `record` rows, and each chunk is still one transaction.
public final class Ingester {
    private let store: Store
    private let layout: RowLayout
    private let queue: QueuePolicy
    private let logger: Logger
    private let countries = CountryResolver()
    private var countryCache: [String: String?] = [:]
    private var normalizer = PhoneNormalizer()
    /// Rows per transaction: large enough that commits cost little, small enough that a
    /// crash repeats little.
    public var chunkSize = 20_000
    /// Malformed rows reported one by one on the log before they are only counted.
    public var reportLimit = 20

    public init(store: Store, layout: RowLayout, queue: QueuePolicy, logger: Logger) {
        self.store = store
        self.layout = layout
        self.queue = queue
        self.logger = logger
    }

    /// Reads from the checkpoint to the end of the file. Returns how many rows were ingested.
    @discardableResult
    public func run(path: String, dialect: CSVDialect, from checkpoint: IngestCheckpoint) throws -> Int {
        let reader = try CSVReader(path: path, dialect: dialect, startOffset: checkpoint.offset, startLine: checkpoint.nextLine)
        var record = CSVRecord()
        var chunk = IngestChunk(checkpoint: checkpoint)
        chunk.rows.reserveCapacity(chunkSize)
        var rowNo = checkpoint.nextRow
        var ingested = 0
        var malformed = 0
        while try reader.read(into: &record) {
            let row = self.row(from: record, rowNo: rowNo)
            if row.status == .malformed {
                malformed += 1
                if malformed <= reportLimit {
                    logger.warning("row \(rowNo) (line \(record.line)) is malformed: \(row.error ?? "")")
                }
            }
            chunk.rows.append(row)
            rowNo += 1
            chunk.checkpoint = IngestCheckpoint(offset: record.endOffset, nextRow: rowNo, nextLine: reader.currentLine)
            if chunk.rows.count >= chunkSize {
                try store.commitIngestChunk(chunk, queue: queue)
                ingested += chunk.rows.count
                chunk.rows.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.rows.isEmpty {
            try store.commitIngestChunk(chunk, queue: queue)
            ingested += chunk.rows.count
        }
        if malformed > reportLimit {
            logger.warning("\(malformed - reportLimit) more malformed rows; the database has each one (event row_malformed)")
        }
        return ingested
    }

    func row(from record: CSVRecord, rowNo: Int) -> IngestedRow {
        let phone = layout.phoneColumn < record.fieldCount ? record.string(layout.phoneColumn) : nil
        let country = layout.countryColumn.flatMap { $0 < record.fieldCount ? record.string($0) : nil }
        var row = IngestedRow(rowNo: rowNo, line: record.line, phoneRaw: phone, countryRaw: country,
                              region: layout.defaultRegion, status: .malformed, error: nil, number: nil)
        if let problem = layout.problem(with: record) {
            row.error = problem
            return row
        }
        if let country, !country.allSatisfy(\.isWhitespace) {
            if let region = region(for: country) {
                row.region = region
            } else {
                row.error = "unknown country '\(country)'"
                    + (layout.defaultRegion.map { "; read as \($0)" } ?? "")
            }
        }
        switch normalizer.check(phone ?? "", region: row.region) {
        case .empty:
            row.status = .empty
        case .unparseable(let reason):
            row.status = .unparseable
            row.error = row.error.map { "\($0); \(reason)" } ?? reason
        case .parsed(let number):
            row.status = .parsed
            row.number = number
        }
        return row
    }

    private func region(for country: String) -> String? {
        if let cached = countryCache[country] { return cached }
        let region = countries.region(for: country)
        if countryCache.count > 10_000 { countryCache.removeAll() }
        countryCache[country] = region
        return region
    }
}

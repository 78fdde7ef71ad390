import Logging

/// Streams the input into the store: one `record` row per input row, and one `number` row per
/// distinct number (described at its first reading), in chunks that each commit with the
/// checkpoint after them.
///
/// Reading and parsing run as a pipeline: the checker always has the next chunk queued while
/// it works on the current one, and meanwhile this thread reads, prepares and commits.
/// Parsing while the row is in hand saves a second pass over every `record` row, and each
/// chunk is still one transaction.
public final class Ingester {
    private let store: Store
    private let queue: QueuePolicy
    private let checker: any PhoneChecker
    private let logger: Logger
    private let interruption: Interruption
    /// The job lease's holder, renewed with every chunk.
    private let owner: String
    private var preparer: ChunkPreparer
    /// Rows per transaction: large enough that commits cost little, small enough that a
    /// crash repeats little.
    public var chunkSize = 20_000
    /// Told of every chunk committed, for the progress display.
    public var progress: RunProgress?
    /// Malformed rows reported one by one on the log before they are only counted.
    public var reportLimit = 20
    private var malformed = 0
    /// Where this run's time went, once `run` returns.
    public private(set) var timings = IngestTimings()

    public init(store: Store, layout: RowLayout, queue: QueuePolicy, checker: any PhoneChecker, logger: Logger,
                owner: String = LeaseOwner.current().description, interruption: Interruption = Interruption()) {
        self.store = store
        self.owner = owner
        self.interruption = interruption
        self.queue = queue
        self.checker = checker
        self.logger = logger
        preparer = ChunkPreparer(layout: layout)
    }

    /// A chunk whose phones are with the checker.
    private struct InFlight {
        var prepared: ChunkPreparer.Prepared
        var checkpoint: IngestCheckpoint
    }

    /// Reads from the checkpoint to the end of the file. Returns how many rows were ingested.
    /// Stops after the chunk being committed when interrupted (throwing `Interruption.Requested`).
    @discardableResult
    public func run(path: String, dialect: CSVDialect, from checkpoint: IngestCheckpoint) throws -> Int {
        let reader = try CSVReader(path: path, dialect: dialect, startOffset: checkpoint.offset, startLine: checkpoint.nextLine)
        var source = ChunkSource(reader: reader, layout: preparer.layout, from: checkpoint)
        var inFlight: [InFlight] = []
        var ingested = 0
        var exhausted = false
        var committedThrough = checkpoint.offset
        var reading = Stopwatch(), preparing = Stopwatch(), waiting = Stopwatch(), storing = Stopwatch()
        defer {
            timings.reading = reading.seconds
            timings.preparing = preparing.seconds
            timings.waitingForEngine = waiting.seconds
            timings.storing = storing.seconds
            timings.engine = checker.busySeconds
            timings.rows = ingested
        }
        repeat {
            // Keep two chunks with the checker, so it never waits for this thread.
            while !exhausted && inFlight.count < 2 {
                let (inputs, after) = try reading.time { try source.next(chunkSize) }
                if inputs.isEmpty {
                    exhausted = true
                } else {
                    let prepared = preparing.time { preparer.prepare(inputs) }
                    try checker.start(prepared.queries)
                    inFlight.append(InFlight(prepared: prepared, checkpoint: after))
                }
            }
            guard !inFlight.isEmpty else { break }
            let oldest = inFlight.removeFirst()
            var chunk = IngestChunk(checkpoint: oldest.checkpoint, startOffset: committedThrough)
            let checks = try waiting.time { try checker.finish() }
            chunk.rows = preparing.time { preparer.complete(oldest.prepared, with: checks) }
            reportMalformed(chunk.rows)
            try storing.time { try store.commitIngestChunk(chunk, queue: queue, owner: owner) }
            committedThrough = chunk.checkpoint.offset
            ingested += chunk.rows.count
            progress?.read(rows: chunk.rows.count, through: committedThrough)
            try interruption.check()
        } while true
        if malformed > reportLimit {
            logger.warning("\(malformed - reportLimit) more malformed rows; the database has each one (event row_malformed)")
        }
        return ingested
    }

    private func reportMalformed(_ rows: [IngestedRow]) {
        for row in rows where row.status == .malformed {
            malformed += 1
            if malformed <= reportLimit {
                logger.warning("row \(row.rowNo) (line \(row.line)) is malformed: \(row.error ?? "")")
            }
        }
    }
}

/// Reads the input a chunk of rows at a time, keeping only what ingest needs of each.
private struct ChunkSource {
    let reader: CSVReader
    let layout: RowLayout
    /// Where the next row starts.
    var position: IngestCheckpoint
    var record = CSVRecord()

    init(reader: CSVReader, layout: RowLayout, from checkpoint: IngestCheckpoint) {
        self.reader = reader
        self.layout = layout
        self.position = checkpoint
    }

    /// Up to `count` rows, and the checkpoint just after them.
    mutating func next(_ count: Int) throws -> ([RowInput], IngestCheckpoint) {
        var inputs: [RowInput] = []
        inputs.reserveCapacity(count)
        while inputs.count < count, try reader.read(into: &record) {
            inputs.append(RowInput(
                rowNo: position.nextRow, line: record.line,
                phone: layout.phoneColumn < record.fieldCount ? record.string(layout.phoneColumn) : nil,
                country: layout.countryColumn.flatMap { $0 < record.fieldCount ? record.string($0) : nil },
                code: layout.codeColumn.flatMap { $0 < record.fieldCount ? record.string($0) : nil },
                problem: layout.problem(with: record)
            ))
            position = IngestCheckpoint(offset: record.endOffset, nextRow: position.nextRow + 1, nextLine: reader.currentLine)
        }
        return (inputs, position)
    }
}

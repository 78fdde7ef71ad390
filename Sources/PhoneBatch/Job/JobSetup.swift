import Foundation
import Logging

/// Turns a new run's options into a job: fingerprints the input, detects its dialect, reads
/// its header and finds the phone and country columns, saying on the log what it chose.
struct JobSetup {
    let options: RunOptions
    let inputPath: String
    let outputPath: String
    let defaultRegion: String?
    let logger: Logger

    /// Data rows looked at to find the phone column from content.
    static let contentSampleRows = 200

    func makeJob(fingerprint: InputFingerprint) throws -> JobRecord {
        let dialect = try DialectSniffer().sniff(path: inputPath, delimiter: options.delimiterByte())
        let reader = try CSVReader(path: inputPath, dialect: dialect)
        var record = CSVRecord()
        guard try reader.read(into: &record) else {
            throw PhoneBatchError.notCSV(path: inputPath, reason: "it has no rows")
        }
        if let problem = record.problem {
            throw PhoneBatchError.notCSV(path: inputPath, reason: "its header row has an \(problem.description)")
        }
        let header = record.fields
        let checkpoint = try IngestCheckpoint.afterHeader(of: inputPath, dialect: dialect)

        let detector = ColumnDetector()
        let countryColumn: Int?
        if let name = options.countryColumn {
            countryColumn = name.isEmpty ? nil : try detector.column(named: name, header: header)
        } else {
            countryColumn = nil
        }
        let phoneColumn: Int
        let phoneEvidence: String
        if let name = options.phoneColumn {
            phoneColumn = try detector.column(named: name, header: header)
            phoneEvidence = "as given"
        } else if let found = detector.phoneColumn(header: header) {
            phoneColumn = found
            phoneEvidence = "from the header"
        } else {
            let sample = try sampleRows(reader: reader)
            guard let found = detector.phoneColumn(sample: sample, columns: header.count, region: defaultRegion) else {
                throw PhoneBatchError.noPhoneColumn(header: header)
            }
            phoneColumn = found.index
            phoneEvidence = "from the content: \(Int(found.share * 100))% of sampled values are phone numbers"
        }
        if let name = options.codeColumn {
            let code = try detector.column(named: name, header: header)
            guard code != phoneColumn else {
                throw PhoneBatchError.invalidOption("--code-column '\(name)' is the phone column; name the column that holds the codes")
            }
        }
        // Said once everything is found, so that a run that stops here prints only its error.
        logger.info("\(header.count) columns, separated by '\(dialect.delimiterName)', \(dialect.lineEnding.rawValue.uppercased()) line endings\(dialect.hasBOM ? ", with a byte-order mark" : "")")
        logger.info("phone column: '\(header[phoneColumn])' (column \(phoneColumn + 1)), \(phoneEvidence)")
        let country = countryColumn ?? (options.countryColumn == nil ? detector.countryColumn(header: header, excluding: phoneColumn) : nil)
        if let country {
            logger.info("country column: '\(header[country])' (column \(country + 1))\(options.countryColumn == nil ? ", from the header" : ", as given")")
        }
        return JobRecord(
            input: fingerprint, outputPath: outputPath, format: options.format, provider: options.provider,
            optionsJSON: options.stored.text, dialect: dialect, header: header, phoneColumn: phoneColumn,
            countryColumn: country, defaultRegion: defaultRegion, stage: .ingest, ingestCheckpoint: checkpoint,
            token: Self.newToken()
        )
    }

    private func sampleRows(reader: CSVReader) throws -> [[String]] {
        var record = CSVRecord()
        var rows: [[String]] = []
        while rows.count < Self.contentSampleRows, try reader.read(into: &record) {
            rows.append(record.fields)
        }
        return rows
    }

    /// Twelve random hex digits.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<12).map { _ in String(Int.random(in: 0..<16, using: &generator), radix: 16) }.joined()
    }
}

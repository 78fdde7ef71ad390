import Foundation

/// Reads a file of codes typed back (`confirm verify`): finds its columns, then ties each
/// row to the call it answers, by transaction number or by phone, and keeps it in the
/// database, all in one transaction. A row that cannot be checked (malformed, no code, no
/// call placed to its number) is settled there with its reason; it never stops the run.
struct VerifyInputReader {
    let store: Store
    let path: String
    let outputPath: String
    let format: OutputFormat
    let codeColumn: String
    let phoneColumn: String?
    let transactionColumn: String?
    let delimiter: UInt8?
    /// The region of national numbers in the phone column.
    let region: String?

    /// Header names a transaction column goes by: Xverify's, and `confirm place`'s output.
    static let transactionNames = ["transaction_number", "pb_confirm_transaction", "transaction"]

    func read(fingerprint: InputFingerprint) throws -> VerifyInput {
        let dialect = try DialectSniffer().sniff(path: path, delimiter: delimiter)
        let reader = try CSVReader(path: path, dialect: dialect)
        var record = CSVRecord()
        guard try reader.read(into: &record) else { throw PhoneBatchError.notCSV(path: path, reason: "it has no rows") }
        if let problem = record.problem {
            throw PhoneBatchError.notCSV(path: path, reason: "its header row has an \(problem.description)")
        }
        let header = record.fields
        let detector = ColumnDetector()
        let code = try detector.column(named: codeColumn, header: header)
        let transaction = try transactionColumn.map { try detector.column(named: $0, header: header) }
            ?? Self.transactionNames.lazy.compactMap { name in header.firstIndex { ColumnDetector.key($0) == ColumnDetector.key(name) } }.first
        let phone = try phoneColumn.map { try detector.column(named: $0, header: header) }
            ?? detector.phoneColumn(header: header).flatMap { $0 == transaction || $0 == code ? nil : $0 }
        guard transaction != nil || phone != nil else {
            throw PhoneBatchError.invalidOption("\(path) has neither a transaction_number column nor a phone column; the header is: \(header.map { "'\($0)'" }.joined(separator: ", ")) (name one with --transaction-column or --phone-column)")
        }
        var input = VerifyInput(id: 0, input: fingerprint, outputPath: outputPath, format: format, dialect: dialect,
                                header: header, phoneColumn: phone, transactionColumn: transaction, codeColumn: code, isDone: false)
        let layout = RowLayout(fieldCount: header.count, phoneColumn: phone ?? code)
        var normalizer = PhoneNormalizer(wantLocation: false)
        input.id = try store.recordVerifyInput(input) { keep in
            var rowNo = 2
            while try reader.read(into: &record) {
                try keep(try row(record, rowNo: rowNo, layout: layout, input: input, normalizer: &normalizer))
                rowNo += 1
            }
        }
        return input
    }

    /// One row, tied to its call or settled with the reason it cannot be checked.
    private func row(_ record: CSVRecord, rowNo: Int, layout: RowLayout, input: VerifyInput,
                     normalizer: inout PhoneNormalizer) throws -> CheckRow {
        var row = CheckRow(rowNo: rowNo, line: record.line)
        if let problem = layout.problem(with: record) {
            row.settled = (.error, "malformed row: \(problem)")
            return row
        }
        func field(_ index: Int?) -> String {
            guard let index, index < record.fieldCount else { return "" }
            return record.string(index).trimmingCharacters(in: .whitespaces)
        }
        let code = field(input.codeColumn)
        guard !code.isEmpty else {
            row.settled = (.error, "the code field is empty")
            return row
        }
        row.code = code
        let transaction = field(input.transactionColumn)
        if !transaction.isEmpty {
            row.transaction = transaction
            row.callID = try store.call(transaction: transaction)
            return row
        }
        guard input.phoneColumn != nil else {
            row.settled = (.error, "the transaction_number field is empty")
            return row
        }
        switch normalizer.check(field(input.phoneColumn), region: region) {
        case .empty:
            row.settled = (.error, "the phone and transaction_number fields are empty")
        case .unparseable(let reason):
            row.settled = (.error, "the phone field is not a phone number (\(reason))")
        case .parsed(let number):
            if let call = try store.placedCall(to: number.e164) {
                row.callID = call.id
                row.transaction = call.transaction
            } else {
                row.settled = (.error, try Self.noCall(to: "+\(number.e164)", outcome: store.callOutcome(of: number.e164)))
            }
        }
        return row
    }

    /// Why a number has no call to check a code against.
    static func noCall(to number: String, outcome: String?) -> String {
        switch outcome {
        case "in_doubt": "the call to \(number) is in doubt: it has no transaction number to check against"
        case "refused": "Xverify refused the call to \(number): there is no code to check"
        case "waiting": "the call to \(number) has not been placed yet"
        default: "no call to \(number) was placed from this database"
        }
    }
}

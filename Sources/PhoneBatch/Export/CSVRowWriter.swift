/// Writes the input's own CSV dialect: each well-formed row exactly as it was written, then
/// the appended columns. Malformed rows are laid out to the header's width so the appended
/// columns line up; what does not fit is in `pb_error`. With `excelSafe`, its columns are
/// written as spreadsheet text formulas instead (so every row is written field by field).
struct CSVRowWriter: RowWriter {
    let dialect: CSVDialect
    let fieldCount: Int
    /// The names of the columns appended to every row.
    let columns: [String]
    let excelSafe: ExcelSafeColumns?
    private let lineEnding: [UInt8]

    init(dialect: CSVDialect, fieldCount: Int, columns: [String] = ResultColumns.names, excelSafe: ExcelSafeColumns? = nil) {
        self.dialect = dialect
        self.fieldCount = fieldCount
        self.columns = columns
        self.excelSafe = excelSafe
        self.lineEnding = dialect.lineEnding.bytes
    }

    func header(_ record: CSVRecord, to out: inout [UInt8]) {
        if dialect.hasBOM { out.append(contentsOf: CSVDialect.utf8BOM) }
        out.append(contentsOf: record.raw)
        for name in columns {
            out.append(dialect.delimiter)
            out.append(contentsOf: name.utf8)
        }
        out.append(contentsOf: lineEnding)
    }

    func row(_ record: CSVRecord, results: ResultValues, to out: inout [UInt8]) {
        if record.problem == nil && record.fieldCount <= fieldCount && excelSafe == nil {
            out.append(contentsOf: record.raw)
            for _ in record.fieldCount..<fieldCount { out.append(dialect.delimiter) }
        } else {
            for index in 0..<fieldCount {
                if index > 0 { out.append(dialect.delimiter) }
                if index < record.fieldCount {
                    let asText = excelSafe?.inputFields.contains(index) == true
                    record.field(index).withUnsafeBytes { appendField($0, asText: asText, to: &out) }
                }
            }
        }
        for (index, value) in results.values.enumerated() {
            out.append(dialect.delimiter)
            if let value { appendField(value, asText: excelSafe?.appendedColumns.contains(index) == true, to: &out) }
        }
        out.append(contentsOf: lineEnding)
    }

    /// A field as it is, or (`asText`, when not empty) as a spreadsheet text formula.
    private func appendField(_ bytes: UnsafeRawBufferPointer, asText: Bool, to out: inout [UInt8]) {
        guard asText, !bytes.isEmpty else { return appendField(bytes, to: &out) }
        ExcelSafeColumns.formula(bytes).withUnsafeBytes { appendField($0, to: &out) }
    }

    /// A field, quoted only when it holds the separator, a quote or a line break.
    func appendField(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        let needsQuotes = bytes.contains { $0 == dialect.delimiter || $0 == quote || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(quote)
        for byte in bytes {
            if byte == quote { out.append(quote) }
            out.append(byte)
        }
        out.append(quote)
    }
}

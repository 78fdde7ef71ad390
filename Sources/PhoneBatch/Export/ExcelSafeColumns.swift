/// `--excel-safe`: the phone columns written as text formulas, `="+447911123456"`, which
/// spreadsheet programs (Excel, LibreOffice, Google Sheets) show as the text itself. Opened
/// plainly, a CSV field `+447911123456` becomes the number 447911123456 and `07911 123456`
/// loses its leading zero; a quote or an apostrophe in front does not survive the import.
/// Off by default: the output then keeps every input field exactly as it was written.
struct ExcelSafeColumns {
    /// Input fields so written: the phone column.
    var inputFields: Set<Int>
    /// Appended columns so written, by position: `pb_e164` and `pb_national` in the output.
    var appendedColumns: Set<Int>

    /// For the output: the phone column, `pb_e164` and `pb_national`.
    static func output(phoneColumn: Int) -> ExcelSafeColumns {
        ExcelSafeColumns(inputFields: [phoneColumn], appendedColumns: Set(["pb_e164", "pb_national"].compactMap {
            ResultColumns.names.firstIndex(of: $0)
        }))
    }

    /// `="value"`, with the value's quotes doubled inside the formula's string.
    static func formula(_ value: UnsafeRawBufferPointer) -> [UInt8] {
        let quote = UInt8(ascii: "\"")
        var text: [UInt8] = [UInt8(ascii: "="), quote]
        for byte in value {
            if byte == quote { text.append(quote) }
            text.append(byte)
        }
        text.append(quote)
        return text
    }
}

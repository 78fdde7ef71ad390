import Testing
@testable import PhoneBatch

@Suite struct DialectSnifferTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    func sniff(_ text: String) throws -> CSVDialect {
        try DialectSniffer().sniff(path: directory.write("input.csv", text))
    }

    @Test(arguments: [(",", UInt8(ascii: ",")), (";", UInt8(ascii: ";")), ("\t", UInt8(ascii: "\t")), ("|", UInt8(ascii: "|"))])
    func detectsTheSeparator(_ separator: String, _ byte: UInt8) throws {
        let text = ["name", "phone", "notes"].joined(separator: separator) + "\n"
            + ["Ann", "+44 20 7946 0000", "x"].joined(separator: separator) + "\n"
            + ["Bob", "+33 6 12 34 56 78", "y"].joined(separator: separator) + "\n"
        #expect(try sniff(text).delimiter == byte)
    }

    @Test func separatorsInsideQuotesDoNotCount() throws {
        let text = "name;phone\n\"Smith, John\";+44 20 7946 0000\n\"Doe, Jane\";+33 6 12 34 56 78\n"
        #expect(try sniff(text).delimiter == UInt8(ascii: ";"))
    }

    @Test func oneColumnGetsAComma() throws {
        #expect(try sniff("phone\n+44 20 7946 0000\n").delimiter == UInt8(ascii: ","))
    }

    @Test func lineEndingsAndByteOrderMark() throws {
        #expect(try sniff("a,b\r\n1,2\r\n").lineEnding == .crlf)
        #expect(try sniff("a,b\n1,2\n").lineEnding == .lf)
        #expect(try sniff("\"x\r\ny\",b\n1,2\n").lineEnding == .lf, "a line break inside quotes is not the line ending")
        let path = try directory.write("bom.csv", bytes: CSVDialect.utf8BOM + Array("a,b\r\n".utf8))
        let dialect = try DialectSniffer().sniff(path: path)
        #expect(dialect.hasBOM)
        #expect(dialect.lineEnding == .crlf)
    }

    @Test func refusesWhatIsNotCSV() throws {
        let cases: [([UInt8], String)] = [
            ([], "the file is empty"),
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "it is a ZIP archive (an Excel .xlsx workbook?)"),
            ([0xFF, 0xFE, 0x61, 0x00], "it is UTF-16 text"),
            (Array("%PDF-1.7\n".utf8), "it is a PDF document"),
            (Array("a,b\n".utf8) + [0x00, 0x01], "it holds binary data (a NUL byte at offset 4)"),
        ]
        for (bytes, reason) in cases {
            let path = try directory.write("bad.bin", bytes: bytes)
            #expect(throws: PhoneBatchError.notCSV(path: path, reason: reason)) {
                _ = try DialectSniffer().sniff(path: path)
            }
        }
    }
}

import Testing
@testable import PhoneBatch

@Suite struct CSVReaderTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    func records(_ text: String, delimiter: Character = ",", bufferSize: Int = 1 << 16) throws -> [[String]] {
        let path = try directory.write("input.csv", text)
        let dialect = CSVDialect(delimiter: delimiter.asciiValue!)
        return try readAll(path, dialect: dialect, bufferSize: bufferSize).fields
    }

    @Test func plainRowsWithLFAndCRLF() throws {
        #expect(try records("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\r1,2\r") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\n1,2") == [["a", "b"], ["1", "2"]], "no line break at the end")
    }

    @Test func quotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws {
        #expect(try records("\"a,b\",\"say \"\"hi\"\"\"\n") == [["a,b", "say \"hi\""]])
        #expect(try records("\"line1\nline2\",x\r\n\"cr\r\nlf\",y\r\n") == [["line1\nline2", "x"], ["cr\r\nlf", "y"]])
        #expect(try records("\"\",\"\"\n") == [["", ""]])
    }

    @Test func emptyFieldsAndBlankLines() throws {
        #expect(try records(",,\n") == [["", "", ""]])
        #expect(try records("a,b\n\n\r\n1,2\n\n") == [["a", "b"], ["1", "2"]], "blank lines are skipped")
    }

    @Test func lenientQuotesAsPythonReadsThem() throws {
        #expect(try records("ab\"c,d\n") == [["ab\"c", "d"]], "a quote inside an unquoted field is literal")
        #expect(try records("\"ab\"c,d\n") == [["abc", "d"]], "text after a closing quote joins the field")
    }

    @Test(arguments: [",", ";", "\t", "|"])
    func everySeparator(_ separator: String) throws {
        let text = "a\(separator)\"b\(separator)c\"\n1\(separator)2\n"
        #expect(try records(text, delimiter: Character(separator)) == [["a", "b\(separator)c"], ["1", "2"]])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let path = try directory.write("bom.csv", bytes: CSVDialect.utf8BOM + Array("phone\n+44\n".utf8))
        let records = try readAll(path, dialect: CSVDialect(hasBOM: true))
        #expect(records.fields == [["phone"], ["+44"]])
        #expect(records[0].startOffset == 3)
    }

    @Test func tinyBuffersGiveTheSameRecords() throws {
        let text = "name,notes\n\"Smith, J\",\"a \"\"quoted\"\"\nnote\"\r\nplain,row\n"
        let expected = try records(text)
        for size in [64, 65, 70, 97] {
            #expect(try records(text, bufferSize: size) == expected, "buffer \(size)")
        }
    }

    @Test func offsetsLinesAndRawBytes() throws {
        let path = try directory.write("input.csv", "h1,h2\n\"a\nb\",c\n\nd,e\n")
        let records = try readAll(path)
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(records.map(\.startOffset) == [0, 6, 15])
        #expect(records.map(\.endOffset) == [6, 14, 19])
        #expect(String(decoding: records[1].raw, as: UTF8.self) == "\"a\nb\",c")
    }

    @Test func resumesFromARecordBoundary() throws {
        let path = try directory.write("input.csv", "h\n1\n\"2\n2\"\n3\n")
        let all = try readAll(path)
        let reader = try CSVReader(path: path, dialect: CSVDialect(), startOffset: all[1].endOffset, startLine: 3)
        var record = CSVRecord()
        var rest: [[String]] = []
        var lines: [Int] = []
        while try reader.read(into: &record) {
            rest.append(record.fields)
            lines.append(record.line)
        }
        #expect(rest == [["2\n2"], ["3"]])
        #expect(lines == [3, 5])
    }

    @Test func unterminatedQuoteBecomesOneLineAndReadingGoesOn() throws {
        let path = try directory.write("input.csv", "a,b\n1,\"open\n2,x\n3,y\n")
        let records = try readAll(path)
        #expect(records.fields == [["a", "b"], ["1", "\"open"], ["2", "x"], ["3", "y"]])
        #expect(records.map(\.problem) == [nil, .unterminatedQuote, nil, nil])
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test func overlongRecordIsCutAndReadingGoesOn() throws {
        let long = String(repeating: "x", count: 300)
        let path = try directory.write("input.csv", "a,b\n\(long),1\n2,3\n")
        let records = try readAll(path, bufferSize: 64, maxRecordBytes: 100)
        #expect(records.count == 3)
        #expect(records[1].problem == .tooLong(limit: 100))
        #expect(records[1].raw.count == 100)
        #expect(records[2].fields == ["2", "3"])
    }

    @Test func quotedFieldOverTheLimitIsTakenAsUnterminated() throws {
        let path = try directory.write("input.csv", "a,b\n1,\"\(String(repeating: "y\n", count: 100))\"\n2,3\n")
        let records = try readAll(path, bufferSize: 64, maxRecordBytes: 100)
        #expect(records[1].problem == .unterminatedQuote)
        #expect(records[1].fields == ["1", "\"y"])
        #expect(records.last?.fields == ["2", "3"])
    }

    @Test func missingFileIsReported() {
        #expect(throws: PhoneBatchError.inputNotFound(path: "/nonexistent/x.csv")) {
            _ = try CSVReader(path: "/nonexistent/x.csv", dialect: CSVDialect())
        }
    }
}

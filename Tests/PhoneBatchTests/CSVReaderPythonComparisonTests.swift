import Foundation
import Testing
@testable import PhoneBatch

/// Thousands of generated files, read by phonebatch and by Python's csv module (the
/// reference most users know), must give the same rows.
@Suite struct CSVReaderPythonComparisonTests {
    static let fileCount = 3000

    @Test func randomFilesReadAsPythonReadsThem() throws {
        let directory = try TemporaryDirectory()
        var generator = SplitMix64(seed: 20261122)
        var manifest: [String] = []
        var delimiters: [UInt8] = []
        for index in 0..<Self.fileCount {
            let delimiter = CSVDialect.delimiters[Int(generator.next() % 4)]
            let bytes = RandomCSV.make(delimiter: delimiter, using: &generator)
            manifest.append(try directory.write("f\(index).csv", bytes: bytes))
            delimiters.append(delimiter)
        }
        let script = try directory.write("read.py", """
            import csv, json, sys
            out = []
            for line in open(sys.argv[1], encoding="utf-8"):
                path, delimiter = line.rstrip("\\n").split("\\t")
                with open(path, newline="", encoding="utf-8") as f:
                    rows = [r for r in csv.reader(f, delimiter=chr(int(delimiter))) if r != []]
                out.append(rows)
            json.dump(out, sys.stdout)
            """)
        let list = zip(manifest, delimiters).map { "\($0)\t\($1)" }.joined(separator: "\n") + "\n"
        let listPath = try directory.write("manifest.txt", list)
        let python = try runProcess("/usr/bin/env", ["python3", script, listPath])
        try #require(python.status == 0, "python3 failed: \(python.stderr)")
        let expected = try JSONDecoder().decode([[[String]]].self, from: Data(python.stdout.utf8))
        try #require(expected.count == manifest.count)

        var mismatches = 0
        for (index, path) in manifest.enumerated() {
            let bufferSize = 64 + Int(generator.next() % 200)
            let ours = try readAll(path, dialect: CSVDialect(delimiter: delimiters[index]), bufferSize: bufferSize).fields
            if ours != expected[index] {
                mismatches += 1
                if mismatches <= 3 {
                    Issue.record("\(path) (buffer \(bufferSize)): phonebatch \(ours) != python \(expected[index])")
                }
            }
        }
        #expect(mismatches == 0)
    }
}

/// Well-formed CSV with every construct RFC 4180 allows, plus the two lenient cases Python
/// accepts (a quote inside an unquoted field, text after a closing quote).
enum RandomCSV {
    static let plain = Array("abcxyz019 +-().'é€日".unicodeScalars.map(String.init))

    static func make(delimiter: UInt8, using generator: inout SplitMix64) -> [UInt8] {
        let rows = 1 + Int(generator.next() % 12)
        let columns = 1 + Int(generator.next() % 5)
        let crlf = generator.next() % 2 == 0
        var out: [UInt8] = []
        for row in 0..<rows {
            for column in 0..<columns {
                if column > 0 { out.append(delimiter) }
                out += field(delimiter: delimiter, alone: columns == 1, using: &generator)
            }
            if row < rows - 1 || generator.next() % 2 == 0 { out += crlf ? [0x0D, 0x0A] : [0x0A] }
        }
        return out
    }

    static func field(delimiter: UInt8, alone: Bool, using generator: inout SplitMix64) -> [UInt8] {
        let length = Int(generator.next() % 8)
        switch generator.next() % 10 {
        case 0...4:
            // Unquoted: plain text; a lone empty field would be a blank line, which both skip.
            var text = (0..<length).map { _ in plain[Int(generator.next() % UInt64(plain.count))] }.joined()
            if text.isEmpty && alone { text = "x" }
            return Array(text.utf8)
        case 5...7:
            // Quoted: anything, with quotes doubled.
            let specials = [String(UnicodeScalar(delimiter)), "\"", "\n", "\r\n", "\r", " "]
            var text = ""
            for _ in 0..<length {
                text += generator.next() % 3 == 0
                    ? specials[Int(generator.next() % UInt64(specials.count))]
                    : plain[Int(generator.next() % UInt64(plain.count))]
            }
            return Array(("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"").utf8)
        case 8:
            return Array("ab\"c".utf8)
        default:
            return Array("\"ab\"c".utf8)
        }
    }
}

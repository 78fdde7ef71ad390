import Testing
@testable import PhoneBatch

@Suite struct TOMLDocumentTests {
    /// Expects `text` to be refused on `line` with a message containing `word`.
    func expectRefusal(
        _ text: String, line: Int, mentioning word: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: TOMLError.self, sourceLocation: sourceLocation) {
            try TOMLDocument(parsing: text)
        }
        #expect(error?.line == line, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.message.contains(word) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
    }

    @Test func parsesARealisticConfig() throws {
        let text = """
            # phonebatch settings
            workers = 4
            verbose = false   # chatty logs

            [experian]
            token = "key \\"live\\"\\tA\\u00E9\\U0001F600"
            base_url = 'https://api.example.com/v1'
            rate_limit = 1_200
            timeout = 2.5
            regions = [
                "GB",   # home market
                'FR',
                # "DE" later
                "US",
            ]

            [harmony]
            enabled = true
            backoff = 1e3
            """
        let document = try TOMLDocument(parsing: text)
        #expect(document.tables[""] == ["workers": .integer(4), "verbose": .boolean(false)])
        let experian = try #require(document.tables["experian"])
        #expect(experian["token"] == .string("key \"live\"\tAé😀"))
        #expect(experian["base_url"] == .string("https://api.example.com/v1"))
        #expect(experian["rate_limit"] == .integer(1200))
        #expect(experian["timeout"] == .float(2.5))
        #expect(experian["regions"] == .array([.string("GB"), .string("FR"), .string("US")]))
        #expect(document.tables["harmony"] == ["enabled": .boolean(true), "backoff": .float(1000)])
    }

    @Test func numbers() throws {
        let text = """
            a = +1_000
            b = -17
            c = 0xDEAD_beef
            d = 0o755
            e = 0b1010
            f = 9_223_372_036_854_775_807
            g = -9223372036854775808
            h = -0.25
            i = 6.02e+23
            j = 1_000.5
            k = [1, [2, 3], []]
            """
        let top = try #require(try TOMLDocument(parsing: text).tables[""])
        #expect(top["a"] == .integer(1000))
        #expect(top["b"] == .integer(-17))
        #expect(top["c"] == .integer(0xDEAD_BEEF))
        #expect(top["d"] == .integer(0o755))
        #expect(top["e"] == .integer(10))
        #expect(top["f"] == .integer(.max))
        #expect(top["g"] == .integer(.min))
        #expect(top["h"] == .float(-0.25))
        #expect(top["i"] == .float(6.02e23))
        #expect(top["j"] == .float(1000.5))
        #expect(top["k"] == .array([.integer(1), .array([.integer(2), .integer(3)]), .array([])]))
    }

    @Test func dottedKeysGoIntoSubTables() throws {
        let document = try TOMLDocument(parsing: "a.b = 1\n[t]\nx . y = 'v'\nx.z = 2\n")
        #expect(document.tables["a"] == ["b": .integer(1)])
        #expect(document.tables["t.x"] == ["y": .string("v"), "z": .integer(2)])
        #expect(document.tables["t"] == [:])
    }

    @Test func quotedKeysAndTableNames() throws {
        let document = try TOMLDocument(parsing: "[ \"my provider\" . 'eu' ]\n\"api key\" = \"k\"\n'a.b' = 1\n")
        #expect(document.tables["my provider.eu"] == ["api key": .string("k"), "a.b": .integer(1)])
    }

    @Test func everyTableNamedIsPresent() throws {
        let document = try TOMLDocument(parsing: "[empty]\n[a.b]\n")
        #expect(document.tables == ["": [:], "empty": [:], "a": [:], "a.b": [:]])
        #expect(try TOMLDocument(parsing: "").tables == ["": [:]])
    }

    @Test func crlfLineEndings() throws {
        let document = try TOMLDocument(parsing: "# c\r\n[t]\r\nlist = [\r\n  1, # one\r\n  2,\r\n]\r\nname = \"n\"\r\n")
        #expect(document.tables["t"] == ["list": .array([.integer(1), .integer(2)]), "name": .string("n")])
        #expect(document.line(of: "name", in: "t") == 7)
    }

    @Test func lineOfKey() throws {
        let document = try TOMLDocument(parsing: "top = 1\n\n[harmony]\n# rate\nrate = [\n  1,\n]\nretry.max = 3\n")
        #expect(document.line(of: "top", in: "") == 1)
        #expect(document.line(of: "rate", in: "harmony") == 5)
        #expect(document.line(of: "max", in: "harmony.retry") == 8)
        #expect(document.line(of: "missing", in: "harmony") == nil)
        #expect(document.line(of: "rate", in: "nowhere") == nil)
    }

    @Test func refusesDuplicates() {
        expectRefusal("[harmony]\nrate = 1\nrate = 2\n", line: 3, mentioning: "duplicate key 'rate' in [harmony]")
        expectRefusal("[a]\n[b]\n[a]\n", line: 3, mentioning: "duplicate table")
    }

    @Test func refusesKeysAndTablesThatRedefineEachOther() {
        expectRefusal("[a]\nb = 1\n[a.b]\n", line: 3, mentioning: "redefines key")
        expectRefusal("[a.b]\n[a]\nb = 1\n", line: 3, mentioning: "redefines table")
        expectRefusal("a = 1\na.b = 2\n", line: 2, mentioning: "redefines key")
        expectRefusal("a.b = 1\n[a]\n", line: 2, mentioning: "dotted keys")
    }

    @Test func refusesUnterminatedStringsAndArrays() {
        expectRefusal("a = 1\ns = \"open\nt = 2\n", line: 2, mentioning: "unterminated string")
        expectRefusal("s = 'open", line: 1, mentioning: "unterminated string")
        expectRefusal("a = 1\nlist = [1,\n  2,\n", line: 2, mentioning: "unterminated array")
        expectRefusal("list = [1, 2\nnext = 3\n", line: 2, mentioning: "missing")
    }

    @Test func refusesBadStringContent() {
        expectRefusal("s = \"a\u{07}b\"", line: 1, mentioning: "control character")
        expectRefusal("s = \"a\\qb\"", line: 1, mentioning: "invalid escape")
        expectRefusal("s = \"\\uD800\"", line: 1, mentioning: "invalid escape")
    }

    @Test func refusesMissingValuesAndTrailingText() {
        expectRefusal("a = 1\nb =\n", line: 2, mentioning: "missing value")
        expectRefusal("a = 1 2\n", line: 1, mentioning: "unexpected")
        expectRefusal("[t] x\n", line: 1, mentioning: "unexpected")
        expectRefusal("name = hello\n", line: 1, mentioning: "quoted")
    }

    @Test func refusesTOMLOutsideTheSubset() {
        expectRefusal("s = \"\"\"\ntext\n\"\"\"\n", line: 1, mentioning: "multi-line strings are not supported")
        expectRefusal("s = '''text'''\n", line: 1, mentioning: "multi-line strings are not supported")
        expectRefusal("\nt = { a = 1 }\n", line: 2, mentioning: "inline tables are not supported; use a [table] section")
        expectRefusal("[[items]]\n", line: 1, mentioning: "arrays of tables")
        expectRefusal("d = 1979-05-27\n", line: 1, mentioning: "dates")
        expectRefusal("t = 07:32:00\n", line: 1, mentioning: "dates")
    }

    @Test func refusesIntegersBeyond64Bits() {
        expectRefusal("a = 9223372036854775808\n", line: 1, mentioning: "out of range")
        expectRefusal("a = -9_223_372_036_854_775_809\n", line: 1, mentioning: "out of range")
        expectRefusal("a = 0xFFFF_FFFF_FFFF_FFFF\n", line: 1, mentioning: "out of range")
    }

    @Test func refusesMalformedNumbers() {
        expectRefusal("a = 1__0\n", line: 1, mentioning: "invalid number")
        expectRefusal("a = 1.\n", line: 1, mentioning: "invalid number")
        expectRefusal("a = 012\n", line: 1, mentioning: "leading zeros")
    }
}

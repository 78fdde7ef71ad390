import Testing
@testable import PhoneBatch

@Suite struct JSONParsingTests {
    /// The error parsing `text` throws, nil when it parses.
    func failure(_ text: String) -> JSONParseError? {
        do {
            _ = try JSONValue(parsing: text)
            return nil
        } catch {
            return error as? JSONParseError
        }
    }

    func failure(bytes: [UInt8]) -> JSONParseError? {
        do {
            _ = try JSONValue(parsing: bytes)
            return nil
        } catch {
            return error as? JSONParseError
        }
    }

    @Test(arguments: [
        #"{"id":17,"name":"Ann","tags":["a","b"],"ok":true,"none":null,"score":1.5,"nested":{"x":[],"y":{}}}"#,
        #"[1,-2,0,3.25,-0.5,"é","😀","a\"b\\c\nd\te","\u0001"]"#,
        #"{"b":1,"a":2,"c":3}"#,
        #""just a string""#, "42", "true", "false", "null", "[]", "{}", "[[[[]]]]",
        "9223372036854775807", "-9223372036854775808",
    ])
    func compactDocumentsRoundTrip(_ text: String) throws {
        #expect(try JSONValue(parsing: text).text == text)
        #expect(try JSONValue(parsing: Array(text.utf8)).text == text)
    }

    @Test func whitespaceAndByteOrderMarkAreSkipped() throws {
        #expect(try JSONValue(parsing: " \n\t\r{ \"a\" : [ 1 , 2 ] } \r\n").text == #"{"a":[1,2]}"#)
        #expect(try JSONValue(parsing: "\u{FEFF}[1]").text == "[1]")
        // A collection without contiguous storage is copied first.
        #expect(try JSONValue(parsing: Array("[1,2]".utf8).lazy.map { $0 }).text == "[1,2]")
    }

    @Test func integersAndDoubles() throws {
        #expect(try JSONValue(parsing: "123") == .int(123))
        #expect(try JSONValue(parsing: "-7") == .int(-7))
        #expect(try JSONValue(parsing: "-0") == .int(0))
        #expect(try JSONValue(parsing: "9223372036854775807") == .int(Int64.max))
        #expect(try JSONValue(parsing: "-9223372036854775808") == .int(Int64.min))
        #expect(try JSONValue(parsing: "9223372036854775808") == .double(9223372036854775808.0), "beyond Int64")
        #expect(try JSONValue(parsing: "-9223372036854775809") == .double(-9223372036854775809.0))
        #expect(try JSONValue(parsing: "123456789012345678901234567890") == .double(1.2345678901234568e29))
        #expect(try JSONValue(parsing: "1.5") == .double(1.5))
        #expect(try JSONValue(parsing: "0.0") == .double(0))
        #expect(try JSONValue(parsing: "1e3") == .double(1000))
        #expect(try JSONValue(parsing: "1E+2") == .double(100))
        #expect(try JSONValue(parsing: "-2.5E-3") == .double(-0.0025))
        #expect(try JSONValue(parsing: "1e-400") == .double(0), "underflow reads as zero")
    }

    @Test(arguments: ["01", "-", "1.", ".5", "1e", "1e+", "+1", "-a", "0x10", "1.e3", "--1", "NaN", "Infinity", "1e400"])
    func malformedNumbersAreRefused(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func escapesAndSurrogatePairs() throws {
        #expect(try JSONValue(parsing: #""\"\\\/\b\f\n\r\t""#).stringValue == "\"\\/\u{8}\u{C}\n\r\t")
        #expect(try JSONValue(parsing: #""\u0041\u00e9\u20AC""#).stringValue == "Aé€")
        #expect(try JSONValue(parsing: #""\uD83D\uDE00""#).stringValue == "😀")
        #expect(try JSONValue(parsing: #""x\ud83d\ude00y""#).stringValue == "x😀y")
        #expect(try JSONValue(parsing: #""\u0000""#).stringValue == "\u{0}")
        #expect(try JSONValue(parsing: "\"héllo wörld 😀\"").stringValue == "héllo wörld 😀")
        #expect(try JSONValue(parsing: #""""#).stringValue == "")
        #expect(try JSONValue(parsing: [0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22] as [UInt8]).stringValue == "😀")
    }

    @Test func badEscapesAndLoneSurrogatesAreRefused() {
        #expect(failure(#""\uD83D""#) == JSONParseError(offset: 1, message: "lone surrogate \\uD83D"))
        #expect(failure(#""\uDE00""#)?.offset == 1, "low surrogate alone")
        #expect(failure(#""\uD83Dx""#)?.offset == 1, "high surrogate then a character")
        #expect(failure(#""\uD83D\u0041""#)?.offset == 7, "high surrogate then not a low one")
        #expect(failure(#""\x""#)?.offset == 1)
        #expect(failure(#""\u12G4""#)?.offset == 5)
        #expect(failure(#""\u12"#) != nil)
        #expect(failure("\"a\nb\"")?.offset == 2, "control characters must be escaped")
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: #""\'""#) }
    }

    @Test func invalidUTF8InStringsIsRefused() {
        #expect(failure(bytes: [0x22, 0x61, 0xFF, 0x22])?.offset == 2)
        #expect(failure(bytes: [0x22, 0xC0, 0xAF, 0x22])?.offset == 1, "overlong")
        #expect(failure(bytes: [0x22, 0xE0, 0x80, 0xAF, 0x22])?.offset == 1, "overlong")
        #expect(failure(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22])?.offset == 1, "encoded surrogate")
        #expect(failure(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22])?.offset == 1, "beyond U+10FFFF")
        #expect(failure(bytes: [0x22, 0xE2, 0x82, 0x22]) != nil, "truncated sequence")
        #expect(failure(bytes: [0x22, 0x80, 0x22]) != nil, "lone continuation byte")
        #expect(failure(bytes: [0x22, 0x5C, 0x6E, 0xFF, 0x22])?.offset == 3, "after an escape")
    }

    @Test(arguments: [
        ("", 0), ("   ", 3), ("[", 1), ("[1", 2), ("[1,", 3), ("[1,]", 3), ("{", 1), (#"{"a""#, 4), (#"{"a":"#, 5),
        (#"{"a":1,}"#, 7), ("{a:1}", 1), ("[1 2]", 3), (#"{"a" 1}"#, 5), ("tru", 3), ("trux", 3), ("nul", 3),
        ("\"abc", 4), ("]", 0), ("[1}", 2), (#"{"a":1]"#, 6), ("'a'", 0),
    ])
    func truncatedAndMalformedStructureIsRefused(_ text: String, offset: Int) {
        #expect(failure(text)?.offset == offset)
    }

    @Test func trailingTextIsRefused() {
        #expect(failure("[1] x") == JSONParseError(offset: 4, message: "unexpected 'x' after the value"))
        #expect(failure("1 2")?.offset == 2)
        #expect(failure("{}{}")?.offset == 2)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "null,") }
        #expect(failure("[1,2").map { "\($0)" } == "not JSON at byte 4: unexpected end of input, expected ',' or ']'")
    }

    @Test func nestingDeeperThan512IsRefused() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try JSONValue(parsing: deepest).text == deepest)
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(failure(tooDeep) == JSONParseError(offset: 512, message: "nesting deeper than 512"))
        let tooDeepObjects = String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513)
        #expect(failure(tooDeepObjects)?.message == "nesting deeper than 512")
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: String(repeating: "[", count: 100_000)) }
    }

    @Test func duplicateKeysKeepFirstPositionAndLastValue() throws {
        let small = try JSONValue(parsing: #"{"a":1,"b":2,"a":3}"#)
        #expect(small.text == #"{"a":3,"b":2}"#)
        #expect(small["a"]?.intValue == 3)

        // Past the linear search limit duplicates are found through a dictionary.
        var text = "{"
        for i in 0..<40 { text += "\"k\(i)\":\(i)," }
        text += #""k5":"five","k39":"last"}"#
        guard case .object(let pairs) = try JSONValue(parsing: text) else {
            Issue.record("not an object")
            return
        }
        #expect(pairs.count == 40)
        #expect(pairs[5].0 == "k5" && pairs[5].1 == .string("five"))
        #expect(pairs[39].1 == .string("last"))

        // Keys compare byte for byte: precomposed and decomposed é are different members.
        let accents = try JSONValue(parsing: "{\"\u{E9}\":1,\"e\u{301}\":2}")
        #expect(accents["\u{E9}"]?.intValue == 1)
        #expect(accents["e\u{301}"]?.intValue == 2)
    }

    @Test func accessors() throws {
        let value = try JSONValue(parsing: """
            {"status":"202","code":202,"ratio":0.5,"whole":3.0,"flag":"TRUE","f":"False","b":false,
             "list":[1,"x",null],"n":null,"s":"hi","huge":1e30}
            """)
        #expect(value["status"]?.stringValue == "202")
        #expect(value["code"]?.stringValue == nil)
        #expect(value["status"]?.intValue == 202)
        #expect(value["code"]?.intValue == 202)
        #expect(value["whole"]?.intValue == 3)
        #expect(value["ratio"]?.intValue == nil)
        #expect(value["huge"]?.intValue == nil)
        #expect(value["s"]?.intValue == nil)
        #expect(value["ratio"]?.doubleValue == 0.5)
        #expect(value["code"]?.doubleValue == 202)
        #expect(value["s"]?.doubleValue == nil)
        #expect(value["flag"]?.boolValue == true)
        #expect(value["f"]?.boolValue == false)
        #expect(value["b"]?.boolValue == false)
        #expect(value["s"]?.boolValue == nil)
        #expect(value["code"]?.boolValue == nil)
        #expect(value["list"]?.arrayValue?.count == 3)
        #expect(value["list"]?[1]?.stringValue == "x")
        #expect(value["list"]?[2]?.isNull == true)
        #expect(value["list"]?[3] == nil)
        #expect(value["list"]?[-1] == nil)
        #expect(value["list"]?["a"] == nil)
        #expect(value["n"]?.isNull == true)
        #expect(value["s"]?.isNull == false)
        #expect(value["missing"] == nil)
        #expect(value[0] == nil)
        #expect(value.arrayValue == nil)

        let built: JSONValue = ["a": .int(1), "a": .int(2)]
        #expect(built["a"]?.intValue == 2, "the last occurrence")
        #expect(JSONValue.double(.nan).intValue == nil)
        #expect(JSONValue.double(-9223372036854775808.0).intValue == Int64.min)
        #expect(JSONValue.double(9.3e18).intValue == nil)
    }
}

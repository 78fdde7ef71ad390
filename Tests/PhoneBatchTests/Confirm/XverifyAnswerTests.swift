import Testing
@testable import PhoneBatch

/// Xverify Phone Confirm answers in JSON and XML, wrapped or not, with `error` as text or a
/// number; and the flat XML reader under them.
@Suite struct XverifyAnswerTests {
    func json(_ text: String) -> XverifyAnswer? { XverifyAnswer.parse(Array(text.utf8), xml: false) }

    func xml(_ text: String) -> XverifyAnswer? { XverifyAnswer.parse(Array(text.utf8), xml: true) }

    /// The flat XML reader's children as `name=text`, since tuples are not `Equatable`.
    func flat(_ text: String) -> [String]? {
        FlatXML.parse(Array(text.utf8)).map { document in document.children.map { "\($0.0)=\($0.1)" } }
    }

    // MARK: JSON

    @Test func jsonWrappedWithANumericZeroError() throws {
        let answer = try #require(json(#"{"phoneconfirm":{"error":0,"status":"valid","message":"Code verified","transaction_number":"100000001","duration":0.05}}"#))
        #expect(answer == XverifyAnswer(wrapper: "phoneconfirm", error: "0", status: "valid", message: "Code verified",
                                        transactionNumber: "100000001", duration: 0.05))
        #expect(!answer.isError)
        #expect(answer.isValid)
    }

    @Test func jsonErrorAsTheTextZeroIsFine() throws {
        let answer = try #require(json(#"{"phoneconfirm":{"error":"0","status":"invalid","message":"Code does not match"}}"#))
        #expect(answer.error == "0")
        #expect(!answer.isError)
        #expect(!answer.isValid)
        #expect(answer.message == "Code does not match")
    }

    @Test func jsonErrorAsTheTextThreeIsAnError() throws {
        let answer = try #require(json(#"{"phoneconfirm":{"error":"3","status":"invalid","message":"Insufficient credits"}}"#))
        #expect(answer.error == "3")
        #expect(answer.isError)
        #expect(!answer.isValid)
    }

    @Test func jsonNumericErrorsBecomeIntegerText() throws {
        let limited = try #require(json(#"{"phoneconfirm":{"error":429,"status":"invalid","message":"Too many requests"}}"#))
        #expect(limited.error == "429")
        #expect(limited.isError)
        let zero = try #require(json(#"{"phoneconfirm":{"error":0.0,"status":"valid"}}"#))
        #expect(zero.error == "0", "an integral double reads as an integer")
        #expect(!zero.isError)
        #expect(json(#"{"phoneconfirm":{"error":" 0 ","status":"valid"}}"#)?.error == "0", "trimmed")
        #expect(json(#"{"phoneconfirm":{"error":2.5}}"#)?.error == "2.5")
        #expect(json(#"{"phoneconfirm":{"error":false,"status":"valid"}}"#)?.isError == true, "only 0 is fine")
    }

    @Test func jsonWithoutAnErrorIsFineOnlyWithAStatus() throws {
        let withStatus = try #require(json(#"{"phoneconfirm":{"status":"valid"}}"#))
        #expect(withStatus.error == "")
        #expect(!withStatus.isError)
        let nullError = try #require(json(#"{"phoneconfirm":{"error":null,"status":"invalid"}}"#))
        #expect(nullError.error == "")
        #expect(!nullError.isError)
        let messageOnly = try #require(json(#"{"phoneconfirm":{"message":"Internal error"}}"#))
        #expect(messageOnly.isError)
        #expect(messageOnly.message == "Internal error")
    }

    @Test func jsonUnwrapped() throws {
        let answer = try #require(json(#"{"error":0,"status":"VALID","message":"Call placed"}"#))
        #expect(answer == XverifyAnswer(wrapper: nil, error: "0", status: "valid", message: "Call placed"))
        #expect(answer.isValid)
        let errorOnly = try #require(json(#"{"error":"1"}"#))
        #expect(errorOnly.wrapper == nil)
        #expect(errorOnly.isError)
    }

    @Test func jsonWrapperNameIsNotFixed() throws {
        let answer = try #require(json(#"{"verifycode":{"error":0,"status":"valid"}}"#))
        #expect(answer.wrapper == "verifycode")
        #expect(answer.isValid)
    }

    @Test func jsonTransactionAsANumberAndDurationAsText() throws {
        let answer = try #require(json(#"{"phoneconfirm":{"error":0,"status":"valid","transaction_number":100000001,"duration":"0.21"}}"#))
        #expect(answer.transactionNumber == "100000001")
        #expect(answer.duration == 0.21)
        let integral = try #require(json(#"{"phoneconfirm":{"error":0,"transaction_number":100000001.0,"duration":1}}"#))
        #expect(integral.transactionNumber == "100000001")
        #expect(integral.duration == 1)
        let odd = try #require(json(#"{"phoneconfirm":{"error":0,"transaction_number":"","duration":"soon"}}"#))
        #expect(odd.transactionNumber == nil)
        #expect(odd.duration == nil)
    }

    // MARK: XML

    @Test func xmlAsTheSandboxWritesIt() throws {
        let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<phoneconfirm><error>0</error><status>valid</status>"
            + "<message>Call placed to +447400123456</message><transaction_number>100000001</transaction_number>"
            + "<duration>0.21</duration></phoneconfirm>\n"
        let answer = try #require(xml(body))
        #expect(answer == XverifyAnswer(wrapper: "phoneconfirm", error: "0", status: "valid", message: "Call placed to +447400123456",
                                        transactionNumber: "100000001", duration: 0.21))
        #expect(!answer.isError)
        #expect(answer.isValid)
    }

    @Test func xmlError() throws {
        let answer = try #require(xml("<phoneconfirm><error>3</error><status>invalid</status><message>Insufficient credits</message></phoneconfirm>"))
        #expect(answer.error == "3")
        #expect(answer.isError)
        #expect(answer.transactionNumber == nil)
        #expect(answer.duration == nil)
    }

    @Test func xmlEntitiesAreDecoded() throws {
        let answer = try #require(xml("<phoneconfirm><error>0</error><status>valid</status>"
            + "<message>Tom &amp; Jerry &lt;3 &gt; &quot;q&quot; &apos;a&apos; &#65;&#x42;&#xe9;</message></phoneconfirm>"))
        #expect(answer.message == "Tom & Jerry <3 > \"q\" 'a' ABé")
    }

    @Test func xmlCDATAIsTakenAsIs() throws {
        let answer = try #require(xml("<phoneconfirm><error><![CDATA[0]]></error><status>valid</status>"
            + "<message>x <![CDATA[a <b> & c &amp;]]> y</message></phoneconfirm>"))
        #expect(answer.error == "0")
        #expect(answer.message == "x a <b> & c &amp; y")
    }

    @Test func xmlWithDeclarationCommentsAttributesAndLineBreaks() throws {
        let body = """
            \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
            <!-- Phone Confirm -->
            <phoneconfirm version="2" xmlns:x='urn:x'>
              <error> 0 </error>
              <!-- between members -->
              <status>
                Valid
              </status>
              <message>Code verified</message>
              <transaction_number>
                100000001
              </transaction_number>
              <duration>0.05</duration>
            </phoneconfirm>
            <!-- end -->

            """
        let answer = try #require(xml(body))
        #expect(answer == XverifyAnswer(wrapper: "phoneconfirm", error: "0", status: "valid", message: "Code verified",
                                        transactionNumber: "100000001", duration: 0.05))
    }

    @Test func xmlSelfClosingAndEmptyMembers() throws {
        let answer = try #require(xml("<phoneconfirm><error>0</error><status>invalid</status><message/><transaction_number /><duration></duration></phoneconfirm>"))
        #expect(answer.message == "")
        #expect(answer.transactionNumber == nil)
        #expect(answer.duration == nil)
        #expect(!answer.isError)
        let emptyError = try #require(xml("<phoneconfirm><error/><message>Internal error</message></phoneconfirm>"))
        #expect(emptyError.error == "")
        #expect(emptyError.isError, "no error and no status")
    }

    // MARK: Not answers

    @Test(arguments: [
        "",
        "   \n",
        "Service Unavailable: untrusted API key or domain\n",
        "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>\n",
        "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>",
        "<html><body>Oops<br></body></html>",
        #"[{"phoneconfirm":{"error":0,"status":"valid"}}]"#,
        #"{"phoneconfirm":{"error":0}"#,
        #"{"phoneconfirm":"valid"}"#,
        #"{"data":{"id":1}}"#,
        #"{"a":{"error":0},"b":{"error":0}}"#,
        "{}",
        "null",
        "<phoneconfirm><error>0</error>",
        "<phoneconfirm><error>0</status></phoneconfirm>",
        "<phoneconfirm><message>AT&T</message></phoneconfirm>",
        "<phoneconfirm><message>&nbsp;</message></phoneconfirm>",
        "<phoneconfirm><message>&#0;</message></phoneconfirm>",
        "<phoneconfirm><error>0</error></phoneconfirm><phoneconfirm/>",
        "<phoneconfirm>loose<error>0</error></phoneconfirm>",
        "<phoneconfirm/>",
    ])
    func nonAnswersAreNil(_ text: String) {
        #expect(XverifyAnswer.parse(Array(text.utf8)) == nil)
        #expect(json(text) == nil)
        #expect(xml(text) == nil)
    }

    // MARK: Sniffing

    @Test func sniffingPicksXMLOrJSON() throws {
        let xmlBody = Array("\r\n  <phoneconfirm><error>0</error><status>valid</status></phoneconfirm>".utf8)
        let jsonBody = Array(#"  {"phoneconfirm":{"error":0,"status":"valid"}}"#.utf8)
        let fromXML = try #require(XverifyAnswer.parse(xmlBody))
        #expect(fromXML == XverifyAnswer.parse(xmlBody, xml: true))
        let fromJSON = try #require(XverifyAnswer.parse(jsonBody))
        #expect(fromJSON == XverifyAnswer.parse(jsonBody, xml: false))
        #expect(fromXML == fromJSON, "the same answer either way")
        #expect(XverifyAnswer.parse(xmlBody, xml: false) == nil)
        #expect(XverifyAnswer.parse(jsonBody, xml: true) == nil)
        #expect(XverifyAnswer.parse([0xEF, 0xBB, 0xBF] + xmlBody) == fromXML, "after a byte order mark")
    }

    // MARK: Flat XML

    @Test func flatXMLKeepsChildrenInOrderAndSkipsGrandchildren() throws {
        let document = try #require(FlatXML.parse(Array("<r a=\"1\" b='x>y'><z>1</z><b><c>deep</c>own<d/></b><a/><z>2</z></r>".utf8)))
        #expect(document.root == "r")
        #expect(document.children.map { "\($0.0)=\($0.1)" } == ["z=1", "b=own", "a=", "z=2"])
        #expect(flat("<r/>") == [])
        #expect(flat("<?xml version=\"1.0\"?><!-- c --><r><?pi x?><a><!-- c -->t<?pi?>u</a></r><?after?>") == ["a=tu"])
        #expect(flat("<r><a>&#x1F600;&#233;</a></r>") == ["a=😀é"])
        #expect(flat("<r><a >x</a ></r >") == ["a=x"])
    }

    @Test(arguments: [
        "<r><a>1</a></r>junk", "<r><a>1</b></r>", "<r><a>1</a>", "<r a=1></r>", "<r a></r>", "<r a=\"1\"b=\"2\"></r>",
        "<r a=\"<\"></r>", "<1r></1r>", "<r><a><![CDATA[x</a></r>", "<r><!-- x </r>", "<r><a>&#xD800;</a></r>",
        "<r><a>&#x;</a></r>", "<r><a>&#+5;</a></r>", "<!DOCTYPE r><r/>", "<?xml version=\"1.0\"", "",
    ])
    func flatXMLRefusesMalformedText(_ text: String) {
        #expect(flat(text) == nil)
    }
}

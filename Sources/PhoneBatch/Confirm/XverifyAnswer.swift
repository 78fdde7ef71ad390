/// One Xverify Phone Confirm answer, read from JSON or XML. `placecall` and `verifycode` both
/// answer one object in a single wrapper: a top-level key (JSON) or the root element (XML).
/// The wrapper's name is not fixed (the sandbox uses `phoneconfirm`), so any single wrapper is
/// taken; a JSON object that itself has `error` or `status` is taken unwrapped.
///
/// Every member may be missing. Members are read as text, so that both formats go through one
/// path: JSON numbers become their shortest text, an integral one without a fraction (`0`,
/// `0.0` → `"0"`, `429` → `"429"`), `null` counts as missing, and `true`, `false`, arrays and
/// objects become their JSON text. `status`, `transaction_number` and `duration` are trimmed,
/// and an empty one counts as missing; `message` is kept as given.
public struct XverifyAnswer: Sendable, Equatable {
    /// The wrapper key or root element; nil when a JSON answer came unwrapped.
    public var wrapper: String?
    /// `error` as trimmed text, "" when missing. The docs show it as the text `"0"` (XML has
    /// only text) while the sandbox and JSON clients see numbers (`0`, `429`), and errors come
    /// both ways (`"3"`, `429`); as text one rule, ``isError``, serves them all.
    public var error: String
    /// `status`, lowercased: `valid` or `invalid`.
    public var status: String?
    public var message: String?
    /// `transaction_number`, a string or a number in the answer.
    public var transactionNumber: String?
    /// `duration` in seconds, a number or a string in the answer.
    public var duration: Double?

    public init(wrapper: String? = nil, error: String = "", status: String? = nil, message: String? = nil,
                transactionNumber: String? = nil, duration: Double? = nil) {
        self.wrapper = wrapper
        self.error = error
        self.status = status
        self.message = message
        self.transactionNumber = transactionNumber
        self.duration = duration
    }

    /// The members an answer is recognised by: a document with none of them is something else.
    static let members = ["error", "status", "message", "transaction_number", "duration"]

    /// Whether Xverify reported an error: `error` is anything but `0`. An answer without `error`
    /// (or with an empty one) is fine only when it has a `status`. The one place this is decided.
    public var isError: Bool {
        let code = Substring(error).trimmingWhitespace()
        return code.isEmpty ? status == nil : code != "0"
    }

    /// Whether the call was placed or the code matched.
    public var isValid: Bool { status == "valid" }

    /// Reads an answer given as XML or as JSON; nil when `body` is not such an answer (an HTML
    /// error page, plain text, an empty body, a JSON array, an object with no answer members).
    public static func parse(_ body: [UInt8], xml: Bool) -> XverifyAnswer? {
        xml ? parseXML(body) : parseJSON(body)
    }

    /// Reads an answer in either format: XML when the first byte that is not whitespace (after
    /// a byte order mark) is `<`, JSON otherwise.
    public static func parse(_ body: [UInt8]) -> XverifyAnswer? {
        var start = body.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < body.count, body[start] == 0x20 || body[start] == 0x09 || body[start] == 0x0A || body[start] == 0x0D {
            start += 1
        }
        return parse(body, xml: start < body.count && body[start] == UInt8(ascii: "<"))
    }

    static func parseXML(_ body: [UInt8]) -> XverifyAnswer? {
        guard let document = FlatXML.parse(body) else { return nil }
        return XverifyAnswer(wrapper: document.root, fields: document.children)
    }

    static func parseJSON(_ body: [UInt8]) -> XverifyAnswer? {
        guard let document = try? JSONValue(parsing: body), case .object(let pairs) = document else { return nil }
        let wrapper: String?
        let members: [(String, JSONValue)]
        if document["error"] != nil || document["status"] != nil {
            wrapper = nil
            members = pairs
        } else if pairs.count == 1, case .object(let inner) = pairs[0].1 {
            wrapper = pairs[0].0
            members = inner
        } else {
            return nil
        }
        return XverifyAnswer(wrapper: wrapper, fields: members.compactMap { key, value in text(of: value).map { (key, $0) } })
    }

    /// A JSON member as the text XML would have given; nil for `null`.
    static func text(of value: JSONValue) -> String? {
        switch value {
        case .null: return nil
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return value.intValue.map { String($0) } ?? "\(number)"
        default: return value.text
        }
    }

    /// The answer in `fields` (a member given twice counts by its last value); nil when none of
    /// ``members`` is there.
    init?(wrapper: String?, fields: [(String, String)]) {
        let field = { (name: String) -> String? in fields.last(where: { $0.0 == name })?.1 }
        let trimmed = { (name: String) -> String? in
            guard let text = field(name) else { return nil }
            let value = Substring(text).trimmingWhitespace()
            return value.isEmpty ? nil : String(value)
        }
        guard Self.members.contains(where: { field($0) != nil }) else { return nil }
        self.init(wrapper: wrapper, error: trimmed("error") ?? "", status: trimmed("status")?.lowercased(),
                  message: field("message"), transactionNumber: trimmed("transaction_number"),
                  duration: trimmed("duration").flatMap { Double($0) }.flatMap { $0.isFinite ? $0 : nil })
    }
}

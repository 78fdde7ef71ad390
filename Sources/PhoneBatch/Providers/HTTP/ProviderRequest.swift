/// One HTTP request to a provider, as an adapter writes it.
public struct ProviderRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]?
    /// A short name for the event log (`create`, `validate_phone`); never the URL, which
    /// may carry a key.
    public var endpoint: String
    /// How the provider's answer is read: accepted, retried, or the run stopped.
    public var classify: @Sendable (ProviderResponse) -> ResponseClass
    /// The units the answer cost, for the event log.
    public var units: @Sendable (ProviderResponse) -> Int

    public init(method: String, url: String, headers: [(String, String)] = [], body: [UInt8]? = nil, endpoint: String,
                classify: @escaping @Sendable (ProviderResponse) -> ResponseClass = ResponseClass.standard,
                units: @escaping @Sendable (ProviderResponse) -> Int = { _ in 0 }) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.endpoint = endpoint
        self.classify = classify
        self.units = units
    }

    /// A JSON body.
    public static func json(_ value: JSONValue) -> [UInt8] { Array(value.text.utf8) }

    /// A form body (`application/x-www-form-urlencoded`).
    public static func form(_ fields: [(String, String)]) -> [UInt8] {
        Array(fields.map { "\(FormEncoding.escape($0.0))=\(FormEncoding.escape($0.1))" }.joined(separator: "&").utf8)
    }
}

/// A provider's answer: status, headers and the whole body.
public struct ProviderResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header of that name, any case.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0.lowercased() == wanted }?.1
    }

    /// The body as JSON; nil when it is not JSON.
    public var json: JSONValue? { try? JSONValue(parsing: body) }

    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// Percent-encoding for form fields and query strings.
public enum FormEncoding {
    public static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return out
    }
}

import Foundation
import Hummingbird
import PhoneBatch

/// Xverify Phone Confirm: `GET /services/phoneconfirm/placecall/` calls the number and reads
/// a code; `GET /services/phoneconfirm/verifycode/` checks the code the person typed against
/// the call's transaction number. Answers are one object in a single wrapper key (JSON) or
/// element (XML); `error` is 0 when fine. An untrusted API key or domain gets a 503. A code
/// is good for `codeLifetimeSeconds` after its call was placed.
struct XverifyImitation {
    let place: ProviderEndpoint
    let verify: ProviderEndpoint
    let calls: XverifyCalls
    let credits: CreditMeter
    let clock: SandboxClock
    let knobs: SandboxKnobs

    static let wrapper = "phoneconfirm"
    /// The optional redial parameters and the values the sandbox accepts for them.
    static let redialRanges: [(name: String, range: ClosedRange<Int>)] = [("redial_count", 0...5), ("redial_interval", 1...3600)]

    func register(on router: Router<SandboxRequestContext>) {
        router.get("/services/phoneconfirm/placecall/", use: place.handler(placeCall))
        router.get("/services/phoneconfirm/verifycode/", use: verify.handler(verifyCode))
        // The sandbox's own view of the calls placed, for tests and rehearsals to check what a
        // client asked for: not a provider endpoint, so no faults, no hold and no ledger line.
        router.get("/_sandbox/xverify/calls") { [calls] _, _ in
            Response.json(.ok, await calls.listing())
        }
    }

    /// One answer in the asked format.
    static func answer(_ fields: [(String, JSONValue)], xml: Bool, status: HTTPResponse.Status = .ok) -> Response {
        guard xml else { return .json(status, .object([(wrapper, .object(fields))])) }
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(wrapper)>"
        for (key, value) in fields {
            let content: String
            switch value {
            case .string(let string): content = string
            case .int(let number): content = String(number)
            case .double(let number): content = String(number)
            default: content = value.text
            }
            text += "<\(key)>\(escape(content))</\(key)>"
        }
        text += "</\(wrapper)>\n"
        return Response(status: status, headers: [.contentType: "application/xml"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func fault(_ fault: FaultInjector.Fault) -> Response {
        switch fault {
        case .rateLimited:
            return answer([("error", .int(429)), ("status", .string("invalid")), ("message", .string("Too many requests"))],
                          xml: false, status: .tooManyRequests)
        case .serverError(let status):
            return answer([("error", .int(Int64(status))), ("status", .string("invalid")), ("message", .string("Service unavailable"))],
                          xml: false, status: HTTPResponse.Status(code: status))
        default:
            return answer([("error", .int(500))], xml: false, status: .internalServerError)
        }
    }

    /// The query's fields, and whether the answer is to be XML; or the refusal.
    private func read(_ request: Request) -> (fields: [String: String], xml: Bool, refusal: Response?) {
        let fields = FormBody.parse(request.uri.query ?? "")
        let xml = fields["type"]?.lowercased() == "xml"
        guard fields["apikey"] == SandboxCredentials.xverifyAPIKey, fields["domain"] == SandboxCredentials.xverifyDomain else {
            return (fields, xml, Response(status: .serviceUnavailable, headers: [.contentType: "text/plain"],
                                          body: .init(byteBuffer: ByteBuffer(string: "Service Unavailable: untrusted API key or domain\n"))))
        }
        return (fields, xml, nil)
    }

    private static func failure(_ error: String, _ message: String, xml: Bool) -> Response {
        answer([("error", .string(error)), ("status", .string("invalid")), ("message", .string(message))], xml: xml)
    }

    @Sendable func placeCall(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        let (fields, xml, refusal) = read(request)
        if let refusal { return refusal }
        guard let phone = fields["phone"], !phone.isEmpty, let code = fields["code"], !code.isEmpty else {
            return Self.failure("1", "Missing parameter: phone and code are required", xml: xml)
        }
        // Both spellings of the call time are seen: the documented one and a client's. An
        // empty one counts as not sent.
        let callTimeParameter = ["call_place_tile", "call_place_time"].first { fields[$0]?.isEmpty == false }
        let callTime = callTimeParameter.flatMap { fields[$0] }
        if let callTimeParameter, let callTime, !Self.isCallTime(callTime) {
            return Self.failure("2", "\(callTimeParameter) must be YYYY-MM-DD HH:MM:SS", xml: xml)
        }
        // Sent at all, even empty, they must be whole numbers in range.
        for (name, range) in Self.redialRanges {
            guard let text = fields[name] else { continue }
            if let number = Int(text), range.contains(number) { continue }
            return Self.failure("2", "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)", xml: xml)
        }
        let region = fields["country_code"].flatMap { CountryResolver.shared.region(for: $0) }
        var normalizer = PhoneNormalizer(wantLocation: false)
        let facts = NumberFacts(provider: .xverify, input: phone, region: region, seed: knobs.seed, normalizer: &normalizer)
        await place.ledger.recordSubmission(.xverify, number: facts.ledgerKey)
        guard let number = facts.number, number.isValid else {
            return Self.failure("0", "Invalid phone number", xml: xml)
        }
        guard await credits.take(.xverify) else {
            return Self.failure("3", "Insufficient credits", xml: xml)
        }
        // The call is on the list before the ledger bills it: whoever sees it billed sees it listed.
        let parameters = XverifyCalls.Parameters(
            phone: phone, countryCode: fields["country_code"], code: code, redialCount: fields["redial_count"],
            redialInterval: fields["redial_interval"], callTime: callTime, callTimeParameter: callTimeParameter)
        let transaction = await calls.place(parameters, at: await clock.now())
        await place.ledger.recordBillable(.xverify, units: 1)
        return Self.answer([("error", .int(0)), ("status", .string("valid")), ("message", .string("Call placed to \(number.e164Text)")),
                            ("transaction_number", .string(transaction)), ("duration", .double(0.21))], xml: xml)
    }

    @Sendable func verifyCode(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        let (fields, xml, refusal) = read(request)
        if let refusal { return refusal }
        guard let transaction = fields["transaction_number"], let code = fields["code"] else {
            return Self.failure("1", "Missing parameter: transaction_number and code are required", xml: xml)
        }
        guard let call = await calls.call(for: transaction) else {
            return Self.failure("4", "Unknown transaction number", xml: xml)
        }
        if await clock.now().timeIntervalSince(call.placedAt) > knobs.codeLifetimeSeconds {
            return Self.answer([("error", .string("5")), ("status", .string("invalid")), ("message", .string("Transaction expired")),
                                ("transaction_number", .string(transaction))], xml: xml)
        }
        let matches = call.parameters.code == code
        return Self.answer([("error", .int(0)), ("status", .string(matches ? "valid" : "invalid")),
                            ("message", .string(matches ? "Code verified" : "Code does not match")),
                            ("transaction_number", .string(transaction)), ("duration", .double(0.05))], xml: xml)
    }

    static func isCallTime(_ text: String) -> Bool {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.date(from: text) != nil
    }
}

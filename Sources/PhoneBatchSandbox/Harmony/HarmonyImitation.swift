import Foundation
import Hummingbird
import PhoneBatch

/// GBG Loqate Harmony's phone validation: `POST /harmony/rest/{locale}/validate/phone`,
/// HTTP Basic auth, at most 100 numbers a call, one answer per number in the order asked.
struct HarmonyImitation {
    let endpoint: ProviderEndpoint
    let credits: CreditMeter
    let seed: UInt64

    static let maximumPhones = 100

    func register(on router: Router<SandboxRequestContext>) {
        router.post("/harmony/rest/:locale/validate/phone", use: endpoint.handler(validate))
    }

    /// Harmony's answer to a fault: its refusal shape with the fault's status.
    static func fault(_ fault: FaultInjector.Fault) -> Response {
        switch fault {
        case .rateLimited(_, let limit): return error(.tooManyRequests, "Too many requests: \(limit) a minute")
        case .serverError(let status): return error(HTTPResponse.Status(code: status), "The service is temporarily unavailable")
        default: return error(.internalServerError, "The service is temporarily unavailable")
        }
    }

    /// Harmony's refusal shape: `status: ERROR` with messages, and an empty payload.
    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        .json(status, ["status": .string("ERROR"), "messages": .array([.string(message)]), "payload": .array([])])
    }

    private struct Body: Decodable {
        struct Item: Decodable {
            var fullPhone: String
            var country: String?
        }
        var payload: [Item]
    }

    @Sendable func validate(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        guard Self.isAuthorized(request.headers[.authorization]) else {
            return Self.error(.unauthorized, "Access is denied")
        }
        guard let body = try? JSONDecoder().decode(Body.self, from: Data(try await request.bodyBytes())) else {
            return Self.error(.badRequest, "The request body is not a PhoneRestRequest")
        }
        guard (1...Self.maximumPhones).contains(body.payload.count) else {
            return Self.error(.badRequest, "Between 1 and \(Self.maximumPhones) phone numbers can be validated per request")
        }
        guard await credits.take(.harmony, units: body.payload.count) else {
            return Self.error(HTTPResponse.Status(code: 402), "Insufficient credit to validate \(body.payload.count) phone numbers")
        }
        var normalizer = PhoneNormalizer(wantLocation: false)
        var answers: [JSONValue] = []
        for item in body.payload {
            let region = item.country.map { $0.uppercased() }
            let facts = NumberFacts(provider: .harmony, input: item.fullPhone, region: region, seed: seed, normalizer: &normalizer)
            answers.append(Self.validatedPhone(facts, country: item.country))
            await endpoint.ledger.recordSubmission(.harmony, number: facts.ledgerKey)
        }
        await endpoint.ledger.recordBillable(.harmony, units: answers.count)
        return .json(.ok, ["status": .string("SUCCESS"), "messages": .array([]), "payload": .array(answers)])
    }

    static func isAuthorized(_ header: String?) -> Bool {
        guard let header, header.hasPrefix("Basic "),
              let decoded = Data(base64Encoded: String(header.dropFirst(6))) else { return false }
        return String(decoding: decoded, as: UTF8.self)
            == "\(SandboxCredentials.harmonyUser):\(SandboxCredentials.harmonyPassword)"
    }

    /// One ValidatedPhone, as Harmony writes it.
    static func validatedPhone(_ facts: NumberFacts, country: String?) -> JSONValue {
        let verdict = LineVerdict(facts)
        let number = facts.number
        var pairs: [(String, JSONValue)] = [
            ("fullPhone", .string(facts.input)),
            ("country", .string(country ?? number?.region ?? "")),
            ("countryCode", .string(countryCode(number, facts: facts))),
            ("areaCode", .string("")),
            ("localNumber", .string(number?.national ?? facts.input)),
        ]
        switch verdict {
        case .connected:
            pairs.append(("operatorName", .string(number.map { Carriers.name(for: $0, facts: facts) } ?? "")))
            pairs.append(("phoneStatus", .string("connected|Network confirmed connection")))
            pairs.append(("exception", .string("")))
        case .disconnected:
            pairs.append(("operatorName", .string("Unknown")))
            pairs.append(("phoneStatus", .string("disconnected|Network confirmed disconnection")))
            pairs.append(("exception", .string("")))
        case .indeterminate(let reason):
            pairs.append(("phoneStatus", .string("indeterminate")))
            pairs.append(("exception", .string(exception(reason))))
        }
        let isMobile = number?.type == .mobile
        pairs.append(("attributes", [
            "RequestProcessed": .string("true"),
            "NumberType": .string(numberType(number?.type)),
            "PhoneNumber": .string(number?.e164Text ?? ""),
            "NetworkCode": .string(isMobile && verdict == .connected ? String(format: "%02d", 1 + facts.draw(30, salt: 3)) : ""),
            "IsValid": .string(verdict == .connected ? "Yes" : "No"),
        ]))
        return .object(pairs)
    }

    /// "61", "+61" or "": all three are seen from Harmony, so the sandbox serves all three.
    private static func countryCode(_ number: NumberDescription?, facts: NumberFacts) -> String {
        guard let number, let region = number.region else { return "" }
        let code = String(CountryResolver.callingCode(forRegion: region))
        switch facts.draw(10, salt: 4) {
        case 0..<6: return code
        case 6..<9: return "+" + code
        default: return ""
        }
    }

    private static func numberType(_ type: NumberType?) -> String {
        switch type {
        case .mobile: return "Mobile"
        case .voip: return "VOIP"
        default: return "Landline"
        }
    }

    private static func exception(_ reason: LineVerdict.IndeterminateReason) -> String {
        switch reason {
        case .prefixMissing: return "Number prefix missing"
        case .invalidDestination: return "Invalid destination address."
        case .networkForbidden: return "Network is forbidden"
        case .anotherCountry(let region): return "Validated as another country - \(region)"
        }
    }
}

import Foundation
import Hummingbird
import PhoneBatch

/// Delpha's phone assessment: OAuth2 client credentials at `POST /oauth2/token`, then a job
/// per number: `POST /v1/phone` answers 202 with a job id, `GET /v1/phone/{job_id}` answers
/// 202 while it runs and 200 with the result, or 504 "Job timed out.".
struct DelphaImitation {
    let token: ProviderEndpoint
    let submit: ProviderEndpoint
    let poll: ProviderEndpoint
    let state: DelphaState
    let credits: CreditMeter
    let clock: SandboxClock
    let knobs: SandboxKnobs
    /// Seconds a token lives.
    static let tokenLifetime = 3600

    func register(on router: Router<SandboxRequestContext>) {
        router.post("/oauth2/token", use: token.handler(issueToken))
        router.post("/v1/phone", use: submit.handler(submitJob))
        router.get("/v1/phone/:job_id", use: poll.handler(pollJob))
    }

    static func message(_ status: HTTPResponse.Status, _ text: String, extra: [(String, JSONValue)] = []) -> Response {
        .json(status, .object([("message", .string(text))] + extra))
    }

    static func fault(_ fault: FaultInjector.Fault) -> Response {
        switch fault {
        case .rateLimited: return message(.tooManyRequests, "Too many requests")
        case .serverError(let status) where status == 500: return message(.internalServerError, "Internal server error")
        case .serverError(let status): return message(HTTPResponse.Status(code: status), "Service unavailable")
        default: return message(.internalServerError, "Internal server error")
        }
    }

    @Sendable func issueToken(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        let fields = FormBody.parse(String(decoding: try await request.bodyBytes(), as: UTF8.self))
        var id = fields["client_id"], secret = fields["client_secret"]
        if let header = request.headers[.authorization], header.hasPrefix("Basic "),
           let decoded = Data(base64Encoded: String(header.dropFirst(6))) {
            let parts = String(decoding: decoded, as: UTF8.self).split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2 { (id, secret) = (parts[0], parts[1]) }
        }
        guard fields["grant_type"] == "client_credentials" else {
            return .json(.badRequest, ["error": .string("unsupported_grant_type")])
        }
        guard id == SandboxCredentials.delphaClientID, secret == SandboxCredentials.delphaClientSecret else {
            return .json(.unauthorized, ["error": .string("invalid_client")])
        }
        let expiry = await clock.now().addingTimeInterval(TimeInterval(Self.tokenLifetime))
        let issued = await state.issueToken(expiring: expiry)
        return .json(.ok, ["access_token": .string(issued), "token_type": .string("Bearer"), "expires_in": .int(Self.tokenLifetime)])
    }

    private func authorized(_ request: Request) async -> Bool {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return false }
        return await state.tokenIsValid(String(header.dropFirst(7)), at: await clock.now())
    }

    @Sendable func submitJob(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        guard await authorized(request) else {
            return Self.message(.unauthorized, "Authentication failed - invalid or missing OAuth 2.0 token")
        }
        struct Body: Decodable { var phone: String?; var country: String?; var country_code: String? }
        guard let body = try? JSONDecoder().decode(Body.self, from: Data(try await request.bodyBytes())),
              let phone = body.phone, !phone.isEmpty else {
            return Self.message(.badRequest, "Invalid phone format or missing required fields", extra: [("status", .string("ERROR"))])
        }
        let region = body.country_code?.uppercased() ?? body.country.flatMap { CountryResolver.shared.region(for: $0) }
        guard phone.hasPrefix("+") || phone.hasPrefix("00") || region != nil else {
            return Self.message(.badRequest, "Invalid phone format or missing required fields: a national number needs country or country_code",
                                extra: [("status", .string("ERROR"))])
        }
        guard await credits.take(.delpha) else {
            return Self.message(HTTPResponse.Status(code: 402), "Payment Required", extra: [("status", .string("ERROR"))])
        }
        var normalizer = PhoneNormalizer(wantLocation: false)
        let facts = NumberFacts(provider: .delpha, input: phone, region: region, seed: knobs.seed, normalizer: &normalizer)
        await submit.ledger.recordSubmission(.delpha, number: facts.ledgerKey)
        await submit.ledger.recordBillable(.delpha, units: 1)
        let timesOut = await submit.faults.happens(rate: knobs.jobTimeoutRate)
        let id = await state.add(.init(result: Self.result(facts), ready: await clock.now().addingTimeInterval(knobs.asyncSeconds),
                                       timesOut: timesOut))
        // The current documentation gives status as a string; an older one as the integer 202.
        let status: JSONValue = facts.draw(5, salt: 7) == 0 ? .int(202) : .string("SUCCESS")
        return .json(.accepted, ["job_id": .string(id), "message": .string("Job submitted to assess_phone_v16"), "status": status])
    }

    @Sendable func pollJob(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        guard await authorized(request) else {
            return Self.message(.unauthorized, "Authentication failed - invalid or missing OAuth 2.0 token")
        }
        guard let id = context.parameters.get("job_id"), let job = await state.job(id) else {
            return Self.message(.internalServerError, "Failed to retrieve job.")
        }
        guard await clock.now() >= job.ready else {
            return Self.message(.accepted, "Job is still running.", extra: [("status", .string("SUCCESS"))])
        }
        if job.timesOut { return Self.message(.gatewayTimeout, "Job timed out.") }
        return .json(.ok, ["message": .string("Job succeeded."), "status": .string("SUCCESS"), "result": job.result,
                           "process_time": .double(0.123)])
    }

    /// Delpha's assessment of a number.
    static func result(_ facts: NumberFacts) -> JSONValue {
        guard let number = facts.number else {
            return ["area": .null, "carrier": .null, "data_type": .string("phone"), "normalized_value": .null,
                    "phone_type": .string("UNKNOWN"), "timezone": .null, "zone": .null,
                    "scores": ["accuracy": .int(-1), "completeness": .int(0), "consistency": .int(-1), "validity": .int(-1)]]
        }
        let region = number.region
        let consistent = facts.requestedRegion == nil || facts.requestedRegion == region
        return [
            "area": .optional(region.flatMap(CountryResolver.englishName(forRegion:))),
            "carrier": number.isValid ? .string(Carriers.name(for: number, facts: facts)) : .null,
            "data_type": .string("phone"),
            "normalized_value": .string(number.e164Text),
            "phone_type": .string(number.type.rawValue.uppercased()),
            // The number's own zone, from the engine: its first when its range spans several.
            "timezone": .optional(number.timeZones.flatMap { $0.split(separator: "|").first.map(String.init) }),
            "zone": .optional(region),
            "scores": [
                "accuracy": .int(number.isValid ? 1 : -1),
                "completeness": .int(1),
                "consistency": .int(consistent ? 1 : 0),
                "validity": .int(number.isValid ? 1 : -1),
            ],
        ]
    }
}

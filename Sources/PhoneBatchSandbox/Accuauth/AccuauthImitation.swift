import Foundation
import Hummingbird
import PhoneBatch

/// Accuauth's phone number check: `POST /check/phone_number/o1` answers at once for some
/// numbers and with a task for the rest; `POST /check/phone_number/task_result/o1` answers
/// HTTP 400 `PENDING` while the task runs. Header auth (`X-DF-API-ID`, `X-DF-API-SECRET`);
/// form or JSON bodies; every answer carries `request_id` as `TID` and 32 hex digits.
struct AccuauthImitation {
    let check: ProviderEndpoint
    let taskResult: ProviderEndpoint
    let tasks: AccuauthTasks
    let credits: CreditMeter
    let clock: SandboxClock
    let knobs: SandboxKnobs

    /// A task can be asked for during 24 hours.
    static let taskLifetime: TimeInterval = 24 * 3600
    /// The API id that is always expired, and one without permission, for rehearsing refusals.
    static let expiredAPIID = "sandbox-accuauth-expired"
    static let noPermissionAPIID = "sandbox-accuauth-no-permission"

    func register(on router: Router<SandboxRequestContext>) {
        router.post("/check/phone_number/o1", use: check.handler(submit))
        router.post("/check/phone_number/task_result/o1", use: taskResult.handler(result))
    }

    static func answer(_ status: HTTPResponse.Status, _ code: String, reason: String? = nil,
                       extra: [(String, JSONValue)] = []) -> Response {
        var pairs: [(String, JSONValue)] = [("status", .string(code))]
        if let reason { pairs.append(("reason", .string(reason))) }
        pairs += extra
        pairs.append(("request_id", .string("TID" + HexID.make())))
        return .json(status, .object(pairs))
    }

    static func fault(_ fault: FaultInjector.Fault) -> Response {
        switch fault {
        case .rateLimited: return answer(.forbidden, "RATE_LIMIT_EXCEEDED", reason: "API request frequency exceeds the limit")
        default: return answer(.internalServerError, "INTERNAL_ERROR", reason: "Internal server error")
        }
    }

    static let apiID = HTTPFields.Element.Name("X-DF-API-ID")!
    static let apiSecret = HTTPFields.Element.Name("X-DF-API-SECRET")!

    /// nil when the credentials are good, else the refusal.
    static func refusal(_ request: Request) -> Response? {
        let id = request.headers[apiID]
        let secret = request.headers[apiSecret]
        if id == expiredAPIID { return answer(.unauthorized, "KEY_EXPIRED", reason: "Your API ID has expired") }
        if id == noPermissionAPIID { return answer(.forbidden, "NO_PERMISSION", reason: "You are not authorized to use this API") }
        guard id == SandboxCredentials.accuauthAPIID, secret == SandboxCredentials.accuauthAPISecret else {
            return answer(.unauthorized, "UNAUTHORIZED", reason: "Unauthorized or access is denied")
        }
        return nil
    }

    @Sendable func submit(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        if let refusal = Self.refusal(request) { return refusal }
        let fields = FormBody.fields(of: try await request.bodyBytes(), contentType: request.headers[.contentType])
        guard let phone = fields?["phone_number"], !phone.trimmingCharacters(in: .whitespaces).isEmpty else {
            return Self.answer(.badRequest, "INVALID_ARGUMENT", reason: "argument 'phone_number': not found")
        }
        guard await credits.take(.accuauth) else {
            return Self.answer(.forbidden, "OUT_OF_QUOTA", reason: "API calls quota exceeded")
        }
        // The number carries its country prefix, with or without a plus.
        var normalizer = PhoneNormalizer(wantLocation: false)
        let text = phone.hasPrefix("+") ? phone : "+" + phone
        let facts = NumberFacts(provider: .accuauth, input: text, region: nil, seed: knobs.seed, normalizer: &normalizer)
        await check.ledger.recordSubmission(.accuauth, number: facts.ledgerKey)
        await check.ledger.recordBillable(.accuauth, units: 1)
        let status = Self.phoneStatus(facts, checkNumber: await tasks.countCheck(facts.ledgerKey))
        if facts.draw(2, salt: 5) == 0 {
            return Self.answer(.ok, "OK", extra: [("result", ["phone_number": .string(phone), "phone_status": .string(status)])])
        }
        let now = await clock.now()
        let id = await tasks.add(.init(phoneNumber: phone, status: status, created: now,
                                       ready: now.addingTimeInterval(knobs.asyncSeconds)))
        return Self.answer(.ok, "PENDING", reason: "check in progress", extra: [("task_id", .string(id))])
    }

    @Sendable func result(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        if let refusal = Self.refusal(request) { return refusal }
        let fields = FormBody.fields(of: try await request.bodyBytes(), contentType: request.headers[.contentType])
        guard let id = fields?["task_id"], !id.isEmpty else {
            return Self.answer(.badRequest, "INVALID_ARGUMENT", reason: "argument 'task_id': not found")
        }
        guard let task = await tasks.task(id) else {
            return Self.answer(.badRequest, "INVALID_ARGUMENT", reason: "argument 'task_id': no such task")
        }
        let now = await clock.now()
        if now.timeIntervalSince(task.created) > Self.taskLifetime {
            return Self.answer(.badRequest, "INVALID_ARGUMENT", reason: "argument 'task_id': expired")
        }
        guard now >= task.ready else {
            // Not an error: the check is still running.
            return Self.answer(.badRequest, "PENDING", reason: "check in progress")
        }
        return Self.answer(.ok, "OK", extra: [("result", ["phone_number": .string(task.phoneNumber), "phone_status": .string(task.status)])])
    }

    /// One of the eight statuses. A number the engine rejects is `empty`; a line that was
    /// abnormal or unavailable on its first check settles on a later one.
    static func phoneStatus(_ facts: NumberFacts, checkNumber: Int) -> String {
        guard let number = facts.number, number.isValid else { return "empty" }
        let table: [(String, Int)] = [
            ("connected", 50), ("ring", 15), ("busy", 6), ("turned_off", 6), ("outside_service_area", 6),
            ("empty", 5), ("line_abnormal", 6), ("temp_unavailable", 6),
        ]
        var draw = facts.draw(100, salt: 6)
        if checkNumber > 1 { draw = facts.draw(88, salt: 6 &+ UInt64(checkNumber)) }  // the transient two are the last 12
        for (status, weight) in table {
            if draw < weight { return status }
            draw -= weight
        }
        return "connected"
    }
}

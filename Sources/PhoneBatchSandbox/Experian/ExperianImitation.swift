import Foundation
import Hummingbird
import PhoneBatch

/// Experian Aperture Bulk Phone, as its published OpenAPI document has it: create a batch
/// (1 to 10,000 phones), start it (the billable step), poll its status, fetch its results,
/// stop it, list batches (how a client finds, after a crash, the batch it created). Auth by
/// `Auth-Token`, `x-app-key` or a bearer token; `Reference-Id` echoed; `Add-Metadata: true`
/// adds the metadata blocks; every error is `{"error":{type,title,detail,instance}}`.
struct ExperianImitation {
    let create: ProviderEndpoint
    let list: ProviderEndpoint
    let status: ProviderEndpoint
    let start: ProviderEndpoint
    let results: ProviderEndpoint
    let stop: ProviderEndpoint
    let batches: ExperianBatches
    let credits: CreditMeter
    let clock: SandboxClock
    let knobs: SandboxKnobs

    static let base = "/phone/bulk/v1/batches"
    static let maximumPhones = 10_000
    /// A batch must be started within 28 days of its creation.
    static let startWindow: TimeInterval = 28 * 24 * 3600

    func register(on router: Router<SandboxRequestContext>) {
        router.post(RouterPath(stringLiteral: Self.base), use: create.handler(guarded(createBatch)))
        router.get(RouterPath(stringLiteral: Self.base), use: list.handler(guarded(listBatches)))
        router.get(RouterPath(stringLiteral: Self.base + "/:batch_id"), use: status.handler(guarded(batchStatus)))
        router.post(RouterPath(stringLiteral: Self.base + "/:batch_id/start"), use: start.handler(guarded(startBatch)))
        router.get(RouterPath(stringLiteral: Self.base + "/:batch_id/results"), use: results.handler(guarded(batchResults)))
        router.post(RouterPath(stringLiteral: Self.base + "/:batch_id/stop"), use: stop.handler(guarded(stopBatch)))
    }

    // MARK: Shapes

    static func error(_ status: HTTPResponse.Status, _ detail: String, instance: String) -> Response {
        .json(status, ["error": [
            "type": .string("https://docs.experianaperture.io/errors/\(status.code)"),
            "title": .string(status.reasonPhrase),
            "detail": .string(detail),
            "instance": .string(instance),
        ]])
    }

    static func fault(_ fault: FaultInjector.Fault) -> Response {
        switch fault {
        case .rateLimited(_, let limit): return error(.tooManyRequests, "Rate limit of \(limit) requests a minute exceeded", instance: base)
        case .serverError(let code): return error(HTTPResponse.Status(code: code), "The service is temporarily unavailable", instance: base)
        default: return error(.internalServerError, "Internal error", instance: base)
        }
    }

    /// RFC 3339, as the document's `date-time` fields are.
    static func date(_ date: Date?) -> JSONValue { date.map { .string($0.ISO8601Format()) } ?? .null }

    /// Auth, then the handler; `Reference-Id` echoed on every answer.
    private func guarded(_ body: @escaping @Sendable (Request, SandboxRequestContext) async throws -> Response)
        -> @Sendable (Request, SandboxRequestContext) async throws -> Response {
        { request, context in
            var response: Response
            if let accept = request.headers[.accept], !Self.acceptsJSON(accept) {
                response = Self.error(.notAcceptable, "Only application/json answers are available", instance: request.uri.path)
            } else if request.method == .post, let type = request.headers[.contentType], !type.contains("json") {
                response = Self.error(.unsupportedMediaType, "Send the body as application/json", instance: request.uri.path)
            } else if Self.isAuthorized(request.headers) {
                response = try await body(request, context)
            } else {
                response = Self.error(.unauthorized, "A valid Auth-Token, x-app-key or bearer token is required", instance: request.uri.path)
            }
            if let reference = request.headers[Self.referenceID] { response.headers[Self.referenceID] = reference }
            return response
        }
    }

    static let authToken = HTTPFields.Element.Name("Auth-Token")!
    static let appKey = HTTPFields.Element.Name("x-app-key")!
    static let referenceID = HTTPFields.Element.Name("Reference-Id")!
    static let addMetadata = HTTPFields.Element.Name("Add-Metadata")!

    static func acceptsJSON(_ accept: String) -> Bool {
        accept.split(separator: ",").contains { range in
            let type = range.split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
            return type == "*/*" || type == "application/*" || type == "application/json"
        }
    }

    static func isAuthorized(_ headers: HTTPFields) -> Bool {
        let token = SandboxCredentials.experianToken
        return headers[authToken] == token || headers[appKey] == token || headers[.authorization] == "Bearer \(token)"
    }

    static func wantsMetadata(_ request: Request) -> Bool {
        request.headers[addMetadata]?.lowercased() == "true"
    }

    // MARK: Create

    @Sendable func createBatch(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        let bytes = try await request.bodyBytes(limit: 16 << 20)
        let parsed: (phones: [ExperianBatches.Phone], config: ExperianBatches.Config, reference: String?)
        switch ExperianRequest.parse(bytes) {
        case .failure(let problem): return Self.error(.badRequest, problem.detail, instance: Self.base)
        case .success(let value): parsed = value
        }
        let id = HexID.make()
        await batches.add(.init(id: id, reference: parsed.reference, phones: parsed.phones, config: parsed.config,
                                submitted: await clock.now(), started: nil, stoppedAt: nil))
        return .json(.ok, ["result": ["batch_id": .string(id), "batch_reference_id": .optional(parsed.reference),
                                      "status": .string("submitted")]])
    }

    // MARK: Start, status, stop, list

    private func find(_ context: SandboxRequestContext, _ request: Request) async -> ExperianBatches.Batch? {
        guard let id = context.parameters.get("batch_id") else { return nil }
        return await batches.batch(id)
    }

    private func notFound(_ request: Request) -> Response {
        Self.error(.notFound, "No batch with that batch_id", instance: request.uri.path)
    }

    @Sendable func startBatch(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        guard let batch = await find(context, request) else { return notFound(request) }
        let now = await clock.now()
        guard batch.started == nil else {
            return Self.error(.badRequest, "The batch has already been started", instance: request.uri.path)
        }
        guard now.timeIntervalSince(batch.submitted) <= Self.startWindow else {
            return Self.error(.badRequest, "The batch was created more than 28 days ago and can no longer be started", instance: request.uri.path)
        }
        guard await credits.take(.experian, units: batch.phones.count) else {
            return Self.error(.forbidden, "Not enough credits to process \(batch.phones.count) records", instance: request.uri.path)
        }
        await batches.start(batch.id, at: now)
        await start.ledger.recordBillable(.experian, units: batch.phones.count)
        var normalizer = PhoneNormalizer(wantLocation: false)
        for phone in batch.phones {
            let facts = NumberFacts(provider: .experian, input: phone.number, region: Self.region(phone, batch.config),
                                    seed: knobs.seed, normalizer: &normalizer)
            await start.ledger.recordSubmission(.experian, number: facts.ledgerKey)
        }
        return .json(.ok, ["result": ["batch_id": .string(batch.id), "batch_reference_id": .optional(batch.reference),
                                      "status": .string("processing")]])
    }

    @Sendable func batchStatus(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        guard let batch = await find(context, request) else { return notFound(request) }
        let progress = ExperianBatches.progress(of: batch, at: await clock.now(), duration: knobs.asyncSeconds)
        var pairs: [(String, JSONValue)] = [("result", Self.summary(batch, progress))]
        if Self.wantsMetadata(request) {
            let config = batch.config
            var live: [(String, JSONValue)] = []
            if let mobile = config.liveStatusMobile { live.append(("mobile", .array(mobile.map(JSONValue.string)))) }
            if let landline = config.liveStatusLandline { live.append(("landline", .array(landline.map(JSONValue.string)))) }
            pairs.append(("metadata", ["batch_config": .object([
                ("output_format", .optional(config.outputFormat)),
                ("country_iso", .optional(config.countryISO)),
                ("get_ported_date", config.getPortedDate.map(JSONValue.bool) ?? .null),
                ("supplementary_live_status", .object(live)),
                ("max_processing_time", .optional(config.maxProcessingTime)),
            ])]))
        }
        return .json(.ok, .object(pairs))
    }

    static func summary(_ batch: ExperianBatches.Batch, _ progress: ExperianBatches.Progress) -> JSONValue {
        [
            "batch_id": .string(batch.id), "batch_reference_id": .optional(batch.reference),
            "status": .string(progress.status), "reason": .optional(progress.reason),
            "records": .int(batch.phones.count), "records_processed": .int(progress.processed),
            "date_submitted": date(batch.submitted), "date_started": date(batch.started), "date_ended": date(progress.ended),
        ]
    }

    @Sendable func stopBatch(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        guard let batch = await find(context, request) else { return notFound(request) }
        let now = await clock.now()
        let progress = ExperianBatches.progress(of: batch, at: now, duration: knobs.asyncSeconds)
        guard progress.status == "processing" else {
            return Self.error(.badRequest, "Only a batch that is processing can be stopped; this one is \(progress.status)",
                              instance: request.uri.path)
        }
        await batches.stop(batch.id, at: now, processed: progress.processed)
        return .json(.ok, ["result": ["batch_id": .string(batch.id), "batch_reference_id": .optional(batch.reference),
                                      "status": .string("stopped")]])
    }

    @Sendable func listBatches(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        let now = await clock.now()
        let items = await batches.all().map { batch in
            Self.summary(batch, ExperianBatches.progress(of: batch, at: now, duration: knobs.asyncSeconds))
        }
        return .json(.ok, ["result": ["batches": .array(items)]])
    }

    // MARK: Results

    @Sendable func batchResults(_ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        guard let batch = await find(context, request) else { return notFound(request) }
        let progress = ExperianBatches.progress(of: batch, at: await clock.now(), duration: knobs.asyncSeconds)
        guard progress.status == "completed" || progress.status == "stopped" else {
            return Self.error(.badRequest, "The batch is \(progress.status): results come once it has completed or stopped",
                              instance: request.uri.path)
        }
        let metadata = Self.wantsMetadata(request)
        var normalizer = PhoneNormalizer(wantLocation: false)
        var phones: [JSONValue] = []
        var counts: [String: Int] = [:]
        for (index, phone) in batch.phones.enumerated() {
            guard index < progress.processed else {
                phones.append(ExperianPhoneResult.unprocessed(phone))
                counts["unprocessed", default: 0] += 1
                continue
            }
            let facts = NumberFacts(provider: .experian, input: phone.number, region: Self.region(phone, batch.config),
                                    seed: knobs.seed, normalizer: &normalizer)
            let result = ExperianPhoneResult(facts: facts, config: batch.config)
            counts[result.confidence, default: 0] += 1
            phones.append(result.json(metadata: metadata))
        }
        let statistics: [JSONValue] = [["name": .string("total"), "value": .int(batch.phones.count)]]
            + counts.keys.sorted().map { ["name": .string($0), "value": .int(counts[$0]!)] }
        return .json(.ok, ["result": [
            "batch_id": .string(batch.id), "batch_reference_id": .optional(batch.reference),
            "credits_charged": .int(progress.processed), "status": .string(progress.status), "reason": .optional(progress.reason),
            "statistics": .array(statistics), "phones": .array(phones),
        ]])
    }

    static func region(_ phone: ExperianBatches.Phone, _ config: ExperianBatches.Config) -> String? {
        (phone.countryISO ?? config.countryISO).flatMap { CountryResolver.shared.region(for: $0) }
    }
}

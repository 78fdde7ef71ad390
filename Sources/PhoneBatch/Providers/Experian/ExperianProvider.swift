import Foundation

/// Experian Aperture Bulk Phone: asynchronous batches of up to 10,000 numbers.
/// Create (our batch reference as `batch_reference_id` and `Reference-Id`), record the
/// provider's batch id, start (the billable step), poll the status, fetch the results.
/// Rows a stopped batch never reached come back `unprocessed`: they are left out of the
/// answers, so they go back to the queue.
public struct ExperianProvider: Provider {
    public let name = "experian"
    public let limits: ProviderLimits
    let base: String
    let token: String
    /// The batch defaults from the settings; each batch adds its own reference.
    let defaults: [(String, JSONValue)]

    static let maximumBatch = 10_000
    /// 2,000 numbers a batch finish in minutes; the published examples limit accounts to 150
    /// requests a minute (the answers' X-Rate-Limit-Limit lowers it further when it says so).
    static let defaultLimits = ProviderLimits(batchSize: 2_000, requestsPerSecond: 150.0 / 60, maxInFlight: 4,
                                              requestTimeout: 120, firstPoll: 5, maxPollInterval: 60)

    public init(settings: ProviderSettings) throws {
        base = try settings.baseURL() + "/phone/bulk/v1/batches"
        token = try settings.require("token")
        limits = try Self.defaultLimits.configured(by: settings, maxBatchSize: Self.maximumBatch)
        var defaults: [(String, JSONValue)] = [("output_format", .string("PLUS_E164"))]
        if try settings.bool("ported_date") ?? false { defaults.append(("get_ported_date", .bool(true))) }
        let mobile = try settings.strings("live_status_mobile") ?? []
        let landline = try settings.strings("live_status_landline") ?? []
        if !mobile.isEmpty || !landline.isEmpty {
            defaults.append(("supplementary_live_status", .object(
                (mobile.isEmpty ? [] : [("mobile", JSONValue.array(mobile.map(JSONValue.string)))])
                    + (landline.isEmpty ? [] : [("landline", JSONValue.array(landline.map(JSONValue.string)))]))))
        }
        if let time = try settings.string("max_processing_time") { defaults.append(("max_processing_time", .string(time))) }
        self.defaults = defaults
    }

    func headers(_ batch: WorkBatch, json: Bool = false) -> [(String, String)] {
        var headers = [("Auth-Token", token), ("Accept", "application/json"), ("Reference-Id", batch.reference),
                       ("Add-Metadata", "true")]
        if json { headers.append(("Content-Type", "application/json")) }
        return headers
    }

    public func submit(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome {
        let defaults = self.defaults + [("batch_reference_id", JSONValue.string(batch.reference))]
        let phones: [JSONValue] = batch.numbers.map { number in
            .object([("number", .string(number.e164Text))]
                + (number.region.flatMap(CountryResolver.alpha3(forRegion:)).map { [("country_iso", JSONValue.string($0))] } ?? []))
        }
        let created = try await session.send(ProviderRequest(
            method: "POST", url: base, headers: headers(batch, json: true),
            body: ProviderRequest.json(["defaults": .object(defaults), "phones": .array(phones)]),
            endpoint: "create", classify: Self.classify))
        guard let id = created.json?["result"]?["batch_id"]?.stringValue else {
            return .again(reason: "experian did not create the batch: \(ProviderSession.summary(of: created))", after: 5)
        }
        // Committed before the start: after a crash the batch is found, not created twice.
        try await session.remember(providerRef: id)
        return try await start(batch, id: id, session: session)
    }

    /// Starts a created batch: the billable step, made at most once.
    private func start(_ batch: WorkBatch, id: String, session: ProviderSession) async throws -> BatchOutcome {
        let size = batch.numbers.count
        let started = try await session.send(ProviderRequest(
            method: "POST", url: "\(base)/\(id)/start", headers: headers(batch, json: true), body: Array("{}".utf8),
            endpoint: "start", classify: Self.classify, units: { _ in size }))
        if started.isSuccess { return .accepted(providerRef: id) }
        // 400: already started (a lost answer), or created too long ago to start.
        let detail = started.json?["error"]?["detail"]?.stringValue ?? ""
        if detail.lowercased().contains("already") { return .accepted(providerRef: id) }
        return .again(reason: "experian would not start batch \(id): \(ProviderSession.summary(of: started))", after: 0)
    }

    /// Finds a batch that may already be at Experian: by the id we recorded, else by our
    /// reference in the list of batches. Starts it if it was created but never started.
    public func recover(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome? {
        var id = batch.providerRef
        if id == nil {
            let listed = try await session.send(ProviderRequest(
                method: "GET", url: base, headers: headers(batch), endpoint: "list", classify: Self.classify))
            let found = listed.json?["result"]?["batches"]?.arrayValue?.first {
                $0["batch_reference_id"]?.stringValue == batch.reference
            }
            guard let found, let foundID = found["batch_id"]?.stringValue else { return nil }
            try await session.remember(providerRef: foundID)
            id = foundID
        }
        guard let id else { return nil }
        let status = try await session.send(ProviderRequest(
            method: "GET", url: "\(base)/\(id)", headers: headers(batch), endpoint: "status", classify: Self.classify))
        if status.status == 404 { return nil }
        if status.json?["result"]?["status"]?.stringValue == "submitted" {
            return try await start(batch, id: id, session: session)
        }
        return .accepted(providerRef: id)
    }

    public func poll(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome {
        guard let id = batch.providerRef else { return .again(reason: "no batch id to poll", after: 0) }
        let status = try await session.send(ProviderRequest(
            method: "GET", url: "\(base)/\(id)", headers: headers(batch), endpoint: "status", classify: Self.classify))
        if status.status == 404 { return .again(reason: "experian no longer knows batch \(id)", after: 0) }
        switch status.json?["result"]?["status"]?.stringValue {
        case "completed", "stopped": break
        case "submitted": return try await start(batch, id: id, session: session)
        default: return .pending
        }
        let results = try await session.send(ProviderRequest(
            method: "GET", url: "\(base)/\(id)/results", headers: headers(batch), endpoint: "results", classify: Self.classify))
        guard let phones = results.json?["result"]?["phones"]?.arrayValue else {
            return .again(reason: "experian sent no results for batch \(id): \(ProviderSession.summary(of: results))", after: 5)
        }
        let byNumber = Dictionary(batch.numbers.map { ($0.e164Text, $0) }, uniquingKeysWith: { first, _ in first })
        var answers: [ProviderAnswer] = []
        for (index, phone) in phones.enumerated() {
            let confidence = phone["confidence"]?.stringValue ?? ""
            if confidence == "unprocessed" { continue }
            guard let number = phone["number"]?.stringValue.flatMap({ byNumber[$0] })
                    ?? (index < batch.numbers.count ? batch.numbers[index] : nil) else { continue }
            answers.append(Self.answer(phone, for: number))
        }
        return .answered(answers)
    }

    /// 401: credentials; 403: no credits left (or no access); 429 slows the lane.
    @Sendable static func classify(_ response: ProviderResponse) -> ResponseClass {
        if response.status == 403 { return .stop(.credits) }
        return ResponseClass.standard(response)
    }

    static func answer(_ phone: JSONValue, for number: NumberToCheck) -> ProviderAnswer {
        let confidence = phone["confidence"]?.stringValue ?? ""
        let status: LineStatus = switch confidence.lowercased() {
        case "verified", "disposable": .connected
        case "dead", "teleservice not provisioned": .disconnected
        case "absent": .unreachable
        case "no coverage": .noCoverage
        default: .unknown
        }
        let metadata = phone["metadata"]
        let ported: String? = phone["ported_date"]?.stringValue
            ?? metadata?["is_ported"]?.boolValue.map { $0 ? "yes" : "no" }
        return ProviderAnswer(e164: number.e164, lineStatus: status, carrier: metadata?["operator_name"]?.stringValue,
                              ported: ported, providerStatus: confidence, answer: phone)
    }
}

/// GBG Loqate Harmony: synchronous, up to 100 numbers a call, HTTP Basic auth.
/// `POST {url}/harmony/rest/{locale}/validate/phone` with `{"payload":[{fullPhone,country}]}`;
/// the answer has one item per input, in the same order.
public struct HarmonyProvider: Provider {
    public let name = "harmony"
    public let limits: ProviderLimits
    let endpoint: String
    let authorization: String

    static let maximumBatch = 100
    /// No published rate limit; the vendor warns that servers take a minute or two to scale
    /// up, so the default is gentle.
    static let defaults = ProviderLimits(batchSize: 100, requestsPerSecond: 5, maxInFlight: 4, requestTimeout: 60)

    public init(settings: ProviderSettings) throws {
        let locale = try settings.string("locale") ?? "au"
        endpoint = "\(try settings.baseURL())/harmony/rest/\(locale)/validate/phone"
        authorization = "Basic " + Base64.encode("\(try settings.require("user")):\(try settings.require("password"))")
        limits = try Self.defaults.configured(by: settings, maxBatchSize: Self.maximumBatch)
    }

    public func submit(_ batch: WorkBatch, session: ProviderSession) async throws -> BatchOutcome {
        let payload: [JSONValue] = batch.numbers.map { number in
            .object([("fullPhone", .string(number.e164Text))] + (number.region.map { [("country", JSONValue.string($0))] } ?? []))
        }
        let response = try await session.send(ProviderRequest(
            method: "POST", url: endpoint,
            headers: [("Authorization", authorization), ("Content-Type", "application/json"), ("Accept", "application/json")],
            body: ProviderRequest.json(["payload": .array(payload)]),
            endpoint: "validate_phone", classify: Self.classify,
            units: { response in response.json?["payload"]?.arrayValue?.count ?? 0 }))
        guard let items = response.json?["payload"]?.arrayValue, response.json?["status"]?.stringValue == "SUCCESS" else {
            return .again(reason: "harmony answered without a payload: \(ProviderSession.summary(of: response))", after: 5)
        }
        // One item per input, in order; an answer for another number than asked is left out
        // (the number goes back to the queue) rather than pinned on the wrong row.
        var answers: [ProviderAnswer] = []
        for (number, item) in zip(batch.numbers, items) {
            answers.append(Self.answer(item, for: number))
        }
        return .answered(answers)
    }

    /// Harmony says "Access is denied" with status ERROR for bad credentials; 402 for no credit.
    @Sendable static func classify(_ response: ProviderResponse) -> ResponseClass {
        if response.json?["status"]?.stringValue == "ERROR" {
            let messages = response.json?["messages"]?.arrayValue?.compactMap(\.stringValue).joined(separator: " ") ?? ""
            if messages.lowercased().contains("access is denied") { return .stop(.credentials) }
        }
        return ResponseClass.standard(response)
    }

    static func answer(_ item: JSONValue, for number: NumberToCheck) -> ProviderAnswer {
        let phoneStatus = item["phoneStatus"]?.stringValue ?? ""
        let exception = item["exception"]?.stringValue ?? ""
        let verdict = phoneStatus.split(separator: "|").first.map { $0.lowercased() } ?? ""
        let status: LineStatus
        switch verdict {
        case "connected", "active": status = .connected
        case "disconnected": status = .disconnected
        case "indeterminate":
            let lowered = exception.lowercased()
            status = lowered.contains("invalid destination") || lowered.contains("prefix missing") ? .invalid : .unknown
        default: status = .unknown
        }
        let operatorName = item["operatorName"]?.stringValue
        let carrier = operatorName.flatMap { $0.isEmpty || $0 == "Unknown" ? nil : $0 }
        let providerStatus = exception.isEmpty ? phoneStatus : "\(phoneStatus); \(exception)"
        return ProviderAnswer(e164: number.e164, lineStatus: status, carrier: carrier, providerStatus: providerStatus,
                              answer: item)
    }
}


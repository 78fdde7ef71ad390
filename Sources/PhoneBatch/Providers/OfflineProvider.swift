/// The local provider: libphonenumber's verdict, already worked out at ingest, recorded as
/// the answer. Free, instant, and the shape of a synchronous batch provider.
public struct OfflineProvider: Provider {
    public let name = "offline"
    public let maxBatchSize = 10_000

    public init() {}

    public func check(_ numbers: [NumberToCheck]) async throws -> [ProviderAnswer] {
        numbers.map { number in
            ProviderAnswer(
                e164: number.e164,
                providerStatus: number.isValid ? "valid" : "invalid",
                answer: [
                    "e164": .string(number.e164Text),
                    "valid": .bool(number.isValid),
                    "type": .string(number.type.rawValue),
                    "region": .optional(number.region),
                ]
            )
        }
    }
}

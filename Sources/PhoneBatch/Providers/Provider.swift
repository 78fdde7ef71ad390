/// A phone-checking service, as the engine sees it: a translation between the provider's
/// wire format and the unified answer. The engine knows no provider by name.
public protocol Provider: Sendable {
    /// The name used on the command line, in `pb_provider` and in the database.
    var name: String { get }
    /// The most numbers one batch may carry.
    var maxBatchSize: Int { get }
    /// Checks a batch and answers every number in it, in any order.
    func check(_ numbers: [NumberToCheck]) async throws -> [ProviderAnswer]
}

/// A number as the engine hands it to a provider.
public struct NumberToCheck: Sendable, Equatable {
    public var e164: Int64
    public var region: String?
    public var national: String
    public var type: NumberType
    public var isValid: Bool

    public var e164Text: String { "+\(e164)" }
}

/// A provider's verdict on one number, in the unified shape.
public struct ProviderAnswer: Sendable, Equatable {
    public var e164: Int64
    /// The provider's own verdict, verbatim.
    public var providerStatus: String
    /// The provider's full answer for this number, as JSON.
    public var answer: JSONValue

    public init(e164: Int64, providerStatus: String, answer: JSONValue) {
        self.e164 = e164
        self.providerStatus = providerStatus
        self.answer = answer
    }
}

/// Whether each provider could run with a configuration (`phonebatch config check`): ready,
/// with its limits and prices, or what is missing. Never carries a secret: only the names of
/// the variables and keys, and the messages the providers give for them.
public struct ProviderReadiness: Sendable {
    public var provider: String
    /// nil when ready.
    public var problem: String?
    public var profile: ProviderProfile?
    /// Phone Confirm's cap on calls a minute, when it is the provider checked.
    public var callsPerMinute: Double?

    /// Every provider `run` takes, then Xverify (`confirm`), checked against `configuration`.
    public static func check(_ configuration: Configuration) -> [ProviderReadiness] {
        checkRunProviders(configuration) + [checkPhoneConfirm(configuration)]
    }

    static func checkPhoneConfirm(_ configuration: Configuration) -> ProviderReadiness {
        let name = XverifyClient.name
        do {
            let client = try XverifyClient(settings: configuration.settings(for: name))
            return ProviderReadiness(provider: name, problem: nil, profile: nil, callsPerMinute: client.maxCallsPerMinute)
        } catch let error as PhoneBatchError {
            return ProviderReadiness(provider: name, problem: error.message, profile: nil)
        } catch {
            return ProviderReadiness(provider: name, problem: String(describing: error), profile: nil)
        }
    }

    static func checkRunProviders(_ configuration: Configuration) -> [ProviderReadiness] {
        ProviderCatalog.names.filter { $0 != ProviderCatalog.offline }.map { name in
            do {
                _ = try ProviderCatalog.provider(named: name, configuration: configuration)
                return ProviderReadiness(provider: name, problem: nil,
                                         profile: try ProviderCatalog.profile(named: name, configuration: configuration))
            } catch let error as PhoneBatchError {
                return ProviderReadiness(provider: name, problem: error.message, profile: nil)
            } catch {
                return ProviderReadiness(provider: name, problem: String(describing: error), profile: nil)
            }
        }
    }

    public var text: String {
        if problem == nil, let callsPerMinute {
            return "\(provider.padding(toLength: 9, withPad: " ", startingAt: 0)) ready for `confirm`: at most \(CallParameters.number(callsPerMinute)) calls a minute"
        }
        guard let profile else { return "\(provider.padding(toLength: 9, withPad: " ", startingAt: 0)) not ready: \(problem ?? "")" }
        let limits = profile.limits
        var line = "\(provider.padding(toLength: 9, withPad: " ", startingAt: 0)) ready: batches of \(limits.batchSize), "
            + "\(Figures.rate(limits.requestsPerSecond)) requests/s, \(limits.maxInFlight) in flight"
        if profile.pricing.isKnown {
            line += "; \(Figures.money(profile.pricing.perNumber, profile.pricing.currency)) a number"
        } else {
            line += "; no price (set price_per_number to have plan estimate the cost)"
        }
        return line
    }

    public var json: JSONValue {
        [
            "ready": .bool(problem == nil),
            "problem": .optional(problem),
            "batch_size": profile.map { .int($0.limits.batchSize) } ?? .null,
            "requests_per_second": profile.map { .double($0.limits.requestsPerSecond) } ?? .null,
            "price_per_number": profile.flatMap { $0.pricing.isKnown ? .double($0.pricing.perNumber) : nil } ?? .null,
            "max_calls_per_minute": callsPerMinute.map { .double($0) } ?? .null,
        ]
    }
}

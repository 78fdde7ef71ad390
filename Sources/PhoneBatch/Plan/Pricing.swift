/// What a provider charges a number, from its config section: `price_per_number`, and for
/// Experian the extras it bills separately when they are asked for (`price_ported_date`
/// with `ported_date = true`, `price_live_status` with `live_status_mobile` or
/// `live_status_landline`). `currency` is a label for the figures (say "EUR").
public struct Pricing: Sendable {
    /// Each priced item: what it is and its price a number.
    public var items: [(String, Double)]
    public var currency: String

    /// No price configured: the plan says so rather than guess.
    public var isKnown: Bool { !items.isEmpty }

    public var perNumber: Double { items.reduce(0) { $0 + $1.1 } }

    public init(items: [(String, Double)], currency: String = "") {
        self.items = items
        self.currency = currency
    }

    init(settings: ProviderSettings) throws {
        var items: [(String, Double)] = []
        if let base = try settings.double("price_per_number", in: 0...1_000_000) { items.append(("check", base)) }
        if try settings.bool("ported_date") == true, let extra = try settings.double("price_ported_date", in: 0...1_000_000) {
            items.append(("ported date", extra))
        }
        let liveStatus = !((try settings.strings("live_status_mobile") ?? []) + (try settings.strings("live_status_landline") ?? [])).isEmpty
        if liveStatus, let extra = try settings.double("price_live_status", in: 0...1_000_000) {
            items.append(("live status", extra))
        }
        self.init(items: items, currency: try settings.string("currency") ?? "")
    }
}

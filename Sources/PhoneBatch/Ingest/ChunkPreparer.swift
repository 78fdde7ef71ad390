import Foundation

/// Turns a chunk of input rows into what the store keeps of them, around the phone check:
/// `prepare` reads each row's country and gathers the distinct phone queries; `complete`
/// applies the checker's verdicts.
struct ChunkPreparer {
    let layout: RowLayout
    private let countries = CountryResolver.shared
    private var countryCache: [String: String?] = [:]

    init(layout: RowLayout) {
        self.layout = layout
    }

    /// A chunk waiting for its phone verdicts.
    struct Prepared {
        var rows: [IngestedRow]
        /// For each row, the index of its query (one a row), or -1 when it needs none (malformed).
        var queryIndex: [Int]
        /// The phone fields to check, with the regions to read them in.
        var queries: [PhoneQuery]
    }

    mutating func prepare(_ inputs: [RowInput]) -> Prepared {
        var prepared = Prepared(rows: [], queryIndex: [], queries: [])
        prepared.rows.reserveCapacity(inputs.count)
        prepared.queryIndex.reserveCapacity(inputs.count)
        for input in inputs {
            var row = IngestedRow(rowNo: input.rowNo, line: input.line, phoneRaw: input.phone, countryRaw: input.country,
                                  region: layout.defaultRegion, status: .malformed, error: input.problem, e164: nil,
                                  code: input.code.map { $0.trimmingCharacters(in: .whitespaces) })
            guard input.problem == nil else {
                prepared.rows.append(row)
                prepared.queryIndex.append(-1)
                continue
            }
            if let country = input.country, !Self.isBlank(country) {
                if let region = region(for: country) {
                    row.region = region
                } else {
                    row.error = "unknown country '\(country)'" + (layout.defaultRegion.map { "; read as \($0)" } ?? "")
                }
            }
            // A query a row: a chunk repeats few spellings (a file repeats numbers far apart),
            // and parsing one again costs less than looking it up.
            prepared.queryIndex.append(prepared.queries.count)
            prepared.queries.append(PhoneQuery(text: input.phone ?? "", region: row.region))
            prepared.rows.append(row)
        }
        return prepared
    }

    func complete(_ prepared: Prepared, with checks: [PhoneReading]) -> [IngestedRow] {
        var rows = prepared.rows
        for (position, index) in prepared.queryIndex.enumerated() where index >= 0 {
            switch checks[index] {
            case .empty:
                rows[position].status = .empty
            case .unparseable(let reason):
                rows[position].status = .unparseable
                rows[position].error = rows[position].error.map { "\($0); \(reason)" } ?? reason
            case .number(let e164, let hint, let id, let description):
                rows[position].status = .parsed
                rows[position].e164 = e164
                rows[position].hint = hint
                rows[position].numberID = id
                // Given with the first reading of a number: its first row.
                rows[position].newNumber = description
            }
        }
        return rows
    }

    /// Empty or only whitespace (ASCII checked byte by byte; anything else by Character).
    static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x80 { return text.allSatisfy(\.isWhitespace) }
            if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
        }
        return true
    }

    private mutating func region(for country: String) -> String? {
        if let cached = countryCache[country] { return cached }
        let region = countries.region(for: country)
        if countryCache.count > 10_000 { countryCache.removeAll() }
        countryCache[country] = region
        return region
    }
}

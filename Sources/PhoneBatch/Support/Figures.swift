import Foundation

/// How figures read in what phonebatch prints for people (`status`, `plan`, `config check`):
/// grouped counts, rates, durations, money, and labelled lines aligned in a column.
enum Figures {
    /// 1234567 -> "1,234,567"
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// 3.14159 -> "3.1"; 1234.5 -> "1235"
    static func rate(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(Double(Int(value * 10)) / 10)
    }

    /// 75 -> "1m 15s"; 3700 -> "1h 01m"
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m \(String(format: "%02d", total % 60))s" }
        return "\(total / 3600)h \(String(format: "%02d", total % 3600 / 60))m"
    }

    /// Four decimals below one (prices a number), two above; the currency after, if any.
    static func money(_ value: Double, _ currency: String) -> String {
        String(format: value < 1 && value > 0 ? "%.4f" : "%.2f", value) + (currency.isEmpty ? "" : " \(currency)")
    }

    /// "label  text" lines, the texts aligned after the longest label.
    static func labelled(_ lines: [(String, String)]) -> String {
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }
}

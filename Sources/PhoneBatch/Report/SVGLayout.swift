import Foundation

/// Measures shared by the report's charts. SVG text does not wrap or measure itself, so
/// labels are sized from an estimate that errs wide: DejaVu Sans, the widest common
/// fallback of the system font stack, averages about 0.62 em a character.
enum SVGLayout {
    /// The estimated width of `text` set at `fontSize` pixels.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.62
    }

    /// `text` cut with "…" to fit `width` at `fontSize`; whole when it fits.
    static func fitted(_ text: String, width: Double, fontSize: Double) -> String {
        guard textWidth(text, fontSize: fontSize) > width else { return text }
        let keep = max(1, Int(width / (fontSize * 0.62)) - 1)
        return String(text.prefix(keep)) + "…"
    }

    /// A coordinate as SVG wants it: at most one decimal, no trailing ".0".
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(format: "%.1f", tenths)
    }
}

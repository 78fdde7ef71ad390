/// Text from the data (paths, region codes, provider names, error labels) made safe to place
/// in the report's HTML and its inline SVG, as element content or inside a quoted attribute.
/// The five characters that can open a tag, start an entity or close a quote become entities,
/// so nothing in a file name can change the page. Control characters that XML forbids become
/// U+FFFD, so the inline SVG stays well-formed XML as well as valid HTML.
enum HTMLText {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let forbidden = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
                out.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}

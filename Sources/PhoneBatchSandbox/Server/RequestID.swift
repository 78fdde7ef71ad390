import Foundation

/// Identifiers providers hand out: 32 lowercase hex digits (Delpha's job ids; Accuauth's after "TID").
enum HexID {
    static func make() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
}

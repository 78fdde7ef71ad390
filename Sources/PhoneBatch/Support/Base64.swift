import Foundation

/// Base64 for HTTP Basic credentials.
enum Base64 {
    static func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}

import Foundation

/// Writes standard error directly and unbuffered.
public enum StandardError {
    public static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

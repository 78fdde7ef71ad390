import Foundation

/// One provider's settings: the `[name]` section of the config file, each key overridden by
/// the environment variable `PHONEBATCH_<NAME>_<KEY>` (`url` of `[harmony]` is
/// `PHONEBATCH_HARMONY_URL`). Credentials come from here and nowhere else, and nothing here
/// is ever written to the database or the logs.
public struct ProviderSettings: Sendable {
    public let provider: String
    private let file: [String: TOMLValue]
    private let environment: [String: String]
    private let configPath: String?

    init(provider: String, file: [String: TOMLValue], environment: [String: String], configPath: String?) {
        self.provider = provider
        self.file = file
        self.environment = environment
        self.configPath = configPath
    }

    /// The environment variable that sets `key`.
    public func variable(_ key: String) -> String {
        "PHONEBATCH_\(provider.uppercased())_\(key.uppercased())"
    }

    /// Whether `key` is set anywhere.
    public func has(_ key: String) -> Bool {
        environment[variable(key)] != nil || file[key] != nil
    }

    public func string(_ key: String) throws -> String? {
        if let value = environment[variable(key)] { return value }
        switch file[key] {
        case nil: return nil
        case .string(let value)?: return value
        case .integer(let value)?: return String(value)
        default: throw problem(key, "should be a string")
        }
    }

    /// A setting the provider cannot work without.
    public func require(_ key: String) throws -> String {
        guard let value = try string(key), !value.isEmpty else {
            let file = configPath.map { " or `\(key)` in [\(provider)] of \($0)" } ?? " or `\(key)` in the [\(provider)] section of a --config file"
            throw PhoneBatchError.configuration("\(provider) needs \(variable(key))\(file)")
        }
        return value
    }

    public func double(_ key: String) throws -> Double? {
        if let text = environment[variable(key)] {
            guard let value = Double(text) else { throw problem(key, "should be a number, not '\(text)'") }
            return value
        }
        switch file[key] {
        case nil: return nil
        case .integer(let value)?: return Double(value)
        case .float(let value)?: return value
        default: throw problem(key, "should be a number")
        }
    }

    public func int(_ key: String) throws -> Int? {
        if let text = environment[variable(key)] {
            guard let value = Int(text) else { throw problem(key, "should be a whole number, not '\(text)'") }
            return value
        }
        switch file[key] {
        case nil: return nil
        case .integer(let value)?: return Int(value)
        default: throw problem(key, "should be a whole number")
        }
    }

    public func bool(_ key: String) throws -> Bool? {
        if let text = environment[variable(key)] {
            switch text.lowercased() {
            case "1", "true", "yes": return true
            case "0", "false", "no": return false
            default: throw problem(key, "should be true or false, not '\(text)'")
            }
        }
        switch file[key] {
        case nil: return nil
        case .boolean(let value)?: return value
        default: throw problem(key, "should be true or false")
        }
    }

    /// A list: an array in the file, comma-separated in the environment.
    public func strings(_ key: String) throws -> [String]? {
        if let text = environment[variable(key)] {
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        switch file[key] {
        case nil: return nil
        case .array(let items)?:
            return try items.map { item in
                guard case .string(let value) = item else { throw problem(key, "should be a list of strings") }
                return value
            }
        default: throw problem(key, "should be a list of strings")
        }
    }

    /// The provider's base URL (`url`), required, without a trailing slash: adapters append paths.
    public func baseURL() throws -> String {
        var url = try require("url")
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// A number that must lie in `range`.
    public func double(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let value = try double(key) else { return nil }
        guard range.contains(value) else { throw problem(key, "should be from \(range.lowerBound) to \(range.upperBound)") }
        return value
    }

    public func int(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = try int(key) else { return nil }
        guard range.contains(value) else { throw problem(key, "should be from \(range.lowerBound) to \(range.upperBound)") }
        return value
    }

    private func problem(_ key: String, _ what: String) -> PhoneBatchError {
        if environment[variable(key)] != nil { return .configuration("\(variable(key)) \(what)") }
        return .configuration("`\(key)` in [\(provider)] of \(configPath ?? "the config") \(what)")
    }
}


import Foundation

/// What Python `phonenumbers` (at the pinned version) says of a set of texts, from
/// scripts/metadata/agreement.py.
struct PythonVerdict: Decodable {
    var text: String
    var region: String?
    var error: String?
    var country_code: Int?
    var national_number: String?
    var `extension`: String?
    var valid: Bool?
    var type: String?
    var number_region: String?
    var e164: String?
    var national: String?
    var national_with_extension: String?
    var possible: String?
    var location: String?
    var carrier: String?
    var time_zones: [String]?

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs agreement.py with `arguments` under the pinned Python (installed by
    /// scripts/bootstrap) and decodes its lines.
    static func load(_ arguments: [String]) throws -> [PythonVerdict] {
        let python = try run(repository.appendingPathComponent("scripts/metadata/python").path, [])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let output = try run(python, [repository.appendingPathComponent("scripts/metadata/agreement.py").path] + arguments)
        let decoder = JSONDecoder()
        return try output.split(separator: "\n").map { try decoder.decode(PythonVerdict.self, from: Data($0.utf8)) }
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = repository.appendingPathComponent("scripts/metadata")
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(executable) exited \(process.terminationStatus)"])
        }
        return String(decoding: data, as: UTF8.self)
    }
}

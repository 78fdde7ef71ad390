import Foundation
import Testing
@testable import NumberEngine

/// The engine against Python `phonenumbers` at the pinned version, on every example number of
/// every type and region, mutations of them, random digits after valid calling codes, each
/// written several ways, and random text: every answer must be the same.
@Suite struct AgreementTests {
    let engine = NumberEngine()

    /// The suite's share; `PHONEBATCH_AGREEMENT` gives agreement.py other arguments for a
    /// longer run (scripts/fuzz engine-agreement).
    static var arguments: [String] {
        ProcessInfo.processInfo.environment["PHONEBATCH_AGREEMENT"].map { $0.split(separator: " ").map(String.init) }
            ?? ["--random", "5000", "--fuzz", "20000"]
    }

    @Test func agreesWithPythonOnEveryCase() throws {
        let cases = try PythonVerdict.load(Self.arguments)
        #expect(cases.count > 60_000)
        let differences = cases.compactMap(difference)
        print("the engine and Python phonenumbers \(NumberEngine.metadataVersion) agree on \(cases.count - differences.count) of \(cases.count) cases")
        let shown = differences.prefix(40).joined(separator: "\n")
        #expect(differences.isEmpty, "\(differences.count) of \(cases.count) cases differ from Python:\n\(shown)")
    }

    /// What the engine says differently from Python about one case, nil when nothing.
    func difference(_ expected: PythonVerdict) -> String? {
        let label = "\(String(reflecting: expected.text)) in \(expected.region ?? "nil")"
        switch engine.parse(expected.text, region: expected.region) {
        case .failure(let error):
            if error.pythonName == expected.error { return nil }
            return "\(label): engine \(error.pythonName), Python \(expected.error ?? "parses to \(expected.e164 ?? "?")")"
        case .success(let number):
            guard expected.error == nil else { return "\(label): engine parses to \(number.e164), Python \(expected.error!)" }
            var found: [String] = []
            func check<T: Equatable>(_ name: String, _ mine: T, _ theirs: T) {
                if mine != theirs { found.append("\(name) engine \(String(reflecting: mine)) Python \(String(reflecting: theirs))") }
            }
            let facts = engine.describe(number)
            check("country code", number.countryCode, expected.country_code!)
            check("national number", number.nationalNumber.text, expected.national_number!)
            check("extension", number.extensionDigits, expected.extension)
            check("valid", facts.isValid, expected.valid!)
            check("type", facts.type.pythonName, expected.type!)
            check("region", facts.region, expected.number_region)
            check("E.164", number.e164, expected.e164!)
            check("national", facts.national, expected.national!)
            check("national with extension", engine.nationalFormat(number, withExtension: true), expected.national_with_extension!)
            check("possible", Self.pythonName(engine.possibleLength(of: number)), expected.possible!)
            check("location", facts.location, expected.location!)
            check("carrier", facts.carrier, expected.carrier!)
            check("time zones", engine.timeZones(of: number), expected.time_zones!)
            return found.isEmpty ? nil : "\(label): " + found.joined(separator: "; ")
        }
    }

    static func pythonName(_ length: PossibleLength) -> String {
        switch length {
        case .possible: return "IS_POSSIBLE"
        case .possibleLocalOnly: return "IS_POSSIBLE_LOCAL_ONLY"
        case .invalidCountryCode: return "INVALID_COUNTRY_CODE"
        case .tooShort: return "TOO_SHORT"
        case .invalidLength: return "INVALID_LENGTH"
        case .tooLong: return "TOO_LONG"
        }
    }
}

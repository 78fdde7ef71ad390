import ArgumentParser
import Foundation
import PhoneBatch

/// `phonebatch bench-engine FILE`: the number engine alone over a list of numbers, for
/// `scripts/bench engine` (hidden: a measuring tool, not part of a job).
struct BenchEngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-engine",
        abstract: "Time the number engine alone over FILE (one number a line, then a tab and its region or nothing).",
        shouldDisplay: false
    )

    @Argument(help: "Numbers, one a line: the text, a tab, the region (or nothing).")
    var file: String

    @Option(help: "Times the whole list is checked.")
    var passes = 1

    @Option(help: "verdict (parse, validity, type, E.164) or describe (also the national format, place, carrier, time zones).")
    var work: EngineBenchmark.Work = .verdict

    func run() throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let cases = text.split(separator: "\n").map { line -> (text: String, region: String?) in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            let region = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
            return (String(parts[0]), region)
        }
        let outcome = EngineBenchmark.run(cases, passes: passes, work: work)
        print("{\"numbers\": \(outcome.numbers), \"seconds\": \(outcome.seconds), \"per_second\": \(outcome.perSecond), \"valid\": \(outcome.valid), \"metadata\": \"\(NumberEngine.metadataVersion)\"}")
    }
}

extension EngineBenchmark.Work: ExpressibleByArgument {}

import Foundation
import Testing
@testable import PhoneBatch

/// What `scripts/install` installs beside the binary comes from argument-parser's
/// generators; these are the inputs it relies on.
@Suite struct CompletionTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionsKnowEveryCommandAndItsFlags(shell: String) async throws {
        let script = try await phonebatch(["--generate-completion-script", shell], environment: [:])
        #expect(script.status == 0)
        for word in ["run", "plan", "resume", "status", "audit", "report", "export", "only", "excel-safe", "log-format"] {
            #expect(script.stdout.contains(word), "\(shell): \(word)")
        }
    }

    @Test func theManualsSourceDescribesEveryCommand() async throws {
        let dump = try await phonebatch(["--experimental-dump-help"], environment: [:])
        #expect(dump.status == 0)
        let help = try JSONValue(parsing: dump.stdout)
        let names = help["command"]?["subcommands"]?.arrayValue?.compactMap { $0["commandName"]?.stringValue } ?? []
        #expect(Set(["run", "plan", "resume", "status", "audit", "report", "export", "config"]).isSubset(of: Set(names)))
    }
}

import Foundation
import Testing

/// The short form of `scripts/crash-test`: five SIGKILLs at random moments of a 3,000-row job
/// against the sandbox with faults on, resumed each time, then compared with an
/// uninterrupted run (the script prints each figure; the long form is in the README).
@Suite(.serialized) struct CrashScriptTests {
    @Test(arguments: ["harmony", "experian", "delpha", "accuauth"])
    func fiveKillsLoseNothingAndPayForNothingTwice(provider: String) async throws {
        let work = try TemporaryDirectory()
        let result = try await runProcessAside("/usr/bin/env", [
            "python3", TestPaths.repositoryRoot + "/scripts/crash-test", "--kills", "5", "--rows", "3000", "--provider", provider,
            "--binary", TestPaths.binary, "--work", work.path,
        ])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("crash-test: passed"), "\(result.stdout)")
        #expect(!result.stdout.contains("FAIL"), "\(result.stdout)")
    }
}

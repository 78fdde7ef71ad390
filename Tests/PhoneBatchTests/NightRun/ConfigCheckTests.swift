import Foundation
import Testing
@testable import PhoneBatch

/// `phonebatch config check`: which providers are ready, never a secret.
@Suite struct ConfigCheckTests {
    @Test func itSaysWhichProvidersAreReadyAndPrintsNoSecret() async throws {
        let directory = try TemporaryDirectory()
        let config = try directory.write("c.toml", """
            [harmony]
            url = "http://127.0.0.1:9"
            user = "ops"
            price_per_number = 0.01
            [xverify]
            url = "http://127.0.0.1:9"
            apikey = "xv-secret-key"
            domain = "example.com"

            """)
        let result = try await phonebatch(["config", "check", "--config", config],
                                          environment: ["PHONEBATCH_HARMONY_PASSWORD": "hunter2-secret"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("harmony   ready: batches of 100, 5.0 requests/s, 4 in flight; 0.0100 a number"))
        #expect(result.stdout.contains("experian  not ready: experian needs PHONEBATCH_EXPERIAN_URL"))
        #expect(result.stdout.contains("xverify   ready for `confirm`: at most 30 calls a minute"), "\(result.stdout)")
        #expect(!result.stdout.contains("hunter2-secret") && !result.stderr.contains("hunter2-secret"))
        #expect(!result.stdout.contains("xv-secret-key"))

        let json = try JSONValue(parsing: try await phonebatch(["config", "check", "--config", config, "--json"],
                                                               environment: ["PHONEBATCH_HARMONY_PASSWORD": "x"]).stdout)
        #expect(json["providers"]?["harmony"]?["ready"]?.boolValue == true)
        #expect(json["providers"]?["delpha"]?["ready"]?.boolValue == false)
    }

    @Test func aBrokenFileIsOneLineAndExit78() throws {
        let directory = try TemporaryDirectory()
        let config = try directory.write("bad.toml", "[harmony\n")
        let result = try phonebatch("config", "check", "--config", config)
        #expect(result.status == ExitStatus.configuration.rawValue)
        #expect(result.stderr.hasPrefix("phonebatch: error: \(config): line 1:"))
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PhoneBatchSandbox

@Suite struct FaultKnobTests {
    @Test func aCutBodyIsHalfAnAnswerAndNotJSON() async throws {
        var knobs = SandboxKnobs()
        knobs.malformedRate = 1
        try await withSandbox(knobs) { _, client in
            try await client.execute(uri: Harmony.path, method: .post, headers: Harmony.authorization,
                                     body: Harmony.body([("+61412345678", "AU")])) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("{\"status\":\"SUCCESS\""))
                #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) == nil, "cut short: \(text)")
            }
        }
    }

    @Test func aResetDropsTheConnectionWithoutAnAnswer() async throws {
        var knobs = SandboxKnobs()
        knobs.resetRate = 1
        try await withSandbox(knobs) { _, client in
            await #expect(throws: (any Error).self) {
                try await client.execute(uri: Harmony.path, method: .post, headers: Harmony.authorization,
                                         body: Harmony.body([("+61412345678", "AU")]))
            }
        }
    }

    @Test func eachKnobDrawsItsFault() async {
        for (knobs, expected) in [(\SandboxKnobs.timeoutRate, FaultInjector.Fault.timeout), (\.resetRate, .reset),
                                  (\.malformedRate, .cutBody), (\.errorRate, .serverError(status: 0))] {
            var settings = SandboxKnobs()
            settings[keyPath: knobs] = 1
            let (_, fault) = await FaultInjector(knobs: settings, clock: SandboxClock()).draw(for: .harmony)
            if case .serverError = expected {
                if case .serverError(let status) = fault { #expect([500, 502, 503].contains(status)) } else { Issue.record("\(fault)") }
            } else {
                #expect(fault == expected)
            }
        }
        let (_, none) = await FaultInjector(knobs: SandboxKnobs(), clock: SandboxClock()).draw(for: .harmony)
        #expect(none == .none)
    }

    @Test func aProfileSetsKnobsAndFlagsOverrideIt() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("night.json", """
            {"latency_ms": 100, "error_rate": 0.1, "timeout_rate": 0.05, "rate_limit": 600,
             "credits": {"experian": 1000}, "seed": 42}
            """)
        let knobs = try SandboxProfile.load(path: path).applied(to: SandboxKnobs())
        #expect(knobs.latencyMilliseconds == 100)
        #expect(knobs.errorRate == 0.1)
        #expect(knobs.timeoutRate == 0.05)
        #expect(knobs.rateLimitPerMinute == 600)
        #expect(knobs.credits == [.experian: 1000])
        #expect(knobs.seed == 42)
        let bad = try directory.write("bad.json", "{\"credits\": {\"nobody\": 1}}")
        #expect(throws: SandboxError.profile("unknown provider 'nobody' in credits")) {
            _ = try SandboxProfile.load(path: bad).applied(to: SandboxKnobs())
        }
        let refused = try phonebatch("sandbox", "--profile", directory.file("missing.json"), "--port", "0")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("cannot read"))
    }
}

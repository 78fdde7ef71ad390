import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PhoneBatchSandbox

@Suite struct HarmonySandboxTests {
    @Test func answersEveryNumberInOrderInHarmonysShape() async throws {
        try await withSandbox { _, client in
            let phones: [(String, String?)] = [
                ("0412 345 678", "AU"), ("+44 20 7946 0000", "GB"), ("+91 98765 43210", "GB"), ("12", "AU"), ("0412345678", nil),
            ]
            try await client.execute(uri: Harmony.path, method: .post, headers: Harmony.authorization,
                                     body: Harmony.body(phones)) { response in
                #expect(response.status == .ok)
                let answer = try json(response)
                #expect(answer["status"] as? String == "SUCCESS")
                #expect((answer["messages"] as? [Any])?.isEmpty == true)
                let payload = try #require(answer["payload"] as? [[String: Any]])
                #expect(payload.map { $0["fullPhone"] as? String } == phones.map(\.0))
                for item in payload {
                    let status = try #require(item["phoneStatus"] as? String)
                    #expect(["connected|Network confirmed connection", "disconnected|Network confirmed disconnection",
                             "indeterminate"].contains(status))
                    let attributes = try #require(item["attributes"] as? [String: String])
                    #expect(Set(attributes.keys) == ["RequestProcessed", "NumberType", "PhoneNumber", "NetworkCode", "IsValid"])
                    #expect(["61", "+61", "44", "+44", "91", "+91", ""].contains(item["countryCode"] as? String ?? "?"))
                    switch status {
                    case "indeterminate":
                        #expect(item["operatorName"] == nil, "absent when indeterminate")
                        #expect(attributes["IsValid"] == "No")
                    case "disconnected|Network confirmed disconnection":
                        #expect(item["operatorName"] as? String == "Unknown")
                    default:
                        #expect(attributes["IsValid"] == "Yes")
                        #expect(!(item["operatorName"] as? String ?? "").isEmpty)
                    }
                }
                #expect(payload[0]["localNumber"] as? String == "0412 345 678")
                #expect((payload[0]["attributes"] as? [String: String])?["PhoneNumber"] == "+61412345678")
                #expect((payload[0]["attributes"] as? [String: String])?["NumberType"] == "Mobile")
                #expect(payload[2]["exception"] as? String == "Validated as another country - IN")
                #expect(payload[3]["exception"] as? String == "Invalid destination address.")
                #expect(payload[4]["exception"] as? String == "Number prefix missing")
            }
        }
    }

    @Test func refusalsComeInTheErrorShape() async throws {
        try await withSandbox { _, client in
            try await client.execute(uri: Harmony.path, method: .post, headers: [.authorization: "Basic d3Jvbmc6d3Jvbmc="],
                                     body: Harmony.body([("+61412345678", "AU")])) { response in
                #expect(response.status == .unauthorized)
                let answer = try json(response)
                #expect(answer["status"] as? String == "ERROR")
                #expect(answer["messages"] as? [String] == ["Access is denied"])
            }
            let tooMany = (0...100).map { ("+6141234\(String(format: "%04d", $0))", Optional("AU")) }
            try await client.execute(uri: Harmony.path, method: .post, headers: Harmony.authorization,
                                     body: Harmony.body(tooMany)) { response in
                #expect(response.status == .badRequest)
                let answer = try json(response)
                #expect(answer["status"] as? String == "ERROR")
            }
            try await client.execute(uri: Harmony.path, method: .post, headers: Harmony.authorization,
                                     body: ByteBuffer(string: "not json")) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func creditsRunOut() async throws {
        var knobs = SandboxKnobs()
        knobs.credits = [.harmony: 3]
        try await withSandbox(knobs) { _, client in
            let two = Harmony.body([("+61412345678", "AU"), ("+61412345679", "AU")])
            try await client.execute(uri: Harmony.path, method: .post, headers: Harmony.authorization, body: two) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: Harmony.path, method: .post, headers: Harmony.authorization, body: two) { response in
                #expect(response.status.code == 402)
                let answer = try json(response)
                #expect(answer["status"] as? String == "ERROR")
            }
        }
    }

    @Test func theSameNumberGetsTheSameVerdictFromAnotherServer() async throws {
        var phones: [(String, String?)] = []
        for index in 0..<100 { phones.append(("+44 7400 \(100_000 + index * 37)", "GB")) }
        let request = Harmony.body(phones)
        let first = try await withSandbox { _, client in
            try await client.execute(uri: Harmony.path, method: .post, headers: Harmony.authorization, body: request) {
                String(buffer: $0.body)
            }
        }
        let second = try await withSandbox { _, client in
            try await client.execute(uri: Harmony.path, method: .post, headers: Harmony.authorization, body: request) {
                String(buffer: $0.body)
            }
        }
        #expect(first == second, "the two servers answered differently")
        let connected = first.components(separatedBy: "connected|Network confirmed connection").count - 1
        #expect(connected > 60 && connected < 100, "most valid mobiles are connected, not all: \(connected) of 100")
    }

    @Test func theLedgerCountsRequestsNumbersRepeatsAndUnits() async throws {
        try await withSandbox { _, client in
            let body = Harmony.body([("+61 412 345 678", "AU"), ("0412345678", "AU"), ("+44 20 7946 0000", "GB")])
            try await client.execute(uri: Harmony.path, method: .post, headers: Harmony.authorization, body: body)
            try await client.execute(uri: Harmony.path, method: .post, headers: [:], body: body)
            try await client.execute(uri: "/_sandbox/ledger", method: .get) { response in
                let ledger = try json(response)
                #expect(Set(ledger.keys) == ["harmony", "experian", "delpha", "accuauth", "xverify"])
                let harmony = try #require(ledger["harmony"] as? [String: Any])
                #expect(harmony["numbers_submitted"] as? Int == 3)
                #expect(harmony["distinct_numbers"] as? Int == 2)
                #expect(harmony["resubmitted_numbers"] as? Int == 1, "the same number in two spellings")
                #expect(harmony["billable"] as? Int == 3)
                #expect((harmony["requests"] as? [String: [String: Int]])?["validate_phone"] == ["200": 1, "401": 1])
            }
            try await client.execute(uri: "/_sandbox/reset", method: .post)
            try await client.execute(uri: "/_sandbox/ledger", method: .get) { response in
                let ledger = try json(response)
                #expect((ledger["harmony"] as? [String: Any])?["billable"] as? Int == 0)
            }
        }
    }

    @Test func theClockMovesForward() async throws {
        try await withSandbox { sandbox, client in
            try await client.execute(uri: "/_sandbox/clock", method: .post, body: ByteBuffer(string: "{\"advance_seconds\": 86400}")) {
                let answer = try json($0)
                #expect(answer["offset_seconds"] as? Double == 86400)
            }
            #expect(await sandbox.clock.offsetSeconds == 86400)
        }
    }

    @Test func faultsComeInTheProvidersShapeWithRetryAfter() async throws {
        var failing = SandboxKnobs()
        failing.errorRate = 1
        try await withSandbox(failing) { _, client in
            try await client.execute(uri: Harmony.path, method: .post, headers: Harmony.authorization,
                                     body: Harmony.body([("+61412345678", "AU")])) { response in
                #expect([500, 502, 503].contains(response.status.code))
                let answer = try json(response)
                #expect(answer["status"] as? String == "ERROR")
            }
        }
        var limited = SandboxKnobs()
        limited.rateLimitPerMinute = 2
        // Two requests an hour, from the top of an hour of the sandbox's clock: the three
        // requests fall in one window however slowly a loaded machine sends them.
        limited.rateWindowSeconds = 3600
        try await withSandbox(limited) { sandbox, client in
            await startAtTheTopOfAWindow(sandbox, seconds: 3600)
            var statuses: [Int] = []
            for _ in 0..<3 {
                try await client.execute(uri: Harmony.path, method: .post, headers: Harmony.authorization,
                                         body: Harmony.body([("+61412345678", "AU")])) { response in
                    statuses.append(response.status.code)
                    if response.status == .tooManyRequests {
                        #expect(Int(response.headers[.retryAfter] ?? "") != nil)
                    }
                }
            }
            #expect(statuses == [200, 200, 429])
        }
    }

    @Test func onlyLoopbackIsServed() throws {
        #expect(LoopbackAddress.isLoopback("127.0.0.1"))
        #expect(LoopbackAddress.isLoopback("::1"))
        #expect(!LoopbackAddress.isLoopback("0.0.0.0"))
        #expect(!LoopbackAddress.isLoopback("192.168.1.10"))
        #expect(throws: SandboxError.notLoopback("0.0.0.0")) {
            _ = try Sandbox().application(host: "0.0.0.0", port: 0, logger: .init(label: "test"))
        }
    }
}

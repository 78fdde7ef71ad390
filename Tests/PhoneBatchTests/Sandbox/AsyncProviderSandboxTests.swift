import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import PhoneBatch
@testable import PhoneBatchSandbox

enum Accuauth {
    static var headers: HTTPFields {
        [AccuauthImitation.apiID: SandboxCredentials.accuauthAPIID, AccuauthImitation.apiSecret: SandboxCredentials.accuauthAPISecret,
         .contentType: "application/x-www-form-urlencoded"]
    }
}

@Suite struct AccuauthSandboxTests {
    @Test func answersAtOnceOrWithATaskThatIsPendingUntilDone() async throws {
        var knobs = SandboxKnobs()
        knobs.asyncSeconds = 30
        try await withSandbox(knobs) { sandbox, client in
            var immediate = 0, tasks: [String] = []
            for index in 0..<20 {
                try await client.execute(uri: "/check/phone_number/o1", method: .post, headers: Accuauth.headers,
                                         body: ByteBuffer(string: "phone_number=5255\(12345600 + index)")) { response in
                    #expect(response.status == .ok)
                    let answer = try json(response)
                    let requestID = try #require(answer["request_id"] as? String)
                    #expect(requestID.hasPrefix("TID") && requestID.count == 35)
                    if answer["status"] as? String == "OK" {
                        immediate += 1
                        let result = try #require(answer["result"] as? [String: String])
                        #expect(AccuauthTests.statuses.contains(result["phone_status"] ?? ""))
                    } else {
                        #expect(answer["status"] as? String == "PENDING")
                        tasks.append(try #require(answer["task_id"] as? String))
                    }
                }
            }
            #expect(immediate > 0 && !tasks.isEmpty, "some at once, some as tasks")
            let task = tasks[0]
            try await client.execute(uri: "/check/phone_number/task_result/o1", method: .post, headers: Accuauth.headers,
                                     body: ByteBuffer(string: "task_id=\(task)")) { response in
                #expect(response.status == .badRequest, "pending is HTTP 400")
                let answer = try json(response)
                #expect(answer["status"] as? String == "PENDING")
                #expect(answer["reason"] as? String == "check in progress")
            }
            await sandbox.clock.advance(by: 31)
            try await client.execute(uri: "/check/phone_number/task_result/o1", method: .post,
                                     headers: [AccuauthImitation.apiID: SandboxCredentials.accuauthAPIID,
                                               AccuauthImitation.apiSecret: SandboxCredentials.accuauthAPISecret,
                                               .contentType: "application/json"],
                                     body: ByteBuffer(string: "{\"task_id\":\"\(task)\"}")) { response in
                #expect(response.status == .ok)
                let answer = try json(response)
                #expect(answer["status"] as? String == "OK")
            }
            await sandbox.clock.advance(by: 24 * 3600)
            try await client.execute(uri: "/check/phone_number/task_result/o1", method: .post, headers: Accuauth.headers,
                                     body: ByteBuffer(string: "task_id=\(task)")) { response in
                let answer = try json(response)
                #expect(answer["status"] as? String == "INVALID_ARGUMENT")
                #expect(answer["reason"] as? String == "argument 'task_id': expired")
            }
        }
    }

    @Test func refusalsInTheDocumentedShape() async throws {
        var knobs = SandboxKnobs()
        knobs.credits = [.accuauth: 1]
        try await withSandbox(knobs) { _, client in
            let cases: [(HTTPFields, String, Int, String)] = [
                ([:], "phone_number=525512345678", 401, "UNAUTHORIZED"),
                ([AccuauthImitation.apiID: AccuauthImitation.expiredAPIID], "phone_number=525512345678", 401, "KEY_EXPIRED"),
                (Accuauth.headers, "callback=x", 400, "INVALID_ARGUMENT"),
                (Accuauth.headers, "phone_number=525512345678", 200, "*"),
                (Accuauth.headers, "phone_number=525512345679", 403, "OUT_OF_QUOTA"),
            ]
            for (headers, body, status, code) in cases {
                try await client.execute(uri: "/check/phone_number/o1", method: .post, headers: headers,
                                         body: ByteBuffer(string: body)) { response in
                    #expect(response.status.code == status, "\(code)")
                    let answer = try json(response)
                    if code != "*" { #expect(answer["status"] as? String == code) }
                    #expect(answer["request_id"] is String)
                }
            }
        }
        var limited = SandboxKnobs()
        limited.rateLimitPerMinute = 1
        // One request an hour, from the top of an hour of the sandbox's clock: both requests
        // fall in one window however slowly a loaded machine sends them.
        limited.rateWindowSeconds = 3600
        try await withSandbox(limited) { sandbox, client in
            await startAtTheTopOfAWindow(sandbox, seconds: 3600)
            for expected in [200, 403] {
                try await client.execute(uri: "/check/phone_number/o1", method: .post, headers: Accuauth.headers,
                                         body: ByteBuffer(string: "phone_number=525512345678")) { response in
                    #expect(response.status.code == expected)
                    if expected == 403 {
                        let answer = try json(response)
                        #expect(answer["status"] as? String == "RATE_LIMIT_EXCEEDED")
                    }
                }
            }
        }
    }

    @Test func transientStatusesSettleWhenCheckedAgain() {
        var normalizer = PhoneNormalizer()
        var seen = Set<String>()
        for index in 0..<400 {
            let facts = NumberFacts(provider: .accuauth, input: "+52551234\(String(format: "%04d", index))", region: nil, seed: 0,
                                    normalizer: &normalizer)
            seen.insert(AccuauthImitation.phoneStatus(facts, checkNumber: 1))
            let again = AccuauthImitation.phoneStatus(facts, checkNumber: 2)
            #expect(again != "line_abnormal" && again != "temp_unavailable")
        }
        #expect(seen == AccuauthTests.statuses, "every one of the eight statuses occurs")
    }
}

enum AccuauthTests {
    static let statuses: Set<String> = ["ring", "connected", "empty", "busy", "turned_off", "outside_service_area",
                                        "line_abnormal", "temp_unavailable"]
}

@Suite struct DelphaSandboxTests {
    func token(_ client: any TestClientProtocol, basic: Bool = true) async throws -> String {
        let credentials = Data("\(SandboxCredentials.delphaClientID):\(SandboxCredentials.delphaClientSecret)".utf8).base64EncodedString()
        let headers: HTTPFields = basic ? [.authorization: "Basic \(credentials)", .contentType: "application/x-www-form-urlencoded"]
                                        : [.contentType: "application/x-www-form-urlencoded"]
        let body = basic ? "grant_type=client_credentials&scope=api/access"
            : "grant_type=client_credentials&scope=api/access&client_id=\(SandboxCredentials.delphaClientID)&client_secret=\(SandboxCredentials.delphaClientSecret)"
        return try await client.execute(uri: "/oauth2/token", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            #expect(response.status == .ok)
            let answer = try json(response)
            #expect(answer["token_type"] as? String == "Bearer")
            #expect(answer["expires_in"] as? Int == DelphaImitation.tokenLifetime)
            return try #require(answer["access_token"] as? String)
        }
    }

    @Test func aJobIsSubmittedPolledAndAnswered() async throws {
        var knobs = SandboxKnobs()
        knobs.asyncSeconds = 10
        try await withSandbox(knobs) { sandbox, client in
            let bearer = try await token(client)
            let formToken = try await token(client, basic: false)
            #expect(bearer != formToken)
            let auth: HTTPFields = [.authorization: "Bearer \(bearer)", .contentType: "application/json"]
            let job = try await client.execute(uri: "/v1/phone", method: .post, headers: auth,
                                               body: ByteBuffer(string: "{\"phone\":\"0672557378\",\"country\":\"France\"}")) { response in
                #expect(response.status == .accepted)
                let answer = try json(response)
                #expect(answer["message"] as? String == "Job submitted to assess_phone_v16")
                #expect(answer["status"] as? String == "SUCCESS" || answer["status"] as? Int == 202)
                return try #require(answer["job_id"] as? String)
            }
            #expect(job.count == 32)
            try await client.execute(uri: "/v1/phone/\(job)", method: .get, headers: auth) { response in
                #expect(response.status == .accepted)
                let answer = try json(response)
                #expect(answer["message"] as? String == "Job is still running.")
            }
            await sandbox.clock.advance(by: 11)
            try await client.execute(uri: "/v1/phone/\(job)", method: .get, headers: auth) { response in
                #expect(response.status == .ok)
                let answer = try json(response)
                #expect(answer["message"] as? String == "Job succeeded.")
                let result = try #require(answer["result"] as? [String: Any])
                #expect(result["normalized_value"] as? String == "+33672557378")
                #expect(result["zone"] as? String == "FR")
                #expect(result["area"] as? String == "France")
                #expect(result["timezone"] as? String == "Europe/Paris")
                #expect(result["phone_type"] as? String == "MOBILE")
                #expect(result["data_type"] as? String == "phone")
                #expect((result["scores"] as? [String: Int])?["validity"] == 1)
            }
            // Tokens expire: an hour later the same token is refused.
            await sandbox.clock.advance(by: 3601)
            try await client.execute(uri: "/v1/phone/\(job)", method: .get, headers: auth) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func refusalsTimeoutsAndCredits() async throws {
        var knobs = SandboxKnobs()
        knobs.asyncSeconds = 0
        knobs.jobTimeoutRate = 1
        knobs.credits = [.delpha: 1]
        try await withSandbox(knobs) { _, client in
            try await client.execute(uri: "/oauth2/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "grant_type=client_credentials&client_id=x&client_secret=y")) { response in
                #expect(response.status == .unauthorized)
            }
            let auth: HTTPFields = [.authorization: "Bearer \(try await token(client))", .contentType: "application/json"]
            try await client.execute(uri: "/v1/phone", method: .post, headers: auth,
                                     body: ByteBuffer(string: "{\"phone\":\"0672557378\"}")) { response in
                #expect(response.status == .badRequest, "a national number with no country")
            }
            let job = try await client.execute(uri: "/v1/phone", method: .post, headers: auth,
                                               body: ByteBuffer(string: "{\"phone\":\"+33672557378\"}")) { response in
                try #require(json(response)["job_id"] as? String)
            }
            try await client.execute(uri: "/v1/phone/\(job)", method: .get, headers: auth) { response in
                #expect(response.status == .gatewayTimeout)
                let answer = try json(response)
                #expect(answer["message"] as? String == "Job timed out.")
            }
            try await client.execute(uri: "/v1/phone", method: .post, headers: auth,
                                     body: ByteBuffer(string: "{\"phone\":\"+33672557379\"}")) { response in
                #expect(response.status.code == 402)
            }
            try await client.execute(uri: "/v1/phone", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: "{\"phone\":\"+33672557378\"}")) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}

@Suite struct XverifySandboxTests {
    static let credentials = "apikey=\(SandboxCredentials.xverifyAPIKey)&domain=\(SandboxCredentials.xverifyDomain)"

    @Test func aCodeVerifiesOnlyWithItsTransaction() async throws {
        try await withSandbox { _, client in
            let place = "/services/phoneconfirm/placecall/?phone=%2B447400123456&country_code=GB&code=4821&type=json&call_place_tile=2026-11-23%2009%3A00%3A00&\(Self.credentials)"
            let transaction = try await client.execute(uri: place, method: .get) { response in
                #expect(response.status == .ok)
                let answer = try #require(try json(response)["phoneconfirm"] as? [String: Any])
                #expect(answer["error"] as? Int == 0)
                #expect(answer["status"] as? String == "valid")
                return try #require(answer["transaction_number"] as? String)
            }
            for (code, status) in [("4821", "valid"), ("1111", "invalid")] {
                try await client.execute(uri: "/services/phoneconfirm/verifycode/?transaction_number=\(transaction)&code=\(code)&type=json&\(Self.credentials)",
                                         method: .get) { response in
                    let answer = try #require(try json(response)["phoneconfirm"] as? [String: Any])
                    #expect(answer["status"] as? String == status)
                }
            }
            try await client.execute(uri: "/services/phoneconfirm/verifycode/?transaction_number=\(transaction)&code=4821&type=xml&\(Self.credentials)",
                                     method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("<phoneconfirm><error>0</error><status>valid</status>"))
            }
            try await client.execute(uri: "/_sandbox/ledger", method: .get) { response in
                let ledger = try json(response)
                #expect((ledger["xverify"] as? [String: Any])?["billable"] as? Int == 1, "one call placed")
            }
        }
    }

    @Test func anUntrustedKeyOrDomainGetsA503AndBothTimeSpellingsAreRead() async throws {
        try await withSandbox { _, client in
            try await client.execute(uri: "/services/phoneconfirm/placecall/?phone=%2B447400123456&code=1&apikey=nope&domain=x", method: .get) {
                #expect($0.status == .serviceUnavailable)
            }
            let badTime = "/services/phoneconfirm/placecall/?phone=%2B447400123456&code=1&call_place_time=tomorrow&\(Self.credentials)"
            try await client.execute(uri: badTime, method: .get) { response in
                let answer = try #require(try json(response)["phoneconfirm"] as? [String: Any])
                #expect(answer["status"] as? String == "invalid")
            }
        }
    }

    static func placeCall(_ query: String) -> String {
        "/services/phoneconfirm/placecall/?\(query)&type=json&\(credentials)"
    }

    static func verifyCode(_ transaction: String, code: String) -> String {
        "/services/phoneconfirm/verifycode/?transaction_number=\(transaction)&code=\(code)&type=json&\(credentials)"
    }

    /// The `phoneconfirm` object of a JSON answer.
    static func answer(_ response: TestResponse) throws -> [String: Any] {
        try #require(try json(response)["phoneconfirm"] as? [String: Any])
    }

    /// `GET /_sandbox/xverify/calls`.
    static func calls(_ client: any TestClientProtocol) async throws -> [[String: Any]] {
        try await client.execute(uri: "/_sandbox/xverify/calls", method: .get) { response in
            #expect(response.status == .ok)
            return try #require(try json(response)["calls"] as? [[String: Any]])
        }
    }

    @Test func aCodeOlderThanItsLifetimeAnswersExpired() async throws {
        var knobs = SandboxKnobs()
        knobs.codeLifetimeSeconds = 300
        try await withSandbox(knobs) { _, client in
            let transaction = try await client.execute(uri: Self.placeCall("phone=%2B447400123456&country_code=GB&code=4821"),
                                                       method: .get) { response in
                try #require(try Self.answer(response)["transaction_number"] as? String)
            }
            for (advance, error, status) in [(290, 0, "valid"), (20, 5, "invalid")] {
                try await client.execute(uri: "/_sandbox/clock", method: .post, body: ByteBuffer(string: "{\"advance_seconds\": \(advance)}")) {
                    #expect($0.status == .ok)
                }
                try await client.execute(uri: Self.verifyCode(transaction, code: "4821"), method: .get) { response in
                    #expect(response.status == .ok)
                    let answer = try Self.answer(response)
                    // Fine is the number 0; expired is the string "5", as the wire allows either.
                    if error == 0 {
                        #expect(answer["error"] as? Int == 0)
                    } else {
                        #expect(answer["error"] as? String == String(error))
                        #expect(answer["message"] as? String == "Transaction expired")
                    }
                    #expect(answer["status"] as? String == status)
                    #expect(answer["transaction_number"] as? String == transaction)
                }
            }
            try await client.execute(uri: Self.verifyCode("999", code: "4821"), method: .get) { response in
                let answer = try Self.answer(response)
                #expect(answer["error"] as? String == "4", "an unknown transaction is unknown, not expired")
            }
        }
    }

    @Test func theCallsListShowsEachCallAsSent() async throws {
        try await withSandbox { _, client in
            let queries = [
                "phone=%2B447400123456&country_code=GB&code=4821&redial_count=2&redial_interval=90&call_place_tile=2026-11-23%2009%3A00%3A00",
                "phone=%2B447400123456&code=77&call_place_time=2026-11-24%2010%3A30%3A00",
                "phone=%2B447400123456&code=5",
            ]
            var transactions: [String] = []
            for query in queries {
                let transaction = try await client.execute(uri: Self.placeCall(query), method: .get) { response in
                    try #require(try Self.answer(response)["transaction_number"] as? String)
                }
                transactions.append(transaction)
            }
            let calls = try await Self.calls(client)
            try #require(calls.count == 3)
            #expect(calls.map { $0["transaction_number"] as? String ?? "" } == transactions, "in placing order")
            #expect(calls.map { $0["phone"] as? String ?? "" } == ["+447400123456", "+447400123456", "+447400123456"])
            #expect(calls.map { $0["code"] as? String ?? "" } == ["4821", "77", "5"])
            #expect(calls[0]["country_code"] as? String == "GB")
            #expect(calls[0]["redial_count"] as? String == "2")
            #expect(calls[0]["redial_interval"] as? String == "90")
            #expect(calls[0]["call_time"] as? String == "2026-11-23 09:00:00")
            #expect(calls[0]["call_time_parameter"] as? String == "call_place_tile")
            #expect(calls[1]["call_time"] as? String == "2026-11-24 10:30:00")
            #expect(calls[1]["call_time_parameter"] as? String == "call_place_time")
            for key in ["country_code", "redial_count", "redial_interval"] {
                #expect(calls[1][key] is NSNull, "\(key) not sent is null")
            }
            for key in ["call_time", "call_time_parameter"] {
                #expect(calls[2][key] is NSNull, "\(key) not sent is null")
            }
            try await client.execute(uri: "/_sandbox/reset", method: .post) { #expect($0.status == .ok) }
            let afterReset = try await Self.calls(client)
            #expect(afterReset.isEmpty)
        }
    }

    @Test func aRedialOutOfRangeIsRefusedAndNotBilled() async throws {
        try await withSandbox { _, client in
            let refused = [("redial_count=6", "redial_count"), ("redial_count=-1", "redial_count"), ("redial_count=two", "redial_count"),
                           ("redial_count=", "redial_count"), ("redial_interval=0", "redial_interval"),
                           ("redial_interval=3601", "redial_interval"), ("redial_interval=1.5", "redial_interval")]
            for (query, parameter) in refused {
                try await client.execute(uri: Self.placeCall("phone=%2B447400123456&code=1&\(query)"), method: .get) { response in
                    #expect(response.status == .ok)
                    let answer = try Self.answer(response)
                    #expect(answer["error"] as? String == "2", "\(query)")
                    #expect(answer["status"] as? String == "invalid", "\(query)")
                    #expect((answer["message"] as? String)?.contains(parameter) == true, "\(query)")
                }
            }
            try await client.execute(uri: Self.placeCall("phone=%2B447400123456&code=1&redial_count=0&redial_interval=3600"),
                                     method: .get) { response in
                let answer = try Self.answer(response)
                #expect(answer["status"] as? String == "valid", "both ends of the ranges are accepted")
            }
            try await client.execute(uri: "/_sandbox/ledger", method: .get) { response in
                let ledger = try json(response)
                #expect((ledger["xverify"] as? [String: Any])?["billable"] as? Int == 1, "only the accepted call is billed")
            }
        }
    }

    /// Whether a held answer has reached the client.
    private actor Heard {
        private(set) var answered = false
        func hear() { answered = true }
    }

    @Test func aHeldAnswerLeavesTheCallPlacedAndBilledBeforeTheClientHears() async throws {
        var knobs = SandboxKnobs()
        // Longer than the test: what ends the hold is the server's stop as the test ends.
        knobs.holdAnswerSeconds = 60
        knobs.holdAnswerEndpoints = ["placecall"]
        try await withSandbox(knobs) { _, client in
            // The call goes out on a connection of its own: the test client's one connection
            // answers in order, so the ledger's answers would wait behind the held one.
            let port = try #require(client.port)
            // (To "localhost", as the test client connects: the test server binds that name.)
            let caller = TestClient(host: "localhost", port: port)
            caller.connect()
            let heard = Heard()
            let uri = Self.placeCall("phone=%2B447400123456&country_code=GB&code=4821")
            let placing = Task {
                _ = try await caller.execute(TestClient.Request(uri, method: .get, authority: "localhost"))
                await heard.hear()
            }
            // Poll the ledger until the call is billed (a poll, not a wait for the hold).
            var billable = 0
            let deadline = ContinuousClock.now + .seconds(30)
            while billable == 0, ContinuousClock.now < deadline {
                billable = try await client.execute(uri: "/_sandbox/ledger", method: .get) { response in
                    let ledger = try json(response)
                    return (ledger["xverify"] as? [String: Any])?["billable"] as? Int ?? 0
                }
                if billable == 0 { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(billable == 1, "the call is placed and billed")
            #expect(await heard.answered == false, "while its answer is held")
            // The call is listed, and verifycode, not held, checks its code at once.
            let listed = try await Self.calls(client)
            let transaction = try #require(listed.first?["transaction_number"] as? String)
            try await client.execute(uri: Self.verifyCode(transaction, code: "4821"), method: .get) { response in
                let answer = try Self.answer(response)
                #expect(answer["status"] as? String == "valid")
            }
            #expect(await heard.answered == false, "the placecall answer is still held")
            // The client gives up: its connection closes and it never hears the answer.
            try await caller.shutdown()
            _ = await placing.result
            #expect(await heard.answered == false)
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PhoneBatchSandbox

/// Every answer the tests below receive, kept to be checked against the published document.
actor Transcript {
    private(set) var entries: [[String: Any]] = []
    func add(method: String, path: String, status: Int, body: ByteBuffer) {
        let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))
        entries.append(["method": method, "path": path, "status": status, "body": object ?? NSNull()])
    }
    func json() throws -> Data { try JSONSerialization.data(withJSONObject: entries) }
}

struct Experian {
    let client: any TestClientProtocol
    let transcript: Transcript
    static let base = "/phone/bulk/v1/batches"
    static let auth: HTTPFields = [ExperianImitation.authToken: SandboxCredentials.experianToken, .contentType: "application/json"]

    /// Sends a request; `template` names the document's path for the transcript.
    @discardableResult
    func call(_ method: HTTPRequest.Method, _ uri: String, template: String, headers: HTTPFields = auth,
              body: String? = nil) async throws -> (status: Int, json: [String: Any], headers: HTTPFields) {
        try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            await transcript.add(method: method.rawValue.lowercased(), path: template, status: response.status.code, body: response.body)
            let object = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
            return (response.status.code, object, response.headers)
        }
    }

    func create(_ phones: [String], defaults: String = "{}") async throws -> String {
        let items = phones.map { "{\"number\":\"\($0)\",\"country_iso\":\"GBR\"}" }.joined(separator: ",")
        let (status, json, _) = try await call(.post, Self.base, template: Self.base,
                                                body: "{\"defaults\":\(defaults),\"phones\":[\(items)]}")
        #expect(status == 200)
        return try #require((json["result"] as? [String: Any])?["batch_id"] as? String)
    }
}

@Suite struct ExperianSandboxTests {
    static let phones = (0..<40).map { "07400 \(100_000 + $0 * 131)" }

    /// Runs the whole contract, then checks every answer against the OpenAPI document.
    @Test func theContractEndToEndAndEveryAnswerValidatesAgainstTheDocument() async throws {
        let transcript = Transcript()
        var knobs = SandboxKnobs()
        knobs.asyncSeconds = 100
        knobs.credits = [.experian: 60]
        try await withSandbox(knobs) { sandbox, client in
            let api = Experian(client: client, transcript: transcript)
            let base = Experian.base
            // Create, with our own reference, echoed Reference-Id.
            var headers = Experian.auth
            headers[ExperianImitation.referenceID] = "pb-job-1"
            let created = try await api.call(.post, base, template: base, headers: headers, body: """
                {"defaults":{"output_format":"PLUS_E164","get_ported_date":true,"batch_reference_id":"pb-t0k3n-1",
                 "supplementary_live_status":{"mobile":["GBR"]},"max_processing_time":"PT10M"},
                 "phones":[\(Self.phones.map { "{\"number\":\"\($0)\",\"country_iso\":\"GBR\"}" }.joined(separator: ","))]}
                """)
            #expect(created.status == 200)
            #expect(created.headers[ExperianImitation.referenceID] == "pb-job-1")
            let id = try #require((created.json["result"] as? [String: Any])?["batch_id"] as? String)
            let one = "\(base)/\(id)", template = "\(base)/{batch_id}"
            #expect((try await api.call(.get, one, template: template)).json["result"].flatMap { ($0 as? [String: Any])?["status"] as? String } == "submitted")
            #expect(try await api.call(.get, "\(one)/results", template: "\(template)/results").status == 400)

            // Start: billable once; a second start is refused.
            #expect(try await api.call(.post, "\(one)/start", template: "\(template)/start").status == 200)
            #expect(try await api.call(.post, "\(one)/start", template: "\(template)/start").status == 400)
            await sandbox.clock.advance(by: 50)
            var withMetadata = Experian.auth
            withMetadata[ExperianImitation.addMetadata] = "true"
            let halfway = try await api.call(.get, one, template: template, headers: withMetadata)
            let progress = try #require(halfway.json["result"] as? [String: Any])
            #expect(progress["status"] as? String == "processing")
            #expect(progress["records_processed"] as? Int == 20)
            #expect(halfway.json["metadata"] != nil, "batch_config with Add-Metadata")
            await sandbox.clock.advance(by: 60)
            let done = try await api.call(.get, "\(one)/results", template: "\(template)/results", headers: withMetadata)
            let result = try #require(done.json["result"] as? [String: Any])
            #expect(result["status"] as? String == "completed")
            #expect(result["credits_charged"] as? Int == 40)
            let rows = try #require(result["phones"] as? [[String: Any]])
            #expect(rows.count == 40)
            #expect(rows[0]["validated_phone_number"] as? String == "+447400100000")
            #expect(rows.allSatisfy { $0["metadata"] != nil || ($0["confidence"] as? String) == "unverified" })
            let plain = try await api.call(.get, "\(one)/results", template: "\(template)/results")
            #expect(((plain.json["result"] as? [String: Any])?["phones"] as? [[String: Any]])?.allSatisfy { $0["metadata"] == nil } == true)

            // Stop a batch midway: the rows it never reached come back unprocessed.
            let second = try await api.create(Array(Self.phones.prefix(10)))
            #expect(try await api.call(.post, "\(base)/\(second)/start", template: "\(template)/start").status == 200)
            await sandbox.clock.advance(by: 30)
            #expect(try await api.call(.post, "\(base)/\(second)/stop", template: "\(template)/stop").status == 200)
            let stopped = try await api.call(.get, "\(base)/\(second)/results", template: "\(template)/results")
            let stoppedRows = try #require((stopped.json["result"] as? [String: Any])?["phones"] as? [[String: Any]])
            #expect(stoppedRows.filter { $0["confidence"] as? String == "unprocessed" }.count == 7)

            // List: how a client finds its batch by reference after a crash.
            let listed = try await api.call(.get, base, template: base)
            let batches = try #require((listed.json["result"] as? [String: Any])?["batches"] as? [[String: Any]])
            #expect(batches.contains { $0["batch_reference_id"] as? String == "pb-t0k3n-1" && $0["batch_id"] as? String == id })

            // Credits: 60 units, 50 spent; a batch of 11 cannot start.
            let third = try await api.create(Array(Self.phones.prefix(11)))
            #expect(try await api.call(.post, "\(base)/\(third)/start", template: "\(template)/start").status == 403)
            // Older than 28 days: refused.
            await sandbox.clock.advance(by: 29 * 24 * 3600)
            #expect(try await api.call(.post, "\(base)/\(third)/start", template: "\(template)/start").status == 400)

            // Refusals in the error shape.
            for body in ["{\"phones\":[{\"number\":\"1\"}],\"colour\":\"red\"}", "{\"phones\":[]}",
                         "{\"defaults\":{\"batch_reference_id\":\"no;semicolons\"},\"phones\":[{\"number\":\"1\"}]}",
                         "{\"defaults\":{\"max_processing_time\":\"PT25H\"},\"phones\":[{\"number\":\"1\"}]}"] {
                let refused = try await api.call(.post, base, template: base, body: body)
                #expect(refused.status == 400, "\(body)")
                #expect((refused.json["error"] as? [String: Any])?["detail"] is String)
            }
            #expect(try await api.call(.get, base, template: base, headers: [:]).status == 401)
            #expect(try await api.call(.get, base, template: base, headers: [ExperianImitation.authToken: SandboxCredentials.experianToken,
                                                                             .accept: "text/html"]).status == 406)
            #expect(try await api.call(.post, base, template: base, headers: [ExperianImitation.authToken: SandboxCredentials.experianToken,
                                                                              .contentType: "text/csv"], body: "number\n1").status == 415)
            #expect(try await api.call(.get, "\(base)/nope", template: template).status == 404)
            let ledger = try await client.execute(uri: "/_sandbox/ledger", method: .get) { try json($0) }
            let experian = try #require(ledger["experian"] as? [String: Any])
            #expect(experian["billable"] as? Int == 50, "40 + 10 started; the refused batch cost nothing")
        }
        try await validateAgainstDocument(transcript)
    }

    @Test func theRateLimitIsSharedByEveryEndpointAndAdvertised() async throws {
        let transcript = Transcript()
        var knobs = SandboxKnobs()
        knobs.rateLimitPerMinute = 3
        try await withSandbox(knobs) { sandbox, client in
            // The window is a clock minute: start at the top of one, so that a loaded machine
            // does not carry the four requests across two windows.
            await startAtTheTopOfAWindow(sandbox, seconds: 60)
            let api = Experian(client: client, transcript: transcript)
            let id = try await api.create(["07400 100000"])
            let status = try await api.call(.get, "\(Experian.base)/\(id)", template: "\(Experian.base)/{batch_id}")
            #expect(status.headers[ProviderEndpoint.limitHeader] == "3")
            #expect(status.headers[ProviderEndpoint.remainingHeader] == "1")
            #expect(Int(status.headers[ProviderEndpoint.resetHeader] ?? "") ?? 0 > Int(Date().timeIntervalSince1970))
            _ = try await api.call(.get, Experian.base, template: Experian.base)
            let limited = try await api.call(.post, "\(Experian.base)/\(id)/start", template: "\(Experian.base)/{batch_id}/start")
            #expect(limited.status == 429)
            #expect(limited.headers[ProviderEndpoint.remainingHeader] == "0")
            #expect(limited.headers[.retryAfter] != nil)
        }
        try await validateAgainstDocument(transcript)
    }

    /// The published document: `shared/providers/` beside the checkout when it is there, else
    /// the copy in the test fixtures (which the next test keeps identical to it).
    static var publishedDocument: String {
        let shared = TestPaths.repositoryRoot + "/../shared/providers/experian-bulk-phone.openapi.json"
        return FileManager.default.fileExists(atPath: shared) ? shared : TestPaths.fixture("experian-bulk-phone.openapi.json")
    }

    @Test func theFixtureCopyOfTheDocumentIsThePublishedOne() throws {
        let shared = TestPaths.repositoryRoot + "/../shared/providers/experian-bulk-phone.openapi.json"
        guard FileManager.default.fileExists(atPath: shared) else { return }
        let copy = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("experian-bulk-phone.openapi.json")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: shared)) == copy,
                "copy ../shared/providers/experian-bulk-phone.openapi.json into Tests/PhoneBatchTests/Fixtures/")
    }

    /// Checks each answer with the OpenAPI document itself: the 200 schema of its operation,
    /// and for an error status the same envelope (whose `error` is the document's ResponseError).
    func validateAgainstDocument(_ transcript: Transcript) async throws {
        let directory = try TemporaryDirectory()
        let answers = try directory.write("answers.json", bytes: Array(try await transcript.json()))
        let document = Self.publishedDocument
        let script = try directory.write("validate.py", """
            import json, sys
            from openapi_schema_validator import OAS30Validator, oas30_format_checker
            document = json.load(open(sys.argv[1]))
            schemas = document["components"]["schemas"]
            def inline(node):
                if isinstance(node, dict):
                    if "$ref" in node:
                        return inline(schemas[node["$ref"].split("/")[-1]])
                    return {key: inline(value) for key, value in node.items()}
                if isinstance(node, list):
                    return [inline(item) for item in node]
                return node
            failures = 0
            answers = json.load(open(sys.argv[2]))
            for answer in answers:
                operation = document["paths"][answer["path"]][answer["method"]]
                schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
                try:
                    OAS30Validator(inline(schema), format_checker=oas30_format_checker).validate(answer["body"])
                    if answer["status"] != 200:
                        assert set(answer["body"].keys()) == {"error"}, "an error answer holds only error"
                except Exception as problem:
                    failures += 1
                    print(answer["method"], answer["path"], answer["status"], str(problem).splitlines()[0])
            print(f"{len(answers) - failures} valid, {failures} invalid")
            sys.exit(1 if failures else 0)
            """)
        let result = try runProcess("/usr/bin/env", ["python3", script, document, answers])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}

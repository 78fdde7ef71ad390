import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PhoneBatchSandbox

/// Runs `body` against a sandbox served on an ephemeral loopback port, over real HTTP.
@discardableResult
func withSandbox<Value: Sendable>(_ knobs: SandboxKnobs = SandboxKnobs(),
                                  _ body: @Sendable (Sandbox, any TestClientProtocol) async throws -> Value) async throws -> Value {
    let sandbox = Sandbox(knobs: knobs)
    let app = try sandbox.application(host: "127.0.0.1", port: 0, logger: Logger(label: "sandbox-test"))
    return try await app.test(.live) { client in try await body(sandbox, client) }
}

/// Moves the sandbox's clock to just past the start of its next rate-limit window of
/// `seconds`, so that requests sent next fall in one window however slowly a loaded machine
/// sends them.
func startAtTheTopOfAWindow(_ sandbox: Sandbox, seconds: Double) async {
    let now = await sandbox.clock.now().timeIntervalSince1970
    await sandbox.clock.advance(by: seconds - now.truncatingRemainder(dividingBy: seconds) + 0.01)
}

/// A JSON answer as nested Foundation values.
func json(_ response: TestResponse) throws -> [String: Any] {
    let data = Data(response.body.readableBytesView)
    return try JSONSerialization.jsonObject(with: data) as! [String: Any]
}

enum Harmony {
    static let path = "/harmony/rest/au/validate/phone"

    static var authorization: HTTPFields {
        let credentials = Data("\(SandboxCredentials.harmonyUser):\(SandboxCredentials.harmonyPassword)".utf8).base64EncodedString()
        return [.authorization: "Basic \(credentials)", .contentType: "application/json"]
    }

    static func body(_ phones: [(String, String?)]) -> ByteBuffer {
        let items = phones.map { phone, country in
            country.map { "{\"fullPhone\":\"\(phone)\",\"country\":\"\($0)\"}" } ?? "{\"fullPhone\":\"\(phone)\"}"
        }
        return ByteBuffer(string: "{\"payload\":[\(items.joined(separator: ","))]}")
    }
}

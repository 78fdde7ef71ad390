import Hummingbird
import PhoneBatch
import ServiceLifecycle

/// The handler for a provider endpoint, with what every endpoint shares around it: the
/// faults the knobs ask for (latency, 429, 5xx in the provider's own error shape), a line in
/// the ledger for every answer, and an answer held back after the work is done.
struct ProviderEndpoint: Sendable {
    let provider: ProviderKey
    /// The endpoint's name in the ledger (`validate_phone`).
    let name: String
    let faults: FaultInjector
    let ledger: Ledger
    /// How the provider answers a drawn fault, in its own shape.
    let faultResponse: @Sendable (FaultInjector.Fault) -> Response
    /// Whether every answer carries `X-Rate-Limit-Limit`, `-Remaining` and `-Reset` (Experian's do).
    var advertisesRateLimit = false
    /// Seconds a good answer is held after the work and its ledger lines are done
    /// (`SandboxKnobs.holdAnswerSeconds`, for the endpoints it names).
    var holdAnswerSeconds: Double = 0

    typealias Handler = @Sendable (Request, SandboxRequestContext) async throws -> Response

    static let limitHeader = HTTPFields.Element.Name("X-Rate-Limit-Limit")!
    static let remainingHeader = HTTPFields.Element.Name("X-Rate-Limit-Remaining")!
    static let resetHeader = HTTPFields.Element.Name("X-Rate-Limit-Reset")!

    func handler(_ body: @escaping Handler) -> Handler {
        { request, context in
            let (delay, fault) = await faults.draw(for: provider)
            if delay > .zero { try await Task.sleep(for: delay) }
            var response: Response
            switch fault {
            case .none:
                response = try await body(request, context)
            case .rateLimited(let retryAfter, _):
                var limited = faultResponse(fault)
                limited.headers[.retryAfter] = String(retryAfter)
                response = limited
            case .serverError:
                response = faultResponse(fault)
            case .timeout:
                // Silence: the client's own timeout is what ends this.
                try? await Task.sleep(for: .seconds(600))
                context.channel.close(promise: nil)
                response = faultResponse(fault)
            case .reset:
                context.channel.close(promise: nil)
                await ledger.recordRequest(provider, endpoint: name, status: 0)
                return faultResponse(fault)
            case .cutBody:
                response = try await body(request, context)
                var buffer = try await Self.bytes(of: response.body)
                buffer.moveWriterIndex(to: buffer.readerIndex + buffer.readableBytes / 2)
                response.body = .init(byteBuffer: buffer)
            }
            if advertisesRateLimit, let window = await faults.window(for: provider) {
                response.headers[Self.limitHeader] = String(window.limit)
                response.headers[Self.remainingHeader] = String(window.remaining)
                response.headers[Self.resetHeader] = String(window.reset)
            }
            await ledger.recordRequest(provider, endpoint: name, status: response.status.code)
            if case .none = fault, holdAnswerSeconds > 0 {
                // The provider has acted and the ledger says so; only the answer is late. A
                // server asked to stop lets it go rather than wait the hold out.
                let hold = Duration.seconds(holdAnswerSeconds)
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: hold) }
            }
            return response
        }
    }
}

extension ProviderEndpoint {
    /// The bytes a response body would send.
    static func bytes(of body: ResponseBody) async throws -> ByteBuffer {
        let collected = CollectedBytes()
        try await body.write(CollectingWriter(into: collected))
        return collected.buffer
    }

    private final class CollectedBytes: @unchecked Sendable {
        // Written by one body write at a time, read after it finishes.
        var buffer = ByteBuffer()
    }

    private struct CollectingWriter: ResponseBodyWriter {
        let into: CollectedBytes
        mutating func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            into.buffer.writeBuffer(&buffer)
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}

extension Response {
    /// A JSON answer.
    static func json(_ status: HTTPResponse.Status, _ value: JSONValue, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: value.text)))
    }
}

extension Request {
    /// The body, at most `limit` bytes.
    func bodyBytes(limit: Int = 4 << 20) async throws -> [UInt8] {
        var buffer = try await body.collect(upTo: limit)
        return buffer.readBytes(length: buffer.readableBytes) ?? []
    }
}

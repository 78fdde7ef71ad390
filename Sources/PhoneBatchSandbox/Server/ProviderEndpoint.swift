import Hummingbird
import PhoneBatch

/// The handler for a provider endpoint, with what every endpoint shares around it: the
/// faults the knobs ask for (latency, 429, 5xx in the provider's own error shape) and a line
/// in the ledger for every answer.
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

    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

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
            }
            if advertisesRateLimit, let window = await faults.window(for: provider) {
                response.headers[Self.limitHeader] = String(window.limit)
                response.headers[Self.remainingHeader] = String(window.remaining)
                response.headers[Self.resetHeader] = String(window.reset)
            }
            await ledger.recordRequest(provider, endpoint: name, status: response.status.code)
            return response
        }
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

import Hummingbird
import NIOCore

/// The request context of the sandbox's routes: Hummingbird's basic one, plus the connection,
/// so that a drawn fault can drop it mid-answer.
public struct SandboxRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

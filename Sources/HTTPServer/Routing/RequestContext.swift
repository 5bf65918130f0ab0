/// Where a request is being served. `loopIndex`/`loopCount` let an application
/// keep per-loop caches (an array indexed by loop) without any locking, since
/// inline handlers for one loop always run on that loop's thread.
public struct RequestContext: Sendable {
    public let loopIndex: Int
    public let loopCount: Int
    /// "ip:port" (IPv6 as "[addr]:port").
    public let remoteAddress: String
    /// True when the handler runs on a worker pool rather than on the loop thread.
    public let isOffloaded: Bool
    let id: RequestID
    let cancellation: CancellationToken?

    public init(loopIndex: Int, loopCount: Int, remoteAddress: String, isOffloaded: Bool = false, requestID: String = "-") {
        self.init(loopIndex: loopIndex, loopCount: loopCount, remoteAddress: remoteAddress, isOffloaded: isOffloaded,
                  id: RequestID(client: requestID), cancellation: nil)
    }

    init(loopIndex: Int, loopCount: Int, remoteAddress: String, isOffloaded: Bool, id: RequestID, cancellation: CancellationToken?) {
        self.loopIndex = loopIndex
        self.loopCount = loopCount
        self.remoteAddress = remoteAddress
        self.isOffloaded = isOffloaded
        self.id = id
        self.cancellation = cancellation
    }

    /// The client's `X-Request-Id` when it was acceptable, else one the engine made
    /// up; sent back as `X-Request-Id` and written to the access log.
    public var requestID: String { id.text }

    /// Set when the request's deadline passed or its client went away. A handler
    /// on a worker pool checks it in long loops and gives up early; whatever it
    /// returns after that is dropped. Always false on the event loop.
    public var isCancelled: Bool { cancellation?.isCancelled ?? false }
}

public typealias RouteHandler = @Sendable (HTTPRequest, RequestContext) -> HTTPResponse
/// The loop-side half of a two-phase route: a response (e.g. a cache hit), or nil
/// to send the request on to the route's worker pool.
public typealias FastRouteHandler = @Sendable (HTTPRequest, RequestContext) -> HTTPResponse?
public typealias ResponseFilter = @Sendable (HTTPRequest?, inout HTTPResponse) -> Void

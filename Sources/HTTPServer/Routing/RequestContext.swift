/// Where a request is being served. `loopIndex`/`loopCount` let an application
/// keep per-loop caches (an array indexed by loop) without any locking, since
/// inline handlers for one loop always run on that loop's thread.
public struct RequestContext: Sendable {
    public let loopIndex: Int
    public let loopCount: Int
    /// "ip:port" (IPv6 as "[addr]:port").
    public let remoteAddress: String
    /// True when the handler runs on an offload queue rather than on the loop thread.
    public let isOffloaded: Bool

    public init(loopIndex: Int, loopCount: Int, remoteAddress: String, isOffloaded: Bool = false) {
        self.loopIndex = loopIndex
        self.loopCount = loopCount
        self.remoteAddress = remoteAddress
        self.isOffloaded = isOffloaded
    }
}

public typealias RouteHandler = @Sendable (HTTPRequest, RequestContext) -> HTTPResponse
public typealias ResponseFilter = @Sendable (HTTPRequest?, inout HTTPResponse) -> Void

/// A fully received request as handed to route handlers. Everything is an owned
/// value (no views into the connection's buffer) so it can cross to an
/// offload queue safely.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// Percent-decoded path (an encoded `%2F` appears here as `/`; routing uses
    /// the undecoded segment boundaries, see `Router`).
    public var path: String
    /// The request-target exactly as sent (always ASCII).
    public var rawTarget: String
    public var query: QueryParameters
    public var headers: HTTPHeaders
    public var body: [UInt8]
    public var version: HTTPVersion
    /// Values captured by `{name}` and `{name...}` in the matched route template.
    public var parameters: [String: String]

    public init(
        method: HTTPMethod,
        path: String,
        rawTarget: String? = nil,
        query: QueryParameters = QueryParameters(),
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        version: HTTPVersion = .http1_1,
        parameters: [String: String] = [:]
    ) {
        self.method = method
        self.path = path
        self.rawTarget = rawTarget ?? path
        self.query = query
        self.headers = headers
        self.body = body
        self.version = version
        self.parameters = parameters
    }
}

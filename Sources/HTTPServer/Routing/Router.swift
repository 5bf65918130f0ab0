/// Routes are registered on this value before the server starts; the server
/// compiles it into an immutable `RouteTable`, so matching needs no locks.
///
/// Matching is on percent-decoded path segments, split before decoding (an
/// encoded `%2F` stays within its segment). Literal segments win over `{param}`,
/// which wins over `{rest...}`, with backtracking. HEAD falls back to the GET
/// handler (the engine drops the body), OPTIONS without a route answers 204
/// with `Allow`, a path registered for other methods answers 405 with `Allow`,
/// and unmatched paths go to `fallback` or 404.
///
/// Where a handler runs:
/// - `add(method, template, handler)`: on the event loop. Only for work whose
///   cost does not depend on the request (a cached body, a health check).
/// - `add(method, template, pool: "reads", handler)`: always on that worker pool,
///   with its queue limit (503), deadline (504) and cancellation.
/// - `add(method, template, fast:, pool:, slow:)`: `fast` on the loop (e.g. a
///   cache hit); when it returns nil the request goes to the pool and `slow`.
public struct Router: Sendable {
    struct Route: Sendable {
        let method: HTTPMethod
        let template: RouteTemplate
        let templateText: String
        let fast: FastRouteHandler?
        let pool: String?
        let handler: RouteHandler
    }

    var routes: [Route] = []

    /// Called for paths no route matches (e.g. a static frontend); nil means 404.
    public var fallback: RouteHandler?
    /// When set, fallback requests run on this worker pool (e.g. file reads).
    public var fallbackPool: String?
    /// Applied to every response, including engine-generated errors; the request
    /// is nil when it could not be parsed.
    public var responseFilter: ResponseFilter?

    public init() {}

    /// `handler` runs on the event loop. Registering the same method and
    /// template twice replaces the first.
    public mutating func add(_ method: HTTPMethod, _ template: String, _ handler: @escaping RouteHandler) {
        register(Route(method: method, template: RouteTemplate(template), templateText: template, fast: nil, pool: nil, handler: handler))
    }

    /// `handler` runs on the named worker pool (see `ServerConfiguration.workerPools`).
    public mutating func add(_ method: HTTPMethod, _ template: String, pool: String, _ handler: @escaping RouteHandler) {
        register(Route(method: method, template: RouteTemplate(template), templateText: template, fast: nil, pool: pool, handler: handler))
    }

    /// `fast` runs on the loop; a nil answer sends the request to `pool`, where `slow` runs.
    public mutating func add(_ method: HTTPMethod, _ template: String, fast: @escaping FastRouteHandler,
                             pool: String, slow: @escaping RouteHandler) {
        register(Route(method: method, template: RouteTemplate(template), templateText: template, fast: fast, pool: pool, handler: slow))
    }

    public mutating func get(_ template: String, _ handler: @escaping RouteHandler) {
        add(.GET, template, handler)
    }

    public mutating func post(_ template: String, _ handler: @escaping RouteHandler) {
        add(.POST, template, handler)
    }

    /// Pool names used by routes and the fallback, for checking against the configuration.
    var poolNames: Set<String> {
        Set(routes.compactMap(\.pool) + [fallbackPool].compactMap { $0 })
    }

    private mutating func register(_ route: Route) {
        routes.removeAll { $0.method == route.method && $0.template == route.template }
        routes.append(route)
    }
}

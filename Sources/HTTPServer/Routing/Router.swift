/// Routes are registered on this value before the server starts; the server
/// compiles it into an immutable `RouteTable`, so matching needs no locks.
///
/// Matching is on percent-decoded path segments, split before decoding (an
/// encoded `%2F` stays within its segment). Literal segments win over `{param}`,
/// which wins over `{rest...}`, with backtracking. HEAD falls back to the GET
/// handler (the engine drops the body), OPTIONS without a route answers 204
/// with `Allow`, a path registered for other methods answers 405 with `Allow`,
/// and unmatched paths go to `fallback` or 404.
public struct Router: Sendable {
    struct Route: Sendable {
        let method: HTTPMethod
        let template: RouteTemplate
        let offloaded: Bool
        let handler: RouteHandler
    }

    var routes: [Route] = []

    /// Called for paths no route matches (e.g. a static frontend); nil means 404.
    public var fallback: RouteHandler?
    /// Applied to every response, including engine-generated errors; the request
    /// is nil when it could not be parsed.
    public var responseFilter: ResponseFilter?
    /// When set, fallback requests run off the event loop (e.g. file reads).
    public var fallbackOffloaded = false

    public init() {}

    /// Registers `handler` for `method` and `template`. With `offloaded` the
    /// handler runs on a Dispatch queue so slow work never blocks the event loop.
    /// Registering the same method and template twice replaces the first.
    public mutating func add(_ method: HTTPMethod, _ template: String, offloaded: Bool = false, _ handler: @escaping RouteHandler) {
        let route = Route(method: method, template: RouteTemplate(template), offloaded: offloaded, handler: handler)
        routes.removeAll { $0.method == method && $0.template == route.template }
        routes.append(route)
    }

    public mutating func get(_ template: String, offloaded: Bool = false, _ handler: @escaping RouteHandler) {
        add(.GET, template, offloaded: offloaded, handler)
    }

    public mutating func post(_ template: String, offloaded: Bool = false, _ handler: @escaping RouteHandler) {
        add(.POST, template, offloaded: offloaded, handler)
    }
}

/// The compiled, immutable form of a `Router`: a segment trie plus an exact-path
/// table for parameterless routes, which is the common case and costs a single
/// hash lookup. Built once before the server starts and shared by all loops.
final class RouteTable: Sendable {
    struct Target: Sendable {
        let handler: RouteHandler
        let fast: FastRouteHandler?
        /// Index into the server's worker pools; nil runs `handler` on the loop.
        let pool: Int?
        /// The template as registered (`/api/v1/articles/{id}`), for logs and metrics.
        let template: String
        /// Small and unique per route of one table (metrics cache key).
        let id: Int
        /// Names of the template's `{param}`s and `{rest...}`, in path order.
        /// Kept per route, not per trie node, so `/a/{id}` and `/a/{slug}/b`
        /// can share a node and still use their own names.
        let parameterNames: [String]

        init(handler: @escaping RouteHandler, fast: FastRouteHandler? = nil, pool: Int?, template: String, id: Int, parsed: RouteTemplate? = nil) {
            self.handler = handler
            self.id = id
            self.fast = fast
            self.pool = pool
            self.template = template
            parameterNames = parsed?.segments.compactMap { segment in
                switch segment {
                case .literal: nil
                case .parameter(let name), .catchAll(let name): name
                }
            } ?? []
        }

        func parameters(_ values: [String]) -> [String: String] {
            guard !values.isEmpty else { return [:] }
            var result: [String: String] = [:]
            for (name, value) in zip(parameterNames, values) { result[name] = value }
            return result
        }
    }

    /// Handlers for one path, indexed by `HTTPMethod.index`.
    final class Endpoint: Sendable {
        let handlers: [Target?]
        let allow: String

        /// The handler for `method`; HEAD is served by GET when it has none.
        func route(for method: HTTPMethod) -> Target? {
            if let route = handlers[method.index] { return route }
            return method == .HEAD ? handlers[HTTPMethod.GET.index] : nil
        }

        /// Any endpoint when `method` is nil.
        func accepts(_ method: HTTPMethod?) -> Bool {
            guard let method else { return true }
            return route(for: method) != nil
        }

        init(_ handlers: [Target?]) {
            self.handlers = handlers
            var methods: [HTTPMethod] = HTTPMethod.allowOrder.filter { handlers[$0.index] != nil }
            if handlers[HTTPMethod.GET.index] != nil && !methods.contains(.HEAD) { methods.append(.HEAD) }
            if !methods.contains(.OPTIONS) { methods.append(.OPTIONS) }
            allow = HTTPMethod.allowOrder.filter(methods.contains).map(\.description).joined(separator: ", ")
        }
    }

    final class Node: Sendable {
        let literals: [String: Node]
        let parameter: Node?
        let catchAll: Endpoint?
        let endpoint: Endpoint?

        init(literals: [String: Node], parameter: Node?, catchAll: Endpoint?, endpoint: Endpoint?) {
            self.literals = literals
            self.parameter = parameter
            self.catchAll = catchAll
            self.endpoint = endpoint
        }
    }

    enum Match {
        case route(Target, parameters: [String: String], allow: String)
        /// The path exists but not for this method.
        case methodNotAllowed(allow: String)
        /// OPTIONS on a path with no OPTIONS route.
        case options(allow: String)
        case fallback(Target)
        case notFound
    }

    static let allMethodsAllow = HTTPMethod.allowOrder.map(\.description).joined(separator: ", ")

    let root: Node
    let exact: [String: Endpoint]
    let fallback: Target?
    let filter: ResponseFilter?

    /// Route labels (logs, metrics) for requests no route served.
    static let fallbackLabel = "(fallback)"
    static let unmatchedLabel = "(unmatched)"
    static let invalidLabel = "(invalid)"
    static let rejectedLabel = "(rejected)"

    /// - Parameter pools: the configured pool names; a route naming another pool is a bug and traps.
    init(_ router: Router, pools: [String] = []) {
        func poolIndex(_ name: String?) -> Int? {
            guard let name else { return nil }
            guard let index = pools.firstIndex(of: name) else {
                preconditionFailure("route uses worker pool '\(name)', which ServerConfiguration.workerPools does not define")
            }
            return index
        }
        func target(_ route: Router.Route, id: Int, parsed: Bool) -> Target {
            Target(handler: route.handler, fast: route.fast, pool: poolIndex(route.pool), template: route.templateText,
                   id: id, parsed: parsed ? route.template : nil)
        }
        root = Builder.build(router.routes.enumerated().map { (target($1, id: $0, parsed: true), $1) })
        var exact: [String: [Target?]] = [:]
        for (id, route) in router.routes.enumerated() {
            guard let path = route.template.staticPath else { continue }
            var handlers = exact[path] ?? Array(repeating: nil, count: HTTPMethod.allCases.count)
            handlers[route.method.index] = target(route, id: id, parsed: false)
            exact[path] = handlers
        }
        self.exact = exact.mapValues(Endpoint.init)
        let fallbackPool = poolIndex(router.fallbackPool)
        fallback = router.fallback.map { Target(handler: $0, pool: fallbackPool, template: Self.fallbackLabel, id: router.routes.count) }
        filter = router.responseFilter
    }

    func match(_ method: HTTPMethod, _ target: RequestTarget) -> Match {
        if target.path == "*" { return .options(allow: Self.allMethodsAllow) }
        if target.pathIsVerbatim, let endpoint = exact[target.path], let route = endpoint.route(for: method) {
            return .route(route, parameters: [:], allow: endpoint.allow)
        }
        guard let segments = RequestTarget.segments(ofRawPath: target.rawPath) else {
            return fallback.map { .fallback($0) } ?? .notFound
        }
        // First look for a route that takes this method, so that e.g.
        // `DELETE /a/{id}` still serves `/a/new` next to a `GET /a/new`.
        var values: [String] = []
        if let endpoint = Self.walk(root, segments[...], &values, method), let route = endpoint.route(for: method) {
            return .route(route, parameters: route.parameters(values), allow: endpoint.allow)
        }
        // Otherwise the path may exist for other methods: 405 or default OPTIONS.
        values.removeAll()
        guard let endpoint = Self.walk(root, segments[...], &values, nil) else {
            return fallback.map { .fallback($0) } ?? .notFound
        }
        if method == .OPTIONS { return .options(allow: endpoint.allow) }
        return .methodNotAllowed(allow: endpoint.allow)
    }

    /// Depth-first: literal child, then parameter child, then catch-all,
    /// collecting captured values in path order. With a method, only endpoints
    /// that can serve it count as found.
    private static func walk(_ node: Node, _ segments: ArraySlice<String>, _ values: inout [String], _ method: HTTPMethod?) -> Endpoint? {
        guard let segment = segments.first else {
            guard let endpoint = node.endpoint, endpoint.accepts(method) else { return nil }
            return endpoint
        }
        let rest = segments.dropFirst()
        if let child = node.literals[segment], let found = walk(child, rest, &values, method) {
            return found
        }
        if let child = node.parameter {
            values.append(segment)
            if let found = walk(child, rest, &values, method) { return found }
            values.removeLast()
        }
        if let endpoint = node.catchAll, endpoint.accepts(method) {
            values.append(segments.joined(separator: "/"))
            return endpoint
        }
        return nil
    }

    /// Mutable trie used only while compiling; converted to immutable `Node`s.
    private struct Builder {
        var literals: [String: Builder] = [:]
        var parameter: [Builder] = []
        var catchAll: [Target?]?
        var endpoint: [Target?]?

        static func build(_ routes: [(Target, Router.Route)]) -> Node {
            var root = Builder()
            for (target, route) in routes {
                root.insert(route.template.segments[...], route.method, target)
            }
            return root.freeze()
        }

        mutating func insert(_ segments: ArraySlice<RouteTemplate.Segment>, _ method: HTTPMethod, _ target: Target) {
            guard let first = segments.first else {
                var handlers = endpoint ?? Array(repeating: nil, count: HTTPMethod.allCases.count)
                handlers[method.index] = target
                endpoint = handlers
                return
            }
            let rest = segments.dropFirst()
            switch first {
            case .literal(let s):
                literals[s, default: Builder()].insert(rest, method, target)
            case .parameter:
                if parameter.isEmpty { parameter = [Builder()] }
                parameter[0].insert(rest, method, target)
            case .catchAll:
                var handlers = catchAll ?? Array(repeating: nil, count: HTTPMethod.allCases.count)
                handlers[method.index] = target
                catchAll = handlers
            }
        }

        func freeze() -> Node {
            Node(
                literals: literals.mapValues { $0.freeze() },
                parameter: parameter.first?.freeze(),
                catchAll: catchAll.map(Endpoint.init),
                endpoint: endpoint.map(Endpoint.init)
            )
        }
    }
}

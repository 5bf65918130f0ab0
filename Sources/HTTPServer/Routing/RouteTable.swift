/// The compiled, immutable form of a `Router`: a segment trie plus an exact-path
/// table for parameterless routes, which is the common case and costs a single
/// hash lookup. Built once before the server starts and shared by all loops.
final class RouteTable: Sendable {
    struct Target: Sendable {
        let handler: RouteHandler
        let offloaded: Bool
    }

    /// Handlers for one path, indexed by `HTTPMethod.index`.
    final class Endpoint: Sendable {
        let handlers: [Target?]
        let allow: String

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
        let parameterName: String?
        let parameter: Node?
        let catchAllName: String?
        let catchAll: Endpoint?
        let endpoint: Endpoint?

        init(literals: [String: Node], parameterName: String?, parameter: Node?, catchAllName: String?, catchAll: Endpoint?, endpoint: Endpoint?) {
            self.literals = literals
            self.parameterName = parameterName
            self.parameter = parameter
            self.catchAllName = catchAllName
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

    init(_ router: Router) {
        root = Builder.build(router.routes)
        var exact: [String: [Target?]] = [:]
        for route in router.routes {
            guard let path = route.template.staticPath else { continue }
            var handlers = exact[path] ?? Array(repeating: nil, count: HTTPMethod.allCases.count)
            handlers[route.method.index] = Target(handler: route.handler, offloaded: route.offloaded)
            exact[path] = handlers
        }
        self.exact = exact.mapValues(Endpoint.init)
        fallback = router.fallback.map { Target(handler: $0, offloaded: router.fallbackOffloaded) }
        filter = router.responseFilter
    }

    func match(_ method: HTTPMethod, _ target: RequestTarget) -> Match {
        if target.path == "*" { return .options(allow: Self.allMethodsAllow) }
        var parameters: [String: String] = [:]
        var endpoint: Endpoint?
        if target.pathIsVerbatim, let e = exact[target.path] {
            endpoint = e
        } else if let segments = RequestTarget.segments(ofRawPath: target.rawPath) {
            endpoint = Self.walk(root, segments[...], &parameters)
        }
        guard let endpoint else {
            if let fallback { return .fallback(fallback) }
            return .notFound
        }
        if let target = endpoint.handlers[method.index] {
            return .route(target, parameters: parameters, allow: endpoint.allow)
        }
        if method == .HEAD, let get = endpoint.handlers[HTTPMethod.GET.index] {
            return .route(get, parameters: parameters, allow: endpoint.allow)
        }
        if method == .OPTIONS { return .options(allow: endpoint.allow) }
        return .methodNotAllowed(allow: endpoint.allow)
    }

    private static func walk(_ node: Node, _ segments: ArraySlice<String>, _ parameters: inout [String: String]) -> Endpoint? {
        guard let segment = segments.first else { return node.endpoint }
        let rest = segments.dropFirst()
        if let child = node.literals[segment], let found = walk(child, rest, &parameters) {
            return found
        }
        if let child = node.parameter, let name = node.parameterName {
            let saved = parameters
            parameters[name] = segment
            if let found = walk(child, rest, &parameters) { return found }
            parameters = saved
        }
        if let endpoint = node.catchAll, let name = node.catchAllName {
            parameters[name] = segments.joined(separator: "/")
            return endpoint
        }
        return nil
    }

    /// Mutable trie used only while compiling; converted to immutable `Node`s.
    private struct Builder {
        var literals: [String: Builder] = [:]
        var parameterName: String?
        var parameter: [Builder] = []
        var catchAllName: String?
        var catchAll: [Target?]?
        var endpoint: [Target?]?

        static func build(_ routes: [Router.Route]) -> Node {
            var root = Builder()
            for route in routes {
                root.insert(route.template.segments[...], route)
            }
            return root.freeze()
        }

        mutating func insert(_ segments: ArraySlice<RouteTemplate.Segment>, _ route: Router.Route) {
            let target = Target(handler: route.handler, offloaded: route.offloaded)
            guard let first = segments.first else {
                var handlers = endpoint ?? Array(repeating: nil, count: HTTPMethod.allCases.count)
                handlers[route.method.index] = target
                endpoint = handlers
                return
            }
            let rest = segments.dropFirst()
            switch first {
            case .literal(let s):
                literals[s, default: Builder()].insert(rest, route)
            case .parameter(let name):
                // One parameter child per node: `/a/{id}` and `/a/{slug}` would be
                // ambiguous, so the first name registered wins for both.
                if parameter.isEmpty {
                    parameter = [Builder()]
                    parameterName = name
                }
                parameter[0].insert(rest, route)
            case .catchAll(let name):
                var handlers = catchAll ?? Array(repeating: nil, count: HTTPMethod.allCases.count)
                handlers[route.method.index] = target
                catchAll = handlers
                catchAllName = catchAllName ?? name
            }
        }

        func freeze() -> Node {
            Node(
                literals: literals.mapValues { $0.freeze() },
                parameterName: parameterName,
                parameter: parameter.first?.freeze(),
                catchAllName: catchAllName,
                catchAll: catchAll.map(Endpoint.init),
                endpoint: endpoint.map(Endpoint.init)
            )
        }
    }
}

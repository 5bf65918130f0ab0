/// A parsed route template such as `/api/v1/articles/{id}` or `/static/{path...}`.
struct RouteTemplate: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        /// Captures the remaining segments joined by `/`; only valid last.
        case catchAll(String)
    }

    let segments: [Segment]

    /// Templates are written by the programmer, so a malformed one is a bug and traps.
    init(_ template: String) {
        precondition(template.hasPrefix("/"), "route template must start with '/': \(template)")
        let parts = template.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var segments: [Segment] = []
        for (index, part) in parts.enumerated() {
            if part.hasPrefix("{") && part.hasSuffix("}") {
                let inner = part.dropFirst().dropLast()
                if inner.hasSuffix("...") {
                    let name = String(inner.dropLast(3))
                    precondition(!name.isEmpty, "empty catch-all name in \(template)")
                    precondition(index == parts.count - 1, "catch-all must be the last segment: \(template)")
                    segments.append(.catchAll(name))
                } else {
                    precondition(!inner.isEmpty, "empty parameter name in \(template)")
                    segments.append(.parameter(String(inner)))
                }
            } else {
                precondition(!part.contains("{") && !part.contains("}"), "braces must wrap a whole segment: \(template)")
                segments.append(.literal(String(part)))
            }
        }
        self.segments = segments
    }

    /// The path itself when the template has no parameters, for exact lookup.
    var staticPath: String? {
        var path = ""
        for segment in segments {
            guard case .literal(let s) = segment else { return nil }
            path += "/" + s
        }
        return path.isEmpty ? "/" : path
    }
}

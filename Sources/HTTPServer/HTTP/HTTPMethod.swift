/// The request methods the engine knows. TRACE and CONNECT (RFC 9110) and QUERY
/// (the IETF's safe method with a body) are known but no resource supports them,
/// so they reach the router and get 405 with `Allow`; any other valid token
/// (PROPFIND, FOO, ...) is answered
/// with 501 by the parser and never reaches the router, so this enum stays
/// closed and total.
public enum HTTPMethod: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH, TRACE, CONNECT, QUERY

    public var description: String {
        switch self {
        case .GET: "GET"
        case .HEAD: "HEAD"
        case .POST: "POST"
        case .PUT: "PUT"
        case .DELETE: "DELETE"
        case .OPTIONS: "OPTIONS"
        case .PATCH: "PATCH"
        case .TRACE: "TRACE"
        case .CONNECT: "CONNECT"
        case .QUERY: "QUERY"
        }
    }

    /// Matches the method token exactly (methods are case-sensitive, RFC 9110 §9.1).
    init?(token bytes: UnsafeBufferPointer<UInt8>) {
        // Dispatch on length first so the common methods cost one or two compares.
        switch bytes.count {
        case 3:
            if Self.equals(bytes, "GET") { self = .GET; return }
            if Self.equals(bytes, "PUT") { self = .PUT; return }
        case 4:
            if Self.equals(bytes, "POST") { self = .POST; return }
            if Self.equals(bytes, "HEAD") { self = .HEAD; return }
        case 5:
            if Self.equals(bytes, "PATCH") { self = .PATCH; return }
            if Self.equals(bytes, "TRACE") { self = .TRACE; return }
            if Self.equals(bytes, "QUERY") { self = .QUERY; return }
        case 6:
            if Self.equals(bytes, "DELETE") { self = .DELETE; return }
        case 7:
            if Self.equals(bytes, "OPTIONS") { self = .OPTIONS; return }
            if Self.equals(bytes, "CONNECT") { self = .CONNECT; return }
        default:
            break
        }
        return nil
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for i in 0..<bytes.count where bytes[i] != p[i] { return false }
        return true
    }

    /// The order used in `Allow` headers.
    static let allowOrder: [HTTPMethod] = [.GET, .HEAD, .POST, .PUT, .PATCH, .DELETE, .OPTIONS]
}

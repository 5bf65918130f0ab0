import HTTPServer

/// Cross-origin access for browser pages served elsewhere. By default none: the frontend is
/// served by Newsroom itself, same origin. Configured origins (or "*") get the CORS headers, and
/// preflight `OPTIONS` requests (answered by the engine with `Allow`) get the matching
/// `Access-Control-Allow-*` headers.
struct CORSPolicy: Sendable {
    let origins: Set<String>

    init(origins: [String]) {
        self.origins = Set(origins)
    }

    func apply(to request: HTTPRequest?, _ response: inout HTTPResponse) {
        guard let request, request.path.hasPrefix("/api/") || request.path == "/openapi.json" || request.path == "/healthz" || request.path == "/readyz" else { return }
        // One Vary field listing every header the response depends on (gzip may have named one).
        if !origins.isEmpty {
            let existing = response.headers["Vary"]
            response.headers.replaceOrAdd("Vary", existing.map { $0 + ", Origin" } ?? "Origin")
        }
        guard let origin = request.headers["Origin"], origins.contains(origin) || origins.contains("*") else { return }
        let allowed = origins.contains("*") ? "*" : origin
        response.headers.replaceOrAdd("Access-Control-Allow-Origin", allowed)
        // The handler's CPU time and the request id, for a frontend elsewhere to show and report
        // (`fetch` hides other headers; the Resource Timing API wants Timing-Allow-Origin).
        response.headers.replaceOrAdd("Access-Control-Expose-Headers", "ETag, Link, Location, X-Total-Count, Server-Timing, X-Request-Id")
        response.headers.replaceOrAdd("Timing-Allow-Origin", allowed)
        if request.method == .OPTIONS, request.headers["Access-Control-Request-Method"] != nil {
            let allowed = response.headers["Allow"] ?? "GET, HEAD, OPTIONS"
            response.headers.replaceOrAdd("Access-Control-Allow-Methods", allowed)
            response.headers.replaceOrAdd("Access-Control-Allow-Headers", "Authorization, Content-Type, If-None-Match")
            response.headers.replaceOrAdd("Access-Control-Max-Age", "600")
        }
    }
}

/// Headers every response carries: no MIME sniffing, no framing by other sites, and a content
/// security policy that allows no inline script, so even a page uploaded with `<script>` in it
/// cannot run code in the frontend.
enum SecurityHeaders {
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

    static func apply(_ response: inout HTTPResponse) {
        response.headers.replaceOrAdd("X-Content-Type-Options", "nosniff")
        if response.headers["Content-Type"]?.hasPrefix("text/html") == true {
            response.headers.replaceOrAdd("Content-Security-Policy", contentSecurityPolicy)
            response.headers.replaceOrAdd("X-Frame-Options", "DENY")
            response.headers.replaceOrAdd("Referrer-Policy", "no-referrer")
        }
    }
}

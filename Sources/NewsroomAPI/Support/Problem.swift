import HTTPServer
import JSONValue

/// An RFC 9457 problem: every error the API returns, as `application/problem+json`. Types are one
/// URN family, `urn:newsroom:problem:<slug>`, shared with the HTTP engine's own errors and listed
/// in the OpenAPI document (`Problem.types`).
struct Problem: Error, Sendable {
    static let typeBase = "urn:newsroom:problem:"

    var status: HTTPStatus
    var slug: String
    var detail: String
    var parameter: String?
    /// Extension members (candidates of an ambiguous name, the page of a gone article …).
    var extra: [(String, JSON)] = []
    var headers: HTTPHeaders = [:]

    var type: String { Self.typeBase + slug }

    static func invalidParameter(_ name: String, _ detail: String) -> Problem {
        Problem(status: .badRequest, slug: "invalid-parameter", detail: detail, parameter: name)
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(status: .notFound, slug: "not-found", detail: detail)
    }

    static let notReady = Problem(status: .serviceUnavailable, slug: "not-ready",
                                  detail: "the archive is still loading; see /readyz for progress", headers: ["Retry-After": "2"])

    var json: JSON {
        var fields: [(String, JSON)] = [
            ("type", .string(type)), ("title", .string(status.reason)), ("status", .int(status.code)), ("detail", .string(detail)),
        ]
        if let parameter { fields.append(("parameter", .string(parameter))) }
        return .object(fields + extra)
    }

    func response(pretty: Bool = false) -> HTTPResponse {
        var headers = self.headers
        headers.replaceOrAdd("Content-Type", "application/problem+json")
        headers.replaceOrAdd("Cache-Control", "no-store")
        if status == .unauthorized { headers.add("WWW-Authenticate", #"Bearer realm="newsroom""#) }
        return HTTPResponse(status: status, headers: headers, body: json.serialized(pretty: pretty))
    }

    /// Every problem type the API and the engine emit, with the status and what it means.
    static let types: [(slug: String, status: Int, meaning: String)] = [
        ("invalid-parameter", 400, "A query parameter is unknown, repeated or malformed; `parameter` names it."),
        ("ambiguous-name", 400, "A filter names several entities (an author or place name); `candidates` lists their ids."),
        ("bad-request", 400, "The HTTP request is malformed (engine)."),
        ("unauthorized", 401, "Missing or wrong bearer token."),
        ("writes-disabled", 403, "No API token is configured, so writes are off."),
        ("read-only", 403, "The page is a bundled seed page."),
        ("not-found", 404, "No such resource."),
        ("method-not-allowed", 405, "The method is not allowed on this resource; see Allow (engine)."),
        ("request-timeout", 408, "The request head or body did not arrive in time (engine)."),
        ("page-exists", 409, "A page with this id already exists."),
        ("duplicate-page", 409, "The same page content is stored already; `existing` links to it."),
        ("gone", 410, "The article was removed from its page; `page` links to the page."),
        ("precondition-failed", 412, "If-Match or If-None-Match did not hold; `current_etag` is the page's tag."),
        ("payload-too-large", 413, "The request body is over the limit (engine)."),
        ("page-too-large", 413, "The page is over the configured page size limit."),
        ("uri-too-long", 414, "The request line is over the limit (engine)."),
        ("unsupported-media-type", 415, "The page is not text/plain or text/html in a supported charset."),
        ("unparseable-page", 422, "The text is not a newspaper page (not text, empty, no recognisable article)."),
        ("headers-too-large", 431, "The header block is over the limit (engine)."),
        ("storage", 500, "The page could not be stored; `changed` says whether anything was changed."),
        ("not-implemented", 501, "Unknown method or transfer coding (engine)."),
        ("not-ready", 503, "The archive is still loading; see /readyz."),
        ("unavailable", 503, "Too many connections, or the worker queue is full; retry after Retry-After (engine)."),
        ("timeout", 504, "The request did not finish within its deadline (engine)."),
        ("http-version-not-supported", 505, "Only HTTP/1.0 and HTTP/1.1 are served (engine)."),
    ]
}

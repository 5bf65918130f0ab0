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
    static let types: [(slug: String, status: Int, meaning: String)] = (apiTypes + EngineProblem.all.filter { engine in
        !apiTypes.contains { $0.slug == engine.slug }
    }.map { ($0.slug, $0.status.code, $0.title + " (engine).") }).sorted { ($0.status, $0.slug) < ($1.status, $1.slug) }

    /// The API's own problem types.
    static let apiTypes: [(slug: String, status: Int, meaning: String)] = [
        ("invalid-parameter", 400, "A query parameter is unknown, repeated or malformed; `parameter` names it."),
        ("ambiguous-name", 400, "A filter names several entities (an author or place name); `candidates` lists their ids."),
        ("unauthorized", 401, "Missing or wrong bearer token."),
        ("writes-disabled", 403, "No API token is configured, so writes are off."),
        ("read-only", 403, "The page is a bundled seed page."),
        ("not-found", 404, "No such resource."),
        ("page-exists", 409, "A page with this id already exists."),
        ("duplicate-page", 409, "The same page content is stored already; `existing` links to it."),
        ("gone", 410, "The article was removed from its page; `page` links to the page."),
        ("precondition-failed", 412, "If-Match or If-None-Match did not hold; `current_etag` is the page's tag."),
        ("page-too-large", 413, "The page is over the configured page size limit."),
        ("unsupported-media-type", 415, "The page is not text/plain or text/html in a supported charset."),
        ("unparseable-page", 422, "The text is not a newspaper page (not text, empty, no recognisable article)."),
        ("storage", 500, "The page could not be stored; `changed` says whether anything was changed."),
        ("not-ready", 503, "The archive is still loading; see /readyz."),
    ]
}

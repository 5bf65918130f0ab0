/// The problem documents (RFC 9457) the engine writes itself. Their `type` URIs
/// are `ServerConfiguration.problemTypeBase` + `slug`, so an application can
/// give them its own namespace and document every one (`EngineProblem.all`).
public struct EngineProblem: Sendable, Hashable {
    /// Last part of the `type` URI, e.g. `queue-full`.
    public let slug: String
    public let status: HTTPStatus
    /// `title`: the same for every occurrence of the type.
    public let title: String

    /// Default `problemTypeBase`: a URN family, so the types need no web page.
    public static let defaultTypeBase = "urn:http-engine:problem:"

    public func type(base: String) -> String { base + slug }

    public static let badRequest = EngineProblem(slug: "bad-request", status: .badRequest, title: "Malformed request")
    public static let notFound = EngineProblem(slug: "not-found", status: .notFound, title: "No resource at this path")
    public static let methodNotAllowed = EngineProblem(slug: "method-not-allowed", status: .methodNotAllowed, title: "Method not allowed on this resource")
    public static let requestTimeout = EngineProblem(slug: "request-timeout", status: .requestTimeout, title: "Request not received in time")
    public static let contentTooLarge = EngineProblem(slug: "content-too-large", status: .payloadTooLarge, title: "Request body too large")
    public static let uriTooLong = EngineProblem(slug: "uri-too-long", status: .uriTooLong, title: "Request line too long")
    public static let headerFieldsTooLarge = EngineProblem(slug: "header-fields-too-large", status: .requestHeaderFieldsTooLarge, title: "Request header section too large")
    public static let expectationFailed = EngineProblem(slug: "expectation-failed", status: .expectationFailed, title: "Expectation not supported")
    public static let notImplemented = EngineProblem(slug: "not-implemented", status: .notImplemented, title: "Not implemented")
    public static let versionNotSupported = EngineProblem(slug: "http-version-not-supported", status: .httpVersionNotSupported, title: "HTTP version not supported")
    public static let tooManyConnections = EngineProblem(slug: "too-many-connections", status: .serviceUnavailable, title: "Too many open connections")
    public static let queueFull = EngineProblem(slug: "queue-full", status: .serviceUnavailable, title: "Server busy: work queue full")
    public static let timeout = EngineProblem(slug: "timeout", status: .gatewayTimeout, title: "Request took too long")

    /// Every type the engine emits.
    public static let all: [EngineProblem] = [
        badRequest, notFound, methodNotAllowed, requestTimeout, contentTooLarge, uriTooLong, headerFieldsTooLarge,
        expectationFailed, notImplemented, versionNotSupported, tooManyConnections, queueFull, timeout,
    ]

    /// The type for a parse error's status (each status the parser answers with has one).
    static func forParseError(_ status: HTTPStatus) -> EngineProblem {
        all.first { $0.status == status && $0 != tooManyConnections && $0 != queueFull } ?? badRequest
    }

    func response(base: String, detail: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = headers
        headers.replaceOrAdd("Content-Type", "application/problem+json")
        var body = #"{"type":"#
        JSONString.append(type(base: base), to: &body)
        body += #","title":"#
        JSONString.append(title, to: &body)
        body += #","status":\#(status.code),"detail":"#
        JSONString.append(detail, to: &body)
        body += "}"
        return HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
    }
}

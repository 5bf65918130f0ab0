/// Why a request was rejected before it reached the router. Every parse error
/// leaves framing uncertain, so the connection is always closed after the
/// error response.
struct HTTPParseError: Error, Equatable, Sendable {
    let status: HTTPStatus
    let detail: String

    init(_ status: HTTPStatus, _ detail: String) {
        self.status = status
        self.detail = detail
    }

    static func bad(_ detail: String) -> HTTPParseError { HTTPParseError(.badRequest, detail) }
}

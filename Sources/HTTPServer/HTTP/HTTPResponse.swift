/// A response produced by a handler. The engine owns framing: it always adds
/// `Content-Length`, `Date`, `Server` and, when closing, `Connection: close`,
/// and ignores any framing headers a handler sets itself.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: String) {
        self.init(status: status, headers: headers, body: Array(body.utf8))
    }

    /// An RFC 9457 problem document with `type` `about:blank`, the form used
    /// for every error the engine generates itself.
    public static func problem(_ status: HTTPStatus, detail: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = headers
        headers.replaceOrAdd("Content-Type", "application/problem+json")
        var body = #"{"type":"about:blank","title":"#
        JSONString.append(status.reason, to: &body)
        body += #","status":\#(status.code),"detail":"#
        JSONString.append(detail, to: &body)
        body += "}"
        return HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
    }
}

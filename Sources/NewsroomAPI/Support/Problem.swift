import HTTPServer
import JSONValue

/// An RFC 9457 problem: every error the API returns, as `application/problem+json`.
struct Problem: Error, Sendable {
    var status: HTTPStatus
    var type: String
    var detail: String
    var parameter: String?

    static func invalidParameter(_ name: String, _ detail: String) -> Problem {
        Problem(status: .badRequest, type: "urn:newsroom:problem:invalid-parameter", detail: detail, parameter: name)
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(status: .notFound, type: "urn:newsroom:problem:not-found", detail: detail)
    }

    var json: JSON {
        var fields: [(String, JSON)] = [
            ("type", .string(type)), ("title", .string(status.reason)), ("status", .int(status.code)), ("detail", .string(detail)),
        ]
        if let parameter { fields.append(("parameter", .string(parameter))) }
        return .object(fields)
    }

    func response(pretty: Bool = false) -> HTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/problem+json", "Cache-Control": "no-store"]
        if status == .unauthorized { headers.add("WWW-Authenticate", #"Bearer realm="newsroom""#) }
        return HTTPResponse(status: status, headers: headers, body: json.serialized(pretty: pretty))
    }
}

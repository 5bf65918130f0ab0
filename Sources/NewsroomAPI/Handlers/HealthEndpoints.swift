import Archive
import HTTPServer
import JSONValue

/// `/healthz` (the process answers: liveness) and `/readyz` (the archive is loaded and its page
/// folders readable: readiness). While loading, `/readyz` is 503 with the load's progress.
enum HealthEndpoints {
    static func health() -> RouteHandler {
        let body = JSON.object([("status", .string("ok"))]).serialized()
        return { request, _ in
            guard request.query.isEmpty else {
                return Problem.invalidParameter(request.query.pairs[0].name, "/healthz takes no parameters").response()
            }
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json", "Cache-Control": "no-store"], body: body)
        }
    }

    static func ready(archive: Archive, version: String) -> RouteHandler {
        { request, _ in
            let pretty: Bool
            do throws(Problem) {
                pretty = try QueryReader(request, allowed: [.pretty]).pretty
            } catch {
                return error.response()
            }
            let headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"]
            guard let state = archive.state() else {
                let progress = archive.loadProgress
                let json = JSON.object([
                    ("status", .string("loading")), ("version", .string(version)), ("phase", .string(progress.phase.rawValue)),
                    ("done", .int(progress.done)), ("total", .int(progress.total)),
                ])
                var waiting = headers
                waiting.add("Retry-After", "2")
                return HTTPResponse(status: .serviceUnavailable, headers: waiting, body: json.serialized(pretty: pretty))
            }
            let unreadable = state.loadErrors.filter { $0.reason.hasPrefix("cannot list") }
            let json = JSON.object([
                ("status", .string(unreadable.isEmpty ? "ready" : "unready")),
                ("version", .string(version)),
                ("archive_version", .string(String(state.fingerprint, radix: 36))),
                ("pages", .int(state.pageCount)),
                ("articles", .int(state.articleCount)),
                ("model_articles", .int(state.model.articleCount)),
                ("load_errors", .array(state.loadErrors.map { .object([("file", .string($0.file)), ("reason", .string($0.reason))]) })),
            ])
            return HTTPResponse(status: unreadable.isEmpty ? .ok : .serviceUnavailable, headers: headers, body: json.serialized(pretty: pretty))
        }
    }
}

import Archive
import HTTPServer
import JSONValue

/// `/healthz` (the process answers) and `/readyz` (the archive is loaded and serving).
enum HealthEndpoints {
    static func health(version: String) -> RouteHandler {
        let body = JSON.object([("status", .string("ok"))]).serialized()
        return { request, _ in
            guard request.query.isEmpty else {
                return Problem.invalidParameter(request.query.pairs[0].name, "/healthz takes no parameters").response()
            }
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json", "Cache-Control": "no-store"], body: body)
        }
    }

    static func ready(states: LoopStates, version: String) -> RouteHandler {
        { request, context in
            let pretty: Bool
            do throws(Problem) {
                pretty = try QueryReader(request, allowed: [.pretty]).pretty
            } catch {
                return error.response()
            }
            return states.with(context) { _, snapshot in
                let json = JSON.object([
                    ("status", .string("ready")),
                    ("version", .string(version)),
                    ("archive_version", .string(String(snapshot.version, radix: 36))),
                    ("pages", .int(snapshot.pages.count)),
                    ("articles", .int(snapshot.articles.count)),
                    ("load_errors", .array(snapshot.loadErrors.map { .object([("file", .string($0.file)), ("reason", .string($0.reason))]) })),
                ])
                return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"],
                                    body: json.serialized(pretty: pretty))
            }
        }
    }
}

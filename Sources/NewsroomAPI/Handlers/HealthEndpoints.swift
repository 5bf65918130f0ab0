import Archive
import HTTPServer
import JSONValue

/// `/healthz` (the process answers) and `/readyz` (the archive is loaded and serving).
enum HealthEndpoints {
    static func health(version: String) -> RouteHandler {
        let body = JSON.object([("status", .string("ok"))]).serialized()
        return { _, _ in
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/json", "Cache-Control": "no-store"], body: body)
        }
    }

    static func ready(states: LoopStates, version: String) -> RouteHandler {
        { request, context in
            states.with(context) { _, snapshot in
                let json = JSON.object([
                    ("status", .string("ready")),
                    ("version", .string(version)),
                    ("archive_version", .string(String(snapshot.version, radix: 36))),
                    ("pages", .int(snapshot.pages.count)),
                    ("articles", .int(snapshot.articles.count)),
                    ("load_errors", .array(snapshot.loadErrors.map { .object([("file", .string($0.file)), ("reason", .string($0.reason))]) })),
                ])
                let pretty = request.query.first("pretty").map { $0 == "1" || $0 == "true" } ?? false
                return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"],
                                    body: json.serialized(pretty: pretty))
            }
        }
    }
}

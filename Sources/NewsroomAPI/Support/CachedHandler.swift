import Archive
import HTTPServer
import JSONValue

/// A rendered JSON answer, before caching and conditional handling.
struct Rendered {
    var json: JSON
    var headers: HTTPHeaders = [:]
}

/// Wraps a read endpoint: validates its query, serves ready bytes for a request already answered
/// on this archive version, answers `If-None-Match` with 304, and stores new answers.
///
/// The ETag is derived from the archive version and the request target, so the same request on
/// the same content has the same ETag on every replica and after restarts.
struct CachedEndpoint: Sendable {
    let states: LoopStates
    let parameters: [ParameterSpec]
    let cacheControl: String
    let render: @Sendable (ArchiveSnapshot, HTTPRequest, QueryReader) throws(Problem) -> Rendered

    var handler: RouteHandler {
        { request, context in
            states.with(context) { state, snapshot in
                let key = request.rawTarget
                if let cached = state.responses[key] {
                    return respond(cached, to: request)
                }
                let response: CachedResponse
                do throws(Problem) {
                    let reader = try QueryReader(request, allowed: parameters)
                    let pretty = try reader.pretty
                    let rendered = try render(snapshot, request, reader)
                    let etag = "\"" + String(snapshot.version, radix: 36) + "-" + String(fnv1a64(Array(key.utf8)), radix: 36) + "\""
                    var headers = rendered.headers
                    headers.add("Content-Type", "application/json; charset=utf-8")
                    headers.add("ETag", etag)
                    headers.add("Cache-Control", cacheControl)
                    response = CachedResponse(status: .ok, headers: headers, body: rendered.json.serialized(pretty: pretty), etag: etag)
                } catch {
                    return error.response()
                }
                if key.utf8.count <= 2048 {
                    if state.responses.count >= states.capacity { state.responses.removeAll(keepingCapacity: true) }
                    state.responses[key] = response
                }
                return respond(response, to: request)
            }
        }
    }

    private func respond(_ cached: CachedResponse, to request: HTTPRequest) -> HTTPResponse {
        if let condition = request.headers["If-None-Match"], etagMatches(condition, cached.etag) {
            var headers: HTTPHeaders = ["ETag": cached.etag]
            if let control = cached.headers["Cache-Control"] { headers.add("Cache-Control", control) }
            return HTTPResponse(status: .notModified, headers: headers)
        }
        return HTTPResponse(status: cached.status, headers: cached.headers, body: cached.body)
    }
}

/// RFC 9110 §13.1.2: `If-None-Match` is a list of entity tags (or `*`), compared weakly.
func etagMatches(_ condition: String, _ etag: String) -> Bool {
    let bare = { (tag: Substring) -> Substring in
        let trimmed = tag.drop(while: { $0 == " " || $0 == "\t" })
        return trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
    }
    let target = bare(Substring(etag))
    for candidate in condition.split(separator: ",") {
        let tag = bare(candidate).prefix(while: { $0 != " " && $0 != "\t" })
        if tag == "*" || tag == target { return true }
    }
    return false
}

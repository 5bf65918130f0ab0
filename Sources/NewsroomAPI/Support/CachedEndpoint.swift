import Archive
import Foundation
import HTTPServer
import JSONValue

/// What a read endpoint renders, before caching and conditional handling.
struct Rendered {
    var body: [UInt8]
    var contentType = "application/json; charset=utf-8"
    var headers: HTTPHeaders = [:]
    /// A strong tag of the resource itself (a page's version); default: from the archive's
    /// fingerprint and the request target.
    var etag: String?
    var lastModified: Date?

    init(json: JSON, pretty: Bool = false, headers: HTTPHeaders = [:]) {
        body = json.serialized(pretty: pretty)
        self.headers = headers
    }

    init(body: [UInt8], contentType: String, headers: HTTPHeaders = [:]) {
        self.body = body
        self.contentType = contentType
        self.headers = headers
    }
}

typealias Renderer = @Sendable (ArchiveState, HTTPRequest, QueryReader, RequestContext) throws(Problem) -> Rendered

/// A read endpoint: a response already made for this archive state is served from the shared
/// cache on the event loop; anything else is rendered on the `reads` worker pool (bounded queue,
/// deadline, cancelled when the client goes away), then cached. Either way `If-None-Match` and
/// `If-Modified-Since` get 304, and a client that accepts gzip gets the compressed bytes, made
/// once per cached response, and only once a client asks for them: most API clients (curl, scripts,
/// other servers) do not, and compressing every answer for them was an eighth of a search's CPU.
///
/// The default ETag is derived from the archive's content fingerprint (which includes the program
/// version and configuration) and the request target, so the same request on the same content has
/// the same tag on every replica and after restarts, and a deploy or a configuration change
/// invalidates every tag.
struct CachedEndpoint: Sendable {
    let archive: Archive
    let cache: ResponseCache
    let parameters: [ParameterSpec]
    let cacheControl: String
    let render: Renderer

    /// Bodies at least this long are also kept gzipped.
    static let gzipThreshold = 1024

    var fast: FastRouteHandler {
        { request, _ in
            guard let state = archive.state() else { return Problem.notReady.response() }
            guard let hit = cache.get(request.rawTarget, generation: state.generation) else { return nil }
            // Compressing is no work for a loop: the pool makes the gzip form (once) and caches it.
            if Self.lacksGzip(hit, for: request) { return nil }
            return respond(hit, to: request)
        }
    }

    var slow: RouteHandler {
        { request, context in
            guard let state = archive.state() else { return Problem.notReady.response() }
            if var hit = cache.get(request.rawTarget, generation: state.generation), Self.lacksGzip(hit, for: request) {
                hit.gzipped = Gzip.compress(hit.body)
                cache.put(request.rawTarget, generation: state.generation, hit)
                return respond(hit, to: request)
            }
            let response: CachedResponse
            do throws(Problem) {
                let reader = try QueryReader(request, allowed: parameters)
                let rendered = try render(state, request, reader, context)
                response = Self.make(rendered, state: state, target: request.rawTarget, cacheControl: cacheControl,
                                     gzip: AcceptEncoding.allowsGzip(request.headers["Accept-Encoding"]))
            } catch {
                return error.response()
            }
            if context.isCancelled { return HTTPResponse(status: .serviceUnavailable) }
            if request.rawTarget.utf8.count <= 2048 { cache.put(request.rawTarget, generation: state.generation, response) }
            return respond(response, to: request)
        }
    }

    /// - Parameter gzip: whether to make the gzip form now (the client asked for it); without it
    ///   the response still says it varies with `Accept-Encoding`, and the form is made when a
    ///   client asks.
    static func make(_ rendered: Rendered, state: ArchiveState, target: String, cacheControl: String, gzip: Bool) -> CachedResponse {
        let etag = rendered.etag
            ?? "\"" + String(state.fingerprint, radix: 36) + "-" + String(fnv1a64(Array(target.utf8)), radix: 36) + "\""
        let lastModified = RFC3339.httpDate(rendered.lastModified ?? state.lastModified)
        var headers = rendered.headers
        headers.replaceOrAdd("Content-Type", rendered.contentType)
        headers.replaceOrAdd("Cache-Control", cacheControl)
        headers.replaceOrAdd("Last-Modified", lastModified)
        let negotiable = rendered.body.count >= gzipThreshold
        let gzipped = negotiable && gzip ? Gzip.compress(rendered.body) : nil
        if negotiable { headers.add("Vary", "Accept-Encoding") }
        return CachedResponse(status: .ok, headers: headers, body: rendered.body, gzipped: gzipped, etag: etag,
                              lastModified: lastModified)
    }

    /// A cached response long enough to compress whose gzip form is not made yet, for a client
    /// that accepts gzip.
    static func lacksGzip(_ cached: CachedResponse, for request: HTTPRequest) -> Bool {
        cached.gzipped == nil && cached.body.count >= gzipThreshold && AcceptEncoding.allowsGzip(request.headers["Accept-Encoding"])
    }

    func respond(_ cached: CachedResponse, to request: HTTPRequest) -> HTTPResponse {
        Self.respond(cached, to: request)
    }

    /// The cached response, 304, or its gzip form (with its own tag: another representation).
    static func respond(_ cached: CachedResponse, to request: HTTPRequest) -> HTTPResponse {
        let useGzip = cached.gzipped != nil && AcceptEncoding.allowsGzip(request.headers["Accept-Encoding"])
        let etag = useGzip ? String(cached.etag.dropLast()) + "-gz\"" : cached.etag
        if isNotModified(request, etag: etag, lastModified: cached.lastModified)
            || (useGzip && isNotModified(request, etag: cached.etag, lastModified: cached.lastModified)) {
            var headers: HTTPHeaders = ["ETag": etag]
            for name in ["Cache-Control", "Last-Modified", "Vary"] {
                if let value = cached.headers[name] { headers.add(name, value) }
            }
            return HTTPResponse(status: .notModified, headers: headers)
        }
        var headers = cached.headers
        headers.replaceOrAdd("ETag", etag)
        if useGzip, let gzipped = cached.gzipped {
            headers.replaceOrAdd("Content-Encoding", "gzip")
            return HTTPResponse(status: cached.status, headers: headers, body: gzipped)
        }
        return HTTPResponse(status: cached.status, headers: headers, body: cached.body)
    }
}

/// 64-bit FNV-1a, for short keys (request targets, asset fingerprints). Not for security.
func fnv1a64<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
}

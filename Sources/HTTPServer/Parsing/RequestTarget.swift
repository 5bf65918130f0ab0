/// Splits a request-target into its decoded path and query. Routing needs the
/// path's segment boundaries as sent, before decoding, so that `%2F` stays
/// inside its segment; `segments(ofRawPath:)` provides that.
struct RequestTarget: Sendable {
    var path: String
    var query: QueryParameters
    /// True when the path contained no percent-escapes, so `path` equals the raw
    /// path and the router may look it up directly.
    var pathIsVerbatim: Bool
    /// The raw (still encoded) path, used for segment splitting and the access log.
    var rawPath: Substring

    /// For absolute-form (`http://host/path?q`) returns the offset where the path
    /// (or query) starts, `bytes.count` when there is neither.
    static func absoluteFormPathStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        for expected in "http".utf8 {
            guard i < bytes.count, ASCII.lower(bytes[i]) == expected else { return nil }
            i += 1
        }
        if i < bytes.count && ASCII.lower(bytes[i]) == UInt8(ascii: "s") { i += 1 }
        for expected in "://".utf8 {
            guard i < bytes.count, bytes[i] == expected else { return nil }
            i += 1
        }
        let authorityStart = i
        while i < bytes.count && bytes[i] != ASCII.slash && bytes[i] != ASCII.question { i += 1 }
        return i > authorityStart ? i : nil
    }

    /// Decodes a validated request-target. `rawTarget` is ASCII, checked by the
    /// parser; one pass over its bytes finds the path and query.
    static func decode(_ rawTarget: String, method: HTTPMethod) -> Result<RequestTarget, HTTPParseError> {
        if rawTarget == "*" {
            return .success(RequestTarget(path: "*", query: QueryParameters(), pathIsVerbatim: true, rawPath: Substring(rawTarget)))
        }
        typealias Scan = (pathStart: Int, pathEnd: Int, hasPercent: Bool, path: String?, query: [QueryParameters.Element]?)
        let scan: Scan? = withBytes(Substring(rawTarget)) { p -> Scan? in
            let start = p.first == ASCII.slash ? 0 : (absoluteFormPathStart(p) ?? 0)
            var i = start
            var hasPercent = false
            while i < p.count && p[i] != ASCII.question {
                if p[i] == ASCII.percent { hasPercent = true }
                i += 1
            }
            let pathBytes = UnsafeBufferPointer(rebasing: p[start..<i])
            let path = hasPercent
                ? PercentDecoding.decode(pathBytes, plusAsSpace: false)
                : (pathBytes.isEmpty ? "/" : String(decoding: pathBytes, as: UTF8.self))
            let query = i + 1 < p.count ? parseQuery(UnsafeBufferPointer(rebasing: p[(i + 1)...])) : []
            return (start, i, hasPercent, path, query)
        }
        guard let scan else { return .failure(.bad("invalid request target")) }
        guard let path = scan.path else { return .failure(.bad("invalid percent-encoding or UTF-8 in path")) }
        guard let query = scan.query else { return .failure(.bad("invalid percent-encoding or UTF-8 in query")) }
        let utf8 = rawTarget.utf8
        let rawPath: Substring = scan.pathEnd > scan.pathStart
            ? rawTarget[utf8.index(utf8.startIndex, offsetBy: scan.pathStart)..<utf8.index(utf8.startIndex, offsetBy: scan.pathEnd)]
            : "/"
        return .success(RequestTarget(path: path, query: QueryParameters(decoded: query), pathIsVerbatim: !scan.hasPercent, rawPath: rawPath))
    }

    /// Splits the raw path on `/` and decodes each segment separately, so an
    /// encoded slash never creates a segment boundary. nil on invalid encoding.
    static func segments(ofRawPath rawPath: Substring) -> [String]? {
        withBytes(rawPath) { p in
            var result: [String] = []
            result.reserveCapacity(8)
            var i = p.first == ASCII.slash ? 1 : 0
            var start = i
            while true {
                if i == p.count || p[i] == ASCII.slash {
                    guard let segment = PercentDecoding.decode(UnsafeBufferPointer(rebasing: p[start..<i]), plusAsSpace: false) else {
                        return nil
                    }
                    result.append(segment)
                    if i == p.count { return result }
                    start = i + 1
                }
                i += 1
            }
        }
    }

    /// `name=value&...` pairs, `+` as space, empty pieces skipped.
    private static func parseQuery(_ p: UnsafeBufferPointer<UInt8>) -> [QueryParameters.Element]? {
        var pairs: [QueryParameters.Element] = []
        var start = 0
        var i = 0
        while i <= p.count {
            if i == p.count || p[i] == ASCII.ampersand {
                if i > start {
                    var eq = start
                    while eq < i && p[eq] != ASCII.equals { eq += 1 }
                    guard let name = PercentDecoding.decode(UnsafeBufferPointer(rebasing: p[start..<eq]), plusAsSpace: true),
                          let value = PercentDecoding.decode(UnsafeBufferPointer(rebasing: p[min(eq + 1, i)..<i]), plusAsSpace: true)
                    else { return nil }
                    pairs.append((name: name, value: value))
                }
                start = i + 1
            }
            i += 1
        }
        return pairs
    }

    /// Runs `body` over the substring's UTF-8 bytes without copying when the
    /// storage is contiguous (always, for strings built from the receive buffer).
    private static func withBytes<R>(_ s: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R?) -> R? {
        if let result = s.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }
}

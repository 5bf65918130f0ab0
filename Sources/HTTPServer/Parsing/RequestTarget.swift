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

    /// Decodes a validated request-target. `rawTarget` is ASCII, checked by the parser.
    static func decode(_ rawTarget: String, method: HTTPMethod) -> Result<RequestTarget, HTTPParseError> {
        var pathPart = Substring(rawTarget)
        if rawTarget == "*" {
            return .success(RequestTarget(path: "*", query: QueryParameters(), pathIsVerbatim: true, rawPath: pathPart))
        }
        if rawTarget.utf8.first != ASCII.slash {
            let start = Array(rawTarget.utf8).withUnsafeBufferPointer { absoluteFormPathStart($0) } ?? 0
            pathPart = rawTarget.dropFirst(start)
        }
        var queryPart: Substring = ""
        if let q = pathPart.utf8.firstIndex(of: ASCII.question) {
            queryPart = pathPart[pathPart.index(after: q)...]
            pathPart = pathPart[..<q]
        }
        if pathPart.isEmpty { pathPart = "/" }

        let path: String
        let verbatim = !pathPart.utf8.contains(ASCII.percent)
        if verbatim {
            path = String(pathPart)
        } else {
            guard let decoded = PercentDecoding.decode(pathPart.utf8, plusAsSpace: false) else {
                return .failure(.bad("invalid percent-encoding or UTF-8 in path"))
            }
            path = decoded
        }
        var pairs: [QueryParameters.Element] = []
        if !queryPart.isEmpty {
            for piece in queryPart.utf8.split(separator: ASCII.ampersand, omittingEmptySubsequences: true) {
                let nameBytes: Substring.UTF8View.SubSequence
                let valueBytes: Substring.UTF8View.SubSequence
                if let eq = piece.firstIndex(of: ASCII.equals) {
                    nameBytes = piece[..<eq]
                    valueBytes = piece[piece.index(after: eq)...]
                } else {
                    nameBytes = piece
                    valueBytes = piece[piece.endIndex...]
                }
                guard let name = PercentDecoding.decode(nameBytes, plusAsSpace: true),
                      let value = PercentDecoding.decode(valueBytes, plusAsSpace: true)
                else {
                    return .failure(.bad("invalid percent-encoding or UTF-8 in query"))
                }
                pairs.append((name: name, value: value))
            }
        }
        return .success(RequestTarget(path: path, query: QueryParameters(decoded: pairs), pathIsVerbatim: verbatim, rawPath: pathPart))
    }

    /// Splits the raw path on `/` and decodes each segment separately, so an
    /// encoded slash never creates a segment boundary. nil on invalid encoding.
    static func segments(ofRawPath rawPath: Substring) -> [String]? {
        var result: [String] = []
        var utf8 = rawPath.utf8[...]
        if utf8.first == ASCII.slash { utf8 = utf8.dropFirst() }
        for segment in utf8.split(separator: ASCII.slash, omittingEmptySubsequences: false) {
            guard let decoded = PercentDecoding.decode(segment, plusAsSpace: false) else { return nil }
            result.append(decoded)
        }
        return result
    }
}

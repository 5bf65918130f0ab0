/// The request-head parser: one pure function over the bytes received so far,
/// in the spirit of picohttpparser and the strictness of nginx's
/// ngx_http_parse.c. It either needs more bytes, or returns offsets into the
/// buffer, or says exactly which status to answer with. No state survives
/// between calls (which keeps it trivially fuzzable); `HeadScan` decides when a
/// growing partial head is worth re-parsing, so trickled heads cost linear time.
///
/// Line endings: only CRLF is accepted. A bare LF is rejected with 400 rather
/// than tolerated, because tolerating it in some places and not others is a
/// classic request-smuggling disagreement between proxies and origins. The one
/// exception is the single empty line allowed before the request line, which
/// frames nothing.
enum RequestParser {
    static func parse(
        _ buf: UnsafeBufferPointer<UInt8>,
        limits: ParserLimits,
        fields: inout [HeaderField]
    ) -> ParseResult {
        let n = buf.count
        guard n > 0, let p = buf.baseAddress else { return .incomplete }
        var i = 0

        // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the
        // request-line (clients have sent a stray CRLF after a POST body). One, as
        // picohttpparser does: skipping any number would let a client stream
        // line ends forever without ever reaching a limit.
        if p[0] == ASCII.cr {
            guard n > 1 else { return .incomplete }
            guard p[1] == ASCII.lf else { return .failure(.bad("bare CR in request line")) }
            i = 2
        } else if p[0] == ASCII.lf {
            i = 1
        }
        if i > 0 && i < n && (p[i] == ASCII.cr || p[i] == ASCII.lf) {
            return .failure(.bad("more than one empty line before the request line"))
        }
        let lineStart = i

        // MARK: request-line = method SP request-target SP HTTP-version CRLF
        let methodStart = i
        while i < n && ASCII.isToken(p[i]) { i += 1 }
        if i == n { return incompleteRequestLine(n - lineStart, limits) }
        guard i > methodStart, p[i] == ASCII.sp else {
            return .failure(.bad("malformed request line"))
        }
        let methodEnd = i
        i += 1

        let targetStart = i
        while i < n && ASCII.isTarget(p[i]) { i += 1 }
        if i == n { return incompleteRequestLine(n - lineStart, limits) }
        guard i > targetStart, p[i] == ASCII.sp else {
            return .failure(.bad("invalid character in request target"))
        }
        let targetEnd = i
        i += 1

        // "HTTP/" DIGIT "." DIGIT CRLF, compared byte by byte so a partial version
        // that is already wrong is rejected without waiting for more bytes.
        let versionStart = i
        let prefix: StaticString = "HTTP/x.y\r\n"
        while i < n && i - versionStart < 10 {
            let k = i - versionStart
            let b = p[i]
            let ok: Bool
            switch k {
            case 5, 7: ok = b &- 48 < 10
            default: ok = b == prefix.utf8Start[k]
            }
            guard ok else {
                if k == 9 && p[i - 1] == ASCII.cr { return .failure(.bad("bare CR in request line")) }
                return .failure(.bad(k < 8 ? "malformed HTTP version" : "request line not terminated by CRLF"))
            }
            i += 1
        }
        if i - versionStart < 10 { return incompleteRequestLine(n - lineStart, limits) }
        if i - lineStart - 2 > limits.maxRequestLineBytes {
            return .failure(HTTPParseError(.uriTooLong, "request line exceeds \(limits.maxRequestLineBytes) bytes"))
        }
        let version: HTTPVersion
        switch (p[versionStart + 5], p[versionStart + 7]) {
        case (49, 49): version = .http1_1
        case (49, 48): version = .http1_0
        default:
            return .failure(HTTPParseError(.httpVersionNotSupported, "only HTTP/1.0 and HTTP/1.1 are supported"))
        }

        // MARK: header fields
        let headersStart = i
        fields.removeAll(keepingCapacity: true)
        while true {
            if i >= n { return incompleteHeaders(n - headersStart, limits) }
            let c = p[i]
            if c == ASCII.cr {
                guard i + 1 < n else { return incompleteHeaders(n - headersStart, limits) }
                guard p[i + 1] == ASCII.lf else { return .failure(.bad("bare CR in header section")) }
                i += 2
                break
            }
            if c == ASCII.sp || c == ASCII.htab {
                return .failure(.bad("obsolete line folding (or whitespace before a header) is not allowed"))
            }
            let nameStart = i
            while i < n && ASCII.isToken(p[i]) { i += 1 }
            if i == n { return incompleteHeaders(n - headersStart, limits) }
            guard p[i] == ASCII.colon else {
                if p[i] == ASCII.sp || p[i] == ASCII.htab {
                    return .failure(.bad("whitespace between header field name and colon"))
                }
                if p[i] == ASCII.lf { return .failure(.bad("bare LF in header section")) }
                return .failure(.bad("invalid character in header field name"))
            }
            guard i > nameStart else { return .failure(.bad("empty header field name")) }
            let nameEnd = i
            i += 1
            while i < n && (p[i] == ASCII.sp || p[i] == ASCII.htab) { i += 1 }
            let valueStart = i
            while i < n && ASCII.isFieldValue(p[i]) { i += 1 }
            if i == n { return incompleteHeaders(n - headersStart, limits) }
            guard p[i] == ASCII.cr else {
                if p[i] == ASCII.lf { return .failure(.bad("bare LF in header section")) }
                return .failure(.bad("control character in header field value"))
            }
            guard i + 1 < n else { return incompleteHeaders(n - headersStart, limits) }
            guard p[i + 1] == ASCII.lf else { return .failure(.bad("bare CR in header field value")) }
            var valueEnd = i
            while valueEnd > valueStart && (p[valueEnd - 1] == ASCII.sp || p[valueEnd - 1] == ASCII.htab) {
                valueEnd -= 1
            }
            i += 2
            if fields.count == limits.maxHeaderCount {
                return .failure(HTTPParseError(.requestHeaderFieldsTooLarge, "more than \(limits.maxHeaderCount) header fields"))
            }
            fields.append(HeaderField(name: nameStart..<nameEnd, value: valueStart..<valueEnd))
            if i - headersStart > limits.maxHeaderBytes { return headerBlockTooLarge(limits) }
        }
        if i - headersStart > limits.maxHeaderBytes { return headerBlockTooLarge(limits) }

        // MARK: semantics that decide framing and whether to answer at all
        guard let method = HTTPMethod(token: UnsafeBufferPointer(start: p + methodStart, count: methodEnd - methodStart)) else {
            return .failure(HTTPParseError(.notImplemented, "method not implemented"))
        }
        if let error = validateTargetForm(p, targetStart, targetEnd, method) { return .failure(error) }

        var semantics = HeaderSemantics()
        for field in fields {
            if let error = semantics.absorb(field, p) { return .failure(error) }
        }
        let framing: BodyFraming
        switch semantics.resolve(version: version) {
        case .success(let f): framing = f
        case .failure(let error): return .failure(error)
        }

        let keepAlive = version == .http1_1 ? !semantics.connectionClose : semantics.connectionKeepAlive && !semantics.connectionClose
        return .complete(RequestHead(
            method: method,
            target: targetStart..<targetEnd,
            version: version,
            length: i,
            framing: framing,
            keepAlive: keepAlive,
            // RFC 9110 §10.1.1: a server MUST ignore 100-continue in an HTTP/1.0 request.
            expectContinue: semantics.expectContinue && version == .http1_1
        ))
    }

    private static func incompleteRequestLine(_ bytes: Int, _ limits: ParserLimits) -> ParseResult {
        bytes > limits.maxRequestLineBytes + 2
            ? .failure(HTTPParseError(.uriTooLong, "request line exceeds \(limits.maxRequestLineBytes) bytes"))
            : .incomplete
    }

    /// The header limit counts the section up to and including its blank line,
    /// so once the bytes after the request line pass it, no ending can bring
    /// the section back under: answer 431 now rather than wait for more.
    private static func incompleteHeaders(_ bytes: Int, _ limits: ParserLimits) -> ParseResult {
        bytes > limits.maxHeaderBytes ? headerBlockTooLarge(limits) : .incomplete
    }

    private static func headerBlockTooLarge(_ limits: ParserLimits) -> ParseResult {
        .failure(HTTPParseError(.requestHeaderFieldsTooLarge, "header section exceeds \(limits.maxHeaderBytes) bytes"))
    }

    /// origin-form for everything, absolute-form (http/https) as RFC 9112 §3.2.2
    /// requires servers to accept, asterisk-form only for OPTIONS.
    private static func validateTargetForm(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ method: HTTPMethod) -> HTTPParseError? {
        let first = p[start]
        if first == ASCII.slash { return nil }
        if first == UInt8(ascii: "*") && end - start == 1 {
            return method == .OPTIONS ? nil : .bad("asterisk-form target is only allowed with OPTIONS")
        }
        if RequestTarget.absoluteFormPathStart(UnsafeBufferPointer(start: p + start, count: end - start)) != nil {
            return nil
        }
        // Authority-form belongs to CONNECT, asking for a tunnel: this server is not a proxy.
        if method == .CONNECT { return HTTPParseError(.notImplemented, "CONNECT tunnels are not supported") }
        return .bad("invalid request target form")
    }
}

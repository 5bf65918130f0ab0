import Testing
@testable import HTTPServer

private let defaultLimits = ParserLimits(maxRequestLineBytes: 8192, maxHeaderBytes: 16384, maxHeaderCount: 100)

private func parse(_ text: String, limits: ParserLimits = defaultLimits) -> (ParseResult, [HeaderField], [UInt8]) {
    let bytes = Array(text.utf8)
    var fields: [HeaderField] = []
    let result = bytes.withUnsafeBufferPointer { RequestParser.parse($0, limits: limits, fields: &fields) }
    return (result, fields, bytes)
}

private func head(_ text: String, limits: ParserLimits = defaultLimits) -> RequestHead? {
    if case .complete(let h) = parse(text, limits: limits).0 { return h }
    return nil
}

private func failure(_ text: String, limits: ParserLimits = defaultLimits) -> HTTPParseError? {
    if case .failure(let e) = parse(text, limits: limits).0 { return e }
    return nil
}

@Suite("Request parser")
struct RequestParserTests {
    @Test func parsesRequestLineAndHeaderRangesInPlace() throws {
        let (result, fields, bytes) = parse("GET /a?b=1 HTTP/1.1\r\nHost: example\r\nX-Thing:  v a l  \r\n\r\n")
        guard case .complete(let h) = result else { Issue.record("not complete: \(result)"); return }
        #expect(h.method == .GET)
        #expect(h.version == .http1_1)
        #expect(String(decoding: bytes[h.target], as: UTF8.self) == "/a?b=1")
        #expect(h.length == bytes.count)
        #expect(fields.count == 2)
        #expect(String(decoding: bytes[fields[1].name], as: UTF8.self) == "X-Thing")
        #expect(String(decoding: bytes[fields[1].value], as: UTF8.self) == "v a l")
        #expect(h.framing == .none)
        #expect(h.keepAlive)
    }

    @Test func reportsIncompleteUntilTheBlankLine() {
        let full = "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\n"
        for end in 1..<full.utf8.count {
            let prefix = String(decoding: Array(full.utf8)[0..<end], as: UTF8.self)
            #expect(parse(prefix).0 == .incomplete, "prefix of \(end) bytes")
        }
        #expect(head(full)?.framing == .length(3))
    }

    @Test func ignoresOneEmptyLineBeforeTheRequestLine() {
        #expect(head("\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n")?.method == .GET)
        #expect(head("\nGET / HTTP/1.1\r\nHost: h\r\n\r\n")?.method == .GET)
    }

    @Test(arguments: ["\r\n\r\n", "\r\n\n", "\n\n", "\n\r\n"])
    func rejectsMoreThanOneEmptyLineBeforeTheRequestLine(_ lines: String) {
        #expect(failure(lines + "GET / HTTP/1.1\r\nHost: h\r\n\r\n")?.detail == "more than one empty line before the request line")
        #expect(failure(lines)?.status == .badRequest)
    }

    @Test func waitsForTheByteAfterALoneCR() {
        #expect(parse("\r").0 == .incomplete)
        #expect(parse("\r\n").0 == .incomplete)
    }

    @Test func rejectsBareLineFeeds() {
        #expect(failure("GET / HTTP/1.1\nHost: h\n\n")?.status == .badRequest)
        #expect(failure("GET / HTTP/1.1\r\nHost: h\n\r\n")?.status == .badRequest)
    }

    @Test(arguments: ["HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.0"])
    func answersUnsupportedVersionsWith505(_ version: String) {
        #expect(failure("GET / \(version)\r\nHost: h\r\n\r\n")?.status == .httpVersionNotSupported)
    }

    @Test(arguments: ["GET / http/1.1", "GET / HTTP/1.1x", "GET / HTTP/11", "GET  / HTTP/1.1", "GET /", "GET / HTTP/1.1 ", "/ HTTP/1.1", "G@T / HTTP/1.1", "GET /a b HTTP/1.1"])
    func rejectsMalformedRequestLinesWith400(_ line: String) {
        #expect(failure("\(line)\r\nHost: h\r\n\r\n")?.status == .badRequest)
    }

    @Test func rejectsControlAndNonASCIIBytesInTheTarget() {
        #expect(failure("GET /a\u{01}b HTTP/1.1\r\nHost: h\r\n\r\n")?.status == .badRequest)
        #expect(failure("GET /志 HTTP/1.1\r\nHost: h\r\n\r\n")?.status == .badRequest)
    }

    @Test(arguments: ["PROPFIND", "get", "FOO"])
    func answersUnknownMethodsWith501(_ method: String) {
        #expect(failure("\(method) / HTTP/1.1\r\nHost: h\r\n\r\n")?.status == .notImplemented)
    }

    @Test func parsesKnownButUnsupportedMethodsForTheRouterToRefuse() {
        #expect(head("TRACE / HTTP/1.1\r\nHost: h\r\n\r\n")?.method == .TRACE)
        #expect(head("CONNECT / HTTP/1.1\r\nHost: h\r\n\r\n")?.method == .CONNECT)
    }

    @Test func refusesConnectTunnels() {
        #expect(failure("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")?.status == .notImplemented)
    }

    @Test func acceptsAsteriskFormOnlyForOptions() {
        #expect(head("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n")?.method == .OPTIONS)
        #expect(failure("GET * HTTP/1.1\r\nHost: h\r\n\r\n")?.status == .badRequest)
    }

    @Test func acceptsAbsoluteFormAndRejectsOtherForms() {
        #expect(head("GET http://example.com/a?b HTTP/1.1\r\nHost: example.com\r\n\r\n") != nil)
        #expect(failure("GET example.com:80 HTTP/1.1\r\nHost: h\r\n\r\n")?.status == .badRequest)
    }

    @Test func rejectsObsoleteLineFolding() {
        #expect(failure("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\r\n  folded\r\n\r\n")?.status == .badRequest)
    }

    @Test func rejectsWhitespaceBeforeTheColon() {
        #expect(failure("GET / HTTP/1.1\r\nHost : h\r\n\r\n")?.status == .badRequest)
        #expect(failure("GET / HTTP/1.1\r\nHost: h\r\nContent-Length\t: 1\r\n\r\n")?.status == .badRequest)
    }

    @Test func rejectsControlCharactersInValuesButAllowsTabs() {
        #expect(failure("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u{01}b\r\n\r\n")?.status == .badRequest)
        #expect(failure("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u{7F}b\r\n\r\n")?.status == .badRequest)
        #expect(failure("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\rb\r\n\r\n")?.status == .badRequest)
        #expect(head("GET / HTTP/1.1\r\nHost: h\r\nX-A: a\tb\r\n\r\n") != nil)
    }

    @Test func rejectsHeaderNamesThatAreNotTokens() {
        #expect(failure("GET / HTTP/1.1\r\nHost: h\r\nX(A): 1\r\n\r\n")?.status == .badRequest)
        #expect(failure("GET / HTTP/1.1\r\nHost: h\r\n: 1\r\n\r\n")?.status == .badRequest)
    }

    @Test func requiresExactlyOneHostInHTTP11() {
        #expect(failure("GET / HTTP/1.1\r\n\r\n")?.status == .badRequest)
        #expect(failure("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")?.status == .badRequest)
        #expect(head("GET / HTTP/1.0\r\n\r\n")?.version == .http1_0)
    }

    @Test func rejectsContentLengthWithTransferEncoding() {
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n")?.detail
            == "both Content-Length and Transfer-Encoding present")
    }

    @Test func rejectsDifferingContentLengthsAndAcceptsIdenticalOnes() {
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n")?.status == .badRequest)
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 6\r\n\r\n")?.status == .badRequest)
        #expect(head("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n")?.framing == .length(5))
        #expect(head("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 5\r\n\r\n")?.framing == .length(5))
    }

    @Test(arguments: ["+5", "-5", "5a", "0x5", "5 5", "", " ", "5.0", "99999999999999999999"])
    func rejectsContentLengthThatIsNotPlainDigits(_ value: String) {
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \(value)\r\n\r\n")?.status == .badRequest)
    }

    @Test func acceptsOnlyAFinalSingleChunkedCoding() {
        func status(_ te: String) -> Int? {
            let text = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: \(te)\r\n\r\n"
            if let e = failure(text) { return e.status.code }
            return head(text)?.framing == .chunked ? 0 : nil
        }
        #expect(status("chunked") == 0)
        #expect(status("Chunked") == 0)
        #expect(status("gzip, chunked") == 501)
        #expect(status("chunked, gzip") == 400)
        #expect(status("chunked, chunked") == 400)
        #expect(status("gzip") == 400)
        #expect(status("identity") == 400)
        #expect(status("") == 400)
    }

    @Test func splitTransferEncodingHeadersAreCombined() {
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n")?.status == .badRequest)
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n")?.status == .badRequest)
    }

    @Test func rejectsTransferEncodingInHTTP10() {
        #expect(failure("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n")?.status == .badRequest)
    }

    @Test func appliesVersionDependentKeepAliveDefaults() {
        #expect(head("GET / HTTP/1.1\r\nHost: h\r\n\r\n")?.keepAlive == true)
        #expect(head("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")?.keepAlive == false)
        #expect(head("GET / HTTP/1.0\r\n\r\n")?.keepAlive == false)
        #expect(head("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")?.keepAlive == true)
    }

    @Test func recognisesExpectContinueAndRejectsOtherExpectations() {
        #expect(head("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\n")?.expectContinue == true)
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nExpect: teapot\r\nContent-Length: 1\r\n\r\n")?.status == .expectationFailed)
    }

    @Test func enforcesRequestLineLimitWith414() {
        let limits = ParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 1024, maxHeaderCount: 10)
        let long = "GET /" + String(repeating: "a", count: 100)
        #expect(failure(long, limits: limits)?.status == .uriTooLong)
        #expect(failure(long + " HTTP/1.1\r\nHost: h\r\n\r\n", limits: limits)?.status == .uriTooLong)
    }

    @Test func enforcesHeaderSizeAndCountLimitsWith431() {
        let limits = ParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 100, maxHeaderCount: 3)
        let big = "GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + String(repeating: "b", count: 200)
        #expect(failure(big, limits: limits)?.status == .requestHeaderFieldsTooLarge)
        let many = "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"
        #expect(failure(many, limits: limits)?.status == .requestHeaderFieldsTooLarge)
    }

    /// The header limit counts the section through its blank line, whether or
    /// not the blank line has arrived yet: a section of complete fields that
    /// already passes the limit is 431 without waiting for its end.
    @Test func headerLimitCountsTheSectionThroughItsBlankLine() {
        let limits = ParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 40, maxHeaderCount: 10)
        let line = "GET / HTTP/1.1\r\n"
        func field(_ total: Int) -> String { "Host: " + String(repeating: "h", count: total - 8) + "\r\n" }
        #expect(head(line + field(38) + "\r\n", limits: limits) != nil)
        #expect(failure(line + field(39) + "\r\n", limits: limits)?.status == .requestHeaderFieldsTooLarge)
        #expect(failure(line + field(41), limits: limits)?.status == .requestHeaderFieldsTooLarge)
        #expect(failure(line + "X: " + String(repeating: "v", count: 38), limits: limits)?.status == .requestHeaderFieldsTooLarge)
        #expect(failure(line + "X: " + String(repeating: "v", count: 37), limits: limits) == nil)
    }
}

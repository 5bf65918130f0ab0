import Testing
@testable import HTTPServer


struct SmugglingCase: CustomTestStringConvertible, Sendable {
    let name: String
    let raw: String
    let status: Int
    var testDescription: String { name }
}

private let follow = "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n"

private let cases: [SmugglingCase] = [
    SmugglingCase(name: "CL and TE", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "TE and CL", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "differing duplicate CL", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 40\r\n\r\nabc" + follow, status: 400),
    SmugglingCase(name: "CL list with different values", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3, 40\r\n\r\nabc" + follow, status: 400),
    SmugglingCase(name: "CL with plus sign", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: +3\r\n\r\nabc" + follow, status: 400),
    SmugglingCase(name: "CL with minus sign", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: -3\r\n\r\nabc" + follow, status: 400),
    SmugglingCase(name: "CL with inner space", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1 2\r\n\r\nabc" + follow, status: 400),
    SmugglingCase(name: "CL hex", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 0x3\r\n\r\nabc" + follow, status: 400),
    SmugglingCase(name: "CL overflow", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 18446744073709551619\r\n\r\nabc" + follow, status: 400),
    SmugglingCase(name: "TE gzip, chunked", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n" + follow, status: 501),
    SmugglingCase(name: "TE chunked, gzip", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "TE chunked twice", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "TE unknown", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "TE with space before colon", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "TE in HTTP/1.0", raw: "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "obs-fold", raw: "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\r\n b\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "obs-fold hiding TE", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nX-A: a\r\n\tTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc" + follow, status: 400),
    SmugglingCase(name: "control char in value", raw: "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\u{0B}b\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "NUL in value", raw: "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\u{00}b\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "bare LF line ending", raw: "GET /hello HTTP/1.1\nHost: t\n\n" + follow, status: 400),
    SmugglingCase(name: "bare CR in value", raw: "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\rX-B: b\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "empty chunk size", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n\r\nabc\r\n0\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "non-hex chunk size", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nz\r\nabc\r\n0\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "overflowing chunk size", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000001\r\nabc\r\n0\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "chunk size with sign", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n+3\r\nabc\r\n0\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "chunk data too long", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "missing Host", raw: "GET /hello HTTP/1.1\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "duplicate Host", raw: "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "garbage request line", raw: "HELLO\r\n\r\n" + follow, status: 400),
    SmugglingCase(name: "HTTP/2 version", raw: "GET /hello HTTP/2.0\r\nHost: t\r\n\r\n" + follow, status: 505),
    SmugglingCase(name: "CONNECT", raw: "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n" + follow, status: 501),
    SmugglingCase(name: "unknown expectation", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 200-ok\r\nContent-Length: 3\r\n\r\nabc" + follow, status: 417),
]

@Suite("Request smuggling defences")
struct SmugglingTests {
    @Test(arguments: cases)
    func rejectsAndClosesWithoutParsingTheRest(_ c: SmugglingCase) throws {
        try withServer { server throws in
            let raw = try server.exchangeUntilClose(c.raw)
            #expect(statuses(raw) == [c.status], "\(c.name): \(raw)")
            #expect(raw.contains("Connection: close\r\n"))
            #expect(raw.contains("Content-Type: application/problem+json\r\n"))
            #expect(raw.contains("\"status\":\(c.status)"))
        }
    }

    @Test func explainsTheRejectionInTheProblemDetail() throws {
        try withServer { server throws in
            let raw = try server.exchangeUntilClose(cases[0].raw)
            #expect(raw.contains(#"{"type":"urn:http-engine:problem:bad-request","title":"Malformed request","status":400,"detail":"both Content-Length and Transfer-Encoding present"}"#))
        }
    }
}

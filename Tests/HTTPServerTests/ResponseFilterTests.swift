import Foundation
import Synchronization
import Testing
@testable import HTTPServer

private final class Seen: Sendable {
    let requests = Mutex<[String]>([])
}

@Suite("Response filter and access log")
struct ResponseFilterTests {
    private func filteredRouter(_ seen: Seen) -> Router {
        var router = TestServer.router()
        router.responseFilter = { request, response in
            response.headers.add("X-Filtered", "1")
            seen.requests.withLock { $0.append(request?.path ?? "nil") }
        }
        return router
    }

    @Test func appliesToHandlerResponsesAndRouter404s() throws {
        let seen = Seen()
        try withServer(router: filteredRouter(seen)) { server throws in
            #expect(try server.exchange(.request("GET /hello HTTP/1.1")).headers["X-Filtered"] == "1")
            let notFound = try server.exchange(.request("GET /missing HTTP/1.1"))
            #expect(notFound.status == 404)
            #expect(notFound.headers["X-Filtered"] == "1")
            #expect(try server.exchange(.request("OPTIONS /hello HTTP/1.1")).headers["X-Filtered"] == "1")
        }
        #expect(seen.requests.withLock { $0 } == ["/hello", "/missing", "/hello"])
    }

    @Test func appliesToParseErrorsWithANilRequest() throws {
        let seen = Seen()
        try withServer(router: filteredRouter(seen)) { server throws in
            let raw = try server.exchangeUntilClose("GET /hello HTTP/1.1\r\n\r\n")
            #expect(firstStatus(raw) == 400)
            #expect(raw.contains("X-Filtered: 1\r\n"))
        }
        #expect(seen.requests.withLock { $0 } == ["nil"])
    }

    @Test func appliesToOffloadedResponses() throws {
        try withServer(router: filteredRouter(Seen())) { server throws in
            let response = try server.exchange(.request("GET /slow?ms=1 HTTP/1.1"))
            #expect(response.headers["X-Filtered"] == "1")
        }
    }

    @Test func cannotOverrideEngineFraming() throws {
        var router = Router()
        router.add(.GET, "/lie") { _, _ in
            HTTPResponse(headers: ["Content-Length": "999", "Transfer-Encoding": "chunked"], body: "ok")
        }
        try withServer(router: router) { server throws in
            let c = try server.connect()
            try c.send(.request("GET /lie HTTP/1.1") + .request("GET /lie HTTP/1.1"))
            let responses = try c.readResponses(2)
            #expect(responses.map(\.bodyText) == ["ok", "ok"])
            #expect(responses[0].headers.values(for: "Content-Length") == ["2"])
            #expect(responses[0].headers["Transfer-Encoding"] == nil)
        }
    }

    @Test func dropsHeadersThatWouldSplitTheResponse() throws {
        var router = Router()
        router.add(.GET, "/split") { _, _ in
            HTTPResponse(headers: ["X-Evil": "a\r\nSet-Cookie: pwned=1", "X Bad": "v", "X-Good": "fine"], body: "ok")
        }
        try withServer(router: router) { server throws in
            let response = try server.exchange(.request("GET /split HTTP/1.1"))
            #expect(response.headers["X-Good"] == "fine")
            #expect(response.headers["X-Evil"] == nil)
            #expect(response.headers["Set-Cookie"] == nil)
            #expect(response.headers["X Bad"] == nil)
        }
    }

    @Test func logsOneLinePerRequestWhenEnabled() throws {
        let server = try TestServer { $0.accessLog = true }
        defer { server.stop() }
        _ = try server.exchange(.request("GET /hello?x=1 HTTP/1.1"))
        _ = try server.exchange(.request("GET /missing HTTP/1.1"))
        var lines: [String] = []
        for _ in 0..<100 where lines.count < 2 {
            usleep(10_000)
            lines = server.logLines
        }
        #expect(lines.count == 2)
        let first = lines.first { $0.contains(" GET /hello ") } ?? ""
        let pattern = #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 127\.0\.0\.1:\d+ [0-9a-f]{16}-[0-9a-f]+-[0-9a-f]+ GET /hello /hello 200 5 \d+us$"#
        #expect(first.range(of: pattern, options: .regularExpression) != nil, "\(first)")
        #expect(lines.contains { $0.contains(" GET (unmatched) /missing 404 ") })
    }

    @Test func logsNothingWhenDisabled() throws {
        let log = LogStore()
        let server = try TestServer {
            $0.accessLog = false
            $0.accessLogSink = { log.append($0) }
        }
        _ = try server.exchange(.request("GET /hello HTTP/1.1"))
        server.stop()
        #expect(log.lines.withLock { $0 }.isEmpty)
    }
}

import Testing
@testable import HTTPServer

@Suite("Routing over the wire")
struct RoutingTests {
    @Test func answers404AsProblemJSON() throws {
        try withServer { server throws in
            let response = try server.exchange(.request("GET /nowhere HTTP/1.1"))
            #expect(response.status == 404)
            #expect(response.headers["Content-Type"] == "application/problem+json")
            #expect(response.bodyText.contains(#""type":"urn:http-engine:problem:not-found","title":"No resource at this path","status":404"#))
        }
    }

    @Test func answers405WithAllowForAKnownPath() throws {
        try withServer { server throws in
            let response = try server.exchange(.request("PUT /hello HTTP/1.1", "Content-Length: 0"))
            #expect(response.status == 405)
            #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
        }
    }

    @Test(arguments: ["TRACE", "CONNECT", "QUERY"])
    func knownButUnsupportedMethodGets405WithAllow(_ method: String) throws {
        try withServer { server throws in
            let response = try server.exchange(.request("\(method) /hello HTTP/1.1"))
            #expect(response.status == 405)
            #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
        }
    }

    @Test func keepsTheConnectionAfterRouterErrors() throws {
        try withServer { server throws in
            let c = try server.connect()
            try c.send(.request("GET /nowhere HTTP/1.1") + .request("DELETE /hello HTTP/1.1") + .request("GET /hello HTTP/1.1"))
            #expect(try c.readResponses(3).map(\.status) == [404, 405, 200])
        }
    }

    @Test func answersDefaultOptionsWith204AndAllow() throws {
        try withServer { server throws in
            let response = try server.exchange(.request("OPTIONS /articles/5 HTTP/1.1"))
            #expect(response.status == 204)
            #expect(response.headers["Allow"] == "GET, HEAD, DELETE, OPTIONS")
            #expect(response.headers["Content-Length"] == nil)
        }
    }

    @Test func usesARegisteredOptionsRoute() throws {
        try withServer { server throws in
            let response = try server.exchange(.request("OPTIONS /custom-options HTTP/1.1"))
            #expect(response.headers["X-Custom"] == "yes")
            #expect(response.bodyText == "custom")
        }
    }

    @Test func answersOptionsAsteriskWithAllServerMethods() throws {
        try withServer { server throws in
            let response = try server.exchange(.request("OPTIONS * HTTP/1.1"))
            #expect(response.status == 204)
            #expect(response.headers["Allow"] == "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
        }
    }

    @Test func decodesChineseQueryValues() throws {
        try withServer { server throws in
            let response = try server.exchange(.request("GET /query?q=%E5%BF%97%E6%84%BF&q=a+b HTTP/1.1"))
            #expect(response.bodyText == "q=志愿 all=志愿|a b")
        }
    }

    @Test func answers400ForInvalidPercentEncoding() throws {
        try withServer { server throws in
            let raw = try server.exchangeUntilClose(.request("GET /query?q=%E5%BF HTTP/1.1"))
            #expect(firstStatus(raw) == 400)
        }
    }

    @Test func capturesDecodedPathParameters() throws {
        try withServer { server throws in
            #expect(try server.exchange(.request("GET /articles/%E5%BF%97 HTTP/1.1")).bodyText == "article:志")
            #expect(try server.exchange(.request("GET /articles/latest HTTP/1.1")).bodyText == "latest")
        }
    }

    @Test func encodedSlashDoesNotSplitASegment() throws {
        try withServer { server throws in
            #expect(try server.exchange(.request("GET /path/a%2Fb HTTP/1.1")).bodyText == "segment=a/b path=/path/a/b")
            #expect(try server.exchange(.request("GET /path/a/b HTTP/1.1")).status == 404)
        }
    }

    @Test func catchAllCapturesNestedPaths() throws {
        try withServer { server throws in
            #expect(try server.exchange(.request("GET /files/css/a/site.css HTTP/1.1")).bodyText == "file:css/a/site.css")
        }
    }

    @Test func servesAbsoluteFormTargets() throws {
        try withServer { server throws in
            #expect(try server.exchange(.request("GET http://test/hello HTTP/1.1")).bodyText == "hello")
        }
    }

    @Test func sendsUnmatchedPathsToTheFallback() throws {
        var router = TestServer.router()
        router.fallback = { request, _ in HTTPResponse(body: "fallback \(request.path)") }
        try withServer(router: router) { server throws in
            #expect(try server.exchange(.request("GET /app/page HTTP/1.1")).bodyText == "fallback /app/page")
        }
    }

    @Test func runsOffloadedHandlersOffTheLoop() throws {
        try withServer { server throws in
            let response = try server.exchange("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc")
            #expect(response.status == 201)
            #expect(response.bodyText == "stored 3 offloaded=true")
        }
    }

    @Test func keepsServingOtherConnectionsWhileAHandlerIsOffloaded() throws {
        try withServer(configure: { $0.loopCount = 1 }) { server throws in
            let slow = try server.connect()
            try slow.send(.request("GET /slow?ms=1000 HTTP/1.1"))
            let fast = try server.connect()
            try fast.send(.request("GET /hello HTTP/1.1"))
            let start = ContinuousClock.now
            #expect(try fast.readResponse().bodyText == "hello")
            #expect(ContinuousClock.now - start < .milliseconds(800))
            #expect(try slow.readResponse().bodyText == "slow 1000")
        }
    }
}

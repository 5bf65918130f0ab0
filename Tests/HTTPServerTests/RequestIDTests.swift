import Testing
@testable import HTTPServer

@Suite("Request ids")
struct RequestIDTests {
    private func router() -> Router {
        var router = TestServer.router()
        router.add(.GET, "/id") { _, context in HTTPResponse(body: context.requestID) }
        return router
    }

    @Test func echoesAnAcceptableClientID() throws {
        try withServer(router: router()) { server throws in
            let response = try server.exchange(.request("GET /id HTTP/1.1", "X-Request-Id: abc-123_x.y:z"))
            #expect(response.headers["X-Request-Id"] == "abc-123_x.y:z")
            #expect(response.bodyText == "abc-123_x.y:z")
        }
    }

    @Test(arguments: ["has space", "semi;colon", String(repeating: "a", count: 129), "quote\"", "志愿"])
    func replacesAnUnacceptableClientID(_ value: String) throws {
        try withServer(router: router()) { server throws in
            let response = try server.exchange(.request("GET /id HTTP/1.1", "X-Request-Id: \(value)"))
            let id = response.headers["X-Request-Id"] ?? ""
            #expect(id != value)
            #expect(id.range(of: "^[0-9a-f]{16}-[0-9a-f]+-[0-9a-f]+$", options: .regularExpression) != nil, "\(id)")
            #expect(response.bodyText == id)
        }
    }

    @Test func acceptsAnIDOfExactly128Characters() throws {
        let value = String(repeating: "z", count: 128)
        try withServer(router: router()) { server throws in
            #expect(try server.exchange(.request("GET /id HTTP/1.1", "X-Request-Id: \(value)")).headers["X-Request-Id"] == value)
        }
    }

    @Test func generatesDistinctIDsWithOneProcessPrefix() throws {
        try withServer(router: router()) { server throws in
            let c = try server.connect()
            var ids: [String] = []
            for _ in 0..<20 {
                try c.send(.request("GET /id HTTP/1.1"))
                ids.append(try c.readResponse().headers["X-Request-Id"] ?? "")
            }
            #expect(Set(ids).count == 20)
            #expect(Set(ids.map { $0.prefix(16) }).count == 1)
        }
    }

    @Test func sendsAnIDWithEngineErrorsToo() throws {
        try withServer { server throws in
            let raw = try server.exchangeUntilClose("GET /hello HTTP/9.9\r\nHost: t\r\n\r\n")
            #expect(firstStatus(raw) == 505)
            #expect(raw.contains("\r\nX-Request-Id: "))
            let missing = try server.exchange(.request("GET /nowhere HTTP/1.1", "X-Request-Id: trace-1"))
            #expect(missing.headers["X-Request-Id"] == "trace-1")
        }
    }

    @Test func aHandlerCannotOverrideTheID() throws {
        var router = TestServer.router()
        router.add(.GET, "/spoof") { _, _ in HTTPResponse(headers: ["X-Request-Id": "forged"], body: "x") }
        try withServer(router: router) { server throws in
            let response = try server.exchange(.request("GET /spoof HTTP/1.1", "X-Request-Id: real"))
            #expect(response.headers.values(for: "X-Request-Id") == ["real"])
        }
    }

    @Test func writesGeneratedIDsInHex() {
        let buffer = ByteBuffer(capacity: 64)
        RequestID(loop: 10, serial: 255).write(into: buffer)
        let text = String(decoding: buffer.readable, as: UTF8.self)
        #expect(text.hasSuffix("-a-ff"))
        #expect(text == RequestID(loop: 10, serial: 255).text)
    }
}

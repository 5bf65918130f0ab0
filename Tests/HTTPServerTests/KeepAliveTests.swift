import Foundation
import Testing
@testable import HTTPServer

@Suite("Keep-alive, pipelining and HEAD")
struct KeepAliveTests {
    @Test func servesTwoRequestsOnOneConnection() throws {
        try withServer { server throws in
            let c = try server.connect()
            try c.send(.request("GET /hello HTTP/1.1"))
            let first = try c.readResponse()
            try c.send(.request("GET /articles/7 HTTP/1.1"))
            let second = try c.readResponse()
            #expect(first.bodyText == "hello")
            #expect(second.bodyText == "article:7")
            #expect(first.headers["Connection"] == nil)
        }
    }

    @Test func answersPipelinedRequestsFromOneSendInOrder() throws {
        try withServer { server throws in
            let c = try server.connect()
            var batch = ""
            for i in 1...5 { batch += .request("GET /articles/\(i) HTTP/1.1") }
            batch += "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nbody"
            try c.send(batch)
            let responses = try c.readResponses(6)
            #expect(responses.prefix(5).map(\.bodyText) == (1...5).map { "article:\($0)" })
            #expect(responses[5].bodyText == "body")
        }
    }

    @Test func keepsPipelinedResponsesInOrderBehindAnOffloadedOne() throws {
        try withServer { server throws in
            let c = try server.connect()
            try c.send(.request("GET /slow?ms=300 HTTP/1.1") + .request("GET /hello HTTP/1.1") + .request("GET /slow?ms=10 HTTP/1.1"))
            let responses = try c.readResponses(3)
            #expect(responses.map(\.bodyText) == ["slow 300", "hello", "slow 10"])
        }
    }

    @Test func answersEveryPipelinedRequestInOrderWhenTheClientReadsLate() throws {
        try withServer { server throws in
            let c = try server.connect()
            // ~4 MB of responses: more than the output high-water mark and the
            // socket buffers, so the server must pause parsing and resume.
            let count = 200
            var batch = ""
            for i in 0..<count { batch += .request("GET /bytes?n=\(20_000 + i) HTTP/1.1") }
            try c.send(batch)
            usleep(300_000)
            let responses = try c.readResponses(count)
            #expect(responses.map(\.body.count) == (0..<count).map { 20_000 + $0 })
        }
    }

    @Test func keepsLargeAndSmallPipelinedBodiesIntactAndInOrder() throws {
        try withServer { server throws in
            let c = try server.connect()
            let sizes = [10, 5000, 3, 70_000, 4096, 4095, 0, 123_456]
            var batch = ""
            for size in sizes { batch += .request("GET /bytes?n=\(size) HTTP/1.1") }
            batch += .request("HEAD /bytes?n=9000 HTTP/1.1") + .request("GET /hello HTTP/1.1")
            try c.send(batch)
            for size in sizes {
                let response = try c.readResponse()
                #expect(response.body == (0..<size).map { UInt8(truncatingIfNeeded: $0) })
            }
            let head = try c.readResponse(head: true)
            #expect(head.headers["Content-Length"] == "9000")
            #expect(try c.readResponse().bodyText == "hello")
        }
    }

    @Test func headSendsGetHeadersWithoutTheBody() throws {
        try withServer { server throws in
            let c = try server.connect()
            try c.send(.request("HEAD /hello HTTP/1.1"))
            let head = try c.readResponse(head: true)
            #expect(head.status == 200)
            #expect(head.headers["Content-Length"] == "5")
            #expect(head.body.isEmpty)
            // Nothing beyond the head was sent: the next response parses cleanly.
            try c.send(.request("GET /hello HTTP/1.1"))
            #expect(try c.readResponse().bodyText == "hello")
        }
    }

    @Test func addsEngineHeadersToEveryResponse() throws {
        try withServer { server throws in
            let response = try server.exchange(.request("GET /hello HTTP/1.1"))
            #expect(response.headers["Server"] == "newsroom")
            #expect(response.headers["Date"]?.hasSuffix(" GMT") == true)
            #expect(response.headers["Content-Length"] == "5")
        }
    }

    @Test func closesAfterConnectionCloseRequest() throws {
        try withServer { server throws in
            let raw = try server.exchangeUntilClose(.request("GET /hello HTTP/1.1", "Connection: close"))
            #expect(firstStatus(raw) == 200)
            #expect(raw.contains("Connection: close\r\n"))
        }
    }

    @Test func closesHTTP10ByDefaultAndKeepsItAliveOnRequest() throws {
        try withServer { server throws in
            let raw = try server.exchangeUntilClose("GET /hello HTTP/1.0\r\n\r\n")
            #expect(firstStatus(raw) == 200)
            #expect(raw.hasSuffix("hello"))

            let c = try server.connect()
            try c.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let response = try c.readResponse()
            #expect(response.headers["Connection"] == "keep-alive")
            try c.send("GET /articles/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try c.readResponse().bodyText == "article:1")
        }
    }

    @Test func echoesChunkedBodiesWithExtensionsAndTrailers() throws {
        try withServer { server throws in
            let c = try server.connect()
            try c.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5\r\npedia\r\nE ; a=\"b\"\r\n in\r\n\r\nchunks.\r\n0\r\nX-Checksum: abc\r\n\r\n")
            let response = try c.readResponse()
            #expect(response.bodyText == "Wikipedia in\r\n\r\nchunks.")
            try c.send(.request("GET /hello HTTP/1.1"))
            #expect(try c.readResponse().bodyText == "hello")
        }
    }

    @Test func readsABodyThatArrivesInPieces() throws {
        try withServer { server throws in
            let c = try server.connect()
            try c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n01234")
            usleep(50_000)
            try c.send("56789")
            #expect(try c.readResponse().bodyText == "0123456789")
        }
    }

    @Test func echoesALargeBodyAndWritesALargeResponseCompletely() throws {
        try withServer { server throws in
            let c = try server.connect()
            let body = (0..<1_500_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try c.send(Array("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
            let response = try c.readResponse()
            #expect(response.body == body)
        }
    }

    @Test func answersWhenTheClientHalfClosesAfterItsRequest() throws {
        try withServer { server throws in
            let c = try server.connect()
            try c.send(.request("GET /hello HTTP/1.1") + .request("GET /articles/2 HTTP/1.1"))
            c.shutdownWrite()
            let raw = String(decoding: try c.readUntilClose(), as: UTF8.self)
            #expect(statuses(raw) == [200, 200])
            #expect(raw.hasSuffix("article:2"))
        }
    }

    @Test func servesIPv6Loopback() throws {
        let server = try TestServer(host: "::1")
        defer { server.stop() }
        let response = try server.exchange(.request("GET /context HTTP/1.1"))
        #expect(response.status == 200)
        #expect(response.bodyText.contains("[::1]:"))
    }

    @Test func passesLoopIndexCountAndRemoteAddressToHandlers() throws {
        try withServer { server throws in
            let body = try server.exchange(.request("GET /context HTTP/1.1")).bodyText
            let parts = body.split(separator: " ")
            let loop = parts[0].split(separator: "/").compactMap { Int($0) }
            #expect(loop.count == 2 && loop[1] == 2 && (0..<2).contains(loop[0]))
            #expect(parts[1].hasPrefix("127.0.0.1:"))
        }
    }

    @Test func bindsEveryLoopToTheSameEphemeralPort() throws {
        let server = try TestServer { $0.loopCount = 3 }
        defer { server.stop() }
        #expect(server.port > 0)
        var loops = Set<String>()
        for _ in 0..<40 {
            loops.insert(String(try server.exchange(.request("GET /context HTTP/1.1")).bodyText.prefix(3)))
        }
        #expect(loops.count > 1)
    }

    @Test func startFailsClearlyWhenTheAddressIsInUse() throws {
        // A listener without SO_REUSEPORT owns the port exclusively.
        let (fd, port) = loopbackListener(reusePort: false)
        defer { close(fd) }
        let server = HTTPServer(configuration: ServerConfiguration(host: "127.0.0.1", port: port), router: Router())
        #expect {
            try server.start()
        } throws: { error in
            (error as? HTTPServerError)?.description.contains("cannot bind 127.0.0.1:\(port): Address already in use") == true
        }
        server.wait()
    }

    @Test func refusesAPortAnotherReusePortListenerHolds() throws {
        // Another process with SO_REUSEPORT (a second server, say) would otherwise silently take
        // half of the connections.
        let (fd, port) = loopbackListener(reusePort: true)
        defer { close(fd) }
        let server = HTTPServer(configuration: ServerConfiguration(host: "127.0.0.1", port: port), router: Router())
        #expect {
            try server.start()
        } throws: { error in
            (error as? HTTPServerError)?.description.contains("Address already in use") == true
        }
        server.wait()
    }

    /// A listening socket on 127.0.0.1 and an ephemeral port, as another process would hold it.
    private func loopbackListener(reusePort: Bool) -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        if reusePort {
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        listen(fd, 1)
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: bound.sin_port)))
    }
}

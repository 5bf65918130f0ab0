import Foundation
import Glibc
import Testing
@testable import HTTPServer

@Suite("Deadlines", .serialized)
struct TimeoutTests {
    /// Sends `text` one byte every `interval` seconds until the server answers
    /// or closes; returns what it sent back and when.
    private func trickle(_ text: String, to c: HTTPClientConnection, interval: Double, limit: Double) -> (String, Double) {
        let start = Date()
        var received: [UInt8] = []
        for byte in text.utf8 {
            if (try? c.send([byte])) == nil { break }
            var pfd = pollfd(fd: c.fd, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, Int32(interval * 1000)) > 0 { break }
            if elapsed(since: start) > limit { break }
        }
        received = (try? c.readUntilClose(timeout: 5)) ?? []
        return (String(decoding: received, as: UTF8.self), elapsed(since: start))
    }

    @Test func slowHeadersGet408AndCloseAtTheHeaderDeadline() throws {
        try withServer(configure: { $0.headerTimeout = 1 }) { server throws in
            let c = try server.connect()
            let (raw, seconds) = trickle("GET /hello HTTP/1.1\r\nHost: t\r\nX-Slow: " + String(repeating: "s", count: 40) + "\r\n\r\n", to: c, interval: 0.3, limit: 6)
            #expect(firstStatus(raw) == 408)
            #expect(raw.contains("Connection: close"))
            #expect(seconds < 3, "took \(seconds) s")
        }
    }

    @Test func headerDeadlineCountsFromTheFirstByteNotTheLast() throws {
        try withServer(configure: { $0.headerTimeout = 1 }) { server throws in
            let c = try server.connect()
            // Each byte arrives well inside the deadline; only the total is too slow.
            let start = Date()
            let (raw, _) = trickle("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n", to: c, interval: 0.25, limit: 6)
            #expect(firstStatus(raw) == 408)
            #expect(elapsed(since: start) < 2.5)
        }
    }

    @Test func headerDeadlineDoesNotStartBeforeTheFirstByte() throws {
        try withServer(configure: { $0.headerTimeout = 0.5; $0.idleTimeout = 5 }) { server throws in
            let c = try server.connect()
            usleep(800_000)
            try c.send(.request("GET /hello HTTP/1.1"))
            #expect(try c.readResponse().status == 200)
        }
    }

    @Test func slowBodyGets408AtTheBodyDeadline() throws {
        try withServer(configure: { $0.bodyTimeout = 1 }) { server throws in
            let c = try server.connect()
            let start = Date()
            try c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n123")
            let raw = String(decoding: try c.readUntilClose(timeout: 5), as: UTF8.self)
            #expect(firstStatus(raw) == 408)
            #expect(raw.contains("Connection: close"))
            #expect(elapsed(since: start) < 3)
        }
    }

    @Test func idleKeepAliveConnectionsAreClosed() throws {
        try withServer(configure: { $0.idleTimeout = 0.5 }) { server throws in
            let c = try server.connect()
            try c.send(.request("GET /hello HTTP/1.1"))
            #expect(try c.readResponse().status == 200)
            let start = Date()
            #expect(c.waitForClose(timeout: 4))
            #expect(elapsed(since: start) < 2.5)
        }
    }

    @Test func activeConnectionsOutliveTheIdleTimeout() throws {
        try withServer(configure: { $0.idleTimeout = 0.6 }) { server throws in
            let c = try server.connect()
            for _ in 0..<4 {
                try c.send(.request("GET /hello HTTP/1.1"))
                #expect(try c.readResponse().status == 200)
                usleep(300_000)
            }
        }
    }
}

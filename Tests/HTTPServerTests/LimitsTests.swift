import Foundation
import Glibc
import Testing
@testable import HTTPServer

@Suite("Limits")
struct LimitsTests {
    private func limited(_ body: (TestServer) throws -> Void) throws {
        try withServer(configure: {
            $0.maxRequestLineBytes = 256
            $0.maxHeaderBytes = 512
            $0.maxHeaderCount = 10
            $0.maxBodyBytes = 1000
        }, body)
    }

    @Test func answers414ForALongRequestLineAndCloses() throws {
        try limited { server throws in
            let raw = try server.exchangeUntilClose(.request("GET /\(String(repeating: "a", count: 400)) HTTP/1.1"))
            #expect(firstStatus(raw) == 414)
            #expect(raw.contains("Connection: close"))
        }
    }

    @Test func answers414BeforeTheLineEvenEnds() throws {
        try limited { server throws in
            let raw = try server.exchangeUntilClose("GET /\(String(repeating: "a", count: 400))")
            #expect(firstStatus(raw) == 414)
        }
    }

    @Test func answers431ForAnOversizedHeaderSection() throws {
        try limited { server throws in
            let raw = try server.exchangeUntilClose(.request("GET /hello HTTP/1.1", "X-Big: \(String(repeating: "b", count: 600))"))
            #expect(firstStatus(raw) == 431)
        }
    }

    @Test func answers431ForTooManyHeaderFields() throws {
        try limited { server throws in
            let headers = (0..<11).map { "X-\($0): v" }.joined(separator: "\r\n")
            let raw = try server.exchangeUntilClose("GET /hello HTTP/1.1\r\nHost: t\r\n\(headers)\r\n\r\n")
            #expect(firstStatus(raw) == 431)
        }
    }

    @Test func answers413ForALargeContentLengthWithoutReadingTheBody() throws {
        try limited { server throws in
            let raw = try server.exchangeUntilClose("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1001\r\n\r\n")
            #expect(firstStatus(raw) == 413)
            #expect(raw.contains("application/problem+json"))
            #expect(raw.contains("Connection: close"))
        }
    }

    @Test func answers413WhenAChunkedBodyGrowsPastTheLimit() throws {
        try limited { server throws in
            let chunk = "200\r\n" + String(repeating: "x", count: 512) + "\r\n"
            let raw = try server.exchangeUntilClose("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk + "0\r\n\r\n")
            #expect(firstStatus(raw) == 413)
        }
    }

    @Test func acceptsABodyExactlyAtTheLimit() throws {
        try limited { server throws in
            let body = String(repeating: "z", count: 1000)
            let response = try server.exchange("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n" + body)
            #expect(response.bodyText == body)
        }
    }

    @Test func rejectsConnectionsBeyondTheLimitWith503() throws {
        try withServer(configure: { $0.maxConnections = 2 }) { server throws in
            let a = try server.connect()
            let b = try server.connect()
            try a.send(.request("GET /hello HTTP/1.1"))
            try b.send(.request("GET /hello HTTP/1.1"))
            _ = try a.readResponse()
            _ = try b.readResponse()
            let raw = String(decoding: try server.connect().readUntilClose(), as: UTF8.self)
            #expect(firstStatus(raw) == 503)
            #expect(raw.contains("Retry-After: 1\r\n"))
            #expect(raw.contains("Connection: close\r\n"))
            #expect(raw.contains("urn:http-engine:problem:too-many-connections"))
            let metrics = String(decoding: server.server.metrics.render(), as: UTF8.self)
            #expect(metrics.contains(#"http_rejected_requests_total{reason="connection_limit"} 1"#))
            #expect(metrics.contains(#"http_requests_total{method="-",route="(rejected)",status="503"} 1"#))
            // Closing one frees a slot.
            a.close()
            var admitted = false
            for _ in 0..<50 where !admitted {
                usleep(20_000)
                let c = try server.connect()
                try c.send(.request("GET /hello HTTP/1.1"))
                admitted = (try? c.readResponse().status) == 200
            }
            #expect(admitted)
        }
    }

    @Test func aHeadThatNeverEndsGets431AtTheLimitNotAtTheDeadline() throws {
        try withServer(configure: { $0.maxHeaderBytes = 512; $0.headerTimeout = 60 }) { server throws in
            let c = try server.connect()
            try c.send("GET /hello HTTP/1.1\r\nHost: t\r\n")
            var status: Int?
            // A header line that keeps growing, a few bytes at a time.
            for _ in 0..<300 where status == nil {
                guard (try? c.send("X-Pad-\(Int.random(in: 0..<1000)): vvvvvvvvvvvv\r\n")) != nil else { break }
                var pfd = pollfd(fd: c.fd, events: Int16(POLLIN), revents: 0)
                if poll(&pfd, 1, 5) > 0 { status = firstStatus(String(decoding: (try? c.readUntilClose(timeout: 5)) ?? [], as: UTF8.self)) }
            }
            #expect(status == 431)
        }
    }

    @Test func aClientStreamingLineEndsGets400AfterTheSecond() throws {
        try withServer(configure: { $0.headerTimeout = 60 }) { server throws in
            let c = try server.connect()
            try c.send("\r\n")
            try c.send("\r\n")
            let raw = String(decoding: try c.readUntilClose(timeout: 5), as: UTF8.self)
            #expect(firstStatus(raw) == 400)
            #expect(raw.contains("more than one empty line before the request line"))
        }
    }

    @Test func serves414BeforeTheLineEndsEvenWhenTrickled() throws {
        try withServer(configure: { $0.maxRequestLineBytes = 256; $0.headerTimeout = 60 }) { server throws in
            let c = try server.connect()
            try c.send("GET /")
            var raw = ""
            for _ in 0..<400 where raw.isEmpty {
                guard (try? c.send("a")) != nil else { break }
                var pfd = pollfd(fd: c.fd, events: Int16(POLLIN), revents: 0)
                if poll(&pfd, 1, 2) > 0 { raw = String(decoding: (try? c.readUntilClose(timeout: 5)) ?? [], as: UTF8.self) }
            }
            #expect(firstStatus(raw) == 414)
        }
    }
}

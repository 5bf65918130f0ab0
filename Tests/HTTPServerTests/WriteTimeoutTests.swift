import Foundation
import Glibc
import Testing
@testable import HTTPServer

@Suite("Write timeout", .serialized)
struct WriteTimeoutTests {
    /// A client socket with a tiny receive window, connected to the server.
    private func tinyWindowClient(_ server: TestServer) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var size: Int32 = 2048
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(server.port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    private func send(_ fd: Int32, _ text: String) {
        _ = text.utf8.withContiguousStorageIfAvailable { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until EOF (true), a reset (false), or `limit` bytes; returns the byte count too.
    private func readToEnd(_ fd: Int32, pause: useconds_t = 0, chunk: Int = 65536) -> (bytes: Int, cleanEOF: Bool) {
        var buffer = [UInt8](repeating: 0, count: chunk)
        var total = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                total += n
                if pause > 0 { usleep(pause) }
                continue
            }
            return (total, n == 0)
        }
    }

    /// A ready-made large body, so the handler costs nothing even in a debug build.
    private static let big = [UInt8](repeating: UInt8(ascii: "x"), count: 4_000_000)

    private func router() -> Router {
        var router = TestServer.router()
        router.add(.GET, "/big") { _, _ in HTTPResponse(body: WriteTimeoutTests.big) }
        return router
    }

    /// Waits (at most 20 s) until the server has answered `count` requests for /big.
    private func waitUntilAnswered(_ server: TestServer, _ count: Int = 1) {
        let line = #"http_requests_total{method="GET",route="/big",status="200"} \#(count)"#
        for _ in 0..<2000 {
            if String(decoding: server.server.metrics.render(), as: UTF8.self).contains(line) { return }
            usleep(10_000)
        }
    }

    @Test func closesAStalledReaderWithAFinNotAReset() throws {
        try withServer(router: router(), configure: { $0.writeTimeout = 0.5; $0.idleTimeout = 30 }) { server throws in
            let fd = try tinyWindowClient(server)
            defer { close(fd) }
            send(fd, .request("GET /big HTTP/1.1"))
            waitUntilAnswered(server)
            // More input the server holds back while its output is stuck: closing
            // without reading it would reset the connection.
            send(fd, "GET /hello HTTP/1.1\r\nHost: t\r\n")
            // Read nothing until well past the write timeout.
            usleep(1_500_000)
            let (bytes, cleanEOF) = readToEnd(fd)
            #expect(cleanEOF, "the connection was reset")
            #expect(bytes > 0 && bytes < Self.big.count, "\(bytes) bytes")
            let out = String(decoding: server.server.metrics.render(), as: UTF8.self)
            #expect(out.contains(#"http_rejected_requests_total{reason="write_timeout"} 1"#))
        }
    }

    @Test func aSlowReaderThatKeepsReadingGetsEverything() throws {
        // Reading 4 KiB every 5 ms takes longer than both timeouts, but never stalls.
        try withServer(router: router(), configure: { $0.writeTimeout = 1; $0.idleTimeout = 0.3 }) { server throws in
            let fd = try tinyWindowClient(server)
            defer { close(fd) }
            send(fd, .request("GET /big HTTP/1.1", "Connection: close"))
            let start = Date()
            var buffer = [UInt8](repeating: 0, count: 4096)
            var total = 0
            // 1.2 MB of it is enough to outlast the write timeout.
            while total < 1_200_000 {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard n > 0 else { break }
                total += n
                usleep(5_000)
            }
            #expect(total >= 1_200_000, "cut off after \(total) bytes")
            #expect(elapsed(since: start) > 1, "the reader was not slow enough to outlast the write timeout")
        }
    }
}

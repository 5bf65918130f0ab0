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
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
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

    @Test func closesAStalledReaderWithAFinNotAReset() throws {
        try withServer(configure: { $0.writeTimeout = 0.5; $0.idleTimeout = 30 }) { server throws in
            let fd = try tinyWindowClient(server)
            defer { close(fd) }
            let size = 8_000_000
            send(fd, .request("GET /bytes?n=\(size) HTTP/1.1"))
            // More input the server holds back while its output is stuck: closing
            // without reading it would reset the connection.
            usleep(100_000)
            send(fd, "GET /hello HTTP/1.1\r\nHost: t\r\n")
            // Read nothing until well past the write timeout.
            usleep(1_500_000)
            let (bytes, cleanEOF) = readToEnd(fd)
            #expect(cleanEOF, "the connection was reset")
            #expect(bytes > 0 && bytes < size, "\(bytes) bytes")
            let out = String(decoding: server.server.metrics.render(), as: UTF8.self)
            #expect(out.contains(#"http_rejected_requests_total{reason="write_timeout"} 1"#))
        }
    }

    @Test func aSlowReaderThatKeepsReadingGetsEverything() throws {
        // Reading 4 KiB every 5 ms takes longer than both timeouts, but never stalls.
        try withServer(configure: { $0.writeTimeout = 0.3; $0.idleTimeout = 0.3 }) { server throws in
            let fd = try tinyWindowClient(server)
            defer { close(fd) }
            let size = 600_000
            send(fd, .request("GET /bytes?n=\(size) HTTP/1.1", "Connection: close"))
            let (bytes, cleanEOF) = readToEnd(fd, pause: 5_000, chunk: 4096)
            #expect(cleanEOF)
            #expect(bytes > size)
        }
    }
}

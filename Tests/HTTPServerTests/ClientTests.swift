import Foundation
import Glibc
import Testing
@testable import HTTPServer

/// A one-shot raw TCP server that answers the first connection with canned bytes.
private final class CannedServer: Sendable {
    let port: Int
    private let fd: Int32

    init(reply: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        listen(fd, 4)
        self.fd = fd
        port = SocketAddress.boundPort(of: fd)
        let bytes = Array(reply.utf8)
        Thread {
            let client = accept(fd, nil, nil)
            guard client >= 0 else { return }
            var scratch = [UInt8](repeating: 0, count: 4096)
            _ = scratch.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            close(client)
        }.start()
    }

    deinit { close(fd) }
}

@Suite("Blocking client")
struct ClientTests {
    @Test func decodesChunkedResponses() throws {
        let canned = CannedServer(reply: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nT: v\r\n\r\n")
        let response = try HTTPClient.request(host: "127.0.0.1", port: canned.port, path: "/")
        #expect(response.status == 200)
        #expect(response.bodyText == "hello world")
    }

    @Test func readsABodyDelimitedByClose() throws {
        let canned = CannedServer(reply: "HTTP/1.0 200 OK\r\nX-A: b\r\n\r\nuntil the end")
        let response = try HTTPClient.request(host: "127.0.0.1", port: canned.port, path: "/")
        #expect(response.version == "HTTP/1.0")
        #expect(response.headers["x-a"] == "b")
        #expect(response.bodyText == "until the end")
    }

    @Test func reportsARefusedConnection() throws {
        // A port that was bound but never listened on refuses connections.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        let port = SocketAddress.boundPort(of: fd)
        #expect {
            _ = try HTTPClientConnection.connect(host: "127.0.0.1", port: port, timeout: 1)
        } throws: { error in
            (error as? HTTPServerError)?.description.contains("Connection refused") == true
        }
    }

    @Test func performsARequestAgainstTheServer() throws {
        try withServer { server throws in
            let response = try HTTPClient.request(host: "127.0.0.1", port: server.port, method: "POST", path: "/echo", body: Array("ping".utf8))
            #expect(response.status == 200)
            #expect(response.bodyText == "ping")
            let head = try HTTPClient.request(host: "127.0.0.1", port: server.port, method: "HEAD", path: "/hello")
            #expect(head.headers["Content-Length"] == "5")
            #expect(head.body.isEmpty)
        }
    }
}

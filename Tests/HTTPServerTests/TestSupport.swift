import Foundation
import Synchronization
import Testing
@testable import HTTPServer

/// A real server on 127.0.0.1 and an ephemeral port, with an app-free router.
final class TestServer: Sendable {
    let server: HTTPServer
    let port: Int
    let host: String
    private let log = LogStore()

    init(host: String = "127.0.0.1", router: Router = TestServer.router(), configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        var configuration = ServerConfiguration(host: host, port: 0)
        configuration.loopCount = 2
        configuration.accessLog = false
        configuration.shutdownGracePeriod = 5
        configure(&configuration)
        if configuration.accessLog && configuration.accessLogSink == nil {
            let sink = log
            configuration.accessLogSink = { batch in sink.append(batch) }
        }
        self.host = host
        server = HTTPServer(configuration: configuration, router: router)
        try server.start()
        port = server.localPort
    }

    func stop() {
        server.shutdown()
        server.wait()
    }

    var logLines: [String] { log.lines.withLock { $0 } }

    func connect(timeout: Double = 5) throws -> HTTPClientConnection {
        try HTTPClientConnection.connect(host: host, port: port, timeout: timeout)
    }

    /// Sends raw bytes on a fresh connection and returns everything received until the server closes.
    func exchangeUntilClose(_ raw: String, timeout: Double = 5) throws -> String {
        let c = try connect()
        try c.send(raw)
        return String(decoding: try c.readUntilClose(timeout: timeout), as: UTF8.self)
    }

    /// Sends raw bytes and reads one response.
    func exchange(_ raw: String, head: Bool = false) throws -> ClientResponse {
        let c = try connect()
        try c.send(raw)
        return try c.readResponse(head: head)
    }

    static func router() -> Router {
        var router = Router()
        router.add(.GET, "/hello") { _, _ in
            HTTPResponse(headers: ["Content-Type": "text/plain"], body: "hello")
        }
        router.add(.POST, "/echo") { request, _ in
            HTTPResponse(headers: ["Content-Type": "application/octet-stream"], body: request.body)
        }
        router.add(.GET, "/articles/{id}") { request, _ in
            HTTPResponse(body: "article:\(request.parameters["id"] ?? "?")")
        }
        router.add(.GET, "/articles/latest") { _, _ in
            HTTPResponse(body: "latest")
        }
        router.add(.DELETE, "/articles/{id}") { _, _ in
            HTTPResponse(status: .noContent)
        }
        router.add(.GET, "/files/{path...}") { request, _ in
            HTTPResponse(body: "file:\(request.parameters["path"] ?? "?")")
        }
        router.add(.GET, "/query") { request, _ in
            let all = request.query.all("q").joined(separator: "|")
            return HTTPResponse(body: "q=\(request.query.first("q") ?? "-") all=\(all)")
        }
        router.add(.GET, "/path/{segment}") { request, _ in
            HTTPResponse(body: "segment=\(request.parameters["segment"] ?? "?") path=\(request.path)")
        }
        router.add(.GET, "/bytes") { request, _ in
            let n = Int(request.query.first("n") ?? "0") ?? 0
            return HTTPResponse(body: (0..<n).map { UInt8(truncatingIfNeeded: $0) })
        }
        router.add(.GET, "/context") { _, context in
            HTTPResponse(body: "\(context.loopIndex)/\(context.loopCount) \(context.remoteAddress)")
        }
        router.add(.GET, "/slow", pool: "reads") { request, _ in
            let ms = Int(request.query.first("ms") ?? "500") ?? 500
            usleep(UInt32(ms * 1000))
            return HTTPResponse(body: "slow \(ms)")
        }
        router.add(.POST, "/upload", pool: "writes") { request, context in
            usleep(100_000)
            return HTTPResponse(status: .created, body: "stored \(request.body.count) offloaded=\(context.isOffloaded)")
        }
        router.add(.OPTIONS, "/custom-options") { _, _ in
            HTTPResponse(status: .ok, headers: ["X-Custom": "yes"], body: "custom")
        }
        router.add(.GET, "/custom-options") { _, _ in HTTPResponse(body: "get") }
        return router
    }
}

final class LogStore: Sendable {
    let lines = Mutex<[String]>([])

    func append(_ batch: String) {
        lines.withLock { $0 += batch.split(separator: "\n").map(String.init) }
    }
}

/// Runs `body` against a fresh server and always stops it.
func withServer(
    router: Router = TestServer.router(),
    configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (TestServer) throws -> Void
) throws {
    let server = try TestServer(router: router, configure: configure)
    defer { server.stop() }
    try body(server)
}

extension String {
    /// "GET /x HTTP/1.1" + Host + extra header lines + blank line.
    static func request(_ line: String, _ headers: String...) -> String {
        var text = line + "\r\nHost: test\r\n"
        for header in headers { text += header + "\r\n" }
        return text + "\r\n"
    }
}

/// The status code in the first status line of raw response text.
func firstStatus(_ raw: String) -> Int? {
    guard raw.hasPrefix("HTTP/1.1 ") else { return nil }
    return Int(raw.dropFirst(9).prefix(3))
}

func statuses(_ raw: String) -> [Int] {
    raw.components(separatedBy: "HTTP/1.1 ").dropFirst().compactMap { Int($0.prefix(3)) }
}

func elapsed(since start: Date) -> Double { Date().timeIntervalSince(start) }

import Foundation
import Glibc
import Testing
@testable import HTTPServer

@Suite("Access log", .serialized)
struct AccessLogTests {
    @Test func writesJSONLinesWithEveryField() throws {
        let server = try TestServer {
            $0.accessLog = true
            $0.accessLogFormat = .json
        }
        defer { server.stop() }
        _ = try server.exchange(.request("GET /articles/42?x=1 HTTP/1.1", "X-Request-Id: req-7"))
        var lines: [String] = []
        for _ in 0..<200 where lines.isEmpty {
            usleep(10_000)
            lines = server.logLines
        }
        let line = try #require(lines.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["request_id"] as? String == "req-7")
        #expect(object["method"] as? String == "GET")
        #expect(object["route"] as? String == "/articles/{id}")
        #expect(object["path"] as? String == "/articles/42")
        #expect(object["status"] as? Int == 200)
        #expect(object["bytes"] as? Int == 10)
        #expect((object["client"] as? String)?.hasPrefix("127.0.0.1:") == true)
        #expect(object["duration_us"] is Int)
        #expect((object["time"] as? String)?.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression) != nil)
    }

    @Test func escapesQuotesInJSONPaths() throws {
        let server = try TestServer {
            $0.accessLog = true
            $0.accessLogFormat = .json
        }
        defer { server.stop() }
        _ = try server.exchange(.request(#"GET /files/a"b\c HTTP/1.1"#))
        var lines: [String] = []
        for _ in 0..<200 where lines.isEmpty {
            usleep(10_000)
            lines = server.logLines
        }
        let object = try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any]
        #expect(object?["path"] as? String == #"/files/a"b\c"#)
    }

    @Test func aBlockedStdoutNeitherStallsRequestsNorGoesUncounted() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let server = try TestServer {
            $0.accessLog = true
            $0.accessLogDescriptor = fds[1]
            $0.accessLogBufferBytes = 4096
        }
        // Nobody reads the pipe: its 64 KiB fill, the writer thread blocks, the rings fill.
        let c = try server.connect()
        for _ in 0..<40 {
            var batch = ""
            for _ in 0..<50 { batch += .request("GET /hello HTTP/1.1") }
            try c.send(batch)
            #expect(try c.readResponses(50).allSatisfy { $0.status == 200 })
        }
        let out = String(decoding: server.server.metrics.render(), as: UTF8.self)
        let dropped = out.split(separator: "\n").first { $0.hasPrefix("http_access_log_dropped_lines_total ") }
        #expect((dropped?.split(separator: " ").last.flatMap { Int($0) } ?? 0) > 0, "\(dropped ?? "none")")
        // Unblock the writer so the server can stop.
        close(fds[0])
        fds[0] = -1
        server.stop()
        close(fds[1])
    }

    @Test func ringRefusesWhatDoesNotFitAndKeepsOrderAcrossTheWrap() {
        let ring = AccessLogRing(capacity: 256)
        let line = Array(repeating: UInt8(ascii: "a"), count: 100)
        #expect(line.withUnsafeBufferPointer { ring.append($0) })
        #expect(line.withUnsafeBufferPointer { ring.append($0) })
        #expect(!line.withUnsafeBufferPointer { ring.append($0) })
        var out: [UInt8] = []
        #expect(ring.drain { out += $0 } == 200)
        let wrapped = Array("0123456789".utf8) + Array(repeating: UInt8(ascii: "b"), count: 140)
        #expect(wrapped.withUnsafeBufferPointer { ring.append($0) })
        out = []
        _ = ring.drain { out += $0 }
        #expect(out == wrapped)
        #expect(ring.isEmpty)
    }

    @Test func formatsTimestampsAsRFC3339() {
        #expect(RFC3339Clock.secondsPrefix(0) == "1970-01-01T00:00:00.")
        #expect(RFC3339Clock.secondsPrefix(1_700_000_000) == "2023-11-14T22:13:20.")
    }
}

import Foundation
import Testing
@testable import HTTPServer

@Suite("Graceful shutdown")
struct ShutdownTests {
    @Test func finishesInFlightRequestsRefusesNewOnesAndReturnsBeforeTheGracePeriod() throws {
        let server = try TestServer { $0.shutdownGracePeriod = 8 }
        let inFlight = try server.connect()
        try inFlight.send(.request("GET /slow?ms=800 HTTP/1.1"))
        let idle = try server.connect()
        try idle.send(.request("GET /hello HTTP/1.1"))
        _ = try idle.readResponse()
        usleep(100_000)

        let start = Date()
        server.server.shutdown()

        // New connections are refused once the listeners are closed.
        var refused = false
        for _ in 0..<100 where !refused {
            refused = (try? server.connect(timeout: 1)) == nil
            if !refused { usleep(10_000) }
        }
        #expect(refused)
        // The idle keep-alive connection is closed.
        #expect(idle.waitForClose(timeout: 3))
        // The in-flight request still gets its full response, then a close.
        let response = try inFlight.readResponse()
        #expect(response.bodyText == "slow 800")
        #expect(response.headers["Connection"] == "close")
        #expect(inFlight.waitForClose(timeout: 3))

        server.server.wait()
        #expect(elapsed(since: start) < 4)
    }

    @Test func forceClosesWhatRemainsAtTheGraceDeadline() throws {
        let server = try TestServer { $0.shutdownGracePeriod = 0.5 }
        let stuck = try server.connect()
        try stuck.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\npartial")
        usleep(100_000)
        let start = Date()
        server.server.shutdown()
        server.server.wait()
        #expect(elapsed(since: start) < 2)
        #expect(stuck.waitForClose(timeout: 2))
    }

    @Test func shutdownIsIdempotentAndWaitReturnsWithoutStart() throws {
        let never = HTTPServer(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), router: Router())
        never.shutdown()
        never.wait()
        let server = try TestServer()
        server.server.shutdown()
        server.server.shutdown()
        server.server.wait()
    }
}

@Suite("Signals")
struct SignalTests {
    @Test func sigtermStartsAGracefulShutdown() throws {
        let server = try TestServer()
        server.server.installSignalHandlers()
        let c = try server.connect()
        try c.send(.request("GET /slow?ms=300 HTTP/1.1"))
        usleep(50_000)
        kill(getpid(), SIGTERM)
        let response = try c.readResponse()
        #expect(response.bodyText == "slow 300")
        #expect(response.headers["Connection"] == "close")
        server.server.wait()
    }
}

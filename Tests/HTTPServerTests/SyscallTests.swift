import Glibc
import Testing
@testable import HTTPServer

@Suite("syscall helper")
struct SyscallTests {
    /// A connected pair of non-blocking stream sockets.
    private func socketPair() -> (Int32, Int32) {
        var fds: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Linux.SOCK_NONBLOCK, 0, &fds) == 0)
        return (fds[0], fds[1])
    }

    @Test func reportsWouldBlockWhenNothingIsThere() throws {
        let (a, b) = socketPair()
        defer { close(a); close(b) }
        var byte: UInt8 = 0
        #expect(try syscall("recv") { recv(a, &byte, 1, 0) } == .wouldBlock)
    }

    @Test func returnsTheCountAndZeroAtEndOfStream() throws {
        let (a, b) = socketPair()
        defer { close(a) }
        var out: [UInt8] = [1, 2, 3]
        #expect(try syscall("send") { send(b, &out, 3, Int32(MSG_NOSIGNAL)) } == .processed(3))
        close(b)
        var buffer = [UInt8](repeating: 0, count: 8)
        #expect(try syscall("recv") { recv(a, &buffer, 8, 0) } == .processed(3))
        #expect(try syscall("recv") { recv(a, &buffer, 8, 0) } == .processed(0))
    }

    @Test func throwsWhatAClientCanCause() {
        let (a, b) = socketPair()
        defer { close(a) }
        close(b)
        var byte: UInt8 = 7
        #expect {
            try syscall("send") { send(a, &byte, 1, Int32(MSG_NOSIGNAL)) }
        } throws: { error in
            (error as? SyscallError)?.code == EPIPE
        }
    }

    @Test func retriesAfterEINTR() throws {
        var calls = 0
        let result = try syscall("test") {
            calls += 1
            if calls == 1 {
                errno = EINTR
                return -1
            }
            return 5
        }
        #expect(result == .processed(5))
        #expect(calls == 2)
    }
}

@Suite("Engine problem types")
struct EngineProblemTests {
    @Test func everyTypeHasItsOwnSlugAndAnErrorStatus() {
        #expect(Set(EngineProblem.all.map(\.slug)).count == EngineProblem.all.count)
        #expect(EngineProblem.all.allSatisfy { $0.status.code >= 400 && !$0.title.isEmpty })
    }

    @Test func usesTheConfiguredTypeBase() throws {
        try withServer(configure: { $0.problemTypeBase = "https://example.test/problems/" }) { server throws in
            let missing = try server.exchange(.request("GET /nowhere HTTP/1.1"))
            #expect(missing.bodyText.contains(#""type":"https://example.test/problems/not-found""#))
            let raw = try server.exchangeUntilClose("GET /hello HTTP/1.1\r\n\r\n")
            #expect(raw.contains(#""type":"https://example.test/problems/bad-request""#))
        }
    }

    @Test func mapsEveryParserStatusToItsType() {
        #expect(EngineProblem.forParseError(.uriTooLong) == .uriTooLong)
        #expect(EngineProblem.forParseError(.requestHeaderFieldsTooLarge) == .headerFieldsTooLarge)
        #expect(EngineProblem.forParseError(.httpVersionNotSupported) == .versionNotSupported)
        #expect(EngineProblem.forParseError(.requestTimeout) == .requestTimeout)
        #expect(EngineProblem.forParseError(.payloadTooLarge) == .contentTooLarge)
    }
}

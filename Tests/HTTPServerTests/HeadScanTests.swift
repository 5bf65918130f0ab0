import Testing
@testable import HTTPServer

@Suite("Head scan")
struct HeadScanTests {
    private let limits = ParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 128, maxHeaderCount: 20)

    /// Feeds `text` one byte at a time; returns the buffer sizes at which a parse was asked for.
    private func trickle(_ text: String, limits: ParserLimits? = nil) -> [Int] {
        let bytes = Array(text.utf8)
        var scan = HeadScan()
        var parses: [Int] = []
        for n in 1...bytes.count {
            let asked = bytes[0..<n].withUnsafeBufferPointer { scan.shouldParse($0, limits: limits ?? self.limits) }
            if asked {
                parses.append(n)
                scan.didParseIncomplete(n)
            }
        }
        return parses
    }

    @Test func parsesTheFirstBytesAndTheCompleteHead() {
        let head = "GET /a HTTP/1.1\r\nHost: h\r\nX-A: b\r\n\r\n"
        let parses = trickle(head)
        #expect(parses.first == 1)
        #expect(parses.last == head.utf8.count)
    }

    @Test func parsesLogarithmicallyOftenWhileAHeadTrickles() {
        let big = ParserLimits(maxRequestLineBytes: 8192, maxHeaderBytes: 16384, maxHeaderCount: 100)
        let head = "GET / HTTP/1.1\r\nHost: h\r\n" + (0..<300).map { "X-\($0): \(String(repeating: "v", count: 40))\r\n" }.joined() + "\r\n"
        let parses = trickle(head, limits: big)
        // 15,000 bytes: the doubling parses (1, 2, 4, … 8192) and the complete head.
        #expect(head.utf8.count > 14_000)
        #expect(parses.count <= 16, "\(parses)")
    }

    @Test func parsesAsSoonAsTheRequestLinePassesItsLimit() {
        let parses = trickle("GET /" + String(repeating: "a", count: 100))
        // 64 + CRLF allowance: the 67th byte can only be a 414.
        #expect(parses.contains(67))
    }

    @Test func parsesAsSoonAsTheHeaderBlockPassesItsLimit() {
        let line = "GET / HTTP/1.1\r\n"
        let parses = trickle(line + "X-Big: " + String(repeating: "b", count: 200))
        #expect(parses.contains(line.utf8.count + 129))
    }

    /// Found by the fuzzer: fields that end exactly one or two bytes past the
    /// limit, before any blank line, are already a 431 to the parser; the
    /// scanner must not put that parse off.
    @Test func parsesCompleteFieldsThatEndJustPastTheHeaderLimit() {
        let line = "GET / HTTP/1.1\r\n"
        for total in [129, 130] {
            let fieldLine = "X: " + String(repeating: "v", count: total - 5) + "\r\n"
            let parses = trickle(line + fieldLine)
            #expect(parses.last == line.utf8.count + total, "a \(total)-byte section")
        }
    }

    @Test func findsABlankLineSplitAcrossReads() {
        let bytes = Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        var scan = HeadScan()
        _ = bytes[0..<1].withUnsafeBufferPointer { scan.shouldParse($0, limits: limits) }
        scan.didParseIncomplete(1)
        // Past the doubling point, so only the blank line can trigger a parse.
        for n in 2..<(bytes.count - 1) {
            _ = bytes[0..<n].withUnsafeBufferPointer { scan.shouldParse($0, limits: limits) }
            scan.didParseIncomplete(n)
        }
        #expect(bytes.withUnsafeBufferPointer { scan.shouldParse($0, limits: limits) })
    }

    @Test func anEmptyLineBeforeTheRequestLineIsNotItsEnd() {
        let parses = trickle("\r\nGET /" + String(repeating: "a", count: 100))
        #expect(parses.contains(69))
        #expect(!parses.contains(67))
    }

    @Test func parsesAtOnceWhenARequestLineThatArrivedWholeIsOverItsLimit() {
        let line = Array(("GET /" + String(repeating: "a", count: 70) + " HTTP/1.1\r\nHost: h\r\nX-A: ").utf8)
        var scan = HeadScan()
        #expect(line[0..<60].withUnsafeBufferPointer { scan.shouldParse($0, limits: limits) })
        scan.didParseIncomplete(60)
        // Under twice the last parse and no blank line, but the line (86 bytes) is already too long.
        #expect(line.withUnsafeBufferPointer { scan.shouldParse($0, limits: limits) })
    }
}

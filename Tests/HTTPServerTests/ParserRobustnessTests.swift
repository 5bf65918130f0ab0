import Foundation
import Testing
@testable import HTTPServer

@Suite("Parser robustness")
struct ParserRobustnessTests {
    private let limits = ParserLimits(maxRequestLineBytes: 256, maxHeaderBytes: 512, maxHeaderCount: 20)

    @Test func neverTrapsOnRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        var fields: [HeaderField] = []
        let alphabet = Array("GET /a?b HTTP/1.1\r\n:Host -chunked0123456789\t\u{0}\u{7F}".utf8) + [0xE5, 0xFF]
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<200, using: &generator)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &generator) ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            let result = bytes.withUnsafeBufferPointer { RequestParser.parse($0, limits: limits, fields: &fields) }
            if case .complete(let head) = result {
                #expect(head.length <= bytes.count)
            }
        }
    }

    @Test func chunkedDecoderGivesTheSameBodyForEverySplitPoint() {
        let text = Array("4;a=b\r\nWiki\r\n5\r\npedia\r\n0\r\nT: x\r\n\r\n".utf8)
        for split in 0...text.count {
            var decoder = ChunkedDecoder()
            var body: [UInt8] = []
            let first = text[0..<split].withUnsafeBufferPointer { decoder.decode($0, into: &body, maxBodyBytes: 100, maxTrailerBytes: 100) }
            #expect(first.consumed == split)
            let second = text[split...].withUnsafeBufferPointer { decoder.decode($0, into: &body, maxBodyBytes: 100, maxTrailerBytes: 100) }
            #expect(first.outcome == .done || second.outcome == .done)
            #expect(String(decoding: body, as: UTF8.self) == "Wikipedia")
        }
    }

    @Test func serverParsesRequestsDeliveredOneByteAtATime() throws {
        try withServer { server throws in
            let c = try server.connect()
            let batch = "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n" + .request("GET /articles/9 HTTP/1.1")
            for byte in batch.utf8 {
                try c.send([byte])
            }
            #expect(try c.readResponses(2).map(\.bodyText) == ["abc", "article:9"])
        }
    }
}

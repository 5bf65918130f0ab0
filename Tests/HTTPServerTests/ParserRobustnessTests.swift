import Foundation
import Testing
@testable import HTTPServer

/// SplitMix64: a tiny seeded generator, so every run (and every failure) is reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Parser robustness")
struct ParserRobustnessTests {
    private let limits = ParserLimits(maxRequestLineBytes: 256, maxHeaderBytes: 512, maxHeaderCount: 20)
    private static let alphabet = Array("GET /a?b HTTP/1.1\r\n:Host -chunked0123456789\t\u{0}\u{7F}".utf8) + [0xE5, 0xFF]
    private static let valid = Array("POST /a?b=1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nX-A: v\r\n\r\n".utf8)

    /// Random bytes biased towards HTTP's own characters.
    private func randomBytes(_ generator: inout SeededGenerator) -> [UInt8] {
        let length = Int.random(in: 0..<200, using: &generator)
        return (0..<length).map { _ in
            Bool.random(using: &generator) ? Self.alphabet.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
        }
    }

    /// A valid head with a few bytes replaced, inserted or removed.
    private func mutatedHead(_ generator: inout SeededGenerator) -> [UInt8] {
        var bytes = Self.valid
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: bytes[at] = Self.alphabet.randomElement(using: &generator)!
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: at)
            default: if bytes.count > 1 { bytes.remove(at: at) }
            }
        }
        return bytes
    }

    @Test(arguments: [UInt64(1), 2, 3, 0xC0FFEE])
    func neverTrapsAndNeverReadsPastTheInput(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var fields: [HeaderField] = []
        for round in 0..<3000 {
            let bytes = round.isMultiple(of: 2) ? randomBytes(&generator) : mutatedHead(&generator)
            let result = bytes.withUnsafeBufferPointer { RequestParser.parse($0, limits: limits, fields: &fields) }
            if case .complete(let head) = result {
                #expect(head.length <= bytes.count, "seed \(seed) round \(round)")
                #expect(fields.allSatisfy { $0.value.upperBound <= head.length }, "seed \(seed) round \(round)")
            }
        }
    }

    @Test(arguments: [UInt64(7), 8])
    func aPrefixOfACompleteHeadIsNeverAnError(seed: UInt64) {
        // Whatever a complete head parses to, every prefix of it is incomplete
        // or the same failure: splitting a head across reads never changes the verdict.
        var generator = SeededGenerator(seed: seed)
        var fields: [HeaderField] = []
        for _ in 0..<300 {
            let bytes = mutatedHead(&generator)
            let whole = bytes.withUnsafeBufferPointer { RequestParser.parse($0, limits: limits, fields: &fields) }
            guard case .complete = whole else { continue }
            for end in 0..<bytes.count {
                let partial = bytes[0..<end].withUnsafeBufferPointer { RequestParser.parse($0, limits: limits, fields: &fields) }
                #expect(partial == .incomplete, "\(String(decoding: bytes[0..<end], as: UTF8.self))")
            }
        }
    }

    @Test(arguments: [UInt64(11), 12])
    func chunkedDecoderNeverTrapsOnSeededInput(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array("0123456789abcdefABCDEF;=\r\n \t\"xX:".utf8)
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<120, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            var decoder = ChunkedDecoder()
            var body: [UInt8] = []
            let (consumed, _) = bytes.withUnsafeBufferPointer { decoder.decode($0, into: &body, maxBodyBytes: 64, maxTrailerBytes: 64) }
            #expect(consumed <= bytes.count)
            #expect(body.count <= 64)
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

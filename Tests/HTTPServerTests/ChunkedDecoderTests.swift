import Testing
@testable import HTTPServer

private func decode(_ text: String, maxBody: Int = 1 << 20, splitEvery step: Int? = nil) -> ([UInt8], ChunkedDecoder.Outcome, Int) {
    var decoder = ChunkedDecoder()
    var body: [UInt8] = []
    let bytes = Array(text.utf8)
    let step = step ?? max(bytes.count, 1)
    var offset = 0
    var outcome = ChunkedDecoder.Outcome.needMore
    while offset < bytes.count {
        let end = min(offset + step, bytes.count)
        let (consumed, result) = bytes[offset..<end].withUnsafeBufferPointer {
            decoder.decode($0, into: &body, maxBodyBytes: maxBody, maxTrailerBytes: 1024)
        }
        outcome = result
        offset += consumed
        if result != .needMore { break }
    }
    return (body, outcome, offset)
}

@Suite("Chunked decoder")
struct ChunkedDecoderTests {
    @Test func decodesChunksIgnoringExtensionsAndDiscardingTrailers() {
        let text = "5;name=value\r\nhello\r\n6 ; x\r\n world\r\n0\r\nX-Trailer: t\r\n\r\nNEXT"
        let (body, outcome, consumed) = decode(text)
        #expect(String(decoding: body, as: UTF8.self) == "hello world")
        #expect(outcome == .done)
        #expect(consumed == text.utf8.count - 4)
    }

    @Test func decodesTheSameWhenFedOneByteAtATime() {
        let (body, outcome, _) = decode("a\r\n0123456789\r\n0\r\n\r\n", splitEvery: 1)
        #expect(String(decoding: body, as: UTF8.self) == "0123456789")
        #expect(outcome == .done)
    }

    @Test(arguments: ["\r\nabc\r\n0\r\n\r\n", "g\r\nabc\r\n0\r\n\r\n", "-1\r\nx\r\n0\r\n\r\n", "0x3\r\nabc\r\n0\r\n\r\n", "1000000000000000\r\n", "ffffffffffffffff1\r\n"])
    func rejectsInvalidOrOverflowingChunkSizes(_ text: String) {
        guard case .failure(let e) = decode(text).1 else { Issue.record("accepted \(text.debugDescription)"); return }
        #expect(e.status == .badRequest)
    }

    @Test func rejectsDataNotFollowedByCRLF() {
        guard case .failure(let e) = decode("3\r\nabcd\r\n0\r\n\r\n").1 else { Issue.record("accepted"); return }
        #expect(e.status == .badRequest)
    }

    @Test func rejectsBareLFInChunkFraming() {
        guard case .failure(let e) = decode("3\nabc\r\n0\r\n\r\n").1 else { Issue.record("accepted"); return }
        #expect(e.status == .badRequest)
    }

    @Test func rejectsInvalidTrailerFields() {
        guard case .failure = decode("0\r\nBad Name: x\r\n\r\n").1 else { Issue.record("accepted"); return }
        guard case .failure = decode("0\r\nX: a\u{01}\r\n\r\n").1 else { Issue.record("accepted"); return }
    }

    @Test func answers413WhenTheTotalExceedsTheLimit() {
        guard case .failure(let e) = decode("8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n", maxBody: 10).1 else {
            Issue.record("accepted")
            return
        }
        #expect(e.status == .payloadTooLarge)
    }
}

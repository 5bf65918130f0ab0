import Testing
@testable import HTTPServer

@Suite("gzip")
struct GzipTests {
    private let chineseJSON = Array(#"{"items":[{"title":"株洲市推进营商环境优化","body":"亲清政商关系，六单工作法在基层落地。"}]}"#.utf8)

    @Test func roundTripsChineseJSON() throws {
        let compressed = Gzip.compress(chineseJSON)
        #expect(try Gzip.decompress(compressed) == chineseJSON)
    }

    @Test func writesTheGzipMagicAndDeflateMethod() {
        let compressed = Gzip.compress(Array("hello".utf8))
        #expect(Array(compressed.prefix(3)) == [0x1F, 0x8B, 0x08])
    }

    @Test func shrinksRepetitiveText() {
        let text = Array(String(repeating: "营商环境优化，", count: 500).utf8)
        #expect(Gzip.compress(text).count < text.count / 10)
    }

    @Test func roundTripsEmptyInput() throws {
        #expect(try Gzip.decompress(Gzip.compress([])) == [])
    }

    @Test(arguments: [Int32(1), 6, 9])
    func everyLevelRoundTrips(_ level: Int32) throws {
        let text = Array(String(repeating: "志愿服务 volunteer 123 ", count: 300).utf8)
        #expect(try Gzip.decompress(Gzip.compress(text, level: level)) == text)
    }

    @Test func rejectsDataThatIsNotGzip() {
        #expect(throws: Gzip.Failure.invalidData) { try Gzip.decompress(Array("plain text, not gzip".utf8)) }
    }

    @Test func rejectsATruncatedMember() {
        let compressed = Gzip.compress(Array(String(repeating: "abc", count: 1000).utf8))
        #expect(throws: Gzip.Failure.invalidData) { try Gzip.decompress(Array(compressed.dropLast(8))) }
    }

    @Test func refusesOutputBeyondTheLimit() {
        let bomb = Gzip.compress([UInt8](repeating: 0, count: 1 << 20))
        #expect(throws: Gzip.Failure.tooLarge) { try Gzip.decompress(bomb, limit: 1000) }
    }
}

@Suite("Accept-Encoding")
struct AcceptEncodingTests {
    @Test(arguments: ["gzip", "GZIP", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8, *;q=0.1", "*", "x-gzip", "identity, gzip;q=0.5", "gzip;q=0.001", "deflate , gzip ; q=1"])
    func allowsGzip(_ value: String) {
        #expect(AcceptEncoding.allowsGzip(value))
    }

    @Test(arguments: ["", "identity", "br, deflate", "gzip;q=0", "gzip;q=0.000", "*;q=0", "gzip;q=0, *", "*, gzip;q=0", "gzip;q=2", "gzip;q=abc", "gzip;q=0.5.1", "gzip;q=1.5"])
    func refusesGzip(_ value: String) {
        #expect(!AcceptEncoding.allowsGzip(value))
    }

    @Test func noHeaderMeansIdentity() {
        #expect(!AcceptEncoding.allowsGzip(nil))
    }

    @Test func readsQValuesAsTheGrammarAllows() {
        #expect(AcceptEncoding.qValue("0.5") == 0.5)
        #expect(AcceptEncoding.qValue("1.000") == 1)
        #expect(AcceptEncoding.qValue("0.1234") == nil)
        #expect(AcceptEncoding.qValue("1.001") == nil)
        #expect(AcceptEncoding.qValue(".5") == nil)
    }
}

import Testing
@testable import HTTPServer

private func target(_ raw: String) -> RequestTarget? {
    if case .success(let t) = RequestTarget.decode(raw, method: .GET) { return t }
    return nil
}

@Suite("Request target decoding")
struct RequestTargetTests {
    @Test func decodesChineseQueryValuesAsUTF8() {
        #expect(target("/search?q=%E5%BF%97%E6%84%BF")?.query.first("q") == "志愿")
    }

    @Test func treatsPlusAsSpaceOnlyInTheQuery() {
        let t = target("/a+b?x=c+d%2B")
        #expect(t?.path == "/a+b")
        #expect(t?.query.first("x") == "c d+")
    }

    @Test func keepsQueryPairsOrderedWithRepeatsAndBareNames() {
        let q = target("/s?tag=a&flag&tag=b&empty=&=v")?.query
        #expect(q?.all("tag") == ["a", "b"])
        #expect(q?.first("flag") == "")
        #expect(q?.first("empty") == "")
        #expect(q?.names == ["tag", "flag", "empty", ""])
    }

    @Test(arguments: ["/%zz", "/%4", "/a?x=%E5%BF", "/%FF", "/a?%C0%AF=1"])
    func rejectsInvalidEscapesAndInvalidUTF8(_ raw: String) {
        #expect(target(raw) == nil)
    }

    @Test func decodesPathButKeepsEncodedSlashInsideItsSegment() throws {
        let t = try #require(target("/path/a%2Fb"))
        #expect(t.path == "/path/a/b")
        #expect(RequestTarget.segments(ofRawPath: t.rawPath) == ["path", "a/b"])
    }

    @Test func takesThePathFromAbsoluteForm() {
        #expect(target("http://example.com:8080/x/y?z=1")?.path == "/x/y")
        #expect(target("https://example.com")?.path == "/")
    }
}

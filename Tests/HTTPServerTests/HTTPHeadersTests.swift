import Testing
@testable import HTTPServer

@Suite("HTTPHeaders")
struct HTTPHeadersTests {
    @Test func looksUpCaseInsensitivelyAndKeepsOrderAndDuplicates() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain"]
        headers.add("Set-Cookie", "a=1")
        headers.add("set-cookie", "b=2")
        #expect(headers["content-type"] == "text/plain")
        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        #expect(headers.map(\.name) == ["Content-Type", "Set-Cookie", "set-cookie"])
    }

    @Test func replaceOrAddCollapsesDuplicatesInPlace() {
        var headers = HTTPHeaders([("A", "1"), ("B", "2"), ("a", "3")])
        headers.replaceOrAdd("a", "9")
        #expect(headers.map(\.value) == ["9", "2"])
        headers.replaceOrAdd("C", "4")
        #expect(headers["c"] == "4")
    }

    @Test func subscriptSetterReplacesOrRemoves() {
        var headers: HTTPHeaders = ["X-A": "1", "x-a": "2"]
        headers["X-A"] = "3"
        #expect(headers.values(for: "x-a") == ["3"])
        headers["X-A"] = nil
        #expect(headers.isEmpty)
    }
}

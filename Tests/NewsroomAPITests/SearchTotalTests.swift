import Foundation
import Testing
import TestSupport

/// Past `searchExactTotal` matches, a relevance search stops counting what cannot reach the page:
/// the hits stay the same and the envelope says its total is a lower bound.
@Suite("GET /search: totals past the exact count", .serialized)
final class SearchTotalTests {
    let counting: APIServer
    let pruning: APIServer

    /// 12 pages of 30 articles. Those of the first page repeat 营商环境 often in short bodies, the
    /// rest name it once or twice among long filler, so most of the archive cannot rank.
    init() throws {
        let seeds = scratchURL("newsroom-search-totals")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        for page in 0..<12 {
            let articles = (0..<30).map { index in
                let id = page * 30 + index
                let uses = page == 0 ? 4 + index % 3 : 1 + id % 2
                let filler = String(repeating: "社区志愿服务队走进千家万户，帮助老人解决生活难题。", count: page == 0 ? 1 : 2 + id % 7)
                return (title: "第\(id)号报道", author: "王小明",
                        body: String(repeating: "我们持续优化营商环境。", count: uses) + filler)
            }
            try pageText(articles).write(to: seeds.appendingPathComponent(String(format: "%03d.txt", page)), atomically: true, encoding: .utf8)
        }
        counting = try APIServer(dataDirectory: scratchURL("newsroom-search-totals-a"), seeds: seeds)
        pruning = try APIServer(dataDirectory: scratchURL("newsroom-search-totals-b"), seeds: seeds, searchExactTotal: 0)
    }

    deinit {
        counting.stop()
        pruning.stop()
    }

    static let query = "/api/v1/search?q=营商环境&per_page=5"

    @Test func aCountedTotalIsExactWithACountHeaderAndALastLink() throws {
        let response = try counting.get(Self.query)
        #expect(response.status == 200)
        #expect(response.object["total_relation"] as? String == "eq")
        let total = try #require(response.object["total"] as? Int)
        #expect(total == 360)
        #expect(response.headers["X-Total-Count"] == "360")
        #expect(response.headers["Link"]?.contains(#"rel="last""#) == true)
    }

    @Test func aLowerBoundHasNoCountHeaderNoLastLinkAndANextLink() throws {
        let response = try pruning.get(Self.query)
        #expect(response.status == 200)
        #expect(response.object["total_relation"] as? String == "gte")
        let total = try #require(response.object["total"] as? Int)
        #expect(total >= 5 && total < 360)
        #expect(response.headers["X-Total-Count"] == nil)
        let link = try #require(response.headers["Link"])
        #expect(link.contains(#"page=2>; rel="next""#))
        #expect(!link.contains(#"rel="last""#))
    }

    @Test(arguments: [1, 2, 7])
    func bothFindTheSameHitsInTheSameOrder(page: Int) throws {
        let path = Self.query + "&page=\(page)"
        let hits = { (response: APIServer.Response) in response.items.map { "\($0["id"] ?? "") \($0["score"] ?? "")" } }
        let counted = hits(try counting.get(path))
        #expect(counted.count == 5)
        #expect(hits(try pruning.get(path)) == counted)
    }

    @Test func aListWithoutTextAlwaysCountsExactly() throws {
        let response = try pruning.get("/api/v1/articles?per_page=5")
        #expect(response.object["total_relation"] as? String == "eq")
        #expect(response.headers["X-Total-Count"] == "360")
    }
}

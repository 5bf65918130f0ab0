import Foundation
import HTTPServer
import Testing

@Suite("GET /articles, /articles/{id} and /search")
struct ArticleEndpointTests {
    let server = sharedServer

    @Test func listIsAnEnvelopeWithTotalAndLinkHeaders() throws {
        let response = try server.get("/api/v1/articles?per_page=10&page=2")
        #expect(response.status == 200)
        #expect(response.object["total"] as? Int == 25)
        #expect(response.object["page"] as? Int == 2)
        #expect(response.object["per_page"] as? Int == 10)
        #expect(response.items.count == 10)
        #expect(response.headers["X-Total-Count"] == "25")
        let link = try #require(response.headers["Link"])
        for relation in ["first", "prev", "next", "last"] { #expect(link.contains(#"rel="\#(relation)""#)) }
        #expect(link.contains("</api/v1/articles?per_page=10&page=3>; rel=\"next\""))
    }

    @Test func summaryCarriesIdUrlNameAndTheEdition() throws {
        let item = try #require(try server.get("/api/v1/articles?per_page=1").items.first)
        for key in ["id", "url", "name", "title", "display_title_derived", "kind", "date", "newspaper", "page_label", "section",
                    "page", "ordinal", "byline", "excerpt"] {
            #expect(item.keys.contains(key), "missing \(key)")
        }
        let page = try #require(item["page"] as? [String: Any])
        #expect(page["url"] as? String == "/api/v1/pages/\(page["id"] as? String ?? "")")
        #expect((item["url"] as? String)?.hasPrefix("/api/v1/articles/") == true)
    }

    @Test func pagePastTheEndIsEmptyNotAnError() throws {
        let response = try server.get("/api/v1/articles?page=99")
        #expect(response.status == 200)
        #expect(response.items.isEmpty)
        #expect(response.object["total"] as? Int == 25)
    }

    @Test(arguments: ["0", "101", "-1", "abc", "1.5", ""])
    func badPerPageIsRejectedNamingTheParameter(value: String) throws {
        let response = try server.get("/api/v1/articles?per_page=\(value)")
        #expect(response.status == 400)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.object["parameter"] as? String == "per_page")
        #expect(response.object["type"] as? String == "urn:newsroom:problem:invalid-parameter")
    }

    @Test func aMisspelledParameterIsRejectedWithTheClosestName() throws {
        let response = try server.get("/api/v1/articles?locallity=株洲")
        #expect(response.status == 400)
        #expect(response.object["parameter"] as? String == "locallity")
        #expect((response.object["detail"] as? String)?.contains("did you mean 'locality'") == true)
    }

    @Test(arguments: ["_=1700000000", "utm_source=wechat&utm_medium=share", "fbclid=abc", "_ga=1.2"])
    func parametersBrowsersAndTrackersAddAreIgnored(query: String) throws {
        let response = try server.get("/api/v1/articles?per_page=3&\(query)")
        #expect(response.status == 200)
        #expect(response.items.count == 3)
    }

    @Test func repeatedParameterIsRejected() throws {
        #expect(try server.get("/api/v1/articles?kind=news&kind=theory").status == 400)
    }

    @Test func filterNamingNothingMatchesNothing() throws {
        for (name, value) in [("author", "无此人"), ("locality", "火星"), ("initiative", "无"), ("tag", "无此标签"), ("page_id", "nope")] {
            let response = try server.get("/api/v1/articles?\(name)=\(value)")
            #expect(response.status == 200, "\(name)")
            #expect(response.object["total"] as? Int == 0, "\(name)")
        }
    }

    @Test(arguments: [("kind", "poem"), ("sort", "newest"), ("pretty", "yes"), ("q", ""), ("from", "2023-02-30"), ("to", "yesterday"),
                      ("from", "0185-01-23"), ("page_id", ".hidden")])
    func malformedValueIsRejectedNamingTheParameter(name: String, value: String) throws {
        let response = try server.get("/api/v1/articles?\(name)=\(value)")
        #expect(response.status == 400)
        #expect(response.object["parameter"] as? String == name)
    }

    @Test func aRangeEndingBeforeItStartsIsEmpty() throws {
        let response = try server.get("/api/v1/articles?from=2023-10-12&to=2023-10-01")
        #expect(response.status == 200)
        #expect(response.object["total"] as? Int == 0)
    }

    @Test func kindFilter() throws {
        let response = try server.get("/api/v1/articles?kind=news&per_page=100")
        #expect(response.object["total"] as? Int == 4)
        #expect(response.items.allSatisfy { $0["kind"] as? String == "news" })
    }

    @Test func aShortPlaceNameResolvesToItsDivision() throws {
        let short = try server.get("/api/v1/articles?locality=株洲&per_page=100")
        let full = try server.get("/api/v1/articles?locality=株洲市&per_page=100")
        let code = try server.get("/api/v1/articles?locality=430200&per_page=100")
        #expect((short.object["total"] as? Int ?? 0) > 0)
        #expect(short.object["total"] as? Int == code.object["total"] as? Int)
        #expect(full.object["total"] as? Int == code.object["total"] as? Int)
    }

    @Test func anAmbiguousPlaceNameListsTheCandidates() throws {
        // 朝阳区 is a district of Beijing and of Changchun, and no seed article is about either.
        let response = try server.get("/api/v1/articles?locality=朝阳区")
        #expect(response.status == 400)
        #expect(response.object["type"] as? String == "urn:newsroom:problem:ambiguous-name")
        let candidates = try #require(response.object["candidates"] as? [[String: Any]])
        #expect(candidates.count >= 2)
        #expect(candidates.allSatisfy { $0["id"] != nil && $0["url"] != nil && $0["name"] as? String == "朝阳区" })
    }

    @Test func authorFilterTakesANameOrAnId() throws {
        let byName = try server.get("/api/v1/articles?author=李龙山")
        #expect(byName.object["total"] as? Int == 1)
        #expect(byName.items.first?["name"] as? String == "为基层松绑减负 促干部担当作为")
    }

    @Test func undatedSeedArticlesComeInPageOrderWithinAPage() throws {
        let items = try server.get("/api/v1/articles?page_id=003_1eed3ba100fbfa73&per_page=100").items
        #expect(items.map { $0["ordinal"] as? Int ?? 0 } == Array(1...items.count))
    }

    @Test func theNumberOfRelatedArticlesIsASetting() throws {
        let one = try APIServer(relatedArticles: 1)
        defer { one.stop() }
        let none = try APIServer(relatedArticles: 0)
        defer { none.stop() }
        let defaultCount = try #require(server.get("/api/v1/articles/\(volunteerArticle)").object["related"] as? [Any]).count
        #expect(defaultCount > 1, "the seeds relate this article to several others")
        #expect((try one.get("/api/v1/articles/\(volunteerArticle)").object["related"] as? [Any])?.count == 1)
        #expect((try none.get("/api/v1/articles/\(volunteerArticle)").object["related"] as? [Any])?.count == 0)
    }

    @Test func detailHasTheFullShape() throws {
        let response = try server.get("/api/v1/articles/\(volunteerArticle)")
        #expect(response.status == 200)
        let article = response.object
        #expect(article["id"] as? String == volunteerArticle)
        #expect(article["name"] as? String == "推动新时代志愿服务体系建设")
        for key in ["authors", "credit", "body", "paragraphs", "subheadings", "captions", "tags", "locality", "places", "initiatives",
                    "related", "links", "created_at", "updated_at"] {
            #expect(article.keys.contains(key), "missing \(key)")
        }
        let tags = try #require(article["tags"] as? [[String: Any]])
        #expect(tags.allSatisfy { $0["id"] != nil && $0["url"] != nil && $0["name"] != nil && $0["article_count"] != nil && $0["score"] != nil })
        let locality = try #require(article["locality"] as? [String: Any])
        #expect(locality["id"] as? String == "430200")
        #expect(locality["name"] as? String == "株洲市")
        let authors = try #require(article["authors"] as? [[String: Any]])
        #expect(authors.first?["name"] as? String == "张怀东")
        #expect(authors.first?["role"] as? String == "author")
        #expect(authors.first?["url"] as? String != nil)
        #expect(response.headers["Link"]?.contains("rel=\"up\"") == true)
    }

    @Test func unknownArticleIs404() throws {
        let response = try server.get("/api/v1/articles/003_1eed3ba100fbfa73-zzzzzz")
        #expect(response.status == 404)
        #expect(response.object["type"] as? String == "urn:newsroom:problem:not-found")
    }

    @Test func searchRanksWithSnippetsAndMatchingEntities() throws {
        let response = try server.get("/api/v1/search?q=志愿服务")
        #expect(response.status == 200)
        let first = try #require(response.items.first)
        #expect(first["name"] as? String == "推动新时代志愿服务体系建设")
        let snippet = try #require(first["snippet"] as? [String: Any])
        #expect((snippet["text"] as? String)?.contains("志愿服务") == true)
        #expect(!(snippet["highlights"] as? [[Int]] ?? []).isEmpty)
        #expect(response.object["query"] as? String == "志愿服务")
        #expect((response.object["tags"] as? [[String: Any]] ?? []).contains { $0["name"] as? String == "志愿服务" })
    }

    @Test func searchNeedsQ() throws {
        #expect(try server.get("/api/v1/search").object["parameter"] as? String == "q")
    }

    @Test func searchUnderstandsPhrasesExclusionAndOr() throws {
        let phrase = try server.get("/api/v1/search?q=\"志愿服务体系\"&per_page=100")
        let plain = try server.get("/api/v1/search?q=志愿服务&per_page=100")
        let excluded = try server.get("/api/v1/search?q=志愿服务 -株洲&per_page=100")
        let either = try server.get("/api/v1/search?q=湖州 OR 璧山&per_page=100")
        let total = { (response: APIServer.Response) in response.object["total"] as? Int ?? -1 }
        #expect(total(phrase) > 0 && total(phrase) < total(plain))
        #expect(total(excluded) < total(plain))
        #expect(excluded.items.allSatisfy { !(($0["excerpt"] as? String) ?? "").contains("株洲") })
        let huzhou = try server.get("/api/v1/search?q=湖州&per_page=100")
        let bishan = try server.get("/api/v1/search?q=璧山&per_page=100")
        #expect(total(either) >= max(total(huzhou), total(bishan)))
    }
}

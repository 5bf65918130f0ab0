import Foundation
import Testing

@Suite("Authors, localities, initiatives, tags, pages, search")
struct EntityEndpointTests {
    let server = sharedServer

    @Test func authorsListAndDetail() throws {
        let list = try server.get("/api/v1/authors?per_page=100")
        #expect(list.items.contains { $0["name"] as? String == "肖钊" })
        let detail = try server.get("/api/v1/authors/任显智").object
        #expect(detail["positions"] as? [String] == ["常委", "部长"])
        #expect((detail["articles"] as? [[String: Any]])?.count == 1)
        #expect(try server.get("/api/v1/authors/nobody").status == 404)
    }

    @Test func authorSearchByName() throws {
        let found = try server.get("/api/v1/authors?q=吴").items.compactMap { $0["name"] as? String }
        #expect(Set(found) == ["吴楚", "吴迪"])
    }

    @Test func localityDetailHasParentChildrenArticlesAndInitiatives() throws {
        let detail = try server.get("/api/v1/localities/430100").object // 长沙市
        #expect((detail["parent"] as? [String: Any])?["id"] as? String == "430000")
        #expect((detail["parent"] as? [String: Any])?["name"] as? String == "湖南省")
        #expect((detail["children"] as? [[String: Any]])?.contains { $0["name"] as? String == "天心区" } == true)
        #expect(((detail["articles"] as? [[String: Any]]) ?? []).count >= 3)
        #expect((detail["initiatives"] as? [[String: Any]])?.contains { $0["name"] as? String == "一件事一次办" } == true)
        #expect(try server.get("/api/v1/localities/火星").status == 404)
    }

    @Test func localitiesFilterByLevel() throws {
        let cities = try server.get("/api/v1/localities?level=city&per_page=100")
        #expect(!cities.items.isEmpty)
        #expect(cities.items.allSatisfy { $0["level"] as? String == "city" })
        #expect(try server.get("/api/v1/localities?level=planet").status == 400)
    }

    @Test func initiativesFilterByLocalityAndName() throws {
        let huzhou = try server.get("/api/v1/initiatives?locality=330500") // 湖州市
        #expect(huzhou.items.map { $0["name"] as? String } == ["亲清直通车·政企恳谈会"])
        let named = try server.get("/api/v1/initiatives?q=工作法")
        #expect(named.items.contains { $0["name"] as? String == "六单工作法" })
    }

    @Test func initiativeDetailHasMentionsInContext() throws {
        let detail = try server.get("/api/v1/initiatives/六单工作法").object
        #expect((detail["locality"] as? [String: Any])?["id"] as? String == "500154") // 开州区
        let mentions = try #require(detail["mentions_in_context"] as? [[String: Any]])
        #expect((mentions.first?["context"] as? String)?.contains("六单工作法") == true)
        #expect(try server.get("/api/v1/initiatives/不存在的计划").status == 404)
    }

    @Test func tagsSortByCountOrName() throws {
        let byCount = try server.get("/api/v1/tags?per_page=100").items.compactMap { $0["articles"] as? Int }
        #expect(byCount == byCount.sorted(by: >))
        let byName = try server.get("/api/v1/tags?sort=name&per_page=100").items.compactMap { $0["term"] as? String }
        #expect(byName == byName.sorted())
        #expect(try server.get("/api/v1/tags?sort=size").status == 400)
    }

    @Test func tagDetailListsItsArticles() throws {
        let detail = try server.get("/api/v1/tags/志愿服务")
        #expect(detail.object["term"] as? String == "志愿服务")
        #expect(detail.items.contains { $0["id"] as? String == volunteerArticle })
        #expect(try server.get("/api/v1/tags/没有这个标签").status == 404)
    }

    @Test func searchRanksTheVolunteerArticleFirstWithHighlights() throws {
        let response = try server.get("/api/v1/search?q=志愿服务")
        #expect(response.items.first?["id"] as? String == volunteerArticle)
        let snippet = try #require(response.items.first?["snippet"] as? [String: Any])
        let text = try #require(snippet["text"] as? String)
        let highlights = try #require(snippet["highlights"] as? [[Int]])
        let first = try #require(highlights.first)
        let utf16 = Array(text.utf16)
        #expect(String(decoding: utf16[first[0]..<first[1]], as: UTF16.self) == "志愿服务")
        #expect(response.object["query"] as? String == "志愿服务")
        #expect((response.object["tags"] as? [[String: Any]])?.contains { $0["term"] as? String == "志愿服务" } == true)
    }

    @Test func searchFindsMatchingAuthorsAndInitiatives() throws {
        #expect((try server.get("/api/v1/search?q=吴楚").object["authors"] as? [[String: Any]])?.first?["name"] as? String == "吴楚")
        #expect((try server.get("/api/v1/search?q=六单工作法").object["initiatives"] as? [[String: Any]])?.first?["name"] as? String == "六单工作法")
    }

    @Test func searchNeedsAQuery() throws {
        #expect(try server.get("/api/v1/search").object["parameter"] as? String == "q")
        let punctuation = try server.get("/api/v1/search?q=,,,")
        #expect(punctuation.status == 200)
        #expect(punctuation.object["total"] as? Int == 0)
    }

    @Test func mixedLatinAndDigitQueries() throws {
        #expect(try server.get("/api/v1/search?q=IPv6").items.first?["id"] as? String == "004_d90192bb159ede98-1")
        #expect(try server.get("/api/v1/search?q=12345").items.first?["id"] as? String == "000_4a89308387e3b988-3")
        #expect(try server.get("/api/v1/search?q=5G").items.first?["id"] as? String == "004_d90192bb159ede98-3")
    }

    @Test func pagesListAndDetail() throws {
        let list = try server.get("/api/v1/pages")
        #expect(list.object["total"] as? Int == 5)
        #expect(list.items.allSatisfy { $0["source"] as? String == "seed" })
        let page = try server.get("/api/v1/pages/003_1eed3ba100fbfa73").object
        #expect(page["newspaper"] as? String == "株洲日报")
        #expect((page["editors"] as? [[String: Any]])?.first?["name"] as? String == "胡乐")
        #expect((page["articles"] as? [[String: Any]])?.count == 6)
        #expect(try server.get("/api/v1/pages/nope").status == 404)
    }

    @Test func healthAndReadiness() throws {
        #expect(try server.get("/healthz").text == #"{"status":"ok"}"#)
        #expect(try server.get("/api/v1/healthz").status == 200)
        let ready = try server.get("/readyz").object
        #expect(ready["status"] as? String == "ready")
        #expect(ready["articles"] as? Int == 25)
    }

    @Test func openAPIDocumentDescribesEveryRoute() throws {
        let document = try server.get("/api/v1/openapi.json").object
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        for path in ["/api/v1/articles", "/api/v1/articles/{id}", "/api/v1/search", "/api/v1/authors", "/api/v1/authors/{id}",
                     "/api/v1/localities", "/api/v1/localities/{id}", "/api/v1/initiatives", "/api/v1/initiatives/{id}",
                     "/api/v1/tags", "/api/v1/tags/{tag}", "/api/v1/pages", "/api/v1/pages/{id}", "/api/v1/healthz", "/api/v1/readyz"] {
            #expect(paths[path] != nil, "\(path) undocumented")
        }
        #expect((paths["/api/v1/pages"] as? [String: Any])?["post"] != nil)
    }

    @Test func unknownRouteIsAProblemDocument() throws {
        let response = try server.get("/api/v2/nothing")
        #expect(response.status == 404)
        #expect(response.headers["Content-Type"] == "application/problem+json")
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let response = try server.request("PATCH", "/api/v1/articles")
        #expect(response.status == 405)
        #expect(response.headers["Allow"]?.contains("GET") == true)
    }
}

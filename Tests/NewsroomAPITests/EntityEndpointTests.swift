import Foundation
import HTTPServer
import Testing

@Suite("Authors, localities, initiatives, tags: one shape, embedded firsts, sub-collections")
struct EntityEndpointTests {
    let server = sharedServer

    /// Every reference carries id, url and name.
    func isReference(_ object: [String: Any]) -> Bool {
        object["id"] is String && object["url"] is String && object["name"] is String
    }

    @Test(arguments: ["/api/v1/authors", "/api/v1/localities", "/api/v1/initiatives", "/api/v1/tags"])
    func everyListItemIsAReferenceWithAnArticleCount(path: String) throws {
        let response = try server.get(path + "?per_page=100")
        #expect(response.status == 200)
        #expect(!response.items.isEmpty)
        #expect(response.items.allSatisfy(isReference))
        #expect(response.items.allSatisfy { $0["article_count"] is Int })
        #expect(response.headers["X-Total-Count"] == String(response.object["total"] as? Int ?? -1))
    }

    @Test func aListItemIsTheSameShapeAsTheReferenceInAnArticle() throws {
        let article = try server.get("/api/v1/articles/\(volunteerArticle)").object
        let locality = try #require(article["locality"] as? [String: Any])
        let listed = try #require(try server.get("/api/v1/localities?per_page=100").items.first { $0["id"] as? String == locality["id"] as? String })
        #expect(Set(listed.keys) == Set(locality.keys))
        #expect(listed["article_count"] as? Int == locality["article_count"] as? Int)
        #expect(listed["mention_count"] as? Int == locality["mention_count"] as? Int)
    }

    @Test func authorDetailEmbedsTheNewestArticlesAndLinksToAll() throws {
        let author = try server.get("/api/v1/authors/李龙山").object
        #expect(author["name"] as? String == "李龙山")
        let articles = try #require(author["articles"] as? [String: Any])
        #expect(articles["total"] as? Int == 1)
        #expect((articles["url"] as? String)?.hasSuffix("/articles") == true)
        #expect((articles["items"] as? [[String: Any]])?.count == 1)
        let all = try server.get("/api/v1/authors/李龙山/articles")
        #expect(all.object["total"] as? Int == 1)
    }

    @Test func localityDetailHasItsTreeAndPaginatedArticles() throws {
        let place = try server.get("/api/v1/localities/430200").object
        #expect(place["name"] as? String == "株洲市")
        #expect((place["parent"] as? [String: Any])?["id"] as? String == "430000")
        #expect((place["ancestors"] as? [[String: Any]])?.map { $0["name"] as? String } == ["湖南省"])
        let articles = try #require(place["articles"] as? [String: Any])
        let total = try #require(articles["total"] as? Int)
        #expect(total == place["article_count"] as? Int)
        #expect((articles["items"] as? [[String: Any]] ?? []).count == min(5, total))
        let page = try server.get("/api/v1/localities/430200/articles?per_page=3&page=2")
        #expect(page.object["total"] as? Int == total)
        #expect(page.items.count == min(3, max(0, total - 3)))
    }

    @Test func subCollectionsTakeTheFiltersOfArticles() throws {
        let news = try server.get("/api/v1/localities/430200/articles?kind=news&per_page=100")
        #expect(news.items.allSatisfy { $0["kind"] as? String == "news" })
        #expect(try server.get("/api/v1/localities/430200/articles?locality=1").status == 400)
    }

    @Test func unknownEntitiesAre404() throws {
        for path in ["/api/v1/authors/无此人", "/api/v1/localities/999999", "/api/v1/initiatives/无此举措", "/api/v1/tags/无此标签",
                     "/api/v1/authors/无此人/articles", "/api/v1/tags/无此标签/articles"] {
            #expect(try server.get(path).status == 404, "\(path)")
        }
    }

    @Test func localitiesBrowseDownTheTree() throws {
        let provinces = try server.get("/api/v1/localities?level=province&per_page=100").items
        #expect(provinces.contains { $0["name"] as? String == "湖南省" })
        let cities = try server.get("/api/v1/localities?parent=430000&per_page=100").items
        #expect(cities.contains { $0["name"] as? String == "株洲市" })
        #expect(cities.allSatisfy { $0["parent_id"] as? String == "430000" })
    }

    @Test(arguments: [("/api/v1/localities?q=株洲", "株洲市"), ("/api/v1/authors?q=李", "李龙山"),
                      ("/api/v1/initiatives?q=六单", "六单工作法"), ("/api/v1/tags?q=志愿", "志愿服务")])
    func qIsAPrefixAndAliasLookup(path: String, expected: String) throws {
        #expect(try server.get(path).items.contains { $0["name"] as? String == expected })
    }

    @Test func initiativeDetailHasMentionsInContext() throws {
        let initiative = try server.get("/api/v1/initiatives/六单工作法").object
        #expect((initiative["locality"] as? [String: Any])?["name"] as? String == "开州区")
        let mentions = try #require(initiative["mentions"] as? [String: Any])
        let first = try #require((mentions["items"] as? [[String: Any]])?.first)
        #expect((first["context"] as? String)?.contains("六单工作法") == true)
        #expect(isReference(try #require(first["article"] as? [String: Any])))
    }

    @Test func initiativesFilterByTypeAlone_andWithAPlace() throws {
        let all = try server.get("/api/v1/initiatives?per_page=100").items
        let types = Set(all.compactMap { $0["type"] as? String })
        #expect(!types.isEmpty)
        for type in types {
            let page = try server.get("/api/v1/initiatives?type=\(type)&per_page=100")
            #expect(page.items.allSatisfy { $0["type"] as? String == type })
            #expect(page.object["total"] as? Int == all.filter { $0["type"] as? String == type }.count)
            let counts = page.items.map { $0["mention_count"] as? Int ?? 0 }
            #expect(counts == counts.sorted(by: >))
        }
        let inHunan = try server.get("/api/v1/initiatives?locality=430000&type=mechanism&per_page=100").items
        #expect(inHunan.allSatisfy { $0["type"] as? String == "mechanism" })
        #expect(try server.get("/api/v1/initiatives?type=policy").status == 400)
    }

    @Test func tagsSortByCountOrName() throws {
        let byCount = try server.get("/api/v1/tags?per_page=100").items.map { $0["article_count"] as? Int ?? 0 }
        #expect(byCount == byCount.sorted(by: >))
        let byName = try server.get("/api/v1/tags?sort=name&per_page=100").items.map { $0["name"] as? String ?? "" }
        #expect(byName == byName.sorted())
        let fewest = try server.get("/api/v1/tags?sort=-count&per_page=100").items.map { $0["article_count"] as? Int ?? 0 }
        #expect(fewest == fewest.sorted())
    }

    @Test func tagDetail() throws {
        let tag = try server.get("/api/v1/tags/志愿服务").object
        #expect(tag["id"] as? String == "志愿服务")
        #expect(((tag["articles"] as? [String: Any])?["total"] as? Int ?? 0) >= 1)
    }
}

import Foundation
import HTTPServer
import Testing

@Suite("GET /articles and /articles/{id}")
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
        #expect(link.contains("</api/v1/articles?per_page=10&page=3>; rel=\"last\""))
    }

    @Test func summaryCarriesTheDocumentedFields() throws {
        let item = try #require(try server.get("/api/v1/articles?per_page=1&page=2").items.first)
        for key in ["id", "title", "kicker", "authors", "affiliation", "kind", "locality", "page", "tags", "initiatives", "excerpt"] {
            #expect(item[key] != nil, "missing \(key)")
        }
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
    }

    @Test func pageZeroIsRejected() throws {
        #expect(try server.get("/api/v1/articles?page=0").object["parameter"] as? String == "page")
    }

    @Test func unknownParameterIsRejectedNamingIt() throws {
        let response = try server.get("/api/v1/articles?colour=red")
        #expect(response.status == 400)
        #expect(response.object["parameter"] as? String == "colour")
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

    @Test(arguments: [("kind", "poem"), ("sort", "newest"), ("pretty", ""), ("pretty", "yes"), ("q", "")])
    func malformedValueIsRejectedNamingTheParameter(name: String, value: String) throws {
        let response = try server.get("/api/v1/articles?\(name)=\(value)")
        #expect(response.status == 400)
        #expect(response.object["parameter"] as? String == name)
    }

    @Test func kindFilter() throws {
        let response = try server.get("/api/v1/articles?kind=news&per_page=100")
        #expect(response.object["total"] as? Int == 4)
        #expect(response.items.allSatisfy { $0["kind"] as? String == "news" })
    }

    @Test func authorFilter() throws {
        let response = try server.get("/api/v1/articles?author=吴楚")
        #expect(response.items.map { $0["id"] as? String } == ["004_d90192bb159ede98-1"])
    }

    @Test func localityFilterIncludesPlacesBelow() throws {
        let city = try server.get("/api/v1/articles?locality=430200&per_page=100").items.count // 株洲市
        let province = try server.get("/api/v1/articles?locality=430000&per_page=100").items.count // 湖南省
        let district = try server.get("/api/v1/articles?locality=430103&per_page=100") // 天心区
        #expect(city > 0)
        #expect(province > city)
        #expect(district.items.map { $0["id"] as? String } == ["000_4a89308387e3b988-5"])
    }

    @Test func initiativeAndTagAndPageFilters() throws {
        #expect(try server.get("/api/v1/articles?initiative=六单工作法").items.map { $0["id"] as? String } == ["002_c32416165b5ac721-3"])
        #expect(try server.get("/api/v1/articles?tag=志愿服务").items.contains { $0["id"] as? String == volunteerArticle })
        #expect(try server.get("/api/v1/articles?page_id=001_dbb4db9899fb893c").object["total"] as? Int == 4)
    }

    @Test func filtersCombineWithSearch() throws {
        let response = try server.get("/api/v1/articles?q=志愿服务&locality=430200")
        #expect(response.items.first?["id"] as? String == volunteerArticle)
        #expect(response.items.allSatisfy { ($0["snippet"] as? [String: Any]) != nil })
        let none = try server.get("/api/v1/articles?q=志愿服务&kind=digest")
        #expect(none.items.isEmpty)
    }

    @Test func sortByPageReversedAndByTitle() throws {
        let forward = try server.get("/api/v1/articles?per_page=100").items.compactMap { $0["id"] as? String }
        let backward = try server.get("/api/v1/articles?per_page=100&sort=-page").items.compactMap { $0["id"] as? String }
        #expect(backward == forward.reversed())
        let titles = try server.get("/api/v1/articles?per_page=100&sort=title").items.compactMap { $0["title"] as? String }
        #expect(titles == titles.sorted())
    }

    @Test func relevanceSortWithoutAQueryIsPageOrder() throws {
        let relevance = try server.get("/api/v1/articles?sort=relevance&per_page=100").items.compactMap { $0["id"] as? String }
        let page = try server.get("/api/v1/articles?per_page=100").items.compactMap { $0["id"] as? String }
        #expect(relevance == page)
    }

    @Test func fullArticleHasBodyWithSubheadingsInPlaceAndLinks() throws {
        let article = try server.get("/api/v1/articles/000_4a89308387e3b988-2").object
        #expect(article["title"] as? String == "在深化内化转化上下功夫求实效")
        let body = try #require(article["body"] as? [[String: Any]])
        #expect(body.first?["type"] as? String == "paragraph")
        #expect(body[1]["type"] as? String == "subheading")
        #expect((article["authors"] as? [[String: Any]])?.first?["id"] as? String == "张作林")
        #expect((article["locality"] as? [String: Any])?["id"] as? String == "430182")
        #expect((article["locality"] as? [String: Any])?["name"] as? String == "宁乡市")
        #expect(!((article["tags"] as? [[String: Any]]) ?? []).isEmpty)
        #expect(article["related"] != nil)
        #expect((article["initiatives"] as? [[String: Any]])?.contains { $0["context"] is String } == true)
    }

    @Test func unknownArticleIsAProblemDocument() throws {
        let response = try server.get("/api/v1/articles/nope-1")
        #expect(response.status == 404)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.object["status"] as? Int == 404)
        #expect(response.object["title"] as? String == "Not Found")
    }

    @Test func prettyPrintsForPeople() throws {
        let compact = try server.get("/api/v1/articles/000_4a89308387e3b988-1").text
        let pretty = try server.get("/api/v1/articles/000_4a89308387e3b988-1?pretty=1").text
        #expect(!compact.contains("\n  "))
        #expect(pretty.contains("\n  \"id\": "))
        #expect(pretty.contains("开栏的话"))  // CJK unescaped
    }

    @Test func headAnswersWithTheSameLengthAndNoBody() throws {
        let get = try server.get("/api/v1/articles?per_page=3")
        let head = try HTTPClient.request(host: "127.0.0.1", port: server.port, method: "HEAD", path: "/api/v1/articles?per_page=3")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["Content-Length"] == String(get.body.count))
    }
}

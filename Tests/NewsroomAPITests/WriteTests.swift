import Foundation
import HTTPServer
import TestSupport
import Testing

@Suite("Uploads: authentication, metadata, stable ids, preconditions, duplicates, persistence")
struct WriteTests {
    let first = (title: "推动新时代志愿服务体系建设", author: "张怀东", body: "志愿服务是社会文明进步的重要标志,株洲登记在册的志愿者超过45万人。")
    let second = (title: "为基层松绑减负", author: "李龙山", body: "整治形式主义为基层减负,让基层干部轻装上阵,把更多精力投入抓落实。")
    let third = (title: "修复路灯方便夜间出行", author: "刘婷", body: "学林街道修复和新装路灯,方便居民夜间出行,群众纷纷点赞。")

    @Test func writesNeedTheToken() throws {
        let server = try writableServer()
        defer { server.stop() }
        #expect(try server.upload(samplePage, id: "p", token: nil).status == 401)
        #expect(try server.upload(samplePage, id: "p", token: "wrong").status == 401)
        let readOnly = try APIServer()
        defer { readOnly.stop() }
        #expect(try readOnly.upload(samplePage, id: "p").object["type"] as? String == "urn:newsroom:problem:writes-disabled")
    }

    @Test func aCreatedPageAnswers201WithItsLocationVersionAndMetadata() throws {
        let server = try writableServer()
        defer { server.stop() }
        let response = try server.upload(samplePage, id: "p1", query: "newspaper=测试日报&date=2023-10-12&page_label=第3版&section=智库·理论")
        #expect(response.status == 201)
        #expect(response.headers["Location"] == "/api/v1/pages/p1")
        #expect(response.headers["ETag"] == response.object["version"] as? String)
        #expect(response.object["date"] as? String == "2023-10-12")
        #expect(response.object["page_label"] as? String == "第3版")
        #expect(response.object["section"] as? String == "智库·理论")
        let article = try #require((response.object["articles"] as? [[String: Any]])?.first)
        #expect(article["date"] as? String == "2023-10-12")
        #expect(try server.get("/api/v1/pages/p1").headers["ETag"] == response.headers["ETag"])
    }

    @Test func aBadDateOrIdIsRejectedAndNothingIsStored() throws {
        let server = try writableServer()
        defer { server.stop() }
        #expect(try server.upload(samplePage, id: "p", query: "date=2023-02-30").object["parameter"] as? String == "date")
        #expect(try server.upload(samplePage, id: "../x").status == 400)
        #expect(try server.get("/api/v1/pages?per_page=100").object["total"] as? Int == 0)
    }

    @Test func theSameContentUnderAnotherIdIsADuplicateWithALinkToIt() throws {
        let server = try writableServer()
        defer { server.stop() }
        #expect(try server.upload(samplePage, id: "p1").status == 201)
        let again = try server.upload(samplePage, id: "p2")
        #expect(again.status == 409)
        #expect(again.object["type"] as? String == "urn:newsroom:problem:duplicate-page")
        #expect((again.object["existing"] as? [String: Any])?["url"] as? String == "/api/v1/pages/p1")
        #expect(again.headers["Link"] == "</api/v1/pages/p1>; rel=\"duplicate\"")
        #expect(try server.get("/api/v1/pages/p2").status == 404)
    }

    @Test func aTakenIdIs409AndWithIfNoneMatchStar412() throws {
        let server = try writableServer()
        defer { server.stop() }
        #expect(try server.upload(samplePage, id: "p1").status == 201)
        let other = pageText([third])
        #expect(try server.upload(other, id: "p1").object["type"] as? String == "urn:newsroom:problem:page-exists")
        #expect(try server.upload(other, id: "p1", headers: ["If-None-Match": "*"]).status == 412)
        #expect(try server.upload(other, id: "p9", headers: ["If-None-Match": "*"]).status == 201)
    }

    @Test func putWithIfNoneMatchStarCreatesOnly() throws {
        let server = try writableServer()
        defer { server.stop() }
        let put = { (text: String, headers: HTTPHeaders) in
            try server.upload(text, method: "PUT", path: "/api/v1/pages/only-once", headers: headers)
        }
        #expect(try put(samplePage, ["If-None-Match": "*"]).status == 201)
        let refused = try put(pageText([third]), ["If-None-Match": "*"])
        #expect(refused.status == 412)
        #expect(try server.get("/api/v1/pages/only-once/raw").text == samplePage)
        // Both conditions never hold at once (the page must exist and not exist): 412, as RFC
        // 9110's evaluation order gives, and nothing changes.
        #expect(try put(pageText([third]), ["If-None-Match": "*", "If-Match": "*"]).status == 412)
        #expect(try server.get("/api/v1/pages/only-once/raw").text == samplePage)
        #expect(try put(pageText([third]), ["If-None-Match": "\"abc\""]).status == 400)
    }

    @Test func replacingWithArticlesReorderedKeepsTheirIds() throws {
        let server = try writableServer()
        defer { server.stop() }
        let created = try server.upload(pageText([first, second, third]), id: "p")
        let before = (created.object["articles"] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "" }
        let replaced = try server.upload(pageText([third, first, second]), method: "PUT", path: "/api/v1/pages/p")
        #expect(replaced.status == 200)
        let after = (replaced.object["articles"] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "" }
        #expect(after == [before[2], before[0], before[1]])
        for id in before { #expect(try server.get("/api/v1/articles/\(id)").status == 200) }
    }

    @Test func aRemovedArticleIs410WithALinkToItsPage() throws {
        let server = try writableServer()
        defer { server.stop() }
        let created = try server.upload(pageText([first, second]), id: "p")
        let removed = try #require((created.object["articles"] as? [[String: Any]])?.last?["id"] as? String)
        let replaced = try server.upload(pageText([first]), method: "PUT", path: "/api/v1/pages/p")
        #expect(replaced.object["removed_articles"] as? [String] == [removed])
        let gone = try server.get("/api/v1/articles/\(removed)")
        #expect(gone.status == 410)
        #expect(gone.object["type"] as? String == "urn:newsroom:problem:gone")
        #expect((gone.object["page"] as? [String: Any])?["url"] as? String == "/api/v1/pages/p")
    }

    @Test func aMalformedParameterIs400EvenForARemovedOrUnknownArticle() throws {
        let server = try writableServer()
        defer { server.stop() }
        let created = try server.upload(pageText([first, second]), id: "p")
        let removed = try #require((created.object["articles"] as? [[String: Any]])?.last?["id"] as? String)
        _ = try server.upload(pageText([first]), method: "PUT", path: "/api/v1/pages/p")
        for path in ["/api/v1/articles/\(removed)?pretty=yes", "/api/v1/articles/no-such-article?pretty=yes"] {
            let response = try server.get(path)
            #expect(response.status == 400, "\(path)")
            #expect(response.object["parameter"] as? String == "pretty", "\(path)")
        }
    }

    @Test func aStaleIfMatchIs412AndChangesNothing() throws {
        let server = try writableServer()
        defer { server.stop() }
        let created = try server.upload(pageText([first]), id: "p")
        let version = try #require(created.headers["ETag"])
        let edited = try server.upload(pageText([first, second]), method: "PUT", path: "/api/v1/pages/p", headers: ["If-Match": version])
        #expect(edited.status == 200)
        let stale = try server.upload(pageText([third]), method: "PUT", path: "/api/v1/pages/p", headers: ["If-Match": version])
        #expect(stale.status == 412)
        #expect(stale.object["current_etag"] as? String == edited.headers["ETag"])
        #expect(try server.get("/api/v1/pages/p").object["article_count"] as? Int == 2)
        let delete = try server.request("DELETE", "/api/v1/pages/p", headers: ["Authorization": "Bearer secret", "If-Match": version])
        #expect(delete.status == 412)
        let current = try #require(edited.headers["ETag"])
        #expect(try server.request("DELETE", "/api/v1/pages/p", headers: ["Authorization": "Bearer secret", "If-Match": current]).status == 204)
        #expect(try server.get("/api/v1/pages/p").status == 404)
    }

    @Test func aPrintedValueThatContradictsTheUploadIsReported() throws {
        let server = try writableServer()
        defer { server.stop() }
        let text = """
        社区开展志愿服务

        株洲日报全媒体记者/吴楚

        本报讯 社区组织志愿者开展服务活动,居民踊跃参加,活动持续了一整天,大家都很满意。
        """
        let response = try server.upload(text, id: "p", query: "newspaper=湘江晚报")
        #expect(response.object["newspaper"] as? String == "湘江晚报")
        let conflicts = try #require(response.object["metadata_conflicts"] as? [[String: Any]])
        #expect(conflicts.first?["field"] as? String == "newspaper")
        #expect(conflicts.first?["printed"] as? String == "株洲日报")
    }

    @Test func seedPagesAreReadOnly() throws {
        let server = try APIServer(token: "secret")
        defer { server.stop() }
        #expect(try server.upload(samplePage, method: "PUT", path: "/api/v1/pages/003_1eed3ba100fbfa73").status == 403)
        #expect(try server.request("DELETE", "/api/v1/pages/003_1eed3ba100fbfa73", headers: ["Authorization": "Bearer secret"]).status == 403)
    }

    @Test func refusedBodiesAre413415And422() throws {
        // An empty seeds folder of its own: the shared temporary folder may hold any number of
        // large .txt files, which the server would load as pages.
        let seeds = scratchURL("newsroom-no-seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        let server = try APIServer(token: "secret", maxPageBytes: 100, seeds: seeds)
        defer { server.stop() }
        #expect(try server.upload(samplePage, id: "p").status == 413)
        #expect(try server.upload("x", id: "p", contentType: "application/json").status == 415)
        #expect(try server.upload("x", id: "p", contentType: "text/plain; charset=latin1").status == 415)
        #expect(try server.upload("责任编辑:胡乐", id: "p").status == 422)
    }

    @Test func uploadsSurviveARestartWithTheirIdsAndMetadata() throws {
        let data = scratchURL("newsroom-restart")
        let seeds = scratchURL("newsroom-seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        let server = try writableServer(seeds: seeds, data: data)
        let created = try server.upload(pageText([first, second]), id: "p", query: "date=2023-10-12")
        server.stop()
        let restarted = try writableServer(seeds: seeds, data: data)
        defer { restarted.stop() }
        let page = try restarted.get("/api/v1/pages/p")
        #expect(page.object["date"] as? String == "2023-10-12")
        #expect((page.object["articles"] as? [[String: Any]])?.map { $0["id"] as? String } ==
                (created.object["articles"] as? [[String: Any]])?.map { $0["id"] as? String })
        #expect(page.headers["ETag"] == created.headers["ETag"])
    }

    @Test func aPostAppearsInListsEntitiesAndSearchAtOnce() throws {
        let server = try writableServer()
        defer { server.stop() }
        #expect(try server.upload(samplePage, id: "p").status == 201)
        #expect(try server.get("/api/v1/articles").object["total"] as? Int == 1)
        #expect(try server.get("/api/v1/search?q=邻里帮办").object["total"] as? Int == 1)
        #expect(try server.get("/api/v1/authors/王小明").status == 200)
        #expect(try server.get("/api/v1/initiatives/邻里帮办").status == 200)
    }
}

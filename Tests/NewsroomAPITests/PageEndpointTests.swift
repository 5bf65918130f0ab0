import Foundation
import HTTPServer
import Testing
import TestSupport

@Suite("Pages, editions, raw text, feeds, sitemap, index")
struct PageEndpointTests {
    /// A server with three dated uploads on two days and the seeds (undated).
    static let server: APIServer = {
        let server = try! APIServer(token: "secret")
        for (id, date, label, title) in [("d1", "2023-10-11", "A01", "十月十一日的第一版新闻"), ("d2", "2023-10-12", "A02", "十月十二日的第二版新闻"),
                                         ("d3", "2023-10-12", "A01", "十月十二日的第一版新闻")] {
            let text = pageText([(title, "王小明", "\(title)的正文,讲述株洲市社区志愿服务的故事,居民纷纷点赞。")])
            let response = try! server.upload(text, id: id, query: "newspaper=测试日报&date=\(date)&page_label=\(label)&section=要闻")
            precondition(response.status == 201, "upload failed: \(response.text)")
        }
        return server
    }()

    var server: APIServer { Self.server }

    @Test func newestEditionComesFirstAndUndatedLast() throws {
        let items = try server.get("/api/v1/articles?per_page=100").items
        let dates = items.map { $0["date"] as? String }
        #expect(dates.prefix(3) == ["2023-10-12", "2023-10-12", "2023-10-11"])
        #expect(dates.dropFirst(3).allSatisfy { $0 == nil })
        let oldest = try server.get("/api/v1/articles?sort=date&per_page=100").items.map { $0["date"] as? String }
        #expect(oldest.prefix(3) == ["2023-10-11", "2023-10-12", "2023-10-12"])
        #expect(oldest.dropFirst(3).allSatisfy { $0 == nil })
    }

    @Test func fromAndToSelectAnInclusiveRange() throws {
        let day = try server.get("/api/v1/articles?from=2023-10-12&to=2023-10-12")
        #expect(day.object["total"] as? Int == 2)
        let from = try server.get("/api/v1/articles?from=2023-10-11")
        #expect(from.object["total"] as? Int == 3)
        let searched = try server.get("/api/v1/search?q=新闻&to=2023-10-11")
        #expect(searched.items.map { $0["date"] as? String } == ["2023-10-11"])
    }

    @Test func articlesCarryTheirEdition() throws {
        let item = try #require(try server.get("/api/v1/articles?per_page=1").items.first)
        #expect(item["newspaper"] as? String == "测试日报")
        #expect(item["section"] as? String == "要闻")
        #expect(["A01", "A02"].contains(item["page_label"] as? String ?? ""))
    }

    @Test func pagesListInEditionOrder() throws {
        let ids = try server.get("/api/v1/pages?per_page=100").items.map { $0["id"] as? String ?? "" }
        #expect(Array(ids.prefix(3)) == ["d3", "d2", "d1"])
        #expect(ids.count == 8)
    }

    @Test func pagesOfADayArePaginatedInLabelOrder() throws {
        let first = try server.get("/api/v1/pages?date=2023-10-12&per_page=1")
        #expect(first.object["total"] as? Int == 2)
        #expect(first.items.map { $0["page_label"] as? String } == ["A01"])
        let second = try server.get("/api/v1/pages?date=2023-10-12&per_page=1&page=2")
        #expect(second.items.map { $0["page_label"] as? String } == ["A02"])
        #expect(try server.get("/api/v1/pages?date=2023-10-12&per_page=1&page=3").items.isEmpty)
        #expect(try server.get("/api/v1/pages?date=2023-10-13").object["total"] as? Int == 0)
    }

    @Test func editionsListTheDaysAndTheirPagesInLabelOrder() throws {
        let days = try server.get("/api/v1/editions").items
        #expect(days.map { $0["date"] as? String } == ["2023-10-12", "2023-10-11"])
        #expect(days.first?["page_count"] as? Int == 2)
        let edition = try server.get("/api/v1/editions/2023-10-12").object
        #expect((edition["pages"] as? [[String: Any]])?.map { $0["page_label"] as? String } == ["A01", "A02"])
        #expect(try server.get("/api/v1/editions/2023-10-13").status == 404)
        #expect(try server.get("/api/v1/editions/not-a-date").status == 404)
    }

    @Test func aDayOfMoreThanAHundredPagesListsTheFirstHundredAndLinksToAll() throws {
        let server = try APIServer(token: "secret")
        for number in 1...103 {
            let text = pageText([("第\(number)版的新闻标题", "王小明", "第\(number)版的正文,讲述社区志愿服务的故事。")])
            let label = String(format: "A%03d", number)
            let response = try server.upload(text, id: "p\(number)", query: "newspaper=\(number % 2 == 0 ? "甲报" : "乙报")&date=2024-05-06&page_label=\(label)")
            #expect(response.status == 201)
        }
        let edition = try server.get("/api/v1/editions/2024-05-06").object
        #expect(edition["page_count"] as? Int == 103)
        #expect(edition["article_count"] as? Int == 103)
        #expect(edition["newspapers"] as? [String] == ["乙报", "甲报"].sorted())
        #expect((edition["pages"] as? [Any])?.count == 100)
        let all = try #require((edition["links"] as? [String: Any])?["pages"] as? String)
        #expect(all == "/api/v1/pages?date=2024-05-06")
        let rest = try server.get(all + "&per_page=100&page=2")
        #expect(rest.object["total"] as? Int == 103)
        #expect(rest.items.count == 3)
    }

    @Test func pageDetailHasTheVersionAsItsETagAndLastModified() throws {
        let response = try server.get("/api/v1/pages/d1")
        let page = response.object
        #expect(response.headers["ETag"] == page["version"] as? String)
        #expect(response.headers["Last-Modified"] != nil)
        #expect(page["name"] as? String == "测试日报 2023-10-11 A01")
        #expect(page["date"] as? String == "2023-10-11")
        #expect((page["articles"] as? [[String: Any]])?.count == 1)
        #expect(((page["links"] as? [String: Any])?["edition"] as? String) == "/api/v1/editions/2023-10-11")
        #expect(page["created_at"] as? String != nil && page["updated_at"] as? String != nil)
    }

    @Test func rawIsThePageExactlyAsUploaded() throws {
        let raw = try server.get("/api/v1/pages/d1/raw")
        #expect(raw.status == 200)
        #expect(raw.headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(raw.text.hasPrefix("十月十一日的第一版新闻"))
        #expect(!raw.text.contains("%newsroom-page"))
    }

    @Test func seedPagesKeepNullWhereNothingIsPrinted() throws {
        let page = try server.get("/api/v1/pages/003_1eed3ba100fbfa73").object
        #expect(page["date"] is NSNull)
        #expect(page["page_label"] is NSNull)
        #expect(page["newspaper"] as? String == "株洲日报")
    }

    @Test func theFeedIsAtomWithTheListsFilters() throws {
        let feed = try server.get("/feed.atom")
        #expect(feed.status == 200)
        #expect(feed.headers["Content-Type"] == "application/atom+xml; charset=utf-8")
        #expect(feed.text.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.text.components(separatedBy: "<entry>").count - 1 == 28)
        let local = try server.get("/feed.atom?locality=株洲&to=2023-10-12")
        #expect(local.text.components(separatedBy: "<entry>").count - 1 == 3)
        #expect(try server.get("/feed.atom?colour=red").status == 400)
        try checkWithFeedparser(feed.body, entries: 28)
    }

    /// Python's feedparser must read the feed without complaint.
    func checkWithFeedparser(_ body: [UInt8], entries: Int) throws {
        let script = """
        import sys, feedparser
        feed = feedparser.parse(sys.stdin.buffer.read())
        assert not feed.bozo, feed.bozo_exception
        assert feed.version == "atom10", feed.version
        assert len(feed.entries) == \(entries), len(feed.entries)
        assert all(e.title and e.link and e.id and e.updated for e in feed.entries)
        print("ok")
        """
        guard let output = try runPython(script, input: body, module: "feedparser") else { return }
        #expect(output.contains("ok"), "\(output)")
    }

    @Test func sitemapIndexesPagesAndArticles() throws {
        let index = try server.get("/sitemap.xml")
        #expect(index.headers["Content-Type"] == "application/xml; charset=utf-8")
        #expect(index.text.contains("/sitemaps/articles-1.xml"))
        let articles = try server.get("/sitemaps/articles-1.xml")
        #expect(articles.text.components(separatedBy: "<url>").count - 1 == 28)
        #expect(articles.text.contains("/articles/d1-"))
        #expect(try server.get("/sitemaps/articles-2.xml").status == 404)
        #expect(try server.get("/articles/d1-whatever").headers["Content-Type"] == "text/html; charset=utf-8")
    }

    @Test func theIndexLinksEverything() throws {
        let index = try server.get("/api/v1").object
        let links = try #require(index["links"] as? [String: String])
        for key in ["articles", "search", "authors", "localities", "initiatives", "tags", "pages", "editions", "feed", "sitemap", "openapi"] {
            #expect(links[key] != nil, "\(key)")
        }
    }
}

/// Runs a Python script with `input` on stdin; nil (with a notice) when python3 or `module` is
/// missing, unless NEWSROOM_REQUIRE_PYTHON_TOOLS=1 makes that a failure.
func runPython(_ script: String, input: [UInt8], module: String) throws -> String? {
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    probe.arguments = ["python3", "-c", "import \(module)"]
    probe.standardError = FileHandle.nullDevice
    try? probe.run()
    probe.waitUntilExit()
    guard probe.terminationStatus == 0 else {
        if ProcessInfo.processInfo.environment["NEWSROOM_REQUIRE_PYTHON_TOOLS"] == "1" {
            Issue.record("python3 with \(module) is required (NEWSROOM_REQUIRE_PYTHON_TOOLS=1)")
        } else {
            print("notice: python3 with \(module) not found; skipping that check")
        }
        return nil
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data(input))
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self)
}

import Foundation
import HTTPServer
import Testing

@Suite("Uploads: authentication, storage, replacement, deletion, persistence")
struct WriteTests {
    @Test func writesAreRefusedWhenNoTokenIsConfigured() throws {
        let response = try sharedServer.upload(samplePage)
        #expect(response.status == 403)
        #expect(response.headers["Content-Type"] == "application/problem+json")
    }

    @Test func missingOrWrongTokenIs401() throws {
        let server = try APIServer(token: "secret")
        defer { server.stop() }
        let missing = try server.upload(samplePage, token: nil)
        #expect(missing.status == 401)
        #expect(missing.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
        #expect(try server.upload(samplePage, token: "secreT").status == 401)
        #expect(try server.upload(samplePage, token: "secret-but-longer").status == 401)
        #expect(try server.get("/api/v1/pages").object["total"] as? Int == 5)
    }

    @Test func uploadIsStoredParsedAndServed() throws {
        let server = try APIServer(token: "secret")
        defer { server.stop() }
        let before = try server.get("/api/v1/articles").headers["ETag"]
        let response = try server.upload(samplePage, id: "test-page")
        #expect(response.status == 201)
        #expect(response.headers["Location"] == "/api/v1/pages/test-page")
        #expect(response.object["source"] as? String == "uploaded")
        #expect((response.object["articles"] as? [[String: Any]])?.first?["title"] as? String == "测试区推行“邻里帮办”工作法")
        let stored = server.dataDirectory.appendingPathComponent("pages/test-page.txt")
        #expect(try String(contentsOf: stored, encoding: .utf8) == samplePage)
        #expect(try server.get("/api/v1/articles/test-page-1").status == 200)
        #expect(try server.get("/api/v1/articles").object["total"] as? Int == 26)
        #expect(try server.get("/api/v1/initiatives/邻里帮办").status == 200)
        #expect(try server.get("/api/v1/articles").headers["ETag"] != before)
    }

    @Test func uploadWithoutIdGetsAContentId() throws {
        let server = try APIServer(token: "secret")
        defer { server.stop() }
        let response = try server.upload(samplePage)
        #expect(response.status == 201)
        #expect(response.headers["Location"]?.hasPrefix("/api/v1/pages/upload-") == true)
        #expect(try server.upload(samplePage).status == 409)
    }

    @Test func rejectedUploadsChangeNothing() throws {
        let server = try APIServer(token: "secret", maxPageBytes: 4096)
        defer { server.stop() }
        let version = try server.get("/readyz").object["archive_version"] as? String
        #expect(try server.upload("责任编辑:胡乐\n\n短句。", id: "no-article").status == 422)
        #expect(try server.upload(samplePage, id: "json", contentType: "application/json").status == 415)
        #expect(try server.upload(samplePage, id: "latin1", contentType: "text/plain; charset=iso-8859-1").status == 415)
        #expect(try server.upload(String(repeating: samplePage, count: 20), id: "big").status == 413)
        #expect(try server.upload(samplePage, id: "../escape").status == 400)
        #expect(try server.upload(samplePage, id: "000_4a89308387e3b988").status == 409)
        let binary = try server.request("POST", "/api/v1/pages?id=bin", headers: [
            "Authorization": "Bearer secret", "Content-Type": "text/plain",
        ], body: [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF])
        #expect(binary.status == 422)
        #expect(try server.get("/readyz").object["archive_version"] as? String == version)
        let stored = (try? FileManager.default.contentsOfDirectory(atPath: server.dataDirectory.appendingPathComponent("pages").path)) ?? []
        #expect(stored.isEmpty)
    }

    @Test func unparseableUploadNamesTheReason() throws {
        let server = try APIServer(token: "secret")
        defer { server.stop() }
        let response = try server.upload("   \n\n", id: "blank")
        #expect(response.status == 422)
        #expect((response.object["detail"] as? String)?.contains("empty") == true)
    }

    @Test func putReplacesAndCreatesAndDeleteRemoves() throws {
        let server = try APIServer(token: "secret")
        defer { server.stop() }
        #expect(try server.upload(samplePage, method: "PUT", path: "/api/v1/pages/p1").status == 201)
        let replaced = samplePage.replacingOccurrences(of: "王小明", with: "李大明")
        let put = try server.upload(replaced, method: "PUT", path: "/api/v1/pages/p1")
        #expect(put.status == 200)
        #expect(try server.get("/api/v1/articles/p1-1").text.contains("李大明"))
        let delete = try server.request("DELETE", "/api/v1/pages/p1", headers: ["Authorization": "Bearer secret"])
        #expect(delete.status == 204)
        #expect(try server.get("/api/v1/pages/p1").status == 404)
        #expect(try server.get("/api/v1/articles/p1-1").status == 404)
        #expect(try server.request("DELETE", "/api/v1/pages/p1", headers: ["Authorization": "Bearer secret"]).status == 404)
        #expect(!FileManager.default.fileExists(atPath: server.dataDirectory.appendingPathComponent("pages/p1.txt").path))
    }

    @Test func seedPagesAreReadOnly() throws {
        let server = try APIServer(token: "secret")
        defer { server.stop() }
        #expect(try server.upload(samplePage, method: "PUT", path: "/api/v1/pages/000_4a89308387e3b988").status == 403)
        #expect(try server.request("DELETE", "/api/v1/pages/000_4a89308387e3b988", headers: ["Authorization": "Bearer secret"]).status == 403)
        #expect(try server.get("/api/v1/pages/000_4a89308387e3b988").status == 200)
    }

    @Test func uploadsSurviveARestart() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-restart-\(UUID().uuidString)")
        let first = try APIServer(token: "secret", dataDirectory: data)
        #expect(try first.upload(samplePage, id: "kept").status == 201)
        first.stop()
        let second = try APIServer(token: "secret", dataDirectory: data)
        defer { second.stop() }
        #expect(try second.get("/api/v1/pages/kept").object["source"] as? String == "uploaded")
        #expect(try second.get("/api/v1/articles/kept-1").status == 200)
    }

    @Test func brokenFileInTheDataFolderIsReportedAndTheRestLoads() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-broken-\(UUID().uuidString)")
        let pages = data.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try Data([0xFF, 0xFE, 0x00, 0x01]).write(to: pages.appendingPathComponent("broken.txt"))
        try Data(samplePage.utf8).write(to: pages.appendingPathComponent("fine.txt"))
        let server = try APIServer(dataDirectory: data)
        defer { server.stop() }
        let ready = try server.get("/readyz").object
        let errors = try #require(ready["load_errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect((errors.first?["file"] as? String)?.hasSuffix("broken.txt") == true)
        #expect(try server.get("/api/v1/pages/fine").status == 200)
    }
}

import Foundation
import HTTPServer
import TestSupport
import Testing

@Suite("ETags, 304, Last-Modified, gzip, Cache-Control, CORS, security headers")
struct CachingAndCORSTests {
    let server = sharedServer

    @Test func everyGetHasAStrongETagAndRevalidatesTo304() throws {
        let first = try server.get("/api/v1/articles?tag=志愿服务")
        let etag = try #require(first.headers["ETag"])
        #expect(etag.hasPrefix("\"") && !etag.hasPrefix("W/"))
        let again = try server.get("/api/v1/articles?tag=志愿服务", headers: ["If-None-Match": etag])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(again.headers["ETag"] == etag)
        let other = try server.get("/api/v1/articles?tag=志愿服务", headers: ["If-None-Match": "\"something-else\", " + etag])
        #expect(other.status == 304)
        let stale = try server.get("/api/v1/articles?tag=志愿服务", headers: ["If-None-Match": "\"stale\""])
        #expect(stale.status == 200)
    }

    @Test func lastModifiedRevalidatesWithIfModifiedSince() throws {
        let first = try server.get("/api/v1/articles?per_page=2")
        let modified = try #require(first.headers["Last-Modified"])
        #expect(modified.hasSuffix(" GMT"))
        #expect(try server.get("/api/v1/articles?per_page=2", headers: ["If-Modified-Since": modified]).status == 304)
        #expect(try server.get("/api/v1/articles?per_page=2", headers: ["If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"]).status == 200)
    }

    @Test func jsonIsGzippedForClientsThatAcceptItWithItsOwnTag() throws {
        let plain = try server.get("/api/v1/articles?per_page=20")
        let zipped = try server.get("/api/v1/articles?per_page=20", headers: ["Accept-Encoding": "gzip, deflate"])
        #expect(plain.headers["Content-Encoding"] == nil)
        #expect(zipped.headers["Content-Encoding"] == "gzip")
        #expect(zipped.headers["Vary"]?.contains("Accept-Encoding") == true)
        #expect(zipped.body.count < plain.body.count / 2)
        #expect(try Gzip.decompress(zipped.body) == plain.body)
        #expect(zipped.headers["ETag"] != plain.headers["ETag"])
        let etag = try #require(zipped.headers["ETag"])
        #expect(try server.get("/api/v1/articles?per_page=20", headers: ["Accept-Encoding": "gzip", "If-None-Match": etag]).status == 304)
        #expect(try server.get("/api/v1/articles?per_page=20", headers: ["Accept-Encoding": "gzip;q=0"]).headers["Content-Encoding"] == nil)
    }

    @Test func theGzipFormIsMadeWhenAClientFirstAsksForIt() throws {
        // A plain client first: its answer is cached without a gzip form, and says it varies.
        let target = "/api/v1/articles?per_page=19&sort=date"
        let plain = try server.get(target)
        #expect(plain.headers["Content-Encoding"] == nil)
        #expect(plain.headers["Vary"]?.contains("Accept-Encoding") == true)
        // A client that accepts gzip then gets the compressed form of that same answer.
        let zipped = try server.get(target, headers: ["Accept-Encoding": "gzip"])
        #expect(zipped.headers["Content-Encoding"] == "gzip")
        #expect(try Gzip.decompress(zipped.body) == plain.body)
        #expect(zipped.headers["ETag"] != plain.headers["ETag"])
        #expect(try server.get(target, headers: ["Accept-Encoding": "gzip"]).body == zipped.body)
        #expect(try server.get(target).body == plain.body)
    }

    @Test func theFrontendIsGzippedToo() throws {
        let index = try server.get("/").text
        let range = try #require(index.range(of: #"/assets/app\.[a-z0-9]+\.css"#, options: .regularExpression))
        let asset = try server.get(String(index[range]), headers: ["Accept-Encoding": "gzip"])
        #expect(asset.headers["Content-Encoding"] == "gzip")
    }

    @Test func everyResponseCarriesARequestId() throws {
        let response = try server.get("/api/v1/articles?per_page=1", headers: ["X-Request-Id": "trace-123"])
        #expect(response.headers["X-Request-Id"] == "trace-123")
        #expect(try server.get("/nowhere").headers["X-Request-Id"]?.isEmpty == false)
    }

    @Test func differentRequestsHaveDifferentETags() throws {
        let a = try server.get("/api/v1/articles?page=1").headers["ETag"]
        let b = try server.get("/api/v1/articles?page=2").headers["ETag"]
        #expect(a != nil && a != b)
    }

    @Test func cacheControlSuitsEachResource() throws {
        #expect(try server.get("/api/v1/articles").headers["Cache-Control"] == "public, no-cache")
        #expect(try server.get("/healthz").headers["Cache-Control"] == "no-store")
        #expect(try server.get("/api/v1/articles/nope").headers["Cache-Control"] == "no-store")
        #expect(try server.get("/api/v1/openapi.json").headers["Cache-Control"]?.contains("max-age") == true)
    }

    @Test func allowedOriginGetsCORSHeaders() throws {
        let response = try server.get("/api/v1/articles?per_page=1", headers: ["Origin": "https://newsroom.example"])
        #expect(response.headers["Access-Control-Allow-Origin"] == "https://newsroom.example")
        #expect(response.headers["Access-Control-Expose-Headers"]?.contains("ETag") == true)
        #expect(response.headers["Vary"] == "Accept-Encoding, Origin")
    }

    @Test func anAllowedOriginCanReadServerTimingAndTheRequestID() throws {
        let response = try server.get("/api/v1/articles?per_page=1", headers: ["Origin": "https://newsroom.example"])
        let exposed = Set((response.headers["Access-Control-Expose-Headers"] ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        })
        #expect(exposed.isSuperset(of: ["Server-Timing", "X-Request-Id"]))
        #expect(response.headers["Timing-Allow-Origin"] == "https://newsroom.example")
    }

    @Test func otherOriginsGetNoCORSHeaders() throws {
        let response = try server.get("/api/v1/articles?per_page=1", headers: ["Origin": "https://evil.example"])
        #expect(response.headers["Access-Control-Allow-Origin"] == nil)
        #expect(response.headers["Timing-Allow-Origin"] == nil)
    }

    @Test func preflightIsAnswered() throws {
        let response = try server.request("OPTIONS", "/api/v1/pages", headers: [
            "Origin": "https://newsroom.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        ])
        #expect(response.status == 204)
        #expect(response.headers["Access-Control-Allow-Origin"] == "https://newsroom.example")
        #expect(response.headers["Access-Control-Allow-Methods"]?.contains("POST") == true)
        #expect(response.headers["Access-Control-Allow-Headers"]?.contains("Authorization") == true)
    }

    @Test func frontendIsServedWithCSPAndNeverCachedStale() throws {
        let index = try server.get("/")
        #expect(index.status == 200)
        #expect(index.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(index.headers["Cache-Control"] == "no-cache")
        let csp = try #require(index.headers["Content-Security-Policy"])
        #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
        #expect(!index.text.contains("{{asset:"))
    }

    @Test func fingerprintedAssetsAreImmutable() throws {
        let index = try server.get("/").text
        let range = try #require(index.range(of: #"/assets/js/main\.[a-z0-9]+\.js"#, options: .regularExpression))
        let asset = try server.get(String(index[range]))
        #expect(asset.status == 200)
        #expect(asset.headers["Content-Type"] == "text/javascript; charset=utf-8")
        #expect(asset.headers["Cache-Control"] == "public, max-age=31536000, immutable")
        let etag = try #require(asset.headers["ETag"])
        #expect(try server.get(String(index[range]), headers: ["If-None-Match": etag]).status == 304)
    }

    @Test(arguments: ["/assets/../Package.swift", "/assets/%2e%2e/Package.swift", "/assets/%2E%2E/%2E%2E/etc/passwd", "/assets//etc/passwd"])
    func pathTraversalIsRefused(path: String) throws {
        let response = try HTTPClient.request(host: "127.0.0.1", port: server.port, path: path)
        #expect([400, 404].contains(response.status), "\(path) → \(response.status)")
        #expect(!response.bodyText.contains("PackageDescription"))
    }

    @Test func missingAssetIs404() throws {
        #expect(try server.get("/assets/nothing.js").status == 404)
    }

    @Test func symlinksLeavingThePublicFolderAreNotServed() throws {
        let folder = scratchURL("newsroom-public")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("<html>{{asset:app.js}}</html>".utf8).write(to: folder.appendingPathComponent("index.html"))
        try Data("console.log(1)".utf8).write(to: folder.appendingPathComponent("app.js"))
        let secret = scratchURL("newsroom-secret", suffix: ".txt")
        try Data("secret".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("leak.txt"), withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("inside.js"),
                                                   withDestinationURL: folder.appendingPathComponent("app.js"))
        let server = try APIServer(publicDirectory: folder)
        defer { server.stop() }
        #expect(try server.get("/assets/leak.txt").status == 404)
        #expect(try server.get("/assets/app.js").status == 200)
        #expect(try server.get("/assets/inside.js").status == 200)
        #expect(try server.get("/").text.contains("/assets/app."))
    }
}

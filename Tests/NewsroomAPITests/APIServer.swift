import Analysis
import Archive
import Foundation
import HTTPServer
import JSONValue
import NewsroomAPI
import PageParser
import Testing
import TestSupport


let parser = PageParser(configuration: try! ParserConfiguration.load(fromDirectory: configDirectory))
let analysisConfiguration = try! AnalysisConfiguration.load(fromDirectory: configDirectory)

/// A real server on an ephemeral loopback port, over the bundled seeds and its own data folder.
final class APIServer: Sendable {
    let server: HTTPServer
    let archive: Archive
    let dataDirectory: URL
    var port: Int { server.localPort }

    init(token: String? = nil, corsOrigins: [String] = [], maxPageBytes: Int = 2 * 1024 * 1024, dataDirectory: URL? = nil,
         seeds: URL = repositoryRoot.appendingPathComponent("seeds"),
         publicDirectory: URL = repositoryRoot.appendingPathComponent("Public"), metrics: Bool = false,
         relatedArticles: Int = 5, searchExactTotal: Int = 10_000) throws {
        let data = dataDirectory ?? scratchURL("newsroom-api")
        self.dataDirectory = data
        let store = PageStore(seedsDirectory: seeds, dataDirectory: data)
        archive = Archive.open(store: store, parser: parser, configuration: analysisConfiguration,
                               options: Archive.Options(configurationKey: 7, backgroundWork: false))
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.loopCount = 2
        configuration.accessLog = false
        configuration.shutdownGracePeriod = 2
        configuration.problemTypeBase = "urn:newsroom:problem:"
        let api = APIConfiguration(apiToken: token, corsOrigins: corsOrigins, maxPageBytes: maxPageBytes,
                                   publicDirectory: publicDirectory, version: "test", relatedArticles: relatedArticles,
                                   searchExactTotal: searchExactTotal)
        let registry = metrics ? MetricsRegistry(loops: configuration.loopCount) : nil
        configuration.metrics = registry
        server = HTTPServer(configuration: configuration, router: NewsroomAPI.makeRouter(archive: archive, configuration: api, metrics: registry))
        try server.start()
    }

    func stop() {
        server.shutdown()
        server.wait()
    }

    struct Response {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var items: [[String: Any]] { object["items"] as? [[String: Any]] ?? [] }
    }

    /// `path` is given decoded; it is percent-encoded here, query included.
    func request(_ method: String = "GET", _ path: String, headers: HTTPHeaders = [:], body: [UInt8] = []) throws -> Response {
        let response = try HTTPClient.request(host: "127.0.0.1", port: port, method: method, path: encode(path),
                                              headers: headers, body: body, timeout: 20)
        return Response(status: response.status, headers: response.headers, body: response.body)
    }

    func get(_ path: String, headers: HTTPHeaders = [:]) throws -> Response { try request("GET", path, headers: headers) }

    func upload(_ text: String, id: String? = nil, token: String? = "secret", method: String = "POST", path: String? = nil,
                query: String = "", contentType: String = "text/plain; charset=utf-8", headers extra: HTTPHeaders = [:]) throws -> Response {
        var headers: HTTPHeaders = ["Content-Type": contentType]
        if let token { headers.add("Authorization", "Bearer \(token)") }
        for (name, value) in extra { headers.add(name, value) }
        var target = path ?? ("/api/v1/pages" + (id.map { "?id=\($0)" } ?? ""))
        if !query.isEmpty { target += (target.contains("?") ? "&" : "?") + query }
        return try request(method, target, headers: headers, body: Array(text.utf8))
    }
}

/// Percent-encodes everything outside the unreserved set and the URL delimiters the tests use.
func encode(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: "?"),
             UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "%"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            out += String(format: "%%%02X", byte)
        }
    }
    return out
}

/// One read-only server shared by the read tests (writes are disabled on it: no token).
let sharedServer: APIServer = try! APIServer(corsOrigins: ["https://newsroom.example"])

/// The seed article 推动新时代志愿服务体系建设, by its stable id.
let volunteerArticle = sharedServer.archive.state()!.allArticleIDs(where: { $0 == "推动新时代志愿服务体系建设" }).first!

extension ArchiveState {
    /// Ids of articles whose title passes `test`.
    func allArticleIDs(where test: (String) -> Bool) -> [String] {
        var query = ArticleQuery()
        query.perPage = 100_000
        return findArticles(query).items.filter { article($0)?.title.map(test) ?? false }.map(\.id)
    }
}

/// A page in the seed style, for uploads.
let samplePage = """
测试区推行“邻里帮办”工作法

王小明

测试区创新推出“邻里帮办”工作法,组织志愿者上门服务,居民办事更方便了。今年以来,测试区各社区共帮办事项三百余件。

下一步,测试区将总结“邻里帮办”工作法的经验,在更多社区推广。(作者单位:测试区委党校)
"""

/// A page with articles in a given order (for replacement tests).
func pageText(_ articles: [(title: String, author: String, body: String)]) -> String {
    articles.map { "\($0.title)\n\n\($0.author)\n\n\($0.body)(作者单位:测试区委党校)" }.joined(separator: "\n\n")
}

/// A fresh server with writes on, over an empty seeds folder unless given.
func writableServer(seeds: URL? = nil, data: URL? = nil) throws -> APIServer {
    let folder = seeds ?? {
        let url = scratchURL("newsroom-seeds")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
    return try APIServer(token: "secret", dataDirectory: data, seeds: folder)
}

import Analysis
import Archive
import Foundation
import TestSupport
import HTTPServer
import NewsroomAPI
import PageParser

/// The whole Newsroom server, wired as `newsroom serve` wires it, on 127.0.0.1 and a free port:
/// the repository's config, seeds and Public/ folder, and a fresh temporary data folder, which
/// `prepare` may fill with page files before the archive loads (the large generated archive).
final class LiveServer: Sendable {
    let server: HTTPServer
    let baseURL: String
    let token: String
    let dataDirectory: URL

    init(token: String = "browser-test-token-\(UUID().uuidString)", searchExactTotal: Int = 10_000,
         prepare: (URL) throws -> Void = { _ in }) throws {
        let root = repositoryRoot
        let config = root.appendingPathComponent("config", isDirectory: true)
        let parser = PageParser(configuration: try ParserConfiguration.load(fromDirectory: config))
        let analysis = try AnalysisConfiguration.load(fromDirectory: config)
        dataDirectory = scratchURL("newsroom-browser")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        try prepare(dataDirectory)

        let store = PageStore(seedsDirectory: root.appendingPathComponent("seeds", isDirectory: true), dataDirectory: dataDirectory)
        let archive = Archive.open(store: store, parser: parser, configuration: analysis,
                                   options: Archive.Options(backgroundWork: false)) { print("LiveServer: \($0)") }
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.loopCount = 2
        configuration.accessLog = false
        configuration.shutdownGracePeriod = 2
        let api = APIConfiguration(apiToken: token, publicDirectory: root.appendingPathComponent("Public", isDirectory: true),
                                   version: "browser-tests", searchExactTotal: searchExactTotal)
        let router = NewsroomAPI.makeRouter(archive: archive, configuration: api)
        server = HTTPServer(configuration: configuration, router: router)
        try server.start()
        baseURL = "http://127.0.0.1:\(server.localPort)"
        self.token = token
    }

    func stop() {
        server.shutdown()
        server.wait()
        try? FileManager.default.removeItem(at: dataDirectory)
    }
}

import Analysis
import Archive
import Foundation
import PageParser
import TestSupport

let parser = PageParser(configuration: try! ParserConfiguration.load(fromDirectory: configDirectory))
let analysisConfiguration = try! AnalysisConfiguration.load(fromDirectory: configDirectory)

func temporaryDirectory() -> URL {
    scratchURL("newsroom-archive")
}

func makeArchive(seeds: URL = seedsDirectory, data: URL = temporaryDirectory(), options: Archive.Options = Archive.Options(backgroundWork: false),
                 model: CorpusModel? = nil, report: (String) -> Void = { _ in }) -> Archive {
    Archive.open(store: PageStore(seedsDirectory: seeds, dataDirectory: data), parser: parser,
                 configuration: analysisConfiguration, options: options, model: model, report: report)
}

/// The lines an archive reported (its `report` closure), for tests of what it logs.
final class Log: @unchecked Sendable {
    private(set) var lines: [String] = []
    func append(_ line: String) { lines.append(line) }
    func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }
}

/// An empty seeds folder, for archives of uploads only.
func emptySeeds() -> URL {
    let url = temporaryDirectory()
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A page in the seeds' layout: headline, author, body, credit.
func pageText(_ articles: [(title: String, author: String, body: String)]) -> Data {
    Data(articles.map { "\($0.title)\n\n\($0.author)\n\n\($0.body)(作者单位:测试区委党校)" }.joined(separator: "\n\n").utf8)
}

let page = pageText([(
    "测试区推行“邻里帮办”工作法", "王小明",
    "测试区创新推出“邻里帮办”工作法,组织志愿者上门服务,居民办事更方便了。今年以来,各社区共帮办事项三百余件。"
)])

extension ArchiveState {
    /// Ids of the page's articles in page order.
    func articleIDs(ofPage id: String) -> [String] {
        guard let page = page(id: id) else { return [] }
        return page.keys.map { "\(id)-\($0)" }
    }

    /// Every article id, in date order (newest first).
    var allArticleIDs: [String] {
        var query = ArticleQuery()
        query.perPage = 100_000
        return findArticles(query).items.map(\.id)
    }
}

import Analysis
import Archive
import Foundation
import PageParser
import Testing
import TestSupport


let parser = PageParser(configuration: try! ParserConfiguration.load(fromDirectory: configDirectory))
let analyzer = CorpusAnalyzer(configuration: try! AnalysisConfiguration.load(fromDirectory: configDirectory))

func temporaryDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-archive-\(UUID().uuidString)")
}

func makeArchive(seeds: URL = repositoryRoot.appendingPathComponent("seeds"), data: URL = temporaryDirectory(),
                 report: (String) -> Void = { _ in }) -> Archive {
    Archive(store: PageStore(seedsDirectory: seeds, dataDirectory: data), parser: parser, analyzer: analyzer, report: report)
}

let page = Data("""
测试区推行“邻里帮办”工作法

王小明

测试区创新推出“邻里帮办”工作法,组织志愿者上门服务,居民办事更方便了。今年以来,各社区共帮办事项三百余件。(作者单位:测试区委党校)
""".utf8)

@Suite("Archive: loading, snapshots and queries")
struct ArchiveSnapshotTests {
    let archive = makeArchive()

    @Test func loadsEverySeedPageWithDenseArticleIndexes() {
        let snapshot = archive.snapshot()
        #expect(snapshot.pages.count == 5)
        #expect(snapshot.articles.count == 25)
        #expect(snapshot.articles.map(\.index) == Array(0..<25))
        #expect(snapshot.pages.allSatisfy { $0.source == .seed })
    }

    @Test func versionIsAContentFingerprint() {
        #expect(makeArchive().snapshot().version == archive.snapshot().version)
    }

    @Test func filtersCombine() {
        var query = ArticleQuery()
        query.kind = .news
        query.locality = "430200" // 株洲市
        let results = archive.snapshot().findArticles(query)
        #expect(results.total > 0)
        #expect(results.items.allSatisfy { $0.article.kind == .news })
    }

    @Test func pagesOfResultsDoNotOverlap() {
        var query = ArticleQuery()
        query.perPage = 10
        let first = archive.snapshot().findArticles(query).items.map(\.id)
        query.page = 2
        let second = archive.snapshot().findArticles(query).items.map(\.id)
        #expect(Set(first).isDisjoint(with: second))
        #expect(first.count == 10 && second.count == 10)
    }

    @Test func searchRanksByRelevanceAndPagesTheRanking() {
        var query = ArticleQuery()
        query.text = "社会治理"
        query.perPage = 2
        let first = archive.snapshot().findArticles(query)
        query.page = 2
        let second = archive.snapshot().findArticles(query)
        #expect(first.total == second.total && first.total > 2)
        let scores = (first.items + second.items).compactMap { first.scores[$0.index] ?? second.scores[$0.index] }
        #expect(scores == scores.sorted(by: >))
    }

    @Test func searchSortedByPageKeepsAllMatches() {
        var query = ArticleQuery()
        query.text = "社会治理"
        query.sort = .page
        query.perPage = 100
        let results = archive.snapshot().findArticles(query)
        #expect(results.items.map(\.index) == results.items.map(\.index).sorted())
        #expect(results.items.count == results.total)
    }

    @Test func localitySubtreeAndAncestors() {
        let snapshot = archive.snapshot()
        #expect(snapshot.subtree(ofPlace: "430100").contains("430103")) // 长沙市 ⊃ 天心区
        #expect(snapshot.ancestors(ofPlace: "430103").map(\.name) == ["长沙市", "湖南省"])
        #expect(snapshot.articles(inPlace: "430000").count >= snapshot.articles(inPlace: "430100").count)
    }

    @Test func relatedArticlesShareTagsOrInitiatives() throws {
        let snapshot = archive.snapshot()
        let record = try #require(snapshot.article(id: "003_1eed3ba100fbfa73-2"))
        for related in snapshot.related(to: record) {
            #expect(!related.shared.isEmpty)
            #expect(related.article.id != record.id)
        }
    }

    @Test func brokenFilesAreReportedByNameAndTheRestLoad() throws {
        let seeds = temporaryDirectory()
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        try Data([0xC3, 0x28]).write(to: seeds.appendingPathComponent("bad.txt"))
        try Data().write(to: seeds.appendingPathComponent("empty.txt"))
        try page.write(to: seeds.appendingPathComponent("good.txt"))
        var reported: [String] = []
        let archive = makeArchive(seeds: seeds) { reported.append($0) }
        #expect(archive.snapshot().pages.map(\.page.id) == ["good"])
        #expect(reported.count == 2)
        #expect(reported.contains { $0.contains("bad.txt") && $0.contains("UTF-8") })
        #expect(reported.contains { $0.contains("empty.txt") && $0.contains("empty") })
    }
}

@Suite("Archive: durable, atomic writes")
struct ArchiveWriteTests {
    @Test func addedPageIsOnDiskAndInANewSnapshot() throws {
        let data = temporaryDirectory()
        let archive = makeArchive(data: data)
        let before = archive.snapshot()
        let generation = archive.generation
        let record = try archive.add(page, id: "p1")
        #expect(record.source == .uploaded)
        #expect(try Data(contentsOf: data.appendingPathComponent("pages/p1.txt")) == page)
        #expect(archive.generation == generation + 1)
        #expect(archive.snapshot().articles.count == 26)
        // A reader holding the old snapshot still sees the old archive.
        #expect(before.articles.count == 25)
        #expect(before.page(id: "p1") == nil)
    }

    @Test func noTemporaryFilesAreLeftBehind() throws {
        let data = temporaryDirectory()
        let archive = makeArchive(data: data)
        _ = try archive.add(page, id: "p1")
        _ = try archive.put(page + Data("补充。".utf8), id: "p1")
        let files = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("pages").path)
        #expect(files == ["p1.txt"])
    }

    @Test func refusedWritesChangeNothing() throws {
        let data = temporaryDirectory()
        let archive = makeArchive(data: data)
        let version = archive.snapshot().version
        #expect(throws: WriteError.self) { try archive.add(Data("责任编辑:胡乐".utf8), id: "x") }
        #expect(throws: WriteError.self) { try archive.add(page, id: "../x") }
        #expect(throws: WriteError.self) { try archive.put(page, id: "000_4a89308387e3b988") }
        #expect(throws: WriteError.self) { try archive.delete(id: "000_4a89308387e3b988") }
        #expect(throws: WriteError.self) { try archive.delete(id: "missing") }
        #expect(archive.snapshot().version == version)
        let stored = (try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("pages").path)) ?? []
        #expect(stored.isEmpty)
    }

    @Test func duplicateIdIsAConflictAndPutReplaces() throws {
        let archive = makeArchive()
        _ = try archive.add(page, id: "p1")
        #expect(throws: WriteError.self) { try archive.add(page, id: "p1") }
        guard case .replaced = try archive.put(page, id: "p1") else { Issue.record("not replaced"); return }
        guard case .created = try archive.put(page, id: "p2") else { Issue.record("not created"); return }
        try archive.delete(id: "p1")
        #expect(archive.snapshot().page(id: "p1") == nil)
        #expect(archive.snapshot().page(id: "p2") != nil)
    }

    @Test func readersNeverSeeAHalfBuiltArchiveWhileWritesLand() async throws {
        let archive = makeArchive()
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for number in 0..<6 { _ = try? archive.add(page, id: "w\(number)") }
                return true
            }
            for _ in 0..<2 {
                group.addTask {
                    // Every snapshot a reader gets is internally consistent.
                    for _ in 0..<200 {
                        let snapshot = archive.snapshot()
                        let counted = snapshot.pages.reduce(0) { $0 + $1.page.articles.count }
                        if counted != snapshot.articles.count || snapshot.searchIndex.documentCount != snapshot.articles.count {
                            return false
                        }
                    }
                    return true
                }
            }
            for await consistent in group { #expect(consistent) }
        }
        #expect(archive.snapshot().pages.count == 11)
    }

    @Test func pageIdsAreSafeFileNames() {
        #expect(isValidPageID("003_1eed3ba100fbfa73"))
        #expect(isValidPageID("my-page.v2"))
        for bad in ["", ".hidden", "../x", "a/b", "空格", String(repeating: "a", count: 65), "a b"] {
            #expect(!isValidPageID(bad), "\(bad)")
        }
    }
}

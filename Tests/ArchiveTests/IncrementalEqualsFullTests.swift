import Analysis
import Archive
import Foundation
import PageParser
import Persistence
import Testing
import TestSupport

/// Uploads applied one at a time must give the archive a full build of the same pages gives.
///
/// Everything corpus-wide except the corpus model is maintained exactly per upload (tag counts,
/// initiative merging and attribution, author records, place counts, search statistics), so with
/// the same model the two agree exactly. The model (discovered words, IDF, pattern places) is
/// rebuilt in the background when the corpus has drifted; after that rebuild they agree exactly too.
@Suite("Archive: incremental uploads equal a full build")
struct IncrementalEqualsFullTests {
    /// Pages from other papers plus pages recombined from the seeds.
    static func uploads() throws -> [(id: String, body: Data)] {
        let fixtures = repositoryRoot.appendingPathComponent("Tests/PageParserTests/Fixtures")
        var pages: [(String, Data)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted() where name.hasSuffix(".txt") {
            let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
            // Pages in other encodings are the parser's business; these tests append UTF-8 text to pages.
            guard String(data: data, encoding: .utf8) != nil else { continue }
            pages.append((String(name.dropLast(4)), data))
        }
        pages.append(("recombined-1", pageText([
            ("株洲推行“一网通办”改革", "李龙山", "株洲市深化“一网通办”改革,企业群众办事更便利。石峰区学林街道设立帮办窗口,志愿服务队上门服务。"),
            ("湖州打造“亲清直通车·政企恳谈会”升级版", "殷荣林", "湖州市创新开展“亲清直通车·政企恳谈会”,优化营商环境,民营企业家纷纷点赞。"),
        ])))
        pages.append(("recombined-2", pageText([
            ("以志愿服务推动基层治理", "张怀东", "志愿服务是基层治理的重要力量。天元区泰山路街道组织志愿者开展邻里互助,提升社会治理效能。"),
        ])))
        return pages
    }

    func uploadOneByOne(seeds: URL, data: URL) throws -> Archive {
        let archive = makeArchive(seeds: seeds, data: data)
        for (index, upload) in try Self.uploads().enumerated() {
            _ = try archive.create(upload.body, id: upload.id, metadata: UploadMetadata(newspaper: index % 2 == 0 ? "测试日报" : nil,
                                                                                        date: EditionDate("2023-10-1\(index)")),
                                   now: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)))
        }
        return archive
    }

    @Test func withTheSameModelUploadsOneByOneEqualAFullBuild() throws {
        let data = temporaryDirectory()
        let incremental = try uploadOneByOne(seeds: seedsDirectory, data: data)
        let state = try #require(incremental.state())
        // The uploads were analysed with the model of the seeds; build the same pages in one go with it.
        let full = makeArchive(seeds: seedsDirectory, data: data, model: state.model)
        expectSame(ArchiveDescription(try #require(full.state())), ArchiveDescription(state))
    }

    @Test func afterReanalysisUploadsOneByOneEqualAFullBuild() throws {
        let data = temporaryDirectory()
        let incremental = try uploadOneByOne(seeds: seedsDirectory, data: data)
        let before = try #require(incremental.state())
        incremental.reanalyze()
        let after = try #require(incremental.state())
        #expect(after.model.articleCount == after.articleCount)
        #expect(after.model.fingerprint != before.model.fingerprint)
        let full = makeArchive(seeds: seedsDirectory, data: data)
        expectSame(ArchiveDescription(try #require(full.state())), ArchiveDescription(after))
    }

    @Test func aCancelledReanalysisChangesNothing() throws {
        let data = temporaryDirectory()
        let archive = try uploadOneByOne(seeds: seedsDirectory, data: data)
        let before = try #require(archive.state())
        // Cancelled at its first look, and at its third (after two segments' worth of work).
        var asked = 0
        #expect(!archive.reanalyze(isCancelled: { true }))
        #expect(!archive.reanalyze(isCancelled: { asked += 1; return asked > 2 }))
        #expect(asked == 3)
        let after = try #require(archive.state())
        #expect(after.generation == before.generation)
        #expect(after.model.fingerprint == before.model.fingerprint)
        expectSame(ArchiveDescription(before), ArchiveDescription(after))
        // Not cancelled, it is installed.
        #expect(archive.reanalyze(isCancelled: { false }))
        #expect(try #require(archive.state()).model.fingerprint != before.model.fingerprint)
    }

    @Test func replacementsAndDeletionsToo() throws {
        let data = temporaryDirectory()
        let incremental = try uploadOneByOne(seeds: seedsDirectory, data: data)
        let uploads = try Self.uploads()
        _ = try incremental.replace(id: uploads[0].id, uploads[0].body + Data("\n\n补记:本文有删改。".utf8), metadata: UploadMetadata())
        try incremental.delete(id: uploads[1].id)
        incremental.reanalyze()
        let full = makeArchive(seeds: seedsDirectory, data: data)
        // Until merges drop them, removed articles still count in search statistics (as in
        // Lucene), so scores differ slightly while every result and count is the same.
        let before = ArchiveDescription(try #require(incremental.state()))
        let expected = ArchiveDescription(try #require(full.state()))
        expectSame(expected.withoutScores, before.withoutScores)
        incremental.compact()
        expectSame(expected, ArchiveDescription(try #require(incremental.state())))
    }

    @Test func writesDuringAReanalysisAreNotLost() throws {
        let data = temporaryDirectory()
        let archive = try uploadOneByOne(seeds: seedsDirectory, data: data)
        let uploads = try Self.uploads()
        // Start from the state before the last upload and let the upload land "during" the rebuild.
        let snapshot = try #require(archive.state())
        try archive.delete(id: uploads[0].id)
        _ = try archive.create(pageText([("重新上传的测试页面", "王小明", "这一页在重新分析期间上传,不能丢失。")]), id: "late",
                               metadata: UploadMetadata())
        archive.reanalyzeForTesting(from: snapshot)
        archive.compact()
        let state = try #require(archive.state())
        #expect(state.page(id: "late") != nil)
        #expect(state.page(id: uploads[0].id) == nil)
        // The new model is the snapshot's corpus; the late writes are analysed against it.
        #expect(state.model.articleCount == snapshot.articleCount)
        let full = makeArchive(seeds: seedsDirectory, data: data, model: state.model)
        expectSame(ArchiveDescription(try #require(full.state())), ArchiveDescription(state))
    }
}

/// Everything an API client can see of an archive, keyed by ids (not internal slots).
struct ArchiveDescription: Equatable, CustomStringConvertible {
    var lines: [String] = []

    init(_ state: ArchiveState) {
        func id(_ slot: Int) -> String { state.article(slot: slot)?.id ?? "?\(slot)" }
        func ids(_ set: SlotSet) -> String { set.slots.map(id).sorted().joined(separator: ",") }
        var pages: [String] = []
        for articleID in state.allArticleIDs {
            guard let ref = state.article(id: articleID), let analysis = state.analysis(slot: ref.slot) else { continue }
            pages.append(ref.page.id)
            lines.append("article \(articleID) page=\(ref.page.id)#\(ref.ordinal) tags=\(analysis.tags.map { "\($0.term):\($0.score)" })"
                         + " locality=\(analysis.locality ?? "-") places=\(analysis.places.map { "\($0.place):\($0.count)" })"
                         + " authors=\(state.aggregate.authorIDs(in: analysis).map { $0 ?? "-" })"
                         + " initiatives=\(state.aggregate.initiativeIDs(in: analysis))")
        }
        lines.sort()
        for pageID in Set(pages).sorted() {
            guard let page = state.page(id: pageID) else { continue }
            lines.append("page \(pageID) keys=\(page.keys) gone=\(page.gone) edition=\(page.edition) etag=\(page.etag)")
        }
        for (term, count) in state.aggregate.rankedTags(offset: 0, limit: .max) {
            lines.append("tag \(term) \(count) \(ids(state.aggregate.articles(withTag: term)))")
        }
        for initiative in state.aggregate.rankedInitiatives(offset: 0, limit: .max) {
            lines.append("initiative \(initiative.id) \(initiative.name) \(initiative.aliases) \(initiative.kind.rawValue) \(initiative.namingWord ?? "-") "
                         + "\(initiative.locality ?? "-") \(initiative.mentionCount) \(ids(initiative.articles))")
        }
        for author in state.aggregate.rankedAuthors(offset: 0, limit: .max) {
            lines.append("author \(author.id) \(author.roles) \(author.organisations) \(author.positions) \(ids(author.articles))")
        }
        for (place, articles, mentions) in state.aggregate.rankedPlaces(offset: 0, limit: .max) {
            lines.append("place \(place.id) \(place.parent ?? "-") \(articles) \(mentions) \(ids(state.aggregate.articles(inPlace: place.id)))")
        }
        for text in ["志愿服务", "营商环境", "社区", "\"基层治理\"", "株洲 OR 湖州", "服务 -志愿", "治理"] {
            var query = ArticleQuery()
            query.text = text
            query.perPage = 1000
            let results = state.findArticles(query)
            let hits = results.items.map { "\($0.id):\(((results.scores[$0.slot] ?? 0) * 1e9).rounded())" }.sorted()
            lines.append("search \(text) \(results.total) \(hits)")
        }
        for (date, count) in state.editions(offset: 0, limit: .max) { lines.append("edition \(date) \(count)") }
        lines.append("gone \(state.goneCount)")
        lines.append("model \(state.model.fingerprint)")
    }

    var description: String { lines.joined(separator: "\n") }

    /// The description with relevance scores left out.
    var withoutScores: ArchiveDescription {
        var copy = self
        copy.lines = lines.map { line in
            guard line.hasPrefix("search ") else { return line }
            return line.replacingOccurrences(of: #":[0-9.-]+""#, with: "\"", options: .regularExpression)
        }
        return copy
    }
}

/// Equal descriptions, or an issue naming the first lines that differ.
func expectSame(_ full: ArchiveDescription, _ incremental: ArchiveDescription, sourceLocation: SourceLocation = #_sourceLocation) {
    guard full != incremental else { return }
    let onlyFull = full.lines.filter { !incremental.lines.contains($0) }.prefix(5)
    let onlyIncremental = incremental.lines.filter { !full.lines.contains($0) }.prefix(5)
    Issue.record("full build and incremental differ:\nfull only:\n\(onlyFull.joined(separator: "\n"))\nincremental only:\n\(onlyIncremental.joined(separator: "\n"))",
                 sourceLocation: sourceLocation)
}

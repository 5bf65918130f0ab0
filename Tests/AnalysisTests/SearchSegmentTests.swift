import Analysis
import Foundation
import Persistence
import TestSupport
import Testing

@Suite("Search segments: split, deleted, merged, persisted")
struct SearchSegmentTests {
    let documents = [
        article(0, title: "推动新时代志愿服务体系建设", body: "志愿服务是社会文明进步的重要标志。"),
        article(1, title: "持续优化营商环境", body: "营商环境就是生产力，要激发市场主体活力。"),
        article(2, title: "加快发展新质生产力", body: "新质生产力是创新起主导作用的先进生产力质态。"),
        article(3, title: "志愿者走进社区", body: "社区志愿服务队开展营商环境宣传。"),
        article(4, title: "IPv6 规模部署", body: "我市入选国家 IPv6 技术创新和融合应用试点城市。"),
        article(5, title: "营商环境再优化", body: "优化营商环境，服务市场主体。"),
    ]

    private func split(_ bounds: [Int]) -> SearchIndex {
        var segments: [SearchSegment] = []
        for (start, end) in zip(bounds, bounds.dropFirst()) {
            segments.append(SearchSegment(documents: documents.filter { (start..<end).contains($0.id) }, base: start, count: end - start))
        }
        return SearchIndex(segments: segments)
    }

    @Test(arguments: ["营商环境", "志愿服务", "生产力", "ipv6", "\"营商环境\" 社区", "服务"])
    func anIndexSplitIntoSegmentsRanksLikeOneSegment(query: String) {
        let whole = SearchIndex(documents: documents)
        let parts = split([0, 2, 3, 6])
        let a = whole.search(.parse(query), limit: 10)
        let b = parts.search(.parse(query), limit: 10)
        #expect(a.total == b.total)
        #expect(a.hits.map(\.doc) == b.hits.map(\.doc))
        for (x, y) in zip(a.hits, b.hits) { #expect(abs(x.score - y.score) < 1e-9) }
    }

    @Test func skippingBlocksGivesExactlyTheFullRankingEvenWithManyTies() {
        // Thousands of matches in many posting blocks, most of them exact ties (reprinted
        // articles), some deleted: every page equals the same page of the full ranking.
        let templates = ["营商环境持续优化。", "优化营商环境，服务市场主体。", "营商环境就是生产力，营商环境也是竞争力。"]
        // Every other article does not match, so the term has weight.
        let documents = (0..<3000).map { id in
            article(id, title: "第\(id % 7)版", body: id % 2 == 1 ? "社区志愿服务。"
                        : id % 211 == 0 ? "营商环境营商环境营商环境。" : templates[id / 2 % templates.count])
        }
        let index = SearchIndex(segments: [SearchSegment(documents: Array(documents[0..<1800]), base: 0, count: 1800),
                                           SearchSegment(documents: Array(documents[1800...]), base: 1800, count: 1200)])
            .deleting(SlotSet([4, 5, 211, 1799, 1800, 2532]))
        // Two characters: one term, so the block-skipping path.
        let full = index.matches(.parse("营商"))
        #expect(full.count == 1497)
        #expect(full[0].score > full[20].score && full[20].score == full[21].score)
        for (offset, limit) in [(0, 10), (0, 20), (20, 20), (500, 20), (1490, 20)] {
            let page = index.search(.parse("营商"), limit: limit, offset: offset)
            #expect(page.total == full.count)
            #expect(page.hits == Array(full.dropFirst(offset).prefix(limit)))
        }
    }

    @Test func deletedSlotsAreNeverReturned() {
        let index = SearchIndex(documents: documents).deleting(SlotSet([1, 5]))
        let results = index.search(.parse("营商环境"))
        #expect(results.hits.map(\.doc) == [3])
        #expect(results.total == 1)
        #expect(index.documentCount == 4)
        #expect(!index.contains(slot: 1))
    }

    @Test func aMergedSegmentDropsDeletedDocumentsAndKeepsTheRest() {
        let index = split([0, 3, 6]).deleting(SlotSet([1]))
        let merged = SearchSegment.merged(index.segments, isLive: { !index.deleted.contains($0) && $0 != 1 })
        let after = index.replacing(index.segments, with: merged)
        #expect(after.segments.count == 1)
        #expect(after.search(.parse("营商环境")).hits.map(\.doc).sorted() == [3, 5])
        #expect(merged.fields(ofSlot: 1).isEmpty)
        #expect(merged.fields(ofSlot: 2).first?.text == "加快发展新质生产力")
    }

    @Test func aWrittenSegmentMapsBackWithTheSameAnswers() throws {
        let directory = scratchURL("newsroom-segment")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("segment.nrs").path
        let built = SearchSegment(documents: documents, base: 0, count: 6)
        try built.write(to: path, schemaKey: 7)
        let loaded = try SearchSegment.load(path: path, schemaKey: 7)
        #expect(loaded.isMapped)
        let query = SearchQuery.parse("营商环境 服务")
        let a = SearchIndex(segments: [built]).search(query)
        let b = SearchIndex(segments: [loaded]).search(query)
        #expect(a == b)
        #expect(SearchIndex(segments: [loaded]).snippet(doc: 5, query: query).text == "优化营商环境，服务市场主体。")
        #expect(throws: StateFileError.self) { _ = try SearchSegment.load(path: path, schemaKey: 8) }
    }

    /// The per-term offsets and counts (`PTST`, `PSKS`, `PDFQ`), which start-up leaves unverified.
    @Test(arguments: [fourCC("PTST"), fourCC("PSKS"), fourCC("PDFQ")])
    func damagedPerTermSectionsLoadAndSearchSafelyUntilVerified(section tag: UInt32) throws {
        let directory = scratchURL("newsroom-segment")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("segment.nrs").path
        // Enough postings for skip entries, so that damaged skip offsets have something to misdirect.
        let many = (0..<600).map { article($0, title: "营商环境第\($0)期", body: "优化营商环境，服务市场主体。志愿服务\($0)。") }
        try SearchSegment(documents: many, base: 0, count: many.count).write(to: path, schemaKey: 7)
        let section = try #require(try StateFile(path: path, kind: fourCC("SEGM"), schemaKey: 7).sections[tag])
        // The high byte of every value but the last (start-up cross-checks that one against the
        // postings) flips: offsets and counts become huge or negative.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let last = section.offset + section.length - section.elementSize
        for index in stride(from: section.offset + section.elementSize - 1, to: last, by: section.elementSize) {
            bytes[index] ^= 0x5A
        }
        try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
        // Start-up does not read the section, so the segment loads; searching it gives whatever it
        // gives but never reads outside the file; the scrub's full check finds the damage.
        let loaded = try SearchSegment.load(path: path, schemaKey: 7)
        for query in ["营商环境", "志愿服务", "服务 市场", "营", "\"市场主体\""] {
            _ = SearchIndex(segments: [loaded]).search(.parse(query), limit: 10)
        }
        #expect(throws: StateFileError.self) { try SearchSegment.verify(path: path, schemaKey: 7) }
    }

    @Test func segmentFieldsComeBackWithTheirKinds() {
        let segment = SearchSegment(documents: [SearchDocument(id: 3, fields: [.title("标题"), .subheading("小标题"), .body("正文。")])],
                                    base: 3, count: 1)
        #expect(segment.fields(ofSlot: 3).map(\.kind) == [.title, .subheading, .body])
        #expect(segment.fields(ofSlot: 3).map(\.text) == ["标题", "小标题", "正文。"])
    }

    @Test func orMatchesEitherSide() {
        let index = SearchIndex(documents: documents)
        #expect(Set(index.search(.parse("生产力 OR ipv6"), limit: 10).hits.map(\.doc)) == [1, 2, 4])
    }

    @Test func aMinusExcludesMatchingDocuments() {
        let index = SearchIndex(documents: documents)
        #expect(Set(index.search(.parse("营商环境 -社区"), limit: 10).hits.map(\.doc)) == [1, 5])
        #expect(Set(index.search(.parse("营商环境 -\"市场主体\""), limit: 10).hits.map(\.doc)) == [3])
    }

    @Test func orCombinesWithRequiredTermsAndExclusions() {
        let index = SearchIndex(documents: documents)
        let results = index.search(.parse("营商环境 社区 OR 生产力 -宣传"), limit: 10)
        #expect(results.hits.map(\.doc) == [1])
    }

    @Test func resultsCanBeOrderedByTheCallersKey() {
        let index = SearchIndex(documents: documents)
        let newestFirst = index.search(.parse("营商环境"), limit: 2, offset: 0, orderedBy: { UInt64(100 - $0) })
        #expect(newestFirst.total == 3)
        #expect(newestFirst.hits.map(\.doc) == [5, 3])
        let next = index.search(.parse("营商环境"), limit: 2, offset: 2, orderedBy: { UInt64(100 - $0) })
        #expect(next.hits.map(\.doc) == [1])
    }

    @Test func aHugeSingleParagraphGetsABoundedSnippetAroundTheMatch() {
        let filler = String(repeating: "测试文本没有任何标点符号", count: 10_000)
        let body = filler + "营商环境" + filler
        let index = SearchIndex(documents: [article(0, body: body)])
        let snippet = index.snippet(doc: 0, query: .parse("营商环境"), maxLength: 60)
        #expect(snippet.text.contains("营商环境"))
        #expect(snippet.text.unicodeScalars.count <= 62)
        #expect(index.search(.parse("营商环境")).total == 1)
    }
}

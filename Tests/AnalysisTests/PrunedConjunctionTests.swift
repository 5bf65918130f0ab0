@testable import Analysis
import Persistence
import Testing

/// A ranked search of several terms counts its matches exactly up to a limit, then skips the
/// stretches of documents whose blocks cannot reach the page (block-max AND). The hits never
/// change; only the total becomes a lower bound.
@Suite("Search: pruned conjunctions and lower-bound totals")
struct PrunedConjunctionTests {
    /// 3,000 articles. A few in every 500 repeat 营商环境 4–5 times, the rest 0–2 times; some
    /// only hold 营商 and 环境 apart; filler of varied length spreads the scores. So most blocks
    /// cannot reach the best hits, which is what pruning needs.
    static let documents: [SearchDocument] = (0..<3000).map { id in
        let uses = id % 500 < 30 ? 4 + id % 2 : (id * 7) % 3
        let filler = String(repeating: "社区志愿服务队走进千家万户。", count: 1 + (id * 13) % 9)
        let exact = (0..<uses).map { "优化营商环境第\($0)条。" }.joined()
        let apart = id % 11 == 0 ? "营商主体多，环境在变好。" : ""
        return article(id, title: id % 17 == 0 ? "营商环境专栏" : "第\(id % 5)版", body: exact + apart + filler)
    }

    static let index = SearchIndex(segments: [
        SearchSegment(documents: Array(documents[0..<1700]), base: 0, count: 1700),
        SearchSegment(documents: Array(documents[1700...]), base: 1700, count: 1300),
    ]).deleting(SlotSet([5, 1699, 1700, 2400]))

    /// The last two share a term between clauses (营商 alone and inside 营商环境): its score counts
    /// once per clause, and so must every bound that rules a document out.
    static let queries = ["营商环境", "营商 志愿", "\"营商环境\" 社区", "优化营商环境 千家", "营商 营商环境", "商环 营商环境 环境"]

    @Test(arguments: queries)
    func aPrunedSearchFindsTheHitsOfACompleteOne(_ text: String) {
        let query = SearchQuery.parse(text)
        let all = Self.index.matches(query)
        #expect(all.count > 500)
        for (offset, limit) in [(0, 10), (0, 20), (60, 20), (400, 50)] {
            let pruned = Self.index.search(query, limit: limit, offset: offset, exactTotalUpTo: 0)
            #expect(pruned.hits == Array(all.dropFirst(offset).prefix(limit)), "\(text) at \(offset)")
            #expect(pruned.total <= all.count)
            #expect(pruned.total >= min(all.count, offset + limit))
            if pruned.totalIsExact { #expect(pruned.total == all.count) }
        }
    }

    @Test func aSkippedStretchMakesTheTotalALowerBound() {
        let query = SearchQuery.parse("营商环境")
        let all = Self.index.matches(query).count
        let pruned = Self.index.search(query, limit: 10, exactTotalUpTo: 0)
        #expect(!pruned.totalIsExact)
        #expect(pruned.total < all)
    }

    @Test func matchesAreCountedExactlyUpToTheLimit() {
        let query = SearchQuery.parse("营商环境")
        let pruned = Self.index.search(query, limit: 10, exactTotalUpTo: 800)
        #expect(pruned.total >= 800)
        let counted = Self.index.search(query, limit: 10)
        #expect(counted.totalIsExact)
        #expect(counted.total == Self.index.matches(query).count)
        #expect(counted.hits == pruned.hits)
    }

    @Test func aLimitAboveTheMatchesCountsThemAll() {
        let query = SearchQuery.parse("营商环境")
        let all = Self.index.matches(query).count
        let results = Self.index.search(query, limit: 10, exactTotalUpTo: all)
        #expect(results.totalIsExact)
        #expect(results.total == all)
    }

    @Test func alternativesAreNeverPruned() {
        let query = SearchQuery.parse("营商环境 志愿 OR 千家")
        let results = Self.index.search(query, limit: 10, exactTotalUpTo: 0)
        #expect(results.totalIsExact)
        #expect(results.total == Self.index.matches(query).count)
    }

    @Test func aCountOnlySearchIsNeverPruned() {
        let query = SearchQuery.parse("营商环境")
        let results = Self.index.search(query, limit: 0, exactTotalUpTo: 0)
        #expect(results.totalIsExact)
        #expect(results.total == Self.index.matches(query).count)
    }

    @Test func theBlockOfATargetIsFoundFromTheSkipEntriesAlone() {
        let segment = SearchSegment(documents: Self.documents, base: 0, count: Self.documents.count)
        let postings = segment.postings
        let term = Int(segment.vocabulary.id(of: .packed(TermKey.bigram(0x8425, 0x5546))))
        #expect(term >= 0)
        postings.bytes.withUnsafeBufferPointer { bytes in
            postings.skips.withUnsafeBufferPointer { skips in
                // Where each document's posting lives, by decoding.
                var blockOf: [Int32: Int] = [:]
                var reader = PostingCursor(term: term, store: postings, bytes: bytes, skips: skips)
                #expect(reader.skipBlockCount > 3)
                var block = 0
                while reader.next() {
                    blockOf[reader.document] = block
                    if reader.document == reader.lastDocument(ofBlock: block) { block += 1 }
                }
                let documents = blockOf.keys.sorted()
                var cursor = PostingCursor(term: term, store: postings, bytes: bytes, skips: skips)
                for target in stride(from: Int32(0), through: Int32(Self.documents.count), by: 37) {
                    let expected = documents.first { $0 >= max(target, cursor.document) }.map { blockOf[$0]! }
                    #expect(cursor.block(holdingFirstAtOrAfter: target) == expected, "target \(target)")
                    // Move the cursor part of the way, so both a cursor behind and one ahead are asked.
                    if target % 2 == 0 { _ = cursor.advance(to: target + 50) }
                }
            }
        }
    }
}

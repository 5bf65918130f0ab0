@testable import Analysis
import Foundation
import Persistence
import TestSupport
import Testing

/// Each postings block keeps the pairs that can score best in it, so a ranked search skips a
/// block only when none of its documents could rank.
@Suite("Search: block impacts")
struct BlockImpactsTests {
    typealias Point = BlockImpacts.Frontier.Point

    /// Articles whose bodies repeat 营商 0–5 times among filler of varied length, so both weight
    /// and length vary within every block.
    static let documents: [SearchDocument] = (0..<2000).map { id in
        let uses = (id * 7) % 6
        let filler = String(repeating: "社区志愿服务队走进千家万户。", count: 1 + (id * 13) % 9)
        let body = uses == 0 ? filler : (0..<uses).map { "营商环境第\($0)条。" }.joined() + filler
        return article(id, title: "第\(id % 5)版", body: body)
    }

    @Test func aPairAnotherDominatesIsDropped() {
        var frontier = BlockImpacts.Frontier()
        frontier.add(weight: 4, length: 100)
        frontier.add(weight: 4, length: 120)
        frontier.add(weight: 8, length: 90)
        frontier.add(weight: 12, length: 300)
        #expect(frontier.narrowed(to: 4) == [Point(weight: 8, length: 90), Point(weight: 12, length: 300)])
    }

    @Test func narrowingKeepsAPairThatDominatesEveryPairOfTheFrontier() {
        var frontier = BlockImpacts.Frontier()
        let pairs: [(UInt32, Float)] = [(4, 50), (8, 60), (12, 200), (16, 210), (20, 400), (24, 800)]
        for (weight, length) in pairs { frontier.add(weight: weight, length: length) }
        let narrowed = frontier.narrowed(to: 3)
        #expect(narrowed.count == 3)
        for (weight, length) in pairs {
            #expect(narrowed.contains { $0.weight >= weight && $0.length <= length }, "(\(weight), \(length)) not bounded")
        }
        #expect(narrowed.map(\.weight) == narrowed.map(\.weight).sorted())
    }

    @Test func everyPostingOfABlockIsBoundedByItsImpacts() {
        let segment = SearchSegment(documents: Self.documents, base: 0, count: Self.documents.count)
        let postings = segment.postings
        #expect(segment.hasBlockImpacts)
        var blocksSeen = 0
        postings.bytes.withUnsafeBufferPointer { bytes in
            postings.skips.withUnsafeBufferPointer { skips in
                for term in 0..<postings.termCount {
                    var cursor = PostingCursor(term: term, store: postings, bytes: bytes, skips: skips)
                    for block in 0..<cursor.skipBlockCount {
                        let points = postings.impacts.points(ofBlock: postings.skipStarts[term] + block)
                        #expect(!points.isEmpty && points.count <= BlockImpacts.maxPoints)
                        while cursor.next() {
                            let length = segment.lengths[Int(cursor.document)]
                            let bounded = points.contains { postings.impacts.weights[$0] >= cursor.weight && postings.impacts.lengths[$0] <= length }
                            #expect(bounded, "document \(cursor.document) of term \(term) is above its block's impacts")
                            if cursor.document == cursor.lastDocument(ofBlock: block) { break }
                        }
                        blocksSeen += 1
                    }
                }
            }
        }
        #expect(blocksSeen > 10)
    }

    @Test func skippingBlocksByImpactsGivesExactlyTheFullRanking() {
        let index = SearchIndex(segments: [SearchSegment(documents: Array(Self.documents[0..<1200]), base: 0, count: 1200),
                                           SearchSegment(documents: Array(Self.documents[1200...]), base: 1200, count: 800)])
            .deleting(SlotSet([3, 700, 1201]))
        let full = index.matches(.parse("营商"))
        #expect(full.count > 1000)
        for (offset, limit) in [(0, 10), (0, 20), (40, 20), (900, 20)] {
            let page = index.search(.parse("营商"), limit: limit, offset: offset)
            #expect(page.total == full.count)
            #expect(page.hits == Array(full.dropFirst(offset).prefix(limit)))
        }
    }

    @Test func damagedStartsReadAsAnEmptyBlockNotACrash() {
        let impacts = BlockImpacts(starts: StoredArray([0, 9, 2, 1_000_000]), weights: StoredArray([4, 8]),
                                   lengths: StoredArray([10, 20]))
        #expect(impacts.points(ofBlock: 0) == 0..<2)
        #expect(impacts.points(ofBlock: 1) == 2..<2)
        #expect(impacts.points(ofBlock: 2) == 2..<2)
        #expect(impacts.points(ofBlock: 3).isEmpty)
        #expect(impacts.points(ofBlock: -1).isEmpty)
    }

    /// A segment written before impacts carries only each block's largest weight and shortest
    /// length. Until it is rewritten, ranked searches bound its blocks by those, and rank exactly.
    @Test func aSegmentWithOnlyTheOlderBlockMaximaRanksExactly() {
        let built = SearchSegment(documents: Self.documents, base: 0, count: Self.documents.count)
        let postings = built.postings
        var maxWeights: [UInt32] = []
        var minLengths: [Float] = []
        postings.bytes.withUnsafeBufferPointer { bytes in
            postings.skips.withUnsafeBufferPointer { skips in
                for term in 0..<postings.termCount {
                    var cursor = PostingCursor(term: term, store: postings, bytes: bytes, skips: skips)
                    for block in 0..<cursor.skipBlockCount {
                        var weight: UInt32 = 0
                        var length = Float.infinity
                        while cursor.next() {
                            weight = max(weight, cursor.weight)
                            length = min(length, built.lengths[Int(cursor.document)])
                            if cursor.document == cursor.lastDocument(ofBlock: block) { break }
                        }
                        maxWeights.append(weight)
                        minLengths.append(length)
                    }
                }
            }
        }
        let older = PostingsStore(bytes: postings.bytes, termStarts: postings.termStarts,
                                  documentFrequencies: postings.documentFrequencies, skipStarts: postings.skipStarts,
                                  skips: postings.skips, blockMaxWeights: StoredArray(maxWeights), blockMinLengths: StoredArray(minLengths))
        #expect(older.hasBlockMaxima && !older.hasBlockImpacts)
        let segment = SearchSegment(base: 0, vocabulary: built.vocabulary, postings: older, text: built.text, lengths: built.lengths)
        let index = SearchIndex(segments: [segment])
        for text in ["营商", "营商环境", "志愿 营商"] {
            let query = SearchQuery.parse(text)
            let all = index.matches(query)
            for (offset, limit) in [(0, 10), (300, 20)] {
                let page = index.search(query, limit: limit, offset: offset, exactTotalUpTo: 0)
                #expect(page.hits == Array(all.dropFirst(offset).prefix(limit)), "\(text) at \(offset)")
            }
        }
    }

    @Test func aWrittenSegmentKeepsItsImpacts() throws {
        let directory = scratchURL("newsroom-impacts")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("segment.nrs").path
        let built = SearchSegment(documents: Self.documents, base: 0, count: Self.documents.count)
        try built.write(to: path, schemaKey: 7)
        let loaded = try SearchSegment.load(path: path, schemaKey: 7)
        #expect(loaded.hasBlockImpacts)
        #expect(Array(loaded.postings.impacts.starts) == Array(built.postings.impacts.starts))
        #expect(Array(loaded.postings.impacts.weights) == Array(built.postings.impacts.weights))
        #expect(Array(loaded.postings.impacts.lengths) == Array(built.postings.impacts.lengths))
        #expect(SearchIndex(segments: [loaded]).search(.parse("营商"), limit: 20) == SearchIndex(segments: [built]).search(.parse("营商"), limit: 20))
    }
}

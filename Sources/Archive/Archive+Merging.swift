import Analysis
import Foundation
import Persistence

extension Archive {
    /// Merges every segment into one, dropping deleted articles: what the background merges reach
    /// eventually, at once (tools and tests). Search statistics then count live articles only.
    public func compact() {
        guard let snapshot = state(), !snapshot.segments.isEmpty else { return }
        let merged = Self.merged(snapshot.segments, in: snapshot)
        writes.withLock { _ in
            guard let current = state() else { return }
            install(current.replacing(snapshot.segments, with: merged))
        }
    }

    /// Adjacent segments to merge now, if any: the tiered policy of Lucene and Tantivy, with
    /// segments grouped by size tier (a factor of `mergeFactor` apart); `mergeFactor` segments in
    /// one tier, next to each other, are merged into one of the next tier. Each article is
    /// rewritten about log(segment / page) times over its life, and there are never more than a
    /// few segments per tier, so queries visit O(log n) segments. Segments of `maximumSize` or
    /// more are final (as Lucene's maximum merged segment): a 1M-article archive is some thirty
    /// of them, and rewriting them would cost far more than visiting them. A segment with a large
    /// share of deleted articles is rewritten on its own.
    static func mergeCandidates(_ segments: [ArchiveSegment], live: SlotSet, mergeFactor: Int = 8,
                                minimumSize: Int = 64, maximumSize: Int = bulkSegmentSize) -> [ArchiveSegment]? {
        func tier(_ segment: ArchiveSegment) -> Int? {
            var size = max(1, segment.slots.count)
            guard size < maximumSize else { return nil }
            var tier = 0
            while size >= minimumSize * mergeFactor {
                size /= mergeFactor
                tier += 1
            }
            return tier
        }
        var run: [ArchiveSegment] = []
        for segment in segments {
            guard let level = tier(segment) else {
                run = []
                continue
            }
            if let last = run.last, tier(last) != level { run = [] }
            run.append(segment)
            if run.count == mergeFactor { return run }
        }
        for segment in segments where segment.slots.count >= minimumSize {
            let liveCount = live.intersectionCount(SlotSet.range(segment.slots))
            if Double(liveCount) < 0.7 * Double(segment.search.nonEmptyCount) { return [segment] }
        }
        // A segment written by an earlier version, without block impacts, is rewritten alone.
        if let old = segments.first(where: { !$0.search.hasBlockImpacts }) { return [old] }
        return nil
    }

    /// One segment over the slots of `segments` (adjacent), with the live articles of `state`.
    static func merged(_ segments: [ArchiveSegment], in state: ArchiveState) -> ArchiveSegment {
        let base = segments[0].base
        let count = segments.last!.slots.upperBound - base
        let isLive: (Int) -> Bool = { state.live.contains($0) }
        let search = SearchSegment.merged(segments.map(\.search), isLive: isLive)
        var records: [Int: [UInt8]] = [:]
        var analyses: [Int: ArticleAnalysis] = [:]
        var pages: [(firstSlot: Int, bytes: [UInt8])] = []
        for segment in segments {
            for slot in segment.slots where isLive(slot) {
                if let bytes = try? withBytes(segment.records.articleBytes, segment.records.articleOffsets, slot - segment.base, { Array($0) }) {
                    records[slot] = bytes
                }
                if let analysis = try? segment.analyses.analysis(slot: slot) { analyses[slot] = analysis }
            }
            for index in 0..<segment.records.pageCount {
                guard let bytes = try? segment.records.withPageBytes(index, { Array($0) }),
                      let entry = Self.decodePage(bytes),
                      state.page(id: entry.id)?.number == entry.number,
                      let first = entry.slots.first else { continue }
                pages.append((first, bytes))
            }
        }
        let fingerprint = segments.first?.analyses.modelFingerprint ?? state.model.fingerprint
        return ArchiveSegment(search: search, records: RecordSegment(base: base, count: count, articles: records, pages: pages),
                              analyses: AnalysisSegment(base: base, count: count, modelFingerprint: fingerprint, analyses: analyses),
                              fileID: nil)
    }
}

extension Archive {
    static func decodePage(_ bytes: [UInt8]) -> PageEntry? {
        bytes.withUnsafeBytes { raw in try? PageEntry.decode(raw).entry }
    }
}

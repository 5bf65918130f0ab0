import Persistence

/// The full-text index of an archive: immutable segments over article slots plus the set of slots
/// that were deleted since their segment was built. Ideograph bigrams plus unigrams and whole word
/// tokens, BM25 ranking with index-wide statistics, phrase verification, snippets.
///
/// Immutable: readers share it without locks. A change makes a new index that shares every
/// unchanged segment (`adding`, `replacing`, `deleting`), so an upload costs its own page, not the
/// archive.
public final class SearchIndex: Sendable {
    public let configuration: SearchConfiguration
    /// Sorted by `base`, never overlapping.
    public let segments: [SearchSegment]
    /// Slots whose document is gone but still in a segment.
    public let deleted: SlotSet
    /// `deleted` as a bitset for the matching loop (nil when nothing is deleted).
    let deletedFilter: DocumentFilter?
    /// Live documents (non-empty and not deleted).
    public let documentCount: Int
    let averageLength: Double
    /// One past the highest slot any segment covers.
    public let slotCount: Int

    public init(segments: [SearchSegment], deleted: SlotSet = SlotSet(), configuration: SearchConfiguration = .init()) {
        let sorted = segments.sorted { $0.base < $1.base }
        for (left, right) in zip(sorted, sorted.dropFirst()) {
            precondition(left.slots.upperBound <= right.base, "segments overlap")
        }
        self.segments = sorted
        self.configuration = configuration
        slotCount = sorted.last?.slots.upperBound ?? 0
        var live = 0
        var length = 0.0
        for segment in sorted {
            live += segment.nonEmptyCount
            length += segment.totalLength
        }
        var removed = SlotSet()
        deleted.forEach { slot in
            if let segment = Self.segment(containing: slot, in: sorted), segment.hasDocument(atSlot: slot) {
                removed.insert(slot)
                live -= 1
                length -= Double(segment.lengths[slot - segment.base])
            }
            return true
        }
        self.deleted = removed
        deletedFilter = removed.isEmpty ? nil : DocumentFilter(removed.slots, capacity: slotCount)
        documentCount = live
        averageLength = live > 0 && length > 0 ? length / Double(live) : 1
    }

    /// An index of one segment over documents with ids `0..<n` (tests, tools).
    public convenience init(documents: [SearchDocument], configuration: SearchConfiguration = .init()) {
        let count = (documents.map(\.id).max() ?? -1) + 1
        self.init(segments: [SearchSegment(documents: documents, base: 0, count: count)], configuration: configuration)
    }

    /// This index with `segment` added (its slots must be beyond every existing one).
    public func adding(_ segment: SearchSegment) -> SearchIndex {
        SearchIndex(segments: segments + [segment], deleted: deleted, configuration: configuration)
    }

    /// This index with the slots of `removed` hidden.
    public func deleting(_ removed: SlotSet) -> SearchIndex {
        SearchIndex(segments: segments, deleted: deleted.union(removed), configuration: configuration)
    }

    /// This index with `old` (adjacent segments) replaced by `merged`, which covers the same slots.
    /// Deleted slots the merge dropped are forgotten.
    public func replacing(_ old: [SearchSegment], with merged: SearchSegment) -> SearchIndex {
        let ids = Set(old.map(ObjectIdentifier.init))
        let kept = segments.filter { !ids.contains(ObjectIdentifier($0)) }
        return SearchIndex(segments: kept + [merged], deleted: deleted, configuration: configuration)
    }

    /// The same segments with other ranking settings.
    public func with(configuration: SearchConfiguration) -> SearchIndex {
        SearchIndex(segments: segments, deleted: deleted, configuration: configuration)
    }

    static func segment(containing slot: Int, in segments: [SearchSegment]) -> SearchSegment? {
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].slots.upperBound <= slot { low = middle + 1 } else { high = middle }
        }
        return low < segments.count && segments[low].slots.contains(slot) ? segments[low] : nil
    }

    public func segment(containing slot: Int) -> SearchSegment? { Self.segment(containing: slot, in: segments) }

    /// True when `slot` holds a live document.
    public func contains(slot: Int) -> Bool {
        guard let segment = segment(containing: slot) else { return false }
        return segment.hasDocument(atSlot: slot) && !deleted.contains(slot)
    }

    /// The fields of a live document as indexed, or nil.
    public func fields(ofSlot slot: Int) -> [SearchField]? {
        guard contains(slot: slot), let segment = segment(containing: slot) else { return nil }
        return segment.fields(ofSlot: slot)
    }

    /// How many distinct terms the segments hold (a term in two segments counts twice).
    public var termCount: Int { segments.reduce(0) { $0 + $1.termCount } }

    /// Bytes held by the segments' arrays, and how many of them are in mapped files.
    public var storedBytes: (total: Int, mapped: Int) {
        segments.reduce((0, 0)) { sum, segment in
            (sum.0 + segment.byteCount, sum.1 + (segment.isMapped ? segment.byteCount : 0))
        }
    }
}

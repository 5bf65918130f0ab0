import Analysis
import Foundation
import PageParser
import Persistence

extension ArchiveState {
    /// A whole state from its parts, in one pass each: what a full build and a start-up from
    /// persisted segments both end with. `pages` are the current pages with their slots; every
    /// other slot the segments cover is a deleted article. The aggregate is asked for only once
    /// the tables are built.
    static func assembled(segments: [ArchiveSegment], pages: [PageEntry], aggregate: @autoclosure () -> CorpusAggregate,
                          model: CorpusModel, search: SearchConfiguration, tombstones: [String: [String]],
                          loadErrors: [LoadError], configurationKey: UInt64, generation: Int) -> ArchiveState {
        let segments = segments.sorted { $0.base < $1.base }
        let slotCount = max(segments.last?.slots.upperBound ?? 0, (pages.flatMap(\.slots).max() ?? -1) + 1)
        var slotTable = ChunkedArray<SlotEntry>()
        slotTable.grow(to: slotCount, with: SlotEntry(page: 0, ordinal: 0, kind: 0, order: 0, isLive: false))
        var pageTable = ChunkedArray<PageEntry?>()
        pageTable.grow(to: (pages.map(\.number).max() ?? -1) + 1, with: nil)
        var orderKeys: [DateOrderKey] = []
        var gone: [String: String] = [:]
        var numbers: [(String, Int)] = []
        var hashes: [(UInt64, String)] = []
        var orders: [(PageOrderKey, Int)] = []
        var days: [Int: Int] = [:]
        var lastModified = Date(timeIntervalSince1970: 0)
        var hashSum: UInt64 = 0
        for page in pages {
            let order = DateOrderKey.packed(date: page.edition.date, created: page.createdAt)
            for (index, slot) in page.slots.enumerated() {
                let kind = index < page.kinds.count ? page.kinds[index] : 0
                slotTable[slot] = SlotEntry(page: page.number, ordinal: index + 1, kind: kind, order: order, isLive: true)
                orderKeys.append(DateOrderKey(packed: order, slot: slot))
            }
            pageTable[page.number] = page
            numbers.append((page.id, page.number))
            hashes.append((page.bodyHash, page.id))
            orders.append((PageOrderKey(page), page.number))
            if let day = page.edition.date?.dayNumber { days[day, default: 0] += 1 }
            lastModified = max(lastModified, page.updatedAt)
            hashSum &+= page.contentHash
            for id in page.gone { gone[id] = page.id }
        }
        let current = Set(numbers.map(\.0))
        for (pageID, ids) in tombstones where !current.contains(pageID) {
            for id in ids where gone[id] == nil { gone[id] = pageID }
        }
        for page in pages {
            for key in page.keys { gone["\(page.id)-\(key)"] = nil }
        }
        // Read back from the slot table, the sets' slots come in order.
        var liveSlots: [Int] = []
        var kindSlots: [ArticleKind: [Int]] = [:]
        liveSlots.reserveCapacity(orderKeys.count)
        for slot in 0..<slotTable.count where slotTable[slot].isLive {
            liveSlots.append(slot)
            kindSlots[ArticleKind.allCases[Int(slotTable[slot].kind)], default: []].append(slot)
        }
        let live = SlotSet(liveSlots)
        let dead = SlotSet.all(slotCount).subtracting(live)
        var byHash: [UInt64: String] = [:]
        for (hash, id) in hashes where byHash[hash] == nil || id < byHash[hash]! { byHash[hash] = id }
        // Asked for last: a start-up decodes it on another core while the tables above are built.
        let aggregate = aggregate()
        return ArchiveState(
            generation: generation, model: model, aggregate: aggregate,
            search: SearchIndex(segments: segments.map(\.search), deleted: dead, configuration: search), segments: segments,
            pageTable: pageTable, pageNumbers: SortedMap(sorted: numbers.sorted { $0.0 < $1.0 }),
            pagesByHash: SortedMap(sorted: byHash.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
            pageOrder: SortedMap(sorted: orders.sorted { $0.0 < $1.0 }), editionDays: SortedMap(sorted: days.sorted { $0.key < $1.key }),
            slotTable: slotTable, live: live, dateOrder: SortedMap(sorted: orderKeys.sorted().map { ($0, true) }),
            kinds: kindSlots.mapValues { SlotSet($0) }, gone: SortedMap(sorted: gone.sorted { $0.key < $1.key }),
            loadErrors: loadErrors, lastModified: lastModified, pageHashSum: hashSum, configurationKey: configurationKey)
    }

    /// The aggregate of the analyses of `pages`' articles, decoded from the segments one at a time
    /// in slot order (a million articles' analyses are never all in memory at once).
    static func aggregate(of pages: [PageEntry], in segments: [ArchiveSegment], places: PlaceDirectory,
                          linkLimit: Int) -> CorpusAggregate {
        let live = SlotSet(pages.flatMap(\.slots).sorted())
        return CorpusAggregate(places: places, linkLimit: linkLimit) { body in
            for segment in segments.sorted(by: { $0.base < $1.base }) {
                for slot in segment.slots where live.contains(slot) {
                    if let analysis = try? segment.analyses.analysis(slot: slot) { body(slot, analysis) }
                }
            }
        }
    }

    /// One segment over the slots of `pages` (contiguous, slots assigned); without a model, its
    /// analyses are left empty for a later pass.
    static func segment(of pages: [PreparedPage], model: CorpusModel?, configuration: AnalysisConfiguration) -> ArchiveSegment {
        let slots = pages.flatMap(\.entry.slots)
        let base = slots.min() ?? 0
        let count = (slots.max() ?? base - 1) + 1 - base
        var documents: [SearchDocument] = []
        var records: [Int: [UInt8]] = [:]
        var analyses: [Int: ArticleAnalysis] = [:]
        var pageRecords: [(firstSlot: Int, bytes: [UInt8])] = []
        for page in pages {
            for (index, article) in page.articles.enumerated() {
                let slot = page.entry.slots[index]
                documents.append(searchDocument(article, slot: slot, configuration: configuration.search))
                records[slot] = RecordCoding.encode(article)
                if index < page.analyses.count { analyses[slot] = page.analyses[index] }
            }
            if let first = page.entry.slots.first { pageRecords.append((first, page.entry.encode(furniture: page.furniture))) }
        }
        return ArchiveSegment(search: SearchSegment(documents: documents, base: base, count: count),
                              records: RecordSegment(base: base, count: count, articles: records, pages: pageRecords),
                              analyses: AnalysisSegment(base: base, count: count, modelFingerprint: model?.fingerprint ?? 0, analyses: analyses),
                              fileID: nil)
    }
}

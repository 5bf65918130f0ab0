import Analysis
import Foundation
import PageParser
import Persistence

/// A page ready to go into the archive: parsed, its articles keyed and analysed.
struct PreparedPage: Sendable {
    /// `slots` and `number` are given when the page is applied.
    var entry: PageEntry
    var furniture: PageFurniture
    var articles: [Article]
    var analyses: [ArticleAnalysis]
}

extension ArchiveState {
    /// A new state with the pages of `removed` taken out and `added` put in (a replacement is
    /// both, in one step, so no reader sees the page missing). Costs what the pages hold, not what
    /// the archive holds: the new articles get new slots at the end, one new segment holds them,
    /// and every set, order and table is changed along the paths these pages touch.
    ///
    /// - Parameter deleting: ids of removed pages whose articles become gone (410) rather than
    ///   replaced.
    ///   - tombstones: removed article ids of deleted pages (read from their tombstone files), by page.
    func applying(removing removed: [String], adding added: [PreparedPage], deleting: Set<String> = [],
                  tombstones: [String: [String]] = [:], configuration: AnalysisConfiguration, now: Date = Date()) -> ArchiveState {
        var pageTable = self.pageTable
        var pageNumbers = self.pageNumbers
        var pagesByHash = self.pagesByHash
        var pageOrder = self.pageOrder
        var editionDays = self.editionDays
        var slotTable = self.slotTable
        var live = self.live
        var dateOrder = self.dateOrder
        var kinds = self.kinds
        var gone = self.gone
        var aggregate = self.aggregate
        var pageHashSum = self.pageHashSum
        var lastModified = self.lastModified
        var removedSlots = SlotSet()
        var removedAnalyses: [(slot: Int, analysis: ArticleAnalysis)] = []

        for id in removed {
            guard let number = pageNumbers[id], let page = pageTable[number] else { continue }
            for (index, slot) in page.slots.enumerated() {
                guard var entry = entry(slot: slot) else { continue }
                live.remove(slot)
                removedSlots.insert(slot)
                dateOrder.remove(DateOrderKey(packed: entry.order, slot: slot))
                kinds[ArticleKind.allCases[Int(entry.kind)]]?.remove(slot)
                entry.isLive = false
                slotTable[slot] = entry
                if let analysis = analysis(slot: slot) { removedAnalyses.append((slot, analysis)) }
                if deleting.contains(id) { gone[page.articleID(at: index)] = id }
            }
            pageTable[number] = nil
            pageNumbers[id] = nil
            if pagesByHash[page.bodyHash] == id { pagesByHash[page.bodyHash] = nil }
            pageOrder.remove(PageOrderKey(page))
            if let day = page.edition.date?.dayNumber {
                let count = (editionDays[day] ?? 1) - 1
                editionDays[day] = count > 0 ? count : nil
            }
            pageHashSum &-= page.contentHash
        }
        aggregate.remove(removedAnalyses)

        var addedAnalyses: [(slot: Int, analysis: ArticleAnalysis)] = []
        var documents: [SearchDocument] = []
        var records: [Int: [UInt8]] = [:]
        var analyses: [Int: ArticleAnalysis] = [:]
        var pageRecords: [(firstSlot: Int, bytes: [UInt8])] = []
        let firstSlot = slotTable.count
        for prepared in added {
            var page = prepared.entry
            page.number = pageTable.count
            page.slots = Array(slotTable.count..<(slotTable.count + prepared.articles.count))
            let order = DateOrderKey.packed(date: page.edition.date, created: page.createdAt)
            for (index, article) in prepared.articles.enumerated() {
                let slot = page.slots[index]
                let kind = UInt8(ArticleKind.allCases.firstIndex(of: article.kind) ?? 0)
                slotTable.append(SlotEntry(page: page.number, ordinal: index + 1, kind: kind, order: order, isLive: true))
                live.insert(slot)
                dateOrder.insert(DateOrderKey(packed: order, slot: slot), true)
                kinds[article.kind, default: SlotSet()].insert(slot)
                gone[page.articleID(at: index)] = nil
                addedAnalyses.append((slot, prepared.analyses[index]))
                documents.append(Self.searchDocument(article, slot: slot, configuration: configuration.search))
                records[slot] = RecordCoding.encode(article)
                analyses[slot] = prepared.analyses[index]
            }
            for id in page.gone where gone[id] == nil && !page.keys.contains(where: { "\(page.id)-\($0)" == id }) {
                gone[id] = page.id
            }
            pageTable.append(page)
            pageNumbers[page.id] = page.number
            pagesByHash[page.bodyHash] = page.id
            pageOrder.insert(PageOrderKey(page), page.number)
            if let day = page.edition.date?.dayNumber { editionDays[day] = (editionDays[day] ?? 0) + 1 }
            pageHashSum &+= page.contentHash
            lastModified = max(lastModified, page.updatedAt)
            if let first = page.slots.first { pageRecords.append((first, page.encode(furniture: prepared.furniture))) }
        }
        if !deleting.isEmpty { lastModified = max(lastModified, now) }
        for (pageID, ids) in tombstones where pageNumbers[pageID] == nil {
            for id in ids where gone[id] == nil { gone[id] = pageID }
        }
        aggregate.add(addedAnalyses)

        var search = self.search
        var segments = self.segments
        if !removedSlots.isEmpty { search = search.deleting(removedSlots) }
        let count = slotTable.count - firstSlot
        if count > 0 {
            let searchSegment = SearchSegment(documents: documents, base: firstSlot, count: count)
            let recordSegment = RecordSegment(base: firstSlot, count: count, articles: records, pages: pageRecords)
            let analysisSegment = AnalysisSegment(base: firstSlot, count: count, modelFingerprint: model.fingerprint, analyses: analyses)
            segments.append(ArchiveSegment(search: searchSegment, records: recordSegment, analyses: analysisSegment, fileID: nil))
            search = search.adding(searchSegment)
        }
        return ArchiveState(generation: generation + 1, model: model, aggregate: aggregate, search: search, segments: segments,
                            pageTable: pageTable, pageNumbers: pageNumbers, pagesByHash: pagesByHash, pageOrder: pageOrder,
                            editionDays: editionDays, slotTable: slotTable, live: live, dateOrder: dateOrder, kinds: kinds,
                            gone: gone, loadErrors: loadErrors, lastModified: lastModified, pageHashSum: pageHashSum,
                            configurationKey: configurationKey)
    }

    /// The same state with other load errors.
    func with(loadErrors: [LoadError]) -> ArchiveState {
        ArchiveState(generation: generation + 1, model: model, aggregate: aggregate, search: search, segments: segments,
                     pageTable: pageTable, pageNumbers: pageNumbers, pagesByHash: pagesByHash, pageOrder: pageOrder,
                     editionDays: editionDays, slotTable: slotTable, live: live, dateOrder: dateOrder, kinds: kinds, gone: gone,
                     loadErrors: loadErrors, lastModified: lastModified, pageHashSum: pageHashSum, configurationKey: configurationKey)
    }

    /// The same state with `old` (adjacent segments) replaced by `merged`, which covers their slots.
    func replacing(_ old: [ArchiveSegment], with merged: ArchiveSegment) -> ArchiveState {
        let bases = Set(old.map(\.base))
        let kept = segments.filter { !bases.contains($0.base) }
        let segments = (kept + [merged]).sorted { $0.base < $1.base }
        return ArchiveState(generation: generation, model: model, aggregate: aggregate,
                            search: search.replacing(old.map(\.search), with: merged.search), segments: segments,
                            pageTable: pageTable, pageNumbers: pageNumbers, pagesByHash: pagesByHash, pageOrder: pageOrder,
                            editionDays: editionDays, slotTable: slotTable, live: live, dateOrder: dateOrder, kinds: kinds,
                            gone: gone, loadErrors: loadErrors, lastModified: lastModified, pageHashSum: pageHashSum,
                            configurationKey: configurationKey)
    }

    /// The same state with some segments swapped for equal ones read from files (after a checkpoint).
    func withPersisted(_ persisted: [ArchiveSegment]) -> ArchiveState {
        var byBase: [Int: ArchiveSegment] = [:]
        for segment in persisted { byBase[segment.base] = segment }
        var replacedSearch: [(SearchSegment, SearchSegment)] = []
        let segments = self.segments.map { segment -> ArchiveSegment in
            guard let file = byBase[segment.base], file.slots == segment.slots else { return segment }
            replacedSearch.append((segment.search, file.search))
            return file
        }
        var search = self.search
        for (old, new) in replacedSearch { search = search.replacing([old], with: new) }
        return ArchiveState(generation: generation, model: model, aggregate: aggregate, search: search, segments: segments,
                            pageTable: pageTable, pageNumbers: pageNumbers, pagesByHash: pagesByHash, pageOrder: pageOrder,
                            editionDays: editionDays, slotTable: slotTable, live: live, dateOrder: dateOrder, kinds: kinds,
                            gone: gone, loadErrors: loadErrors, lastModified: lastModified, pageHashSum: pageHashSum,
                            configurationKey: configurationKey)
    }

    /// What full-text search indexes of an article, with the weights of its parts.
    static func searchDocument(_ article: Article, slot: Int, configuration: AnalysisConfiguration.Search) -> SearchDocument {
        var fields: [SearchField] = []
        let headline = [article.kicker, article.title, article.subtitle].compactMap { $0 }.joined(separator: " ")
        if !headline.isEmpty { fields.append(.title(headline, boost: configuration.titleBoost)) }
        for subheading in article.subheadings { fields.append(.subheading(subheading.text, boost: configuration.subheadingBoost)) }
        for paragraph in article.paragraphs { fields.append(.body(paragraph)) }
        // Captions and bylines are searchable but never snippet text.
        for caption in article.captions { fields.append(SearchField(text: caption.text, kind: .caption)) }
        let people = article.authors.map(\.name).joined(separator: " ")
        if !people.isEmpty { fields.append(SearchField(text: people, kind: .people)) }
        return SearchDocument(id: slot, fields: fields)
    }
}

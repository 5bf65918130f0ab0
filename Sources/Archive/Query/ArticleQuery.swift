import Analysis
import PageParser
import Persistence

/// What `GET /articles` (and every article sub-collection, search and feed) asks for: filters that
/// combine (AND), a date range, a sort, a page.
public struct ArticleQuery: Sendable, Hashable {
    public var text: String?
    /// An author id.
    public var author: String?
    /// A place id; articles about it or any place below it match.
    public var locality: String?
    public var initiative: String?
    public var tag: String?
    public var kind: ArticleKind?
    public var pageID: String?
    /// Edition dates, inclusive. A range leaves undated articles out.
    public var from: EditionDate?
    public var to: EditionDate?
    public var sort: ArticleSort?
    public var page = 1
    public var perPage = 20
    /// Text matches counted exactly before a relevance search may skip the ones that cannot
    /// rank, leaving the total a lower bound (see `SearchIndex.search`).
    public var exactTotalUpTo = Int.max

    public init() {}

    /// The sort used: as asked, else relevance for a text query and newest first otherwise.
    public var effectiveSort: ArticleSort { sort ?? (text == nil ? .reverseDate : .relevance) }
}

public enum ArticleSort: String, Sendable, Hashable, CaseIterable {
    case relevance
    /// Oldest edition first, undated articles after dated ones.
    case date
    /// Newest edition first, undated articles after dated ones.
    case reverseDate = "-date"
}

/// One page of matching articles.
public struct ArticleResults: Sendable {
    /// Every match when `totalIsExact`, else a lower bound.
    public var total: Int
    public var totalIsExact = true
    public var items: [ArchiveState.ArticleRef]
    /// Relevance scores by slot, when the query had text.
    public var scores: [Int: Double]
    public var searchQuery: SearchQuery?
}

extension ArchiveState {
    /// Filters below this many articles are sorted by date directly; larger ones are read off the
    /// archive's date order (checking membership) until the page is full.
    static let collectThreshold = 8192

    public func findArticles(_ query: ArticleQuery, isCancelled: () -> Bool = { false }) -> ArticleResults {
        let offset = (max(1, query.page) - 1) * query.perPage
        let limit = query.perPage
        let filter = filterSet(query)
        let range = dateRange(query)
        let sort = query.effectiveSort
        if let text = query.text {
            // A query of punctuation alone searches for nothing and so finds nothing.
            let parsed = SearchQuery.parse(text)
            guard !parsed.isEmpty else { return ArticleResults(total: 0, items: [], scores: [:], searchQuery: parsed) }
            let allowed = allowedDocuments(filter: filter, range: range)
            let results: SearchResults
            switch sort {
            case .relevance:
                results = search.search(parsed, allowed: allowed, limit: limit, offset: offset,
                                        exactTotalUpTo: query.exactTotalUpTo, isCancelled: isCancelled)
            case .date, .reverseDate:
                let table = slotTable
                let ascending = sort == .date
                results = search.search(parsed, allowed: allowed, limit: limit, offset: offset,
                                        orderedBy: { slot in Self.sortValue(table[slot].order, ascending: ascending) },
                                        isCancelled: isCancelled)
            }
            return ArticleResults(total: results.total, totalIsExact: results.totalIsExact,
                                  items: results.hits.compactMap { article(slot: $0.doc) },
                                  scores: Dictionary(results.hits.map { ($0.doc, $0.score) }, uniquingKeysWith: max),
                                  searchQuery: parsed)
        }
        let ascending = sort == .date
        let (total, slots) = page(filter: filter, range: range, ascending: ascending, offset: offset, limit: limit)
        return ArticleResults(total: total, items: slots.compactMap(article(slot:)), scores: [:], searchQuery: nil)
    }

    /// The intersection of the query's entity filters (smallest first), or nil when it has none.
    func filterSet(_ query: ArticleQuery) -> SlotSet? {
        var sets: [SlotSet] = []
        if let author = query.author { sets.append(aggregate.author(id: author)?.articles ?? SlotSet()) }
        if let locality = query.locality { sets.append(aggregate.articles(inPlace: locality)) }
        if let initiative = query.initiative { sets.append(aggregate.initiative(id: initiative)?.articles ?? SlotSet()) }
        if let tag = query.tag { sets.append(aggregate.articles(withTag: tag)) }
        if let kind = query.kind { sets.append(kinds[kind] ?? SlotSet()) }
        if let pageID = query.pageID { sets.append(SlotSet(page(id: pageID)?.slots ?? [])) }
        guard !sets.isEmpty else { return nil }
        sets.sort { $0.count < $1.count }
        return sets.dropFirst().reduce(sets[0]) { $0.intersection($1) }
    }

    /// Packed date-order bounds (lower inclusive, upper exclusive) of the query's date range.
    func dateRange(_ query: ArticleQuery) -> Range<UInt64>? {
        guard query.from != nil || query.to != nil else { return nil }
        let lower = query.from.map { UInt64($0.dayNumber + 100_000) << 34 } ?? 0
        let upper = query.to.map { UInt64($0.dayNumber + 100_000 + 1) << 34 } ?? DateOrderKey.undatedBit
        return lower..<max(lower, upper)
    }

    /// A sort value in which ascending order is the requested order: undated articles always come
    /// after dated ones.
    static func sortValue(_ packed: UInt64, ascending: Bool) -> UInt64 {
        if ascending { return packed }
        let mask = DateOrderKey.undatedBit - 1
        return (packed & DateOrderKey.undatedBit != 0 ? DateOrderKey.undatedBit : 0) | (mask - (packed & mask))
    }

    /// The documents a text query may match: the filter and the date range, or nil for all.
    func allowedDocuments(filter: SlotSet?, range: Range<UInt64>?) -> DocumentFilter? {
        guard filter != nil || range != nil else { return nil }
        var allowed = DocumentFilter(capacity: slotCount)
        if let filter {
            filter.forEach { slot in
                if range.map({ $0.contains(slotTable[slot].order) }) ?? true { allowed.insert(slot) }
                return true
            }
        } else if let range {
            let start = dateOrder.rank(of: DateOrderKey.first(range.lowerBound))
            dateOrder.forEach(fromPosition: start) { key, _ in
                guard key.packed < range.upperBound else { return false }
                allowed.insert(key.slot)
                return true
            }
        }
        return allowed
    }

    /// One page of articles in date order, and how many match in all. Costs what the page and
    /// the filter's size call for, never a sort of the whole archive.
    func page(filter: SlotSet?, range: Range<UInt64>?, ascending: Bool, offset: Int, limit: Int) -> (total: Int, slots: [Int]) {
        guard let filter else { return positionalPage(range: range, ascending: ascending, offset: offset, limit: limit) }
        var rangeSize = Int.max
        if let range {
            rangeSize = dateOrder.rank(of: DateOrderKey.first(range.upperBound))
                - dateOrder.rank(of: DateOrderKey.first(range.lowerBound))
        }
        let size = filter.count
        if range == nil, offset >= size { return (size, []) }
        if size <= Self.collectThreshold || (range != nil && size <= rangeSize) {
            // Sort the filter's members.
            var members: [(value: UInt64, slot: Int)] = []
            members.reserveCapacity(size)
            filter.forEach { slot in
                let order = slotTable[slot].order
                if range.map({ $0.contains(order) }) ?? true { members.append((Self.sortValue(order, ascending: ascending), slot)) }
                return true
            }
            let wanted = offset + limit
            if members.count > 4 * wanted + 64 {
                members = Self.smallest(members, count: wanted)
            } else {
                members.sort { ($0.value, $0.slot) < ($1.value, $1.slot) }
            }
            return (range == nil ? size : members.count, Array(members.dropFirst(offset).prefix(limit).map(\.slot)))
        }
        // Read the date order, keeping members.
        var total = range == nil ? size : 0
        var slots: [Int] = []
        var skipped = 0
        walkDateOrder(range: range, ascending: ascending) { slot in
            guard filter.contains(slot) else { return true }
            if range != nil { total += 1 }
            if skipped < offset {
                skipped += 1
            } else if slots.count < limit {
                slots.append(slot)
            }
            // Without a range the total is known: stop once the page is full.
            return range != nil || slots.count < limit
        }
        return (total, slots)
    }

    /// The `count` smallest entries in order, by a bounded heap.
    private static func smallest(_ entries: [(value: UInt64, slot: Int)], count: Int) -> [(value: UInt64, slot: Int)] {
        guard count > 0 else { return [] }
        var heap = BoundedLargest(capacity: count)
        for entry in entries { heap.offer(entry) }
        return heap.sorted
    }

    /// A page of the archive's (or a date range's) articles by position in date order.
    private func positionalPage(range: Range<UInt64>?, ascending: Bool, offset: Int, limit: Int) -> (total: Int, slots: [Int]) {
        var slots: [Int] = []
        var total = 0
        if let range {
            let low = dateOrder.rank(of: DateOrderKey.first(range.lowerBound))
            let high = dateOrder.rank(of: DateOrderKey.first(range.upperBound))
            total = high - low
            guard offset < total else { return (total, []) }
            if ascending {
                dateOrder.forEach(fromPosition: low + offset) { key, _ in
                    slots.append(key.slot)
                    return slots.count < limit && low + offset + slots.count < high
                }
            } else {
                dateOrder.forEachReversed(fromPosition: high - 1 - offset) { key, _ in
                    slots.append(key.slot)
                    return slots.count < limit && high - 1 - offset - slots.count >= low
                }
            }
            return (total, slots)
        }
        total = dateOrder.count
        guard offset < total else { return (total, []) }
        if ascending {
            dateOrder.forEach(fromPosition: offset) { key, _ in
                slots.append(key.slot)
                return slots.count < limit
            }
            return (total, slots)
        }
        // Newest dated first, then undated newest first.
        let dated = dateOrder.rank(of: DateOrderKey.first(DateOrderKey.undatedBit))
        if offset < dated {
            dateOrder.forEachReversed(fromPosition: dated - 1 - offset) { key, _ in
                slots.append(key.slot)
                return slots.count < limit
            }
        }
        if slots.count < limit, total > dated {
            let skip = max(0, offset - dated)
            dateOrder.forEachReversed(fromPosition: total - 1 - skip) { key, _ in
                guard key.isUndated else { return false }
                slots.append(key.slot)
                return slots.count < limit
            }
        }
        return (total, slots)
    }

    /// Live slots in the requested date order (within `range` when given) until `body` says stop.
    func walkDateOrder(range: Range<UInt64>?, ascending: Bool, _ body: (Int) -> Bool) {
        if let range {
            if ascending {
                dateOrder.forEach(fromPosition: dateOrder.rank(of: DateOrderKey.first(range.lowerBound))) { key, _ in
                    key.packed < range.upperBound && body(key.slot)
                }
            } else {
                let high = dateOrder.rank(of: DateOrderKey.first(range.upperBound))
                dateOrder.forEachReversed(fromPosition: high - 1) { key, _ in
                    key.packed >= range.lowerBound && body(key.slot)
                }
            }
            return
        }
        if ascending {
            dateOrder.forEach(fromPosition: 0) { key, _ in body(key.slot) }
            return
        }
        let dated = dateOrder.rank(of: DateOrderKey.first(DateOrderKey.undatedBit))
        var stopped = false
        dateOrder.forEachReversed(fromPosition: dated - 1) { key, _ in
            if !body(key.slot) { stopped = true }
            return !stopped
        }
        guard !stopped else { return }
        dateOrder.forEachReversed(fromPosition: dateOrder.count - 1) { key, _ in key.isUndated && body(key.slot) }
    }
}

/// The `capacity` smallest entries seen, in a max-heap.
struct BoundedLargest {
    private var heap: [(value: UInt64, slot: Int)] = []
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    private static func above(_ a: (value: UInt64, slot: Int), _ b: (value: UInt64, slot: Int)) -> Bool {
        (a.value, a.slot) > (b.value, b.slot)
    }

    mutating func offer(_ entry: (value: UInt64, slot: Int)) {
        if heap.count < capacity {
            heap.append(entry)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.above(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        } else if Self.above(heap[0], entry) {
            heap[0] = entry
            var parent = 0
            while true {
                var largest = parent
                // Two comparisons, not a loop over an array literal: that allocated on every step
                // (a quarter of the CPU of an author's list, in a profile at a million articles).
                let left = 2 * parent + 1
                if left < heap.count, Self.above(heap[left], heap[largest]) { largest = left }
                if left + 1 < heap.count, Self.above(heap[left + 1], heap[largest]) { largest = left + 1 }
                guard largest != parent else { break }
                heap.swapAt(parent, largest)
                parent = largest
            }
        }
    }

    var sorted: [(value: UInt64, slot: Int)] { heap.sorted { ($0.value, $0.slot) < ($1.value, $1.slot) } }
}

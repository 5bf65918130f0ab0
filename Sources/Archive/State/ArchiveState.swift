import Analysis
import Foundation
import PageParser
import Persistence

/// One immutable state of the archive: every page and article slot, the search index, the corpus
/// model and aggregate, and the orders and sets queries use. Readers share it without locks; a
/// change makes a new state that shares everything it does not touch (persistent maps, chunked
/// columns, segments), so an upload costs its own page and the memory it takes does not spike
/// with the size of the archive.
public final class ArchiveState: Sendable {
    /// Changes by one with every change of content.
    public let generation: Int
    public let model: CorpusModel
    public let aggregate: CorpusAggregate
    public let search: SearchIndex
    public let segments: [ArchiveSegment]

    let pageTable: ChunkedArray<PageEntry?>
    let pageNumbers: SortedMap<String, Int>
    let pagesByHash: SortedMap<UInt64, String>
    let pageOrder: SortedMap<PageOrderKey, Int>
    /// Pages per edition day.
    let editionDays: SortedMap<Int, Int>
    let slotTable: ChunkedArray<SlotEntry>
    /// Slots holding a current article.
    public let live: SlotSet
    let dateOrder: SortedMap<DateOrderKey, Bool>
    let kinds: [ArticleKind: SlotSet]
    /// Removed article ids and the page they were on.
    let gone: SortedMap<String, String>
    /// Page files that could not be loaded, by name.
    public let loadErrors: [LoadError]
    public let lastModified: Date
    /// Order-free sum of the pages' content hashes.
    let pageHashSum: UInt64
    /// The program version and configuration the state was made with.
    public let configurationKey: UInt64

    init(generation: Int, model: CorpusModel, aggregate: CorpusAggregate, search: SearchIndex, segments: [ArchiveSegment],
         pageTable: ChunkedArray<PageEntry?>, pageNumbers: SortedMap<String, Int>, pagesByHash: SortedMap<UInt64, String>,
         pageOrder: SortedMap<PageOrderKey, Int>, editionDays: SortedMap<Int, Int>, slotTable: ChunkedArray<SlotEntry>,
         live: SlotSet, dateOrder: SortedMap<DateOrderKey, Bool>, kinds: [ArticleKind: SlotSet], gone: SortedMap<String, String>,
         loadErrors: [LoadError], lastModified: Date, pageHashSum: UInt64, configurationKey: UInt64) {
        self.generation = generation
        self.model = model
        self.aggregate = aggregate
        self.search = search
        self.segments = segments
        self.pageTable = pageTable
        self.pageNumbers = pageNumbers
        self.pagesByHash = pagesByHash
        self.pageOrder = pageOrder
        self.editionDays = editionDays
        self.slotTable = slotTable
        self.live = live
        self.dateOrder = dateOrder
        self.kinds = kinds
        self.gone = gone
        self.loadErrors = loadErrors
        self.lastModified = lastModified
        self.pageHashSum = pageHashSum
        self.configurationKey = configurationKey
    }

    /// An archive with no pages.
    static func empty(model: CorpusModel, places: PlaceDirectory, search: SearchConfiguration, configurationKey: UInt64) -> ArchiveState {
        ArchiveState(generation: 0, model: model, aggregate: CorpusAggregate(places: places),
                     search: SearchIndex(segments: [], configuration: search), segments: [], pageTable: ChunkedArray(),
                     pageNumbers: SortedMap(), pagesByHash: SortedMap(), pageOrder: SortedMap(), editionDays: SortedMap(),
                     slotTable: ChunkedArray(), live: SlotSet(), dateOrder: SortedMap(), kinds: [:], gone: SortedMap(),
                     loadErrors: [], lastModified: Date(timeIntervalSince1970: 0), pageHashSum: 0, configurationKey: configurationKey)
    }

    /// A fingerprint of the content: the same on every replica holding the same pages with the
    /// same program and configuration, so ETags derived from it survive restarts and load
    /// balancers, and change after a deploy or a configuration change.
    public var fingerprint: UInt64 {
        var checksum = Checksum(seed: configurationKey)
        withUnsafeBytes(of: pageHashSum.littleEndian) { checksum.update($0) }
        withUnsafeBytes(of: model.fingerprint.littleEndian) { checksum.update($0) }
        return checksum.value
    }

    // MARK: - Counts

    public var pageCount: Int { pageNumbers.count }
    public var articleCount: Int { live.count }
    /// Slots ever given out (deleted ones included): the size of slot-indexed sets.
    public var slotCount: Int { slotTable.count }

    // MARK: - Pages

    public func page(id: String) -> PageEntry? { pageNumbers[id].flatMap { pageTable[$0] } }

    func page(number: Int) -> PageEntry? { number < pageTable.count ? pageTable[number] : nil }

    /// The page holding the same body, if any.
    public func page(withBodyHash hash: UInt64) -> PageEntry? { pagesByHash[hash].flatMap(page(id:)) }

    /// What the page prints besides its articles.
    public func furniture(ofPage page: PageEntry) -> PageFurniture? {
        guard let first = page.slots.first, let segment = segment(containing: first),
              let index = segment.records.pageIndex(firstSlot: first) else { return nil }
        return try? segment.records.withPageBytes(index) { (raw) throws(BinaryReader.Error) in try PageEntry.decode(raw).furniture }
    }

    // MARK: - Articles

    public struct ArticleRef: Sendable {
        public let slot: Int
        public let page: PageEntry
        public let ordinal: Int
        public var id: String { page.articleID(at: ordinal - 1) }
    }

    func entry(slot: Int) -> SlotEntry? { slot >= 0 && slot < slotTable.count ? slotTable[slot] : nil }

    /// The live article in `slot`.
    public func article(slot: Int) -> ArticleRef? {
        guard live.contains(slot), let entry = entry(slot: slot), let page = page(number: entry.page) else { return nil }
        return ArticleRef(slot: slot, page: page, ordinal: entry.ordinal)
    }

    /// The live article with this id.
    public func article(id: String) -> ArticleRef? {
        guard id.utf8.count > ArticleKeys.length + 1 else { return nil }
        let key = String(id.suffix(ArticleKeys.length))
        let pageID = String(id.dropLast(ArticleKeys.length + 1))
        guard id.dropLast(ArticleKeys.length).hasSuffix("-"), let page = page(id: pageID),
              let index = page.keys.firstIndex(of: key) else { return nil }
        return ArticleRef(slot: page.slots[index], page: page, ordinal: index + 1)
    }

    /// How many removed article ids the archive remembers.
    public var goneCount: Int { gone.count }

    /// The page a removed article was on (410 Gone), if the id was ever an article's.
    public func pageOfGoneArticle(id: String) -> String? { gone[id] }

    public func kind(ofSlot slot: Int) -> ArticleKind { entry(slot: slot).map { ArticleKind.allCases[Int($0.kind)] } ?? .theory }

    func segment(containing slot: Int) -> ArchiveSegment? {
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].slots.upperBound <= slot { low = middle + 1 } else { high = middle }
        }
        return low < segments.count && segments[low].slots.contains(slot) ? segments[low] : nil
    }

    /// The parsed article (read from its record).
    public func article(_ ref: ArticleRef) -> Article? {
        try? segment(containing: ref.slot)?.records.article(slot: ref.slot, id: ref.id)
    }

    /// The article as lists show it: every field but the body, of which only the first paragraph
    /// (for the excerpt); no subheadings, no captions. Cheaper to decode than `article(_:)`.
    public func articleSummary(_ ref: ArticleRef) -> Article? {
        try? segment(containing: ref.slot)?.records.article(slot: ref.slot, id: ref.id, summary: true)
    }

    /// The article's analysis against the current model.
    public func analysis(slot: Int) -> ArticleAnalysis? {
        try? segment(containing: slot)?.analyses.analysis(slot: slot)
    }

    public func articles(ofKind kind: ArticleKind) -> SlotSet { kinds[kind] ?? SlotSet() }

    // MARK: - Editions

    /// Edition days with how many pages each has, newest first.
    public func editions(offset: Int, limit: Int) -> [(date: EditionDate, pages: Int)] {
        var rows: [(date: EditionDate, pages: Int)] = []
        editionDays.forEachReversed(fromPosition: editionDays.count - 1 - offset) { day, count in
            guard rows.count < limit else { return false }
            if let date = EditionDate(dayNumber: day) { rows.append((date, count)) }
            return true
        }
        return rows
    }

    public var editionCount: Int { editionDays.count }

    /// Pages in edition order (newest edition first; undated pages last), `offset` onwards.
    public func pages(offset: Int, limit: Int) -> [PageEntry] {
        var rows: [PageEntry] = []
        pageOrder.forEach(fromPosition: offset) { _, number in
            guard rows.count < limit else { return false }
            if let page = page(number: number) { rows.append(page) }
            return true
        }
        return rows
    }

    /// Pages of one edition day, in newspaper and page-label order, `offset` onwards.
    public func pages(on date: EditionDate, offset: Int = 0, limit: Int = .max) -> [PageEntry] {
        var rows: [PageEntry] = []
        // The day's first page by rank, so a deep offset costs a descent, not a walk.
        let first = pageOrder.rank(of: PageOrderKey.firstOfDay(date.dayNumber))
        pageOrder.forEach(fromPosition: first + max(0, offset)) { key, number in
            guard key.day == date.dayNumber, !key.undated, rows.count < limit else { return false }
            if let page = page(number: number) { rows.append(page) }
            return true
        }
        return rows
    }

    /// The newspapers with pages on an edition day, in name order (read from the page order's
    /// keys: no page is looked up).
    public func newspapers(on date: EditionDate) -> [String] {
        var names = Set<String>()
        pageOrder.forEach(from: PageOrderKey.firstOfDay(date.dayNumber)) { key, _ in
            guard key.day == date.dayNumber, !key.undated else { return false }
            if !key.newspaper.isEmpty { names.insert(key.newspaper) }
            return true
        }
        return names.sorted()
    }

    /// How many pages an edition day has.
    public func pageCount(on date: EditionDate) -> Int { editionDays[date.dayNumber] ?? 0 }
}

/// What the state keeps per article slot.
struct SlotEntry: Sendable {
    var page: Int
    /// 1-based position on the page.
    var ordinal: Int
    var kind: UInt8
    /// The slot's position in date order (see `DateOrderKey`).
    var order: UInt64
    var isLive: Bool
}

/// Articles in date order: dated articles by edition date, then undated ones by when their page
/// arrived, each by arrival within a day. `packed` is `undated << 62 | day << 34 | seconds`.
struct DateOrderKey: Comparable, Sendable {
    var packed: UInt64
    var slot: Int

    static let undatedBit: UInt64 = 1 << 62

    static func packed(date: EditionDate?, created: Date) -> UInt64 {
        let seconds = UInt64(max(0, min(Double((1 << 34) - 1), created.timeIntervalSince1970 - 946_684_800)))
        guard let date else { return undatedBit | seconds }
        return UInt64(date.dayNumber + 100_000) << 34 | seconds
    }

    var isUndated: Bool { packed & Self.undatedBit != 0 }

    /// A key before every key of `packed` (for range bounds).
    static func first(_ packed: UInt64) -> DateOrderKey { DateOrderKey(packed: packed, slot: Int.max) }

    /// Within one position, later slots first: read backwards (newest first, the default) a
    /// page's articles then come in page order.
    static func < (a: DateOrderKey, b: DateOrderKey) -> Bool { a.packed != b.packed ? a.packed < b.packed : a.slot > b.slot }
}

/// Pages in edition order: newest edition first; within an edition by newspaper, then page label
/// (numbers compared as numbers: 2 before 10, A05 before B01), then id. Undated pages last, newest
/// arrival first.
struct PageOrderKey: Comparable, Sendable {
    var undated: Bool
    var day: Int
    var created: Double
    var newspaper: String
    var labelPrefix: String
    var labelNumber: Int
    var id: String

    init(_ page: PageEntry) {
        undated = page.edition.date == nil
        day = page.edition.date?.dayNumber ?? 0
        created = page.createdAt.timeIntervalSince1970
        newspaper = page.edition.newspaper ?? ""
        (labelPrefix, labelNumber) = Self.label(page.edition.pageLabel)
        id = page.id
    }

    private init(day: Int) {
        undated = false
        self.day = day
        created = 0
        newspaper = ""
        labelPrefix = ""
        labelNumber = Int.min
        id = ""
    }

    static func firstOfDay(_ day: Int) -> PageOrderKey { PageOrderKey(day: day) }

    /// `A05` → ("A", 5), `第3版` → ("", 3), `04` → ("", 4), none → ("", Int.max).
    static func label(_ label: String?) -> (String, Int) {
        guard let label else { return ("", Int.max) }
        let prefix = String(label.prefix { !$0.isNumber && $0 != "第" })
        let digits = label.drop { !$0.isNumber }.prefix { $0.isNumber && $0.isASCII }
        return (prefix, Int(digits) ?? Int.max - 1)
    }

    static func < (a: PageOrderKey, b: PageOrderKey) -> Bool {
        if a.undated != b.undated { return !a.undated }
        if a.undated { return (-a.created, a.id) < (-b.created, b.id) }
        if a.day != b.day { return a.day > b.day }
        if a.newspaper != b.newspaper { return a.newspaper < b.newspaper }
        if a.labelPrefix != b.labelPrefix { return a.labelPrefix < b.labelPrefix }
        if a.labelNumber != b.labelNumber { return a.labelNumber < b.labelNumber }
        return a.id < b.id
    }
}

extension EditionDate {
    /// The date of a day number (days since 1970-01-01).
    public init?(dayNumber: Int) {
        let (year, month, day) = RFC3339.civil(fromDays: Int64(dayNumber))
        var bytes: [UInt8] = []
        appendDigits(Int(year), 4, to: &bytes); bytes.append(0x2D); appendDigits(Int(month), 2, to: &bytes); bytes.append(0x2D)
        appendDigits(Int(day), 2, to: &bytes)
        self.init(String(decoding: bytes, as: UTF8.self))
    }
}

/// A page file that could not be loaded, reported by name; the rest of the archive still loads.
public struct LoadError: Error, Sendable, CustomStringConvertible, Hashable {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }
}

import Analysis
import Foundation
import PageParser
import Persistence

/// The stored records of the articles in one slot range (the range of a search segment): each
/// article's parsed text and the pages whose articles these are. Built in memory for an upload,
/// written to a state file and then read through a memory map, like the search segment beside it.
public final class RecordSegment: Sendable {
    public let base: Int
    public let count: Int
    let articleOffsets: StoredArray<Int>
    let articleBytes: StoredArray<UInt8>
    let pageOffsets: StoredArray<Int>
    let pageBytes: StoredArray<UInt8>
    /// The first slot of each page, ascending (pages are stored in slot order).
    let pageFirstSlots: StoredArray<Int>

    public var slots: Range<Int> { base..<(base + count) }

    init(base: Int, count: Int, articleOffsets: StoredArray<Int>, articleBytes: StoredArray<UInt8>, pageOffsets: StoredArray<Int>,
         pageBytes: StoredArray<UInt8>, pageFirstSlots: StoredArray<Int>) {
        self.base = base
        self.count = count
        self.articleOffsets = articleOffsets
        self.articleBytes = articleBytes
        self.pageOffsets = pageOffsets
        self.pageBytes = pageBytes
        self.pageFirstSlots = pageFirstSlots
    }

    /// One article's record bytes per slot of `base..<(base + count)` (empty for a slot without an
    /// article), and the encoded pages with their first slots.
    convenience init(base: Int, count: Int, articles: [Int: [UInt8]], pages: [(firstSlot: Int, bytes: [UInt8])]) {
        var articleOffsets = [0]
        var articleBytes: [UInt8] = []
        for slot in base..<(base + count) {
            if let record = articles[slot] { articleBytes += record }
            articleOffsets.append(articleBytes.count)
        }
        var pageOffsets = [0]
        var pageBytes: [UInt8] = []
        let ordered = pages.sorted { $0.firstSlot < $1.firstSlot }
        for page in ordered {
            pageBytes += page.bytes
            pageOffsets.append(pageBytes.count)
        }
        self.init(base: base, count: count, articleOffsets: StoredArray(articleOffsets), articleBytes: StoredArray(articleBytes),
                  pageOffsets: StoredArray(pageOffsets), pageBytes: StoredArray(pageBytes),
                  pageFirstSlots: StoredArray(ordered.map(\.firstSlot)))
    }

    func hasArticle(atSlot slot: Int) -> Bool {
        guard slots.contains(slot) else { return false }
        return articleOffsets[slot - base + 1] > articleOffsets[slot - base]
    }

    func withArticleBytes<T>(slot: Int, _ body: (UnsafeRawBufferPointer) throws(BinaryReader.Error) -> T) throws(BinaryReader.Error) -> T {
        try withBytes(articleBytes, articleOffsets, slot - base, body)
    }

    func article(slot: Int, id: String, summary: Bool = false) throws(BinaryReader.Error) -> Article {
        try withArticleBytes(slot: slot) { (raw) throws(BinaryReader.Error) in try RecordCoding.decodeArticle(raw, id: id, summary: summary) }
    }

    var pageCount: Int { pageOffsets.count - 1 }

    /// The index of the page whose first slot is `slot`.
    func pageIndex(firstSlot slot: Int) -> Int? {
        var low = 0
        var high = pageFirstSlots.count
        while low < high {
            let middle = (low + high) / 2
            if pageFirstSlots[middle] < slot { low = middle + 1 } else { high = middle }
        }
        return low < pageFirstSlots.count && pageFirstSlots[low] == slot ? low : nil
    }

    func withPageBytes<T>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws(BinaryReader.Error) -> T) throws(BinaryReader.Error) -> T {
        try withBytes(pageBytes, pageOffsets, index, body)
    }

    var byteCount: Int {
        articleOffsets.byteCount + articleBytes.byteCount + pageOffsets.byteCount + pageBytes.byteCount + pageFirstSlots.byteCount
    }

    var isMapped: Bool { articleBytes.isMapped }

    // MARK: - State file

    static let fileKind = fourCC("RECS")

    private enum Tag {
        static let meta = fourCC("META")
        static let articleOffsets = fourCC("AOFF")
        static let articleBytes = fourCC("ABYT")
        static let pageOffsets = fourCC("POFF")
        static let pageBytes = fourCC("PBYT")
        static let pageFirstSlots = fourCC("PFST")
    }

    func write(to path: String, schemaKey: UInt64) throws(StateFileError) {
        let writer = try StateFileWriter(path: path, kind: Self.fileKind, schemaKey: schemaKey)
        try writer.addSection(Tag.meta, [UInt64(base), UInt64(count)])
        try writer.addSection(Tag.articleOffsets, articleOffsets)
        try writer.addSection(Tag.articleBytes, articleBytes)
        try writer.addSection(Tag.pageOffsets, pageOffsets)
        try writer.addSection(Tag.pageBytes, pageBytes)
        try writer.addSection(Tag.pageFirstSlots, pageFirstSlots)
        try writer.commit()
    }

    /// Maps a record segment. Every section but the article bytes is verified now (start-up reads
    /// the page records anyway); the article bytes, most of the file, are left to the background
    /// scrub (`verify`) so that a large archive is ready in seconds. Reads are bounds-checked
    /// against the verified offsets, so damaged bytes can give a failed decode, never a crash.
    static func load(path: String, schemaKey: UInt64) throws(StateFileError) -> RecordSegment {
        let file = try StateFile(path: path, kind: fileKind, schemaKey: schemaKey)
        for tag in [Tag.meta, Tag.articleOffsets, Tag.pageOffsets, Tag.pageBytes, Tag.pageFirstSlots] where !file.verify(tag) {
            throw .corrupt(path, "section \(tag) checksum mismatch")
        }
        let meta = try file.array(Tag.meta, of: UInt64.self)
        guard meta.count == 2 else { throw .corrupt(path, "bad record segment header") }
        let segment = RecordSegment(
            base: Int(meta[0]), count: Int(meta[1]),
            articleOffsets: try file.array(Tag.articleOffsets), articleBytes: try file.array(Tag.articleBytes),
            pageOffsets: try file.array(Tag.pageOffsets), pageBytes: try file.array(Tag.pageBytes),
            pageFirstSlots: try file.array(Tag.pageFirstSlots))
        guard segment.articleOffsets.count == segment.count + 1, segment.pageOffsets.count >= 1,
              segment.articleOffsets[segment.count] == segment.articleBytes.count,
              segment.pageOffsets[segment.pageCount] == segment.pageBytes.count,
              segment.pageFirstSlots.count == segment.pageCount
        else { throw .corrupt(path, "inconsistent record segment arrays") }
        return segment
    }
}

extension RecordSegment {
    /// Checks every section of a record file against its checksum, the article bytes included.
    static func verify(path: String, schemaKey: UInt64) throws(StateFileError) {
        try StateFile(path: path, kind: fileKind, schemaKey: schemaKey).verifyAll()
    }
}

/// Byte ranges of a slot-indexed blob: reads the bytes of one index, bounds-checked.
func withBytes<T>(_ bytes: StoredArray<UInt8>, _ offsets: StoredArray<Int>, _ index: Int,
                  _ body: (UnsafeRawBufferPointer) throws(BinaryReader.Error) -> T) throws(BinaryReader.Error) -> T {
    guard index >= 0, index + 1 < offsets.count else { throw BinaryReader.Error() }
    let start = offsets[index]
    let end = offsets[index + 1]
    guard start <= end, end <= bytes.count else { throw BinaryReader.Error() }
    var result: Result<T, BinaryReader.Error>?
    bytes.withUnsafeBufferPointer { buffer in
        let raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[start..<end])
        do throws(BinaryReader.Error) { result = .success(try body(raw)) } catch { result = .failure(error) }
    }
    return try result!.get()
}

/// The analyses of the articles in one slot range, against one corpus model. Kept apart from the
/// records because re-analysis replaces them all while the records never change.
public final class AnalysisSegment: Sendable {
    public let base: Int
    public let count: Int
    public let modelFingerprint: UInt64
    let offsets: StoredArray<Int>
    let bytes: StoredArray<UInt8>

    public var slots: Range<Int> { base..<(base + count) }

    init(base: Int, count: Int, modelFingerprint: UInt64, offsets: StoredArray<Int>, bytes: StoredArray<UInt8>) {
        self.base = base
        self.count = count
        self.modelFingerprint = modelFingerprint
        self.offsets = offsets
        self.bytes = bytes
    }

    convenience init(base: Int, count: Int, modelFingerprint: UInt64, analyses: [Int: ArticleAnalysis]) {
        var offsets = [0]
        var writer = BinaryWriter(capacity: count * 160)
        for slot in base..<(base + count) {
            analyses[slot]?.encode(into: &writer)
            offsets.append(writer.bytes.count)
        }
        self.init(base: base, count: count, modelFingerprint: modelFingerprint, offsets: StoredArray(offsets),
                  bytes: StoredArray(writer.bytes))
    }

    func hasAnalysis(atSlot slot: Int) -> Bool {
        slots.contains(slot) && offsets[slot - base + 1] > offsets[slot - base]
    }

    func analysis(slot: Int) throws(BinaryReader.Error) -> ArticleAnalysis {
        try withBytes(bytes, offsets, slot - base) { (raw) throws(BinaryReader.Error) in
            var reader = BinaryReader(raw)
            return try ArticleAnalysis(from: &reader)
        }
    }

    var byteCount: Int { offsets.byteCount + bytes.byteCount }

    static let fileKind = fourCC("ANLS")

    func write(to path: String, schemaKey: UInt64) throws(StateFileError) {
        let writer = try StateFileWriter(path: path, kind: Self.fileKind, schemaKey: schemaKey)
        try writer.addSection(fourCC("META"), [UInt64(base), UInt64(count), modelFingerprint])
        try writer.addSection(fourCC("NOFF"), offsets)
        try writer.addSection(fourCC("NBYT"), bytes)
        try writer.commit()
    }

    /// Maps an analysis segment. The header and offsets are verified now; the analyses themselves
    /// (several kilobytes an article, gigabytes at a million) are left to the background scrub
    /// (`verify`): a start-up that reads the saved aggregate decodes none of them. Reads are
    /// bounds-checked against the verified offsets.
    static func load(path: String, schemaKey: UInt64) throws(StateFileError) -> AnalysisSegment {
        let file = try StateFile(path: path, kind: fileKind, schemaKey: schemaKey)
        for tag in [fourCC("META"), fourCC("NOFF")] where !file.verify(tag) {
            throw .corrupt(path, "section \(tag) checksum mismatch")
        }
        let meta = try file.array(fourCC("META"), of: UInt64.self)
        guard meta.count == 3 else { throw .corrupt(path, "bad analysis segment header") }
        let segment = AnalysisSegment(base: Int(meta[0]), count: Int(meta[1]), modelFingerprint: meta[2],
                                      offsets: try file.array(fourCC("NOFF")), bytes: try file.array(fourCC("NBYT")))
        guard segment.offsets.count == segment.count + 1, segment.offsets[segment.count] == segment.bytes.count else {
            throw .corrupt(path, "inconsistent analysis segment arrays")
        }
        return segment
    }
}

extension AnalysisSegment {
    /// Checks every section of an analysis file against its checksum.
    static func verify(path: String, schemaKey: UInt64) throws(StateFileError) {
        try StateFile(path: path, kind: fileKind, schemaKey: schemaKey).verifyAll()
    }
}

/// A search segment with the records and analyses of the same slots.
public struct ArchiveSegment: Sendable {
    public let search: SearchSegment
    public let records: RecordSegment
    public let analyses: AnalysisSegment
    /// The state files holding the search segment and the records, once written.
    public let fileID: Int?
    /// The state file holding the analyses, once written (it changes with the corpus model).
    public var analysisFileID: Int? = nil

    public var slots: Range<Int> { search.slots }
    public var base: Int { search.base }
}

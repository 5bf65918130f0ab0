import Persistence

/// One immutable piece of the full-text index, over the documents (article slots)
/// `base..<(base + documentCount)`: its own vocabulary, postings, normalised text and document
/// lengths, in the manner of a Lucene segment. An upload adds a small segment; background merges
/// combine neighbours into larger ones; a deleted document stays in its segment until a merge drops
/// it (the index's live set hides it meanwhile). A segment is written to a state file once and then
/// read through a memory map, so a large archive's index costs neither heap nor start-up time.
public final class SearchSegment: Sendable {
    public let base: Int
    public let documentCount: Int
    let vocabulary: Vocabulary
    let postings: PostingsStore
    let text: TextStore
    /// Weighted length of each document (0 for an empty one).
    let lengths: StoredArray<Float>
    /// Sum of `lengths`.
    public let totalLength: Double
    /// Documents with at least one field (the rest are slots of deleted articles).
    public let nonEmptyCount: Int

    public var slots: Range<Int> { base..<(base + documentCount) }

    init(base: Int, vocabulary: Vocabulary, postings: PostingsStore, text: TextStore, lengths: StoredArray<Float>) {
        self.base = base
        documentCount = text.documentCount
        self.vocabulary = vocabulary
        self.postings = postings
        self.text = text
        self.lengths = lengths
        totalLength = lengths.withUnsafeBufferPointer { $0.reduce(0.0) { $0 + Double($1) } }
        nonEmptyCount = text.documentFields.withUnsafeBufferPointer { fields in
            (0..<max(0, fields.count - 1)).reduce(0) { $0 + (fields[$1 + 1] > fields[$1] ? 1 : 0) }
        }
    }

    /// True when the segment holds a document (possibly deleted since) for `slot`.
    public func hasDocument(atSlot slot: Int) -> Bool {
        guard slots.contains(slot) else { return false }
        let local = slot - base
        return text.documentFields[local + 1] > text.documentFields[local]
    }

    /// Indexes `documents`, whose ids must lie in `base..<(base + count)`.
    public convenience init(documents: [SearchDocument], base: Int, count: Int) {
        let built = SegmentBuilder.build(documents, base: base, count: count)
        self.init(base: base, vocabulary: built.vocabulary, postings: built.postings, text: built.text,
                  lengths: StoredArray(built.lengths))
    }

    /// How many distinct terms (unigrams, bigrams, word tokens) the segment holds.
    public var termCount: Int { vocabulary.count }

    /// Bytes of the segment's arrays (heap or mapped).
    public var byteCount: Int { vocabulary.byteCount + postings.byteCount + text.byteCount + lengths.byteCount }

    /// False for a segment written before block impacts were stored: searches bound its blocks
    /// more loosely (or scan them all), and the background merges rewrite it.
    public var hasBlockImpacts: Bool { postings.hasBlockImpacts }

    /// True when the arrays are read from a mapped file.
    public var isMapped: Bool { postings.bytes.isMapped }

    /// The fields of a document as they were indexed (original text, kind, boost); empty for a slot
    /// the segment holds no document for.
    public func fields(ofSlot slot: Int) -> [SearchField] {
        guard slots.contains(slot) else { return [] }
        return text.fields(of: slot - base)
    }

    /// The documents of this segment whose slots `isLive` accepts, as they were indexed.
    public func documents(where isLive: (Int) -> Bool) -> [SearchDocument] {
        slots.compactMap { slot in
            guard isLive(slot) else { return nil }
            let fields = text.fields(of: slot - base)
            return fields.isEmpty ? nil : SearchDocument(id: slot, fields: fields)
        }
    }

    /// One segment over the slots of `segments` (adjacent, in slot order), keeping only live documents.
    public static func merged(_ segments: [SearchSegment], isLive: (Int) -> Bool) -> SearchSegment {
        precondition(!segments.isEmpty, "nothing to merge")
        for (left, right) in zip(segments, segments.dropFirst()) {
            precondition(left.slots.upperBound == right.base, "merged segments must be adjacent")
        }
        let base = segments[0].base
        let count = segments.last!.slots.upperBound - base
        let documents = segments.flatMap { $0.documents(where: isLive) }
        return SearchSegment(documents: documents, base: base, count: count)
    }

    // MARK: - State file

    static let fileKind = fourCC("SEGM")

    private enum Tag {
        static let meta = fourCC("META")
        static let unigrams = fourCC("VUNI")
        static let table = fourCC("VTAB")
        static let longOffsets = fourCC("VLWO")
        static let longBytes = fourCC("VLWB")
        static let longIDs = fourCC("VLWI")
        static let postingBytes = fourCC("PBYT")
        static let termStarts = fourCC("PTST")
        static let frequencies = fourCC("PDFQ")
        static let skipStarts = fourCC("PSKS")
        static let skips = fourCC("PSKP")
        static let blockMaxWeights = fourCC("PBMW")
        static let blockMinLengths = fourCC("PBML")
        static let impactStarts = fourCC("PIST")
        static let impactWeights = fourCC("PIWT")
        static let impactLengths = fourCC("PILN")
        static let units = fourCC("TUNI")
        static let documentStarts = fourCC("TDST")
        static let bodyStarts = fourCC("TBST")
        static let exceptionOffsets = fourCC("TEXO")
        static let exceptionUnits = fourCC("TEXU")
        static let fieldEnds = fourCC("FEND")
        static let fieldKinds = fourCC("FKND")
        static let fieldWeights = fourCC("FWGT")
        static let documentFields = fourCC("FDOC")
        static let lengths = fourCC("DLEN")
    }

    /// Writes the segment durably to `path` (temporary file, fsync, rename).
    public func write(to path: String, schemaKey: UInt64) throws(StateFileError) {
        let writer = try StateFileWriter(path: path, kind: Self.fileKind, schemaKey: schemaKey)
        try writer.addSection(Tag.meta, [Int64(base), Int64(documentCount), Int64(vocabulary.count)])
        try writer.addSection(Tag.unigrams, vocabulary.unigrams)
        try writer.addSection(Tag.table, vocabulary.table)
        try writer.addSection(Tag.longOffsets, vocabulary.longWordOffsets)
        try writer.addSection(Tag.longBytes, vocabulary.longWordBytes)
        try writer.addSection(Tag.longIDs, vocabulary.longWordIDs)
        try writer.addSection(Tag.postingBytes, postings.bytes)
        try writer.addSection(Tag.termStarts, postings.termStarts)
        try writer.addSection(Tag.frequencies, postings.documentFrequencies)
        try writer.addSection(Tag.skipStarts, postings.skipStarts)
        try writer.addSection(Tag.skips, postings.skips)
        if postings.hasBlockMaxima && !postings.blockMaxWeights.isEmpty {
            try writer.addSection(Tag.blockMaxWeights, postings.blockMaxWeights)
            try writer.addSection(Tag.blockMinLengths, postings.blockMinLengths)
        }
        if postings.hasBlockImpacts {
            try writer.addSection(Tag.impactStarts, postings.impacts.starts)
            try writer.addSection(Tag.impactWeights, postings.impacts.weights)
            try writer.addSection(Tag.impactLengths, postings.impacts.lengths)
        }
        try writer.addSection(Tag.units, text.units)
        try writer.addSection(Tag.documentStarts, text.documentStarts)
        try writer.addSection(Tag.bodyStarts, text.bodyStarts)
        try writer.addSection(Tag.exceptionOffsets, text.exceptionOffsets)
        try writer.addSection(Tag.exceptionUnits, text.exceptionUnits)
        try writer.addSection(Tag.fieldEnds, text.fieldEnds)
        try writer.addSection(Tag.fieldKinds, text.fieldKinds)
        try writer.addSection(Tag.fieldWeights, text.fieldWeights)
        try writer.addSection(Tag.documentFields, text.documentFields)
        try writer.addSection(Tag.lengths, lengths)
        try writer.commit()
    }

    /// Checks every section of a segment file against its checksum, the large ones included.
    public static func verify(path: String, schemaKey: UInt64) throws(StateFileError) {
        try StateFile(path: path, kind: fileKind, schemaKey: schemaKey).verifyAll()
    }

    /// Maps a segment written by `write(to:)`. The per-document sections are verified against
    /// their checksums now; `verifyAll` checks the rest, which start-up leaves to a background
    /// scrub so that a large archive is ready in seconds: the postings, the text, the block
    /// impacts, and the per-term offsets and counts (a third of a million-article index's small
    /// sections). All of those are read clamped, so damage gives wrong answers until the scrub
    /// finds it and the archive is rebuilt, never a read out of bounds.
    public static func load(path: String, schemaKey: UInt64) throws(StateFileError) -> SearchSegment {
        let file = try StateFile(path: path, kind: fileKind, schemaKey: schemaKey)
        for tag in [Tag.meta, Tag.documentStarts, Tag.bodyStarts,
                    Tag.fieldEnds, Tag.fieldKinds, Tag.fieldWeights, Tag.documentFields, Tag.lengths, Tag.longOffsets,
                    Tag.longIDs] where !file.verify(tag) {
            throw .corrupt(path, "section \(tag) checksum mismatch")
        }
        for tag in [Tag.blockMaxWeights, Tag.blockMinLengths] where file.hasSection(tag) && !file.verify(tag) {
            throw .corrupt(path, "section \(tag) checksum mismatch")
        }
        let meta = try file.array(Tag.meta, of: Int64.self)
        guard meta.count == 3 else { throw .corrupt(path, "bad segment header") }
        let vocabulary = Vocabulary(
            unigrams: try file.array(Tag.unigrams), table: try file.array(Tag.table),
            longWordOffsets: try file.array(Tag.longOffsets), longWordBytes: try file.array(Tag.longBytes),
            longWordIDs: try file.array(Tag.longIDs), count: Int(meta[2]))
        var postings = PostingsStore(
            bytes: try file.array(Tag.postingBytes), termStarts: try file.array(Tag.termStarts),
            documentFrequencies: try file.array(Tag.frequencies), skipStarts: try file.array(Tag.skipStarts),
            skips: try file.array(Tag.skips),
            blockMaxWeights: file.hasSection(Tag.blockMaxWeights) ? try file.array(Tag.blockMaxWeights) : StoredArray([]),
            blockMinLengths: file.hasSection(Tag.blockMinLengths) ? try file.array(Tag.blockMinLengths) : StoredArray([]))
        let hasImpacts = file.hasSection(Tag.impactStarts)
        if hasImpacts {
            postings.impacts = BlockImpacts(starts: try file.array(Tag.impactStarts), weights: try file.array(Tag.impactWeights),
                                            lengths: try file.array(Tag.impactLengths))
        }
        let text = TextStore(
            units: try file.array(Tag.units), documentStarts: try file.array(Tag.documentStarts),
            bodyStarts: try file.array(Tag.bodyStarts), exceptionOffsets: try file.array(Tag.exceptionOffsets),
            exceptionUnits: try file.array(Tag.exceptionUnits), fieldEnds: try file.array(Tag.fieldEnds),
            fieldKinds: try file.array(Tag.fieldKinds), fieldWeights: try file.array(Tag.fieldWeights),
            documentFields: try file.array(Tag.documentFields))
        let lengths: StoredArray<Float> = try file.array(Tag.lengths)
        // Cross-checks that keep a damaged but checksum-valid file from indexing out of bounds.
        guard vocabulary.unigrams.count == 0x10000, vocabulary.table.count.nonzeroBitCount == 1,
              postings.termStarts.count == vocabulary.count + 1, postings.documentFrequencies.count == vocabulary.count,
              postings.skipStarts.count == vocabulary.count + 1,
              postings.termStarts[vocabulary.count] == postings.bytes.count,
              postings.skips.count % 2 == 0, postings.skipStarts[vocabulary.count] == postings.skips.count / 2,
              postings.blockMaxWeights.isEmpty || postings.hasBlockMaxima,
              !hasImpacts || postings.hasBlockImpacts,
              text.documentStarts.count == Int(meta[1]) + 1, text.bodyStarts.count == Int(meta[1]),
              lengths.count == Int(meta[1]), text.documentStarts[Int(meta[1])] == text.units.count,
              text.documentFields.count == Int(meta[1]) + 1,
              text.fieldEnds.count == text.fieldKinds.count, text.fieldEnds.count == text.fieldWeights.count,
              text.documentFields[Int(meta[1])] == text.fieldEnds.count
        else { throw .corrupt(path, "inconsistent segment arrays") }
        return SearchSegment(base: Int(meta[0]), vocabulary: vocabulary, postings: postings, text: text, lengths: lengths)
    }
}

import Persistence

/// Builds a segment's vocabulary, postings and text store from documents, in two passes over the text.
///
/// The first pass normalises every field into the text store, gives every term an id and counts
/// exactly how many bytes each term's postings will take; the second pass re-scans the stored text
/// and writes postings straight into one array of that size. Scanning twice is cheaper than what it
/// avoids: a growable buffer per term (millions of small allocations in a real corpus, and twice
/// the memory while they grow) or a flat list of every (term, document) pair to sort.
struct SegmentBuilder {
    struct Output {
        var vocabulary: Vocabulary
        var postings: PostingsStore
        var text: TextStore
        /// Weighted length of each document in terms, for BM25's length normalisation.
        var lengths: [Float]
    }

    /// Where each field lies in the text store: field `f` ends at `ends[f]` (before its break unit)
    /// and weighs `weights[f]` quarters per term; document `d` owns fields
    /// `documentFields[d]..<documentFields[d + 1]`.
    private struct FieldLayout {
        var ends: [Int] = []
        var weights: [UInt32] = []
        var kinds: [UInt8] = []
        var documentFields: [Int] = [0]
        var documentStarts: [Int] = [0]
    }

    /// A field longer than this many UTF-16 units is indexed as several windows cut at sentence
    /// ends, so phrase checks and snippets work on bounded stretches of a pathological paragraph.
    static let maxFieldUnits = 8192

    /// Builds over documents whose ids lie in `base..<(base + count)`; ids with no document
    /// (deleted articles) become empty documents, so local document `d` is always id `base + d`.
    static func build(_ documents: [SearchDocument], base: Int, count: Int) -> Output {
        var layout = FieldLayout()
        let text = storeText(slotted(documents, base: base, count: count), layout: &layout)
        return text.units.withUnsafeBufferPointer { units in
            var vocabulary = VocabularyBuilder()
            let counted = countPostings(units, layout: layout, vocabulary: &vocabulary)
            var postings = writePostings(units, layout: layout, vocabulary: &vocabulary, counted: counted)
            postings.impacts = BlockImpacts.build(postings, lengths: counted.lengths)
            return Output(vocabulary: vocabulary.frozen(), postings: postings, text: text, lengths: counted.lengths)
        }
    }

    // MARK: Postings

    private struct Counted {
        var documentFrequencies: [Int32]
        var sizes: [Int]
        var lengths: [Float]
    }

    /// First pass: term ids, document frequencies, exact postings sizes, document lengths.
    private static func countPostings(
        _ units: UnsafeBufferPointer<UInt16>, layout: FieldLayout, vocabulary: inout VocabularyBuilder
    ) -> Counted {
        var counter = DocumentTermCounter()
        let documentFrequencies = ScratchBuffer<Int32>(repeating: 0, count: 0)
        let sizes = ScratchBuffer<Int>(repeating: 0, count: 0)
        let lastDocument = ScratchBuffer<Int32>(repeating: -1, count: 0)
        var lengths: [Float] = []
        let documentCount = layout.documentFields.count - 1
        lengths.reserveCapacity(documentCount)
        for document in 0..<documentCount {
            lengths.append(scan(Int32(document), units, layout: layout, vocabulary: &vocabulary, inserting: true,
                                counter: &counter))
            let termCount = Int(vocabulary.count)
            documentFrequencies.grow(to: termCount, with: 0)
            sizes.grow(to: termCount, with: 0)
            lastDocument.grow(to: termCount, with: -1)
            let touched = counter.touched
            for index in 0..<touched.count {
                let slot = Int(touched[index])
                let delta = Int32(document) - lastDocument[slot]
                sizes[slot] += PostingsStore.postingSize(delta: delta, weight: counter.weights[slot])
                documentFrequencies[slot] += 1
                lastDocument[slot] = Int32(document)
            }
        }
        return Counted(documentFrequencies: documentFrequencies.array, sizes: sizes.array, lengths: lengths)
    }

    /// Second pass: the same scan, writing each posting at its term's cursor.
    private static func writePostings(
        _ units: UnsafeBufferPointer<UInt16>, layout: FieldLayout, vocabulary: inout VocabularyBuilder, counted: Counted
    ) -> PostingsStore {
        let termCount = counted.documentFrequencies.count
        var termStarts = [Int](repeating: 0, count: termCount + 1)
        var skipStarts = [Int](repeating: 0, count: termCount + 1)
        let blockSize = PostingsStore.blockSize
        for term in 0..<termCount {
            termStarts[term + 1] = termStarts[term] + counted.sizes[term]
            let frequency = Int(counted.documentFrequencies[term])
            let blocks = frequency > blockSize ? (frequency + blockSize - 1) / blockSize : 0
            skipStarts[term + 1] = skipStarts[term] + blocks
        }
        var counter = DocumentTermCounter()
        let cursors = ScratchBuffer<Int>(repeating: 0, count: termCount)
        for term in 0..<termCount { cursors[term] = termStarts[term] }
        let written = ScratchBuffer<Int32>(repeating: 0, count: termCount)
        let lastDocument = ScratchBuffer<Int32>(repeating: -1, count: termCount)
        let frequencies = ScratchBuffer<Int32>(repeating: 0, count: termCount)
        for term in 0..<termCount { frequencies[term] = counted.documentFrequencies[term] }
        let skipped = ScratchBuffer<Int>(repeating: 0, count: termCount + 1)
        for term in 0...termCount { skipped[term] = skipStarts[term] }
        var skips = [UInt32](repeating: 0, count: 2 * skipStarts[termCount])
        let bytes = [UInt8](unsafeUninitializedCapacity: termStarts[termCount]) { bytes, initialized in
            let base = bytes.baseAddress.unsafelyUnwrapped
            skips.withUnsafeMutableBufferPointer { skips in
                for document in 0..<(layout.documentFields.count - 1) {
                    _ = scan(Int32(document), units, layout: layout, vocabulary: &vocabulary, inserting: false,
                             counter: &counter)
                    let touched = counter.touched
                    for index in 0..<touched.count {
                        let slot = Int(touched[index])
                        let delta = Int32(document) - lastDocument[slot]
                        let end = PostingsStore.writePosting(
                            delta: delta, weight: counter.weights[slot], to: base, at: cursors[slot])
                        cursors[slot] = end
                        lastDocument[slot] = Int32(document)
                        let count = Int(written[slot]) + 1
                        written[slot] = Int32(count)
                        let skipStart = skipped[slot]
                        if skipped[slot + 1] > skipStart {
                            let block = skipStart + (count - 1) / blockSize
                            if count % blockSize == 0 || count == Int(frequencies[slot]) {
                                skips[2 * block] = UInt32(document)
                                skips[2 * block + 1] = UInt32(end - termStarts[slot])
                            }
                        }
                    }
                }
            }
            initialized = termStarts[termCount]
        }
        return PostingsStore(bytes: StoredArray(bytes), termStarts: StoredArray(termStarts),
                             documentFrequencies: StoredArray(counted.documentFrequencies),
                             skipStarts: StoredArray(skipStarts), skips: StoredArray(skips),
                             blockMaxWeights: StoredArray([]), blockMinLengths: StoredArray([]))
    }

    /// Scans one document's fields into `counter` and returns its weighted length.
    /// The first pass gives new terms ids (`inserting`); the second only looks them up.
    @inline(__always)
    private static func scan(
        _ document: Int32, _ units: UnsafeBufferPointer<UInt16>, layout: FieldLayout,
        vocabulary: inout VocabularyBuilder, inserting: Bool, counter: inout DocumentTermCounter
    ) -> Float {
        counter.start(document)
        var length: UInt64 = 0
        var fieldStart = layout.documentStarts[Int(document)]
        for field in layout.documentFields[Int(document)]..<layout.documentFields[Int(document) + 1] {
            let weight = layout.weights[field]
            let end = layout.ends[field]
            if weight > 0 {
                let fieldUnits = UnsafeBufferPointer(rebasing: units[fieldStart..<end])
                var scanner = TermScanner(fieldUnits)
                while let term = scanner.next() {
                    let id = inserting ? vocabulary.insert(term, in: fieldUnits) : vocabulary.id(of: term, in: fieldUnits)
                    counter.add(id, weight: weight)
                    length += UInt64(weight)
                }
            }
            fieldStart = end + 1
        }
        return Float(Double(length) / Double(PostingsStore.weightQuantum))
    }

    /// The documents in local order, an empty one for every id in the range nobody gave.
    private static func slotted(_ documents: [SearchDocument], base: Int, count: Int) -> [SearchDocument] {
        var slots = [SearchDocument?](repeating: nil, count: count)
        for document in documents {
            let local = document.id - base
            precondition((0..<count).contains(local), "document id \(document.id) is outside \(base)..<\(base + count)")
            precondition(slots[local] == nil, "document id \(document.id) is given twice")
            slots[local] = document
        }
        return slots.enumerated().map { $1 ?? SearchDocument(id: base + $0, fields: []) }
    }

    // MARK: Text

    private static func storeText(_ documents: [SearchDocument], layout: inout FieldLayout) -> TextStore {
        var total = 0
        for document in documents {
            for field in windowed(document.fields) { total += SearchAnalyzer.utf16Count(of: field.text) + 1 }
        }
        var documentStarts = [0]
        var bodyStarts: [Int] = []
        var exceptionOffsets: [Int] = []
        var exceptionUnits: [UInt16] = []
        documentStarts.reserveCapacity(documents.count + 1)
        bodyStarts.reserveCapacity(documents.count)
        let units = [UInt16](unsafeUninitializedCapacity: total) { buffer, initialized in
            var position = 0
            for document in documents {
                let fields = Self.bodyLast(windowed(document.fields))
                let firstBody = fields.firstIndex(where: \.isBody) ?? fields.count
                for (index, field) in fields.enumerated() {
                    if index == firstBody { bodyStarts.append(position) }
                    SearchAnalyzer.forEachUTF16Unit(of: field.text) { unit in
                        let folded = SearchAnalyzer.fold(unit)
                        if folded != unit {
                            exceptionOffsets.append(position)
                            exceptionUnits.append(unit)
                        }
                        buffer[position] = folded
                        position += 1
                    }
                    layout.ends.append(position)
                    layout.weights.append(Self.quantize(field.boost))
                    layout.kinds.append(field.kind.rawValue)
                    buffer[position] = CharacterClass.fieldBreakUnit
                    position += 1
                }
                if firstBody == fields.count { bodyStarts.append(position) }
                layout.documentFields.append(layout.ends.count)
                documentStarts.append(position)
            }
            precondition(position == total)
            initialized = position
        }
        layout.documentStarts = documentStarts
        return TextStore(units: StoredArray(units), documentStarts: StoredArray(documentStarts),
                         bodyStarts: StoredArray(bodyStarts), exceptionOffsets: StoredArray(exceptionOffsets),
                         exceptionUnits: StoredArray(exceptionUnits), fieldEnds: StoredArray(layout.ends),
                         fieldKinds: StoredArray(layout.kinds), fieldWeights: StoredArray(layout.weights),
                         documentFields: StoredArray(layout.documentFields))
    }

    /// Fields longer than `maxFieldUnits` split into windows at the last sentence end (else any
    /// separator, else anywhere) before the limit.
    static func windowed(_ fields: [SearchField]) -> [SearchField] {
        guard fields.contains(where: { $0.text.utf8.count > maxFieldUnits }) else { return fields }
        var result: [SearchField] = []
        for field in fields {
            guard SearchAnalyzer.utf16Count(of: field.text) > maxFieldUnits else {
                result.append(field)
                continue
            }
            var units = Array(field.text.utf16)[...]
            while units.count > maxFieldUnits {
                let limit = units.startIndex + maxFieldUnits
                var cut = limit
                if let end = units[units.startIndex..<limit].lastIndex(where: SnippetWindow.isSentenceEnd), end > units.startIndex {
                    cut = end + 1
                } else if let pause = units[units.startIndex..<limit].lastIndex(where: { SnippetWindow.isPause($0) || $0 == 0x20 }),
                          pause > units.startIndex {
                    cut = pause + 1
                } else if units[cut - 1] & 0xFC00 == 0xD800 {
                    cut -= 1
                }
                result.append(SearchField(text: String(decoding: units[units.startIndex..<cut], as: UTF16.self),
                                          boost: field.boost, kind: field.kind))
                units = units[cut...]
            }
            if !units.isEmpty {
                result.append(SearchField(text: String(decoding: units, as: UTF16.self), boost: field.boost, kind: field.kind))
            }
        }
        return result
    }

    /// The fields with body fields last, each group in the caller's order.
    private static func bodyLast(_ fields: [SearchField]) -> [SearchField] {
        fields.filter { !$0.isBody } + fields.filter(\.isBody)
    }

    private static func quantize(_ boost: Double) -> UInt32 {
        guard boost > 0, boost.isFinite else { return 0 }
        return max(1, UInt32(min(boost * Double(PostingsStore.weightQuantum), 1_000_000).rounded()))
    }
}


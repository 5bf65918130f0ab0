import ChineseText
import Persistence

/// The normalised searchable text of every document, as UTF-16 in one array.
///
/// Phrases and exact runs are verified here instead of from stored positions: a candidate's text is
/// a few kilobytes, and keeping it costs about as much as positions would while also serving
/// snippets. UTF-16 keeps ideographs at two bytes (UTF-8 takes three) and gives the JSON API its
/// offsets directly. Each field is followed by `CharacterClass.fieldBreakUnit`; non-body fields come
/// first, so a document's body is one tail range. Normalisation changed only a few units (Latin
/// capitals, full-width letters); their originals are kept aside to show snippets as written.
struct TextStore: Sendable {
    let units: StoredArray<UInt16>
    /// Document `d` is `units[documentStarts[d]..<documentStarts[d + 1]]`.
    let documentStarts: StoredArray<Int>
    let bodyStarts: StoredArray<Int>
    /// Sorted offsets into `units` where the original text differs, and the original units there.
    let exceptionOffsets: StoredArray<Int>
    let exceptionUnits: StoredArray<UInt16>
    /// Field `f` ends at `fieldEnds[f]` (its break unit), has kind `fieldKinds[f]` and weighs
    /// `fieldWeights[f]` quarters per term; document `d` owns fields
    /// `documentFields[d]..<documentFields[d + 1]`. Kept so a segment can be merged or re-read.
    let fieldEnds: StoredArray<Int>
    let fieldKinds: StoredArray<UInt8>
    let fieldWeights: StoredArray<UInt32>
    let documentFields: StoredArray<Int>

    var byteCount: Int {
        units.byteCount + documentStarts.byteCount + bodyStarts.byteCount + exceptionOffsets.byteCount
            + exceptionUnits.byteCount + fieldEnds.byteCount + fieldKinds.byteCount + fieldWeights.byteCount
            + documentFields.byteCount
    }

    var documentCount: Int { documentStarts.count - 1 }

    func documentRange(_ document: Int) -> Range<Int> {
        documentStarts[document]..<documentStarts[document + 1]
    }

    func bodyRange(_ document: Int) -> Range<Int> {
        bodyStarts[document]..<documentStarts[document + 1]
    }

    /// The units of `range` as the document had them before normalisation.
    func originalUnits(_ range: Range<Int>) -> [UInt16] {
        var result = units.withUnsafeBufferPointer { Array($0[range]) }
        var index = firstException(atOrAfter: range.lowerBound)
        while index < exceptionOffsets.count, exceptionOffsets[index] < range.upperBound {
            result[exceptionOffsets[index] - range.lowerBound] = exceptionUnits[index]
            index += 1
        }
        return result
    }

    private func firstException(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = exceptionOffsets.count
        while low < high {
            let middle = (low + high) / 2
            if exceptionOffsets[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension TextStore {
    /// The fields of document `d` as they were given: original text, kind and boost. For merging
    /// segments and for re-reading article text.
    func fields(of document: Int) -> [SearchField] {
        var fields: [SearchField] = []
        var start = documentStarts[document]
        for field in documentFields[document]..<documentFields[document + 1] {
            let end = fieldEnds[field]
            let text = String(utf16Units: originalUnits(start..<end))
            let boost = Double(fieldWeights[field]) / Double(PostingsStore.weightQuantum)
            fields.append(SearchField(text: text, boost: boost, kind: SearchField.Kind(rawValue: fieldKinds[field]) ?? .other))
            start = end + 1
        }
        return fields
    }
}

/// The normalised searchable text of every document, as UTF-16 in one array.
///
/// Phrases and exact runs are verified here instead of from stored positions: a candidate's text is
/// a few kilobytes, and keeping it costs about as much as positions would while also serving
/// snippets. UTF-16 keeps ideographs at two bytes (UTF-8 takes three) and gives the JSON API its
/// offsets directly. Each field is followed by `CharacterClass.fieldBreakUnit`; non-body fields come
/// first, so a document's body is one tail range. Normalisation changed only a few units (Latin
/// capitals, full-width letters); their originals are kept aside to show snippets as written.
struct TextStore: Sendable {
    let units: [UInt16]
    /// Document `d` is `units[documentStarts[d]..<documentStarts[d + 1]]`.
    let documentStarts: [Int]
    let bodyStarts: [Int]
    /// Sorted offsets into `units` where the original text differs, and the original units there.
    let exceptionOffsets: [Int]
    let exceptionUnits: [UInt16]

    var byteCount: Int {
        units.count * 2 + documentStarts.count * 8 + bodyStarts.count * 8 + exceptionOffsets.count * 10
    }

    func documentRange(_ document: Int) -> Range<Int> {
        documentStarts[document]..<documentStarts[document + 1]
    }

    func bodyRange(_ document: Int) -> Range<Int> {
        bodyStarts[document]..<documentStarts[document + 1]
    }

    /// The units of `range` as the document had them before normalisation.
    func originalUnits(_ range: Range<Int>) -> [UInt16] {
        var result = Array(units[range])
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

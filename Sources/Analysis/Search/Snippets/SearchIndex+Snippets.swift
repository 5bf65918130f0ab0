import ChineseText

extension SearchIndex {
    /// The body is searched for a snippet within this many UTF-16 units around the first match,
    /// so a pathological multi-megabyte paragraph costs no more than an ordinary article.
    static let snippetRegionUnits = 16_384
    /// At most this many occurrences are collected for choosing and marking a snippet.
    static let snippetOccurrenceLimit = 512

    /// The best excerpt of the document's body fields for `query`: about `maxLength` characters
    /// (default `configuration.snippetLength`) cut at sentence or clause ends where possible, with
    /// "…" where text was left out, and every query match in it highlighted: a query run where it
    /// is contiguous, otherwise its pieces. With no match in the body, the body's opening. Work is
    /// linear in the text and bounded for very long bodies.
    public func snippet(doc slot: Int, query: SearchQuery, maxLength: Int? = nil) -> Snippet {
        guard let segment = segment(containing: slot), segment.hasDocument(atSlot: slot) else {
            return Snippet(text: "", highlights: [])
        }
        let text = segment.text
        let doc = slot - segment.base
        let maxLength = max(1, maxLength ?? configuration.snippetLength)
        let terms = HighlightTerms(query)
        var region = text.bodyRange(doc)
        return text.units.withUnsafeBufferPointer { units in
            if region.count > Self.snippetRegionUnits {
                let first = terms.firstOccurrence(in: units, range: region) ?? region.lowerBound
                let lower = max(region.lowerBound, first - Self.snippetRegionUnits / 4)
                let upper = min(region.upperBound, lower + Self.snippetRegionUnits)
                // Never start inside a surrogate pair.
                region = (lower > region.lowerBound && units[lower] & 0xFC00 == 0xDC00 ? lower + 1 : lower)..<upper
            }
            let content = Self.trimmed(region, in: units, droppingPause: false)
            let occurrences = terms.occurrences(in: units, range: content, limit: Self.snippetOccurrenceLimit)
            let best = SnippetWindow.best(in: units, region: content, terms: terms, occurrences: occurrences,
                                          maxLength: maxLength)
            let cutBefore = best.lowerBound > content.lowerBound
            let cutAfter = best.upperBound < content.upperBound
            let window = Self.trimmed(best, in: units, droppingPause: cutAfter)
            var shown: [UInt16] = cutBefore ? [Self.ellipsis] : []
            let offset = shown.count - window.lowerBound
            shown += text.originalUnits(window).map { Self.isLineBreak($0) ? 0x20 : $0 }
            if cutAfter { shown.append(Self.ellipsis) }
            let ranges = terms.highlightRanges(occurrences, within: window).map {
                ($0.lowerBound + offset)..<($0.upperBound + offset)
            }
            return Snippet(text: String(utf16Units: shown),
                           highlights: Self.highlights(ranges, in: shown))
        }
    }

    /// Highlights of the query's matches in any text, such as a title: offsets are into `text`
    /// itself, since normalisation keeps every character in place.
    public func highlights(in text: String, query: SearchQuery) -> [Highlight] {
        let units = SearchAnalyzer.normalizedUnits(of: text)
        let terms = HighlightTerms(query)
        let ranges = units.withUnsafeBufferPointer { buffer in
            terms.highlightRanges(terms.occurrences(in: buffer, range: 0..<buffer.count), within: 0..<buffer.count)
        }
        return Self.highlights(ranges, in: units)
    }

    private static let ellipsis: UInt16 = 0x2026

    private static func isLineBreak(_ unit: UInt16) -> Bool {
        unit == 0x0A || unit == 0x0D || unit == CharacterClass.fieldBreakUnit
    }

    /// `range` without spaces and line breaks at either end, and without a trailing pause mark
    /// (，、：) when "…" will follow it.
    private static func trimmed(_ range: Range<Int>, in units: UnsafeBufferPointer<UInt16>, droppingPause: Bool) -> Range<Int> {
        func isBlank(_ unit: UInt16) -> Bool {
            isLineBreak(unit) || unit == 0x20 || unit == 0x09 || unit == 0x3000 || unit == 0xA0
        }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isBlank(units[lower]) { lower += 1 }
        while upper > lower, isBlank(units[upper - 1]) || (droppingPause && SnippetWindow.isPause(units[upper - 1])) {
            upper -= 1
        }
        return lower..<upper
    }

    /// UTF-16 ranges of `units` with their scalar offsets.
    static func highlights(_ ranges: [Range<Int>], in units: [UInt16]) -> [Highlight] {
        guard !ranges.isEmpty else { return [] }
        var scalarOffsets = [Int](repeating: 0, count: units.count + 1)
        for (index, unit) in units.enumerated() {
            scalarOffsets[index + 1] = scalarOffsets[index] + (unit & 0xFC00 == 0xDC00 ? 0 : 1)
        }
        return ranges.map { range in
            Highlight(scalarRange: scalarOffsets[range.lowerBound]..<scalarOffsets[range.upperBound], utf16Range: range)
        }
    }
}

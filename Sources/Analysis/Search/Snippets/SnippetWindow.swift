/// Picks the stretch of a body to show for a query: whole clauses (cut at 。！？；，、： and line
/// ends), as many as fit in the length, showing the most distinct query clauses.
struct SnippetWindow {
    /// A clause of the text, ending just after its punctuation (and any closing quotes).
    struct Segment {
        var range: Range<Int>
        var scalarCount: Int
        var startsSentence: Bool
    }

    /// The best window within `region`, at most `maxLength` scalars long.
    static func best(
        in units: UnsafeBufferPointer<UInt16>, region: Range<Int>, terms: HighlightTerms,
        occurrences: [HighlightTerms.Occurrence], maxLength: Int
    ) -> Range<Int> {
        let segments = segments(of: units, region: region)
        var best: (key: (Double, Int, Bool, Int), range: Range<Int>)?
        for (index, segment) in segments.enumerated() {
            let range: Range<Int>
            if segment.scalarCount > maxLength {
                range = cut(segment.range, in: units, around: occurrences, maxLength: maxLength)
            } else {
                var end = index
                var length = segment.scalarCount
                while end + 1 < segments.count, length + segments[end + 1].scalarCount <= maxLength {
                    end += 1
                    length += segments[end].scalarCount
                }
                range = sentenceEnd(segments[index...end], terms: terms, occurrences: occurrences)
            }
            let coverage = terms.coverage(of: occurrences, within: range)
            let startsSentence = segment.startsSentence && range.lowerBound == segment.range.lowerBound
            // Greater is better: coverage, then occurrences shown, then a sentence start, then earlier.
            let key = (coverage.score, coverage.shown, startsSentence, -range.lowerBound)
            if best.map({ Self.isBetter(key, than: $0.key) }) ?? true { best = (key, range) }
        }
        return best?.range ?? region
    }

    /// The window over `segments` ending at the last sentence end that shows as much of the query
    /// as all of them, so a snippet does not trail off into the next sentence just to fill space.
    private static func sentenceEnd(
        _ segments: ArraySlice<Segment>, terms: HighlightTerms, occurrences: [HighlightTerms.Occurrence]
    ) -> Range<Int> {
        let start = segments[segments.startIndex].range.lowerBound
        let full = start..<segments[segments.endIndex - 1].range.upperBound
        let wanted = terms.coverage(of: occurrences, within: full)
        for end in segments.indices.reversed().dropFirst() where segments[end + 1].startsSentence {
            let range = start..<segments[end].range.upperBound
            if terms.coverage(of: occurrences, within: range) == wanted { return range }
        }
        return full
    }

    private static func isBetter(_ key: (Double, Int, Bool, Int), than other: (Double, Int, Bool, Int)) -> Bool {
        if key.0 != other.0 { return key.0 > other.0 }
        if key.1 != other.1 { return key.1 > other.1 }
        if key.2 != other.2 { return key.2 }
        return key.3 > other.3
    }

    /// A clause longer than the snippet: `maxLength` scalars starting a little before its first
    /// occurrence, so the match has some context on the left.
    private static func cut(
        _ range: Range<Int>, in units: UnsafeBufferPointer<UInt16>, around occurrences: [HighlightTerms.Occurrence],
        maxLength: Int
    ) -> Range<Int> {
        var start = range.lowerBound
        if let first = HighlightTerms.starting(within: range, occurrences).first(where: { range.encloses($0.range) }) {
            start = first.range.lowerBound
            // A third of the room left by the match goes before it.
            var context = max(0, maxLength - first.range.count) / 3
            while context > 0, start > range.lowerBound {
                start -= 1
                if units[start] & 0xFC00 == 0xDC00, start > range.lowerBound { start -= 1 }
                context -= 1
            }
        }
        var end = start
        var length = 0
        while end < range.upperBound, length < maxLength {
            end += units[end] & 0xFC00 == 0xD800 && end + 1 < range.upperBound ? 2 : 1
            length += 1
        }
        return start..<end
    }

    static func segments(of units: UnsafeBufferPointer<UInt16>, region: Range<Int>) -> [Segment] {
        var segments: [Segment] = []
        var start = region.lowerBound
        var scalars = 0
        var startsSentence = true
        var index = region.lowerBound
        while index < region.upperBound {
            let unit = units[index]
            if unit & 0xFC00 != 0xDC00 { scalars += 1 }
            index += 1
            let endsSentence = isSentenceEnd(unit)
            guard endsSentence || isPause(unit) else { continue }
            while index < region.upperBound, isClosingMark(units[index]) || isSentenceEnd(units[index]) {
                scalars += 1
                index += 1
            }
            segments.append(Segment(range: start..<index, scalarCount: scalars, startsSentence: startsSentence))
            startsSentence = endsSentence
            start = index
            scalars = 0
        }
        if start < region.upperBound {
            segments.append(Segment(range: start..<region.upperBound, scalarCount: scalars, startsSentence: startsSentence))
        }
        return segments
    }

    static func isSentenceEnd(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0xFF1B, 0x3B, 0x2026, 0x0A, 0x0D, CharacterClass.fieldBreakUnit: return true
        default: return false
        }
    }

    static func isPause(_ unit: UInt16) -> Bool {
        switch unit {
        case 0xFF0C, 0x2C, 0x3001, 0xFF1A, 0x3A: return true
        default: return false
        }
    }

    static func isClosingMark(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0x300B, 0x3009, 0xFF09, 0x29, 0x3011, 0x22, 0x27: return true
        default: return false
        }
    }
}

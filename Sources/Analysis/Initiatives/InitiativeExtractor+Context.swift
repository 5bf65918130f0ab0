import ChineseText

extension InitiativeExtractor {
    /// Where a use says the programme runs, with how sure that is: a place in the same sentence
    /// before the name (its chain head: 天心区 in 天心区金盆岭街道; a scope such as 湖南省首家 is
    /// not a runner), a place inside the name, 我市/本市 for the article's place, or the article's
    /// place at worst.
    func locality(of use: Use, in text: [Unicode.Scalar], occurrences: [PlaceMatcher.Occurrence],
                  main: String?) -> (String, Double)? {
        var sentenceStart = use.start
        while sentenceStart > 0, !text[sentenceStart - 1].isSentenceFinal { sentenceStart -= 1 }
        let before = occurrences.filter { occurrence in
            occurrence.end <= use.start && occurrence.start >= sentenceStart
                && !configuration.scopeWords.contains { text.hasWord($0.scalars, at: occurrence.end) }
        }
        if var nearest = before.last {
            var head = nearest
            while let previous = before.last(where: { $0.end == head.start }) { head = previous; nearest = previous }
            return (nearest.place, 2)
        }
        if let inside = occurrences.first(where: { $0.start >= use.start && $0.end <= use.end }) {
            return (inside.place, 2)
        }
        let sentence = text[sentenceStart..<use.start]
        if ownPlaceWords.contains(where: { sentence.contains(word: $0) }), let main {
            return (main, 1)
        }
        return main.map { ($0, 0.5) }
    }

    /// The sentence a use stands in, cut around the name when it is long.
    func sentence(around use: Use, in text: [Unicode.Scalar]) -> String {
        var start = use.start
        while start > 0, !text[start - 1].isSentenceFinal { start -= 1 }
        var end = use.end
        while end < text.count, !text[end].isSentenceFinal { end += 1 }
        if end < text.count { end += 1 }
        var sentence = String(scalars: text[start..<end]).trimmedSpaces
        if sentence.unicodeScalars.count > configuration.contextMaxLength {
            let offset = max(0, use.start - start - configuration.contextMaxLength / 3)
            sentence = "…" + String(scalars: Array(sentence.unicodeScalars).dropFirst(offset).prefix(configuration.contextMaxLength)) + "…"
        }
        return sentence
    }
}

import ChineseText
import PageParser

/// Finds the quoted names of an article that could be local programmes, with the evidence for
/// each: a quoted name that carries a naming word (“六单工作法”), is followed by one (“一件事一次办”
/// 改革, “志在株洲”志愿服务信息平台), or is a dotted brand name next to a launch verb (创新开展“亲清直通车·
/// 政企恳谈会”) *qualifies*. Whether a name is an initiative is decided over the corpus
/// (`CorpusAggregate`): one qualifying use anywhere makes every quoted use a mention, numbered
/// slogans (两个确立, 四个自信) are out by pattern, and a name used in two provinces is a national
/// slogan, not a local programme.
struct InitiativeExtractor {
    let configuration: AnalysisConfiguration.Initiatives

    /// One quoted span in one text of the article.
    private struct Quote {
        var text: Int
        var key: String
        var start: Int
        var end: Int
        var qualifies: Bool
        var type: String?
    }

    /// The article's quoted names, one entry per name, in order of first use.
    func quotedNames(in article: ArticleText, places: LocalityResolver.ArticlePlaces, directory: PlaceDirectory) -> [QuotedName] {
        let texts = article.scannedTexts.map { Array($0.unicodeScalars) }
        var names: [QuotedName] = []
        var index: [String: Int] = [:]
        for (textIndex, scalars) in texts.enumerated() {
            for quote in scanQuotes(scalars, text: textIndex) {
                let position = index[quote.key] ?? {
                    names.append(QuotedName(key: quote.key, uses: 0, qualifying: 0, types: [], places: [],
                                            context: sentence(around: quote, in: scalars)))
                    index[quote.key] = names.count - 1
                    return names.count - 1
                }()
                names[position].uses += 1
                if quote.qualifies { names[position].qualifying += 1 }
                if let type = quote.type { Self.add(type, 1, to: &names[position].types) }
                if let (place, weight) = locality(of: quote, in: scalars, occurrences: places.occurrences[textIndex], main: places.main) {
                    Self.add(place, weight, to: &names[position].places)
                }
            }
        }
        for position in names.indices {
            names[position].types.sort { $0.name < $1.name }
            names[position].places.sort { $0.name < $1.name }
        }
        return names
    }

    private static func add(_ name: String, _ weight: Double, to votes: inout [QuotedName.Vote]) {
        if let existing = votes.firstIndex(where: { $0.name == name }) {
            votes[existing].weight += weight
        } else {
            votes.append(QuotedName.Vote(name: name, weight: weight))
        }
    }

    // MARK: - Quotes

    private func scanQuotes(_ scalars: [Unicode.Scalar], text: Int) -> [Quote] {
        var spans: [(start: Int, end: Int)] = []   // inner ranges
        var open: Int?
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "“", "「", "『": open = index + 1
            case "”", "」", "』":
                if let start = open { spans.append((start, index)) }
                open = nil
            case "\"":
                if let start = open { spans.append((start, index)); open = nil } else { open = index + 1 }
            default: break
            }
        }
        var quotes: [Quote] = []
        for (position, span) in spans.enumerated() {
            let key = normalizeName(String(scalars: scalars[span.start..<span.end]))
            let length = key.unicodeScalars.count
            guard length >= configuration.minNameLength, length <= configuration.maxNameLength,
                  key.unicodeScalars.contains(where: \.isIdeograph),
                  // A name is not a sentence, and a list of two-character verbs is a procedure.
                  !key.unicodeScalars.contains(where: { $0.isSentenceFinal || $0 == "," || $0 == "，" || $0 == ";" }),
                  !(Self.components(key).count > 1 && Self.components(key).allSatisfy { $0.count <= 2 }),
                  !configuration.nonInitiativeEndings.contains(where: { key.hasSuffix($0) }),
                  !configuration.sloganPatterns.contains(where: { $0.matches(key) })
            else { continue }
            // A chain “A”“B”、“C”等…平台 shares the naming word after its last quote.
            var chainEnd = span.end
            var next = position + 1
            while next < spans.count, isChainGap(scalars[(chainEnd + 1)..<(spans[next].start - 1)]) {
                chainEnd = spans[next].end
                next += 1
            }
            var type = suffix(of: key)
            if type == nil { type = suffix(inWindowAfter: chainEnd + 1, in: scalars) }
            let dotted = key.contains("·") && key.split(separator: "·").allSatisfy { $0.count >= 2 }
            let cued = dotted && (hasCue(before: span.start - 1, in: scalars) || hasCue(after: span.end + 1, in: scalars))
            quotes.append(Quote(text: text, key: key, start: span.start, end: span.end,
                                qualifies: type != nil || cued, type: type))
        }
        return quotes
    }

    private func isChainGap(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
        gap.allSatisfy { $0 == "、" || $0.isSpaceLike || $0 == "“" || $0 == "\"" || $0 == "”" }
    }

    private func suffix(of name: String) -> String? {
        configuration.suffixes.first { name.hasSuffix($0) && name.count > $0.count }
    }

    /// `“一件事一次办”改革`, `“志在株洲”志愿服务信息平台`, `“移动小红凳”等特色党课平台`: ideographs
    /// right after the quote, up to the window, ending in a naming word.
    private func suffix(inWindowAfter start: Int, in scalars: [Unicode.Scalar]) -> String? {
        var start = start
        // `“移动小红凳”等特色党课平台`: an enumeration's 等 belongs to the list, not the window.
        if start < scalars.count, scalars[start] == "等" { start += 1 }
        var end = start
        while end < scalars.count, end - start < configuration.suffixWindow, scalars[end].isIdeograph,
              !configuration.windowStopCharacters.contains(scalars[end]) { end += 1 }
        guard end > start else { return nil }
        let window = String(scalars: scalars[start..<end])
        for length in stride(from: window.count, through: 1, by: -1) {
            let candidate = String(window.prefix(length))
            if let found = configuration.suffixes.first(where: { candidate.hasSuffix($0) }) { return found }
        }
        return nil
    }

    private func hasCue(before index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var start = index
        while start > 0, index - start < 12, !scalars[start - 1].isSentenceFinal, !scalars[start - 1].isClausePause { start -= 1 }
        guard start < index else { return false }
        let clause = String(scalars: scalars[start..<index])
        return configuration.cueVerbs.contains { clause.contains($0) }
    }

    private func hasCue(after index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var end = index
        while end < scalars.count, end - index < 6, scalars[end].isIdeograph { end += 1 }
        let clause = String(scalars: scalars[index..<end])
        return configuration.cueVerbs.contains { clause.hasPrefix($0) }
    }

    static func components(_ key: String) -> [String] {
        let parts = key.split(separator: "、").map(String.init)
        return parts.count > 1 ? parts.filter { $0.count >= 2 } : []
    }

    // MARK: - Locality and context

    /// Where a mention says the programme runs, with how sure that is: a place in the same
    /// sentence before the name (its chain head: 天心区 in 天心区金盆岭街道), a place inside the name,
    /// 我市/本市 for the article's place, or the article's place at worst.
    private func locality(of quote: Quote, in text: [Unicode.Scalar], occurrences: [PlaceMatcher.Occurrence],
                          main: String?) -> (String, Double)? {
        var sentenceStart = quote.start
        while sentenceStart > 0, !text[sentenceStart - 1].isSentenceFinal { sentenceStart -= 1 }
        let before = occurrences.filter { $0.end <= quote.start && $0.start >= sentenceStart }
        if var nearest = before.last {
            var head = nearest
            while let previous = before.last(where: { $0.end == head.start }) { head = previous; nearest = previous }
            return (nearest.place, 2)
        }
        if let inside = occurrences.first(where: { $0.start >= quote.start && $0.end <= quote.end }) {
            return (inside.place, 2)
        }
        let sentence = String(String.UnicodeScalarView(text[sentenceStart..<quote.start]))
        if configuration.ownPlaceWords.contains(where: sentence.containsText), let main {
            return (main, 1)
        }
        return main.map { ($0, 0.5) }
    }

    private func sentence(around quote: Quote, in text: [Unicode.Scalar]) -> String {
        var start = quote.start
        while start > 0, !text[start - 1].isSentenceFinal { start -= 1 }
        var end = quote.end
        while end < text.count, !text[end].isSentenceFinal { end += 1 }
        if end < text.count { end += 1 }
        var sentence = String(scalars: text[start..<end]).trimmedSpaces
        if sentence.unicodeScalars.count > configuration.contextMaxLength {
            // Keep the part around the mention.
            let offset = max(0, quote.start - start - configuration.contextMaxLength / 3)
            sentence = "…" + String(scalars: Array(sentence.unicodeScalars).dropFirst(offset).prefix(configuration.contextMaxLength)) + "…"
        }
        return sentence
    }
}

/// One spelling for every way pages print a name: middle dots unified, full-width letters and
/// digits made ASCII, spaces removed.
func normalizeName(_ name: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in name.unicodeScalars {
        switch scalar.value {
        case 0x30FB, 0xFF65, 0x2022, 0x2027, 0x22C5, 0x2219, 0x00B7, 0x0387: out.append("·")
        case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
        default:
            if !scalar.isSpaceLike { out.append(scalar) }
        }
    }
    return String(out)
}

import ChineseText
import PageParser

extension InitiativeExtractor {
    // MARK: - Bare names

    /// Names printed without quotes where a launch verb creates something named and a naming word
    /// ends it: `成立了湖南省首家社区公益发展基金`, `设立民营企业家节`. Places and scope words
    /// (首家) between the verb and the name are skipped.
    func bareUses(in scalars: [Unicode.Scalar], spans: [Range<Int>], text: Int,
                  places: [PlaceMatcher.Occurrence]) -> [Use] {
        var uses: [Use] = []
        for verb in configuration.bareCueVerbs.map({ Array($0.unicodeScalars) }) {
            for verbStart in scalars.indices(ofWord: verb) where !spans.contains(where: { $0.contains(verbStart) }) {
                var start = verbStart + verb.count
                if start < scalars.count, scalars[start] == "了" { start += 1 }
                while true {
                    if let place = places.first(where: { $0.start == start }) {
                        start = place.end
                    } else if let scope = configuration.scopeWords.first(where: { scalars.hasWord($0.scalars, at: start) }) {
                        start += scope.unicodeScalars.count
                    } else {
                        break
                    }
                }
                var end = start
                while end < scalars.count, end - start < configuration.maxNameLength, scalars[end].isIdeograph,
                      !configuration.windowStopCharacters.contains(scalars[end]) { end += 1 }
                guard end - start >= configuration.minUnnamedLength else { continue }
                for length in configuration.minUnnamedLength...(end - start) {
                    let name = String(scalars: scalars[start..<(start + length)])
                    guard let word = configuration.bareNamingWords.first(where: { name.hasSuffix($0) }),
                          length >= word.count + 2 else { continue }
                    var use = Use(text: text, key: name, start: start, end: start + length, quoted: false, namingWord: word)
                    use.evidence.named = 1
                    use.evidence.unquoted = 1
                    uses.append(use)
                    break
                }
            }
        }
        return uses
    }

    // MARK: - Evidence from the whole article

    /// Evidence only the whole article shows: how a name is printed across its texts (recurrence,
    /// or printed bare so often that it is a common word), its numbered form, and whether the
    /// article defines a numbered slogan by listing its items.
    func weighArticleEvidence(_ uses: inout [Use], texts: [[Unicode.Scalar]]) {
        let spans = texts.map(Self.quoteSpans)
        var quotedCount: [String: Int] = [:]
        var bareCount: [String: Int] = [:]
        var nounUses: [String: Int] = [:]
        for use in uses {
            if use.quoted { quotedCount[use.key, default: 0] += 1 } else { bareCount[use.key, default: 0] += 1 }
            if use.quoted, isNounUse(use, in: texts[use.text]) { nounUses[use.key, default: 0] += 1 }
        }
        var plain: [String: Int] = [:]
        var defined: [String: Bool] = [:]
        for key in Set(uses.map(\.key)) {
            let scalars = Array(key.unicodeScalars)
            var outside = 0
            for (text, textSpans) in zip(texts, spans) {
                for start in text.indices(ofWord: scalars) where !textSpans.contains(where: { $0.contains(start) }) {
                    outside += 1
                }
            }
            plain[key] = max(0, outside - (bareCount[key] ?? 0))
            if isSloganPattern(key) { defined[key] = isDefinedByItsItems(scalars, in: texts, spans: spans) }
        }
        for index in uses.indices {
            let key = uses[index].key
            let quoted = quotedCount[key] ?? 0
            let bare = plain[key] ?? 0
            if uses[index].quoted, quoted >= 2, bare == 0, (nounUses[key] ?? 0) > 0 { uses[index].evidence.recurring = 1 }
            // Printed bare more often than quoted: a common word (“政务服务”), whatever its company.
            if bare > quoted {
                uses[index].evidence.enumerated = 0
                uses[index].evidence.recurring = 0
            }
            let folded = ChineseNumber.foldedForPatterns(key)
            if configuration.numberedPatterns.contains(where: { $0.matches(folded) }) || isSloganPattern(key),
               !configuration.mannerPatterns.contains(where: { $0.matches(key) }) {
                uses[index].evidence.numbered = 1
            }
            if isSloganPattern(key), defined[key] != true, uses[index].namingWord == nil { uses[index].evidence.national = 1 }
        }
    }

    /// A quoted use that is the name of something: not after 的 (`纲领的“精气神”` discusses a
    /// notion) and not modifying the word after it (`“全家福”头碗`).
    private func isNounUse(_ use: Use, in scalars: [Unicode.Scalar]) -> Bool {
        let opening = use.start - 1
        if opening > 0, configuration.phraseCharacters.contains(scalars[opening - 1]) { return false }
        return standsAlone(after: use.end + 1, in: scalars)
    }

    func isSloganPattern(_ key: String) -> Bool {
        let folded = ChineseNumber.foldedForPatterns(key)
        return configuration.sloganPatterns.contains { $0.matches(folded) }
    }

    /// `政治建设考察、政治巡察“两个全覆盖”`, `“一件事一次办”“无证明城市”“跨域通办”“政务服务”四个升级版`:
    /// somewhere the article prints the name right after as many items as its number says.
    private func isDefinedByItsItems(_ name: [Unicode.Scalar], in texts: [[Unicode.Scalar]], spans: [[Range<Int>]]) -> Bool {
        guard let number = ChineseNumber.leadingValue(name), number > 1 else { return false }
        for (scalars, textSpans) in zip(texts, spans) {
            for start in scalars.indices(ofWord: name) {
                let before = start > 0 && Self.isOpeningQuote(scalars[start - 1]) ? start - 1 : start
                if listedItems(before: before, in: scalars, spans: textSpans) == number { return true }
            }
        }
        return false
    }

    /// How many items are listed right before `index`: a chain of quotes ending there, or plain
    /// items separated by 、 filling the clause.
    private func listedItems(before index: Int, in scalars: [Unicode.Scalar], spans: [Range<Int>]) -> Int? {
        if index > 0, let last = spans.lastIndex(where: { $0.upperBound == index - 1 }) {
            var count = 1
            var current = last
            while current > 0, spans[current - 1].upperBound + 1 <= spans[current].lowerBound - 1,
                  scalars[(spans[current - 1].upperBound + 1)..<(spans[current].lowerBound - 1)]
                      .allSatisfy({ $0 == "、" || $0.isSpaceLike }) {
                count += 1
                current -= 1
            }
            return count > 1 ? count : nil
        }
        var start = index
        while start > 0, !scalars[start - 1].isSentenceFinal, !scalars[start - 1].isColon,
              scalars[start - 1] == "、" || !scalars[start - 1].isClausePause { start -= 1 }
        let items = scalars[start..<index].split(separator: "、", omittingEmptySubsequences: false)
        guard items.count > 1, items.allSatisfy({ (2...configuration.maxListItemLength).contains($0.count) && $0.allSatisfy(\.isIdeograph) })
        else { return nil }
        return items.count
    }

    // MARK: - Text helpers

    static func isOpeningQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "“" || scalar == "「" || scalar == "『" || scalar == "\""
    }
}

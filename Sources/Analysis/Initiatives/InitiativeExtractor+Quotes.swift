import ChineseText

extension InitiativeExtractor {
    /// The inner ranges of the quotes of a text: “…”, 「…」, 『…』, and "…" paired by parity.
    static func quoteSpans(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var open: Int?
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "“", "「", "『": open = index + 1
            case "”", "」", "』":
                if let start = open { spans.append(start..<index) }
                open = nil
            case "\"":
                if let start = open { spans.append(start..<index); open = nil } else { open = index + 1 }
            default: break
            }
        }
        return spans
    }

    /// The quoted uses of one text. Quotes printed next to each other (“A”“B”、“C”等…) form a
    /// chain that shares the naming word after its last quote and the launch verb before its first.
    func quotedUses(in scalars: [Unicode.Scalar], spans: [Range<Int>], text: Int) -> [Use] {
        var uses: [Use] = []
        var first = 0
        while first < spans.count {
            var last = first
            while last + 1 < spans.count, isChainGap(scalars[(spans[last].upperBound + 1)..<(spans[last + 1].lowerBound - 1)]) {
                last += 1
            }
            uses += chainUses(spans[first...last], in: scalars, text: text)
            first = last + 1
        }
        markParallelItems(&uses)
        return uses
    }

    private func chainUses(_ chain: ArraySlice<Range<Int>>, in scalars: [Unicode.Scalar], text: Int) -> [Use] {
        let opening = chain.first!.lowerBound - 1
        let after = chain.last!.upperBound + 1
        let shared = namingWord(inWindowAfter: after, in: scalars)
        // `打造“东数西算”起步区`: the quote modifies what follows, and the verb acts on that.
        let cued = (shared != nil || standsAlone(after: after, in: scalars)) && hasAdjacentCue(before: opening, in: scalars)
        // “一件事一次办”“无证明城市”“跨域通办”“政务服务”四个升级版: the number counts the items.
        let counted = chain.count > 1 && ChineseNumber.leadingValue(scalars[after...].prefix(4)) == chain.count
        let national = saysNationalSource(before: opening, in: scalars)
        var uses: [Use] = []
        for span in chain {
            let key = normalizeName(String(scalars: scalars[span]))
            guard isPlausibleName(key) else { continue }
            var use = Use(text: text, key: key, start: span.lowerBound, end: span.upperBound, quoted: true)
            use.namingWord = namingWord(endingName: key) ?? shared
            if use.namingWord != nil { use.evidence.named = 1 }
            let dotted = key.contains("·") && key.split(separator: "·").allSatisfy { $0.count >= 2 }
            if (span == chain.first && cued)
                || (dotted && (hasCue(inClauseBefore: span.lowerBound - 1, in: scalars) || hasCue(after: span.upperBound + 1, in: scalars))) {
                use.evidence.cued = 1
            }
            if chain.count > 1, shared != nil || cued || counted { use.evidence.enumerated = 1 }
            if national { use.evidence.national = 1 }
            uses.append(use)
        }
        return uses
    }

    private func isChainGap(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
        gap.allSatisfy { $0 == "、" || $0.isSpaceLike || $0 == "“" || $0 == "\"" || $0 == "”" }
    }

    /// Quoted text that can be a name at all: of name length, with an ideograph or a digit, not a
    /// sentence or clause, not a phrase (的), not a list of two-character verbs (a procedure:
    /// “巡单、接单”), not a public holiday.
    func isPlausibleName(_ key: String) -> Bool {
        let length = key.unicodeScalars.count
        guard length >= configuration.minNameLength, length <= configuration.maxNameLength,
              key.unicodeScalars.contains(where: { $0.isIdeograph || $0.isASCIIDigit }),
              !key.unicodeScalars.contains(where: {
                  $0.isSentenceFinal || $0 == "," || $0 == "，" || $0 == ";" || $0 == "；"
                      || configuration.phraseCharacters.contains($0)
              })
        else { return false }
        let parts = Self.components(key)
        if parts.count > 1, parts.allSatisfy({ $0.count <= 2 }) { return false }
        // `“智慧+”`: an open formula, not a name.
        if let first = key.unicodeScalars.first, let last = key.unicodeScalars.last,
           [first, last].contains(where: { $0 == "+" || $0 == "·" }) { return false }
        return !configuration.calendarDays.contains { key.hasSuffix($0) }
    }

    /// Quoted names of one text with the same length and last character, enough of them, are
    /// parallel items (“网格通”“居民通”“物业通”; “自助办” … “上门办” … “帮代办”).
    private func markParallelItems(_ uses: inout [Use]) {
        var groups: [String: Set<String>] = [:]
        for use in uses where use.length >= configuration.minUnnamedLength {
            groups["\(use.length)\(use.key.unicodeScalars.last!)", default: []].insert(use.key)
        }
        for index in uses.indices where uses[index].length >= configuration.minUnnamedLength {
            let group = groups["\(uses[index].length)\(uses[index].key.unicodeScalars.last!)"] ?? []
            if group.count >= configuration.minParallelItems { uses[index].evidence.enumerated = 1 }
        }
    }

    // MARK: - Naming words

    /// The naming word a name ends with (“三长制” → 制), when the name is more than that word.
    func namingWord(endingName name: String) -> String? {
        configuration.namingWords.first { name.hasSuffix($0.word) && name.count > $0.word.count }?.word
    }

    /// `“一件事一次办”改革`, `“志在株洲”志愿服务信息平台`, `“一机通办…”15分钟政务服务圈`: text right
    /// after the quote, up to the window, ending in a naming word of two characters or more (a
    /// single-character one, 制 or 节, names only as the end of the name itself: 受制于 is no 制).
    func namingWord(inWindowAfter start: Int, in scalars: [Unicode.Scalar]) -> String? {
        var start = start
        // `“移动小红凳”等特色党课平台`: an enumeration's 等 belongs to the list, not the window.
        while start < scalars.count, scalars[start] == "等" { start += 1 }
        var end = start
        while end < scalars.count, end - start < configuration.suffixWindow,
              scalars[end].isIdeograph || scalars[end].isASCIIDigit,
              !configuration.windowStopCharacters.contains(scalars[end]) { end += 1 }
        // `“…体系”不断创新全域党建模式`: a launch verb starts a new predicate; the naming phrase ends there.
        if let verb = cueVerbs.compactMap({ scalars[start..<end].firstIndex(ofWord: $0) }).min() { end = verb }
        guard end > start else { return nil }
        let window = String(scalars: scalars[start..<end])
        for length in stride(from: window.count, through: 1, by: -1) {
            let candidate = String(window.prefix(length))
            if let found = configuration.namingWords.first(where: { $0.word.count > 1 && candidate.hasSuffix($0.word) }) {
                return found.word
            }
        }
        return nil
    }

    /// Whether a quote ending before `index` stands as a noun of its own rather than modifying the
    /// word after it (`“全家福”头碗`): what follows is no ideograph, a function character or 等.
    func standsAlone(after index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard index < scalars.count else { return true }
        let next = scalars[index]
        return !next.isIdeograph || next == "等" || configuration.windowStopCharacters.contains(next)
    }

    // MARK: - Launch verbs and sources

    /// A launch verb right before the quote (`开通“政企通”`, `推出了“…”`).
    func hasAdjacentCue(before opening: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var end = opening
        if end > 0, scalars[end - 1] == "了" { end -= 1 }
        return cueVerbs.contains { verb in end >= verb.count && scalars[(end - verb.count)..<end].elementsEqual(verb) }
    }

    /// A launch verb in the clause before a dotted brand name (创新开展每周三“亲清直通车·政企恳谈会”).
    private func hasCue(inClauseBefore index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let clause = scalars[clauseStart(before: index, in: scalars, limit: 12)..<max(0, index)]
        return cueVerbs.contains { clause.contains(word: $0) }
    }

    /// A launch verb right after a dotted brand name (“亲清直通车·政企恳谈会”启动以来).
    private func hasCue(after index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var end = index
        while end < scalars.count, end - index < 6, scalars[end].isIdeograph { end += 1 }
        let clause = scalars[min(index, end)..<end]
        return cueVerbs.contains { clause.starts(with: $0) }
    }

    /// `党的二十大报告提出“六个坚持”`, `习近平总书记“为党育才、为党献策”的重大论断`: the clause
    /// before the quote names a national source.
    private func saysNationalSource(before opening: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let clause = scalars[clauseStart(before: opening, in: scalars, limit: configuration.maxSourceDistance)..<max(0, opening)]
        return nationalSourceWords.contains { clause.contains(word: $0) }
    }

    /// Where the clause holding `index` starts (after a pause or a sentence end), looking back at
    /// most `limit` characters.
    func clauseStart(before index: Int, in scalars: [Unicode.Scalar], limit: Int) -> Int {
        var start = max(0, index)
        while start > 0, index - start < limit, !scalars[start - 1].isSentenceFinal, !scalars[start - 1].isClausePause,
              !scalars[start - 1].isColon { start -= 1 }
        return start
    }
}

import ChineseText
import PageParser

/// Finds the names of an article that could be local programmes, with the evidence each use
/// carries. A name is printed in quotes (“六单工作法”), or bare after a launch verb that creates
/// something named (成立了…社区公益发展基金). The evidence that a use names a programme:
///
/// - a **naming word** in the name or right after it (“三长制”, “综合窗”模式, “五新”样板);
/// - a **launch verb** right before it (开通“政企通”, 召开“周恳谈”), or near a dotted brand name;
/// - **parallel items**: a chain of quotes sharing a naming word, a launch verb or a numbered name
///   that counts them (“网格通”“居民通”“物业通”等…), or quoted names of one paragraph that share
///   their length and last character (“自助办” … “上门办” … “帮代办”);
/// - a **numbered** form (双十双百双千, 八大资金池, 人才十条, 5+N);
/// - **recurrence**: quoted more than once in an article that never prints it bare (“好案例”).
///
/// Names of two characters need a naming word; single characters are never names. A numbered
/// national formula (`sloganPatterns`: 两个确立) the article does not define by listing its items,
/// or a name attributed to a national source (党的二十大报告提出“六个坚持”), reads as national.
/// Whether a name is an initiative, and of which kind, is decided over the corpus
/// (`CorpusAggregate`) from these per-article counts.
struct InitiativeExtractor {
    let configuration: AnalysisConfiguration.Initiatives
    let cueVerbs: [[Unicode.Scalar]]
    let nationalSourceWords: [[Unicode.Scalar]]
    let ownPlaceWords: [[Unicode.Scalar]]

    init(configuration: AnalysisConfiguration.Initiatives) {
        self.configuration = configuration
        cueVerbs = configuration.cueVerbs.map(\.scalars)
        nationalSourceWords = configuration.nationalSourceWords.map(\.scalars)
        ownPlaceWords = configuration.ownPlaceWords.map(\.scalars)
    }

    /// One printed use of a name in one text of the article.
    struct Use {
        var text: Int
        var key: String
        /// The name's range in the text (inside the quotes when quoted).
        var start: Int
        var end: Int
        var quoted: Bool
        var namingWord: String?
        var evidence = QuotedName.Evidence()

        var length: Int { key.unicodeScalars.count }
    }

    /// The article's names, one entry per name, in order of first use.
    func quotedNames(in article: ArticleText, places: LocalityResolver.ArticlePlaces, directory: PlaceDirectory) -> [QuotedName] {
        let texts = article.scannedTexts.map { Array($0.unicodeScalars) }
        var uses: [Use] = []
        for (index, scalars) in texts.enumerated() {
            let spans = Self.quoteSpans(scalars)
            uses += quotedUses(in: scalars, spans: spans, text: index)
            uses += bareUses(in: scalars, spans: spans, text: index, places: places.occurrences[index])
        }
        weighArticleEvidence(&uses, texts: texts)
        return names(from: uses, texts: texts, places: places)
    }

    /// Whether one use, with its evidence, marks the name as a programme.
    func qualifies(_ use: Use) -> Bool {
        if use.evidence.named > 0 { return use.length >= configuration.minNameLength }
        let evidence = use.evidence
        return use.length >= configuration.minUnnamedLength
            && evidence.cued + evidence.enumerated + evidence.numbered + evidence.recurring + evidence.unquoted > 0
    }

    private func names(from uses: [Use], texts: [[Unicode.Scalar]], places: LocalityResolver.ArticlePlaces) -> [QuotedName] {
        var names: [QuotedName] = []
        var index: [String: Int] = [:]
        for use in uses.sorted(by: { ($0.text, $0.start) < ($1.text, $1.start) }) {
            let position = index[use.key] ?? {
                names.append(QuotedName(key: use.key, uses: 0, qualifying: 0, namingWords: [], kinds: [], places: [],
                                        context: sentence(around: use, in: texts[use.text]), evidence: .init()))
                index[use.key] = names.count - 1
                return names.count - 1
            }()
            names[position].uses += 1
            if qualifies(use) { names[position].qualifying += 1 }
            names[position].evidence.add(use.evidence)
            if let word = use.namingWord {
                Self.add(word, 1, to: &names[position].namingWords)
                Self.add(configuration.kind(of: word).rawValue, 1, to: &names[position].kinds)
            }
            if let (place, weight) = locality(of: use, in: texts[use.text], occurrences: places.occurrences[use.text],
                                              main: places.main) {
                Self.add(place, weight, to: &names[position].places)
            }
        }
        for position in names.indices {
            names[position].namingWords.sort { $0.name < $1.name }
            names[position].kinds.sort { $0.name < $1.name }
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

    /// The parts of a name listed with 、 (幸福长沙、网办到家), when it has several.
    static func components(_ key: String) -> [String] {
        let parts = key.split(separator: "、").map(String.init)
        return parts.count > 1 ? parts.filter { $0.count >= 2 } : []
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

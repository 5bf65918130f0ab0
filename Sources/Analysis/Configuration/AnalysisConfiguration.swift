import Foundation
import PageParser

/// Every threshold and word list the analysis uses, read from `config/analysis.json`,
/// `config/stopwords.txt`, `config/generic-words.txt` and `config/gazetteer.tsv` (documented in
/// `config/README.md`).
public struct AnalysisConfiguration: Sendable {
    public struct Tags: Sendable {
        public var minTermLength: Int
        public var maxTermLength: Int
        /// Corpus occurrences a discovered word needs.
        public var minFrequency: Int
        /// Least pointwise mutual information between the two halves of a word, over every split.
        public var minCohesion: Double
        /// Least entropy (nats) of the characters seen before and after a word.
        public var minBoundaryEntropy: Double
        /// A word whose edge cuts another word (务公开 in 政务公开) in this share of its occurrences
        /// is a piece of other words.
        public var maxCutShare: Double
        /// A word never seen free on one side (after punctuation or a particle) is still free there
        /// when this many different characters stand on that side (参加/把握/第二批 主题教育).
        public var minDistinctNeighbours: Int
        /// A shorter word inside a longer one is dropped when this share of its occurrences are
        /// inside the longer one (质生产力 inside 新质生产力).
        public var nestedCoverage: Double
        /// Weight of an occurrence inside a longer term's occurrence when ranking (产业 in 未来产业).
        public var nestedOccurrenceWeight: Double
        /// A shortest word with this share of its occurrences inside longer words of the article is
        /// their component, not a tag.
        public var maxComponentShare: Double
        public var quotedTermMaxLength: Int
        public var quotedBoost: Double
        public var titleWeight: Double
        public var subheadingWeight: Double
        /// Weight of a shortest word that is neither quoted nor a place the article names: most are
        /// generic (产品, 政策).
        public var shortWordWeight: Double
        /// Weight of a name known only from quotes that the article prints once, in its body: named
        /// in passing (one programme of a list), not what the article is about.
        public var passingNameWeight: Double
        /// Score bonus per character beyond two: specific terms are longer.
        public var lengthBonus: Double
        /// Added to a term's document frequency in its IDF, `log(1 + N / (df + smoothing))`.
        public var documentFrequencySmoothing: Double
        /// Terms in more than this share of articles are too common to tag (with enough articles).
        public var maxDocumentFrequencyRatio: Double
        public var minArticlesForDocumentFrequencyRule: Int
        public var tagsPerArticle: Int
        /// Word discovery reads at most this many characters, spread over the corpus.
        public var discoverySampleCharacters: Int
        /// A word never starts or ends with one of these function characters.
        public var boundaryStopCharacters: Set<Unicode.Scalar>
        /// Neighbours that leave a word standing free (particles and prepositions): a word must be
        /// seen with such a neighbour, or punctuation, at least once on each side.
        public var freeNeighbourCharacters: Set<Unicode.Scalar>
        /// Particles and conjunctions (的, 和): an occurrence next to one counts, for boundary
        /// entropy, as a distinct neighbour, like punctuation.
        public var particleNeighbourCharacters: Set<Unicode.Scalar>
        /// Particles and the negation that never stand inside a word (的, 了, 不).
        public var innerStopCharacters: Set<Unicode.Scalar>
        /// Generic verbs, adjectives and adverbs that make a longer term starting with them a
        /// phrase (坚持以人为本, 全力担负, 优化营商环境, 围绕党), not a word.
        public var phraseOpeners: [String]
        /// Generic verbs that make a longer term ending with them a phrase (二十大精神提出).
        public var phraseClosers: [String]
        /// Nouns of activity that follow what they are about (志愿服务体系|建设, 党校|工作): a word
        /// boundary before them.
        public var activityWords: Set<String>
        /// Words that make a term a question (什么, 如何): “我要做什么” is no topic.
        public var questionWords: [String]
        /// Function words and generic verbs (`stopwords.txt`): never tags, and never inside a rare
        /// compound.
        public var stopWords: Set<String>
        /// Nouns and names that say nothing alone (`generic-words.txt`): never tags by themselves,
        /// but a longer word may hold them (闭环机制).
        public var genericWords: Set<String>
    }

    public struct Localities: Sendable {
        public var levelWeights: [PlaceLevel: Double]
        public var titleWeight: Double
        /// The main locality moves down to a mentioned sub-place scoring at least this share of it.
        public var drillDownRatio: Double
        public var patternSuffixes: [String]
        public var minPatternPrefixLength: Int
        public var maxPatternPrefixLength: Int
        public var placeBoundaryCharacters: Set<Unicode.Scalar>
        public var genericPlaceNames: Set<String>
        public var genericPlacePrefixes: [String]
        /// Characters that never occur in the part of a pattern place before its suffix (verbs,
        /// particles): `干部进社区` is no place.
        public var patternPrefixStopCharacters: Set<Unicode.Scalar>
        /// Endings that make a pattern match a common word, not a place (城乡, 农村).
        public var nonPlaceEndings: [String]
        /// A pattern name needs this many occurrences unless it is printed after a known place.
        public var minPatternOccurrences: Int
        /// Body mentions below this weighted score do not make an article about a place.
        public var minMainScore: Double
        /// A gazetteer name made only of these characters is generic (城区, 东区, 市中区): like a
        /// township, it counts only next to a mentioned relative or in the home region.
        public var genericPlaceCharacters: Set<Unicode.Scalar>
        /// Levels whose gazetteer places count only with an anchor (a mentioned relative below
        /// province level, or the home region): township names repeat across the country (城关镇 ×82)
        /// and overlap common words.
        public var anchoredLevels: Set<PlaceLevel>
        /// Levels whose short forms count only with an anchor: two characters of a county's name
        /// run across word boundaries too often (新和 in 创新和, 兴国 in 救国、兴国, 桂平 in 王桂平).
        public var anchoredShortFormLevels: Set<PlaceLevel>
        /// Full names shorter than this count only with an anchor (和县 in 党委和县政府, 范县 in 示范县).
        public var minUnanchoredNameLength: Int
        /// A pattern name whose part before the suffix opens with one of these is a count or a
        /// determiner, not a name (首家社区, 每个村, 该社区).
        public var countPrefixCharacters: Set<Unicode.Scalar>
        public var gazetteer: Gazetteer
    }

    public struct Initiatives: Sendable {
        /// A word that marks a name as a programme (工作法, 平台) and the kind it gives.
        public struct NamingWord: Sendable, Hashable {
            public var word: String
            public var kind: InitiativeKind
        }

        /// Naming words, longest first.
        public var namingWords: [NamingWord]
        /// Launch verbs: right before a quoted name (推出“X”, 开通“X”), or near a dotted brand name.
        public var cueVerbs: [String]
        /// Characters between a quote and a naming word after it.
        public var suffixWindow: Int
        /// Shortest name with a naming word (“五新”样板); shorter ones are never names.
        public var minNameLength: Int
        /// Shortest name marked by evidence other than a naming word (“三长制” has one; “自助办”
        /// needs its parallel items).
        public var minUnnamedLength: Int
        public var maxNameLength: Int
        /// Numbered national formulas (两个确立): slogans unless the article lists their items.
        public var sloganPatterns: [TextPattern]
        /// Numbered names (双十双百双千, 八大资金池, 人才十条, 5+N): programme names by their form.
        public var numberedPatterns: [TextPattern]
        /// Numbered forms that describe a manner, not a name (一企一策: one policy per enterprise).
        public var mannerPatterns: [TextPattern]
        /// Names ending in a public holiday are dates, not programmes (“三八妇女节”专场活动).
        public var calendarDays: [String]
        /// Characters that cannot stand between a quoted name and its naming word (这一城市品牌).
        public var windowStopCharacters: Set<Unicode.Scalar>
        /// Characters that make a quoted text a phrase, not a name (“会呼吸”的 is fine; “…的城市” is not).
        public var phraseCharacters: Set<Unicode.Scalar>
        /// Quoted names of one paragraph with the same length and last character, at least this
        /// many, are parallel items (“自助办”“上门办”“帮代办”).
        public var minParallelItems: Int
        /// Words in the clause before a quote that attribute it to a national source (总书记, 党中央).
        public var nationalSourceWords: [String]
        /// How far back in the clause a national source word may stand.
        public var maxSourceDistance: Int
        /// Longest plain item of a list that defines a numbered name (政治建设考察、政治巡察“两个全覆盖”).
        public var maxListItemLength: Int
        /// Launch verbs that create something named (成立, 设立): a bare name after one, ending in
        /// one of `bareNamingWords`, is a programme (成立了湖南省首家社区公益发展基金).
        public var bareCueVerbs: [String]
        public var bareNamingWords: [String]
        /// Words after a place that make it a scope, not the place that runs the programme
        /// (湖南省首家: Hunan is where it is first, not who runs it).
        public var scopeWords: [String]
        public var contextMaxLength: Int
        /// Words for the writer's own place (我市, 本区): the article's locality.
        public var ownPlaceWords: [String]
        /// A part shared by more multi-part names than this (一、二、三 lists of slogans) is a
        /// generic phrase, not a link between programmes: groups stay small however large the corpus.
        public var maxNamesSharingAPart: Int

        /// The kind a naming word gives.
        func kind(of namingWord: String) -> InitiativeKind {
            namingWords.first { $0.word == namingWord }?.kind ?? .programme
        }
    }

    public struct Search: Sendable {
        public var k1: Double
        public var b: Double
        public var titleBoost: Double
        public var subheadingBoost: Double
        public var exactRunBonus: Double
        public var snippetLength: Int
    }

    public var tags: Tags
    public var localities: Localities
    public var initiatives: Initiatives
    public var search: Search
}

public enum PlaceLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    case province, city, district, county, street, community

    /// Administrative depth: a province is 0, a community 4.
    public var depth: Int {
        switch self {
        case .province: 0
        case .city: 1
        case .district, .county: 2
        case .street: 3
        case .community: 4
        }
    }

    public static func < (a: PlaceLevel, b: PlaceLevel) -> Bool { a.depth < b.depth }
}

extension AnalysisConfiguration {
    public static func load(fromDirectory directory: URL) throws -> AnalysisConfiguration {
        var file = try ConfigFile(url: directory.appendingPathComponent("analysis.json"))
        let stopWords = Set(try readWordList(directory.appendingPathComponent("stopwords.txt")))
        let genericWords = Set(try readWordList(directory.appendingPathComponent("generic-words.txt")))
        let gazetteer = try Gazetteer.load(contentsOf: directory.appendingPathComponent("gazetteer.tsv"))

        var tags = try file.section("tags")
        let tagConfiguration = Tags(
            minTermLength: try tags.int("minTermLength"),
            maxTermLength: try tags.int("maxTermLength"),
            minFrequency: try tags.int("minFrequency"),
            minCohesion: try tags.double("minCohesion"),
            minBoundaryEntropy: try tags.double("minBoundaryEntropy"),
            maxCutShare: try tags.double("maxCutShare"),
            minDistinctNeighbours: try tags.int("minDistinctNeighbours"),
            nestedCoverage: try tags.double("nestedCoverage"),
            nestedOccurrenceWeight: try tags.double("nestedOccurrenceWeight"),
            maxComponentShare: try tags.double("maxComponentShare"),
            quotedTermMaxLength: try tags.int("quotedTermMaxLength"),
            quotedBoost: try tags.double("quotedBoost"),
            titleWeight: try tags.double("titleWeight"),
            subheadingWeight: try tags.double("subheadingWeight"),
            shortWordWeight: try tags.double("shortWordWeight"),
            passingNameWeight: try tags.double("passingNameWeight"),
            lengthBonus: try tags.double("lengthBonus"),
            documentFrequencySmoothing: try tags.double("documentFrequencySmoothing"),
            maxDocumentFrequencyRatio: try tags.double("maxDocumentFrequencyRatio"),
            minArticlesForDocumentFrequencyRule: try tags.int("minArticlesForDocumentFrequencyRule"),
            tagsPerArticle: try tags.int("tagsPerArticle"),
            discoverySampleCharacters: try tags.int("discoverySampleCharacters"),
            boundaryStopCharacters: Set(try tags.string("boundaryStopCharacters").unicodeScalars),
            freeNeighbourCharacters: Set(try tags.string("freeNeighbourCharacters").unicodeScalars),
            particleNeighbourCharacters: Set(try tags.string("particleNeighbourCharacters").unicodeScalars),
            innerStopCharacters: Set(try tags.string("innerStopCharacters").unicodeScalars),
            phraseOpeners: try tags.strings("phraseOpeners"),
            phraseClosers: try tags.strings("phraseClosers"),
            activityWords: Set(try tags.strings("activityWords")),
            questionWords: try tags.strings("questionWords"),
            stopWords: stopWords,
            genericWords: genericWords
        )
        try tags.rejectUnusedKeys()
        // Statistics need grams one longer than the longest term, and grams hold eight characters.
        guard tagConfiguration.minTermLength >= 2, tagConfiguration.maxTermLength <= 7,
              tagConfiguration.minTermLength <= tagConfiguration.maxTermLength else {
            throw ConfigurationError(file: tags.path, reason: "term lengths must satisfy 2 <= minTermLength <= maxTermLength <= 7")
        }

        var localities = try file.section("localities")
        var levelWeights: [PlaceLevel: Double] = [:]
        for (name, weight) in try localities.doubleDictionary("levelWeights") {
            guard let level = PlaceLevel(rawValue: name) else {
                throw ConfigurationError(file: localities.path, reason: "levelWeights: unknown level '\(name)'")
            }
            levelWeights[level] = weight
        }
        let localityConfiguration = Localities(
            levelWeights: levelWeights,
            titleWeight: try localities.double("titleWeight"),
            drillDownRatio: try localities.double("drillDownRatio"),
            patternSuffixes: try localities.strings("patternSuffixes"),
            minPatternPrefixLength: try localities.int("minPatternPrefixLength"),
            maxPatternPrefixLength: try localities.int("maxPatternPrefixLength"),
            placeBoundaryCharacters: Set(try localities.string("placeBoundaryCharacters").unicodeScalars),
            genericPlaceNames: Set(try localities.strings("genericPlaceNames")),
            genericPlacePrefixes: try localities.strings("genericPlacePrefixes"),
            patternPrefixStopCharacters: Set(try localities.string("patternPrefixStopCharacters").unicodeScalars),
            nonPlaceEndings: try localities.strings("nonPlaceEndings"),
            minPatternOccurrences: try localities.int("minPatternOccurrences"),
            minMainScore: try localities.double("minMainScore"),
            genericPlaceCharacters: Set(try localities.string("genericPlaceCharacters").unicodeScalars),
            anchoredLevels: try localities.levels("anchoredLevels"),
            anchoredShortFormLevels: try localities.levels("anchoredShortFormLevels"),
            minUnanchoredNameLength: try localities.int("minUnanchoredNameLength"),
            countPrefixCharacters: Set(try localities.string("countPrefixCharacters").unicodeScalars),
            gazetteer: gazetteer
        )
        try localities.rejectUnusedKeys()

        var initiatives = try file.section("initiatives")
        var namingWords: [Initiatives.NamingWord] = []
        for (word, kind) in try initiatives.stringDictionary("namingWords") {
            guard let kind = InitiativeKind(rawValue: kind), kind != .slogan else {
                throw ConfigurationError(file: initiatives.path,
                                         reason: "namingWords: '\(word)' must give programme, mechanism, platform or campaign")
            }
            namingWords.append(.init(word: word, kind: kind))
        }
        let initiativeConfiguration = Initiatives(
            namingWords: namingWords.sorted { $0.word.count != $1.word.count ? $0.word.count > $1.word.count : $0.word < $1.word },
            cueVerbs: try initiatives.strings("cueVerbs"),
            suffixWindow: try initiatives.int("suffixWindow"),
            minNameLength: try initiatives.int("minNameLength"),
            minUnnamedLength: try initiatives.int("minUnnamedLength"),
            maxNameLength: try initiatives.int("maxNameLength"),
            sloganPatterns: try initiatives.strings("sloganPatterns").map(TextPattern.init),
            numberedPatterns: try initiatives.strings("numberedPatterns").map(TextPattern.init),
            mannerPatterns: try initiatives.strings("mannerPatterns").map(TextPattern.init),
            calendarDays: try initiatives.strings("calendarDays"),
            windowStopCharacters: Set(try initiatives.string("windowStopCharacters").unicodeScalars),
            phraseCharacters: Set(try initiatives.string("phraseCharacters").unicodeScalars),
            minParallelItems: try initiatives.int("minParallelItems"),
            nationalSourceWords: try initiatives.strings("nationalSourceWords"),
            maxSourceDistance: try initiatives.int("maxSourceDistance"),
            maxListItemLength: try initiatives.int("maxListItemLength"),
            bareCueVerbs: try initiatives.strings("bareCueVerbs"),
            bareNamingWords: try initiatives.strings("bareNamingWords"),
            scopeWords: try initiatives.strings("scopeWords"),
            contextMaxLength: try initiatives.int("contextMaxLength"),
            ownPlaceWords: try initiatives.strings("ownPlaceWords"),
            maxNamesSharingAPart: try initiatives.int("maxNamesSharingAPart")
        )
        try initiatives.rejectUnusedKeys()

        var search = try file.section("search")
        let searchConfiguration = Search(
            k1: try search.double("k1"),
            b: try search.double("b"),
            titleBoost: try search.double("titleBoost"),
            subheadingBoost: try search.double("subheadingBoost"),
            exactRunBonus: try search.double("exactRunBonus"),
            snippetLength: try search.int("snippetLength")
        )
        try search.rejectUnusedKeys()
        try file.rejectUnusedKeys()

        return AnalysisConfiguration(tags: tagConfiguration, localities: localityConfiguration,
                                     initiatives: initiativeConfiguration, search: searchConfiguration)
    }
}

private extension ConfigFile {
    mutating func levels(_ key: String) throws -> Set<PlaceLevel> {
        let path = self.path
        return Set(try strings(key).map { name in
            guard let level = PlaceLevel(rawValue: name) else {
                throw ConfigurationError(file: path, reason: "\(key): unknown level '\(name)'")
            }
            return level
        })
    }
}

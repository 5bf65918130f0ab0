import PageParser

/// Analyses the articles of one page against a corpus model: tags, places and the main locality,
/// quoted names, and credits. Pure: the same page, model and configuration give the same
/// analysis, and no other page is read. This is all an upload costs the analysis; what depends on
/// the whole corpus is in the model (rebuilt rarely) and the aggregate (updated per article).
public struct PageAnalyzer: Sendable {
    public let configuration: AnalysisConfiguration

    public init(configuration: AnalysisConfiguration) {
        self.configuration = configuration
    }

    public func analyze(_ page: PageText, model: CorpusModel, places: PlaceDirectory) -> [ArticleAnalysis] {
        let resolver = LocalityResolver(configuration: configuration.localities, matcher: places.matcher,
                                        disambiguator: places.disambiguator)
        let located = resolver.resolve(page, places: places)
        let extractor = InitiativeExtractor(configuration: configuration.initiatives)
        let genericWords = model.codes.grams(of: configuration.tags.stopWords.union(configuration.tags.genericWords))
        return page.articles.enumerated().map { index, article in
            let quotes = extractor.quotedNames(in: article, places: located[index], directory: places)
            // National formulas (两个确立) are slogans of every article, topics of none.
            let national = Set(quotes.filter { 2 * $0.evidence.national > $0.uses }.map(\.key))
            // Names: the places it prints, and what it names in quotes with evidence or more than
            // once (with their parts: 网办到家 of 幸福长沙、网办到家).
            let programmes = quotes.filter { $0.qualifying > 0 || ($0.uses > 1 && $0.key.count > configuration.tags.minTermLength) }
                .map(\.key)
            let names = Set(located[index].occurrences.joined().map(\.text)).union(programmes)
                .union(programmes.flatMap(InitiativeExtractor.components))
            return ArticleAnalysis(
                tags: KeywordExtractor.tags(article, model: model, excluded: national,
                                            names: names, genericWords: genericWords, configuration: configuration.tags),
                locality: located[index].main,
                places: located[index].mentions,
                quotes: quotes,
                people: article.people,
                organisations: article.organisations,
                positions: article.positions
            )
        }
    }
}

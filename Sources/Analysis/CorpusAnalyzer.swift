import PageParser

/// Links the parsed pages of an archive: tags, localities, initiatives and authors. Pure: the same
/// pages and configuration give the same analysis.
public struct CorpusAnalyzer: Sendable {
    public let configuration: AnalysisConfiguration

    public init(configuration: AnalysisConfiguration) {
        self.configuration = configuration
    }

    public func analyze(_ pages: [Page]) -> CorpusAnalysis {
        let articles = pages.flatMap(\.articles)
        let pageOfArticle = pages.flatMap { page in page.articles.map { _ in page } }

        let tags = KeywordExtractor(configuration: configuration.tags).extract(articles)
        let localities = LocalityResolver(configuration: configuration.localities).resolve(articles, pages: pageOfArticle)
        let initiatives = InitiativeExtractor(configuration: configuration.initiatives, localities: localities)
            .extract(articles)
        let authors = AuthorDirectory.build(articles, pages: pageOfArticle)

        var results: [ArticleAnalysis] = []
        for (index, article) in articles.enumerated() {
            results.append(ArticleAnalysis(
                articleID: article.id,
                tags: tags.perArticle[index],
                locality: localities.main[index],
                places: localities.mentions[index],
                initiatives: initiatives.byArticle[article.id] ?? [],
                authorIDs: authors.byArticle[article.id] ?? []
            ))
        }
        return CorpusAnalysis(articles: results, tagCounts: tags.counts, places: localities.places,
                              initiatives: initiatives.all, authors: authors.records)
    }
}

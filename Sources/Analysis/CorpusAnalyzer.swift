import PageParser
import Persistence

/// The whole analysis of a set of pages at once: the corpus model built from them, every article
/// analysed against it, and the aggregate that links them. The archive does the same one page at a
/// time (and the two agree); this form serves the CLI's `analyze` command and tests.
public struct CorpusAnalyzer: Sendable {
    /// The revision of the analysis rules in code. Bump it with any change that makes the same
    /// pages and configuration analyse differently (a discovery rule, a ranking): a saved archive
    /// of another revision is then re-analysed in the background on its next start. (A change of
    /// configuration needs no bump: the configuration's own fingerprint keys the saved state.)
    /// 1: a function character at a word's edge belongs to it when the rest never stands alone.
    public static let rulesRevision = 1

    public let configuration: AnalysisConfiguration

    public init(configuration: AnalysisConfiguration) {
        self.configuration = configuration
    }

    /// Analyses `pages` against a model built from them (or against `model` when given).
    public func analyze(_ pages: [Page], model: CorpusModel? = nil) -> CorpusAnalysis {
        let texts = pages.map(PageText.init)
        let model = model ?? CorpusModelBuilder(configuration: configuration).build(texts)
        let places = PlaceDirectory(configuration: configuration.localities, model: model)
        let analyzer = PageAnalyzer(configuration: configuration)
        var articles: [ArticleAnalysis] = []
        var ids: [String] = []
        for (page, text) in zip(pages, texts) {
            articles += analyzer.analyze(text, model: model, places: places)
            ids += page.articles.map(\.id)
        }
        var aggregate = CorpusAggregate(places: places, linkLimit: configuration.initiatives.maxNamesSharingAPart)
        aggregate.add(articles.enumerated().map { ($0.offset, $0.element) })
        return CorpusAnalysis(model: model, articleIDs: ids, articles: articles, aggregate: aggregate)
    }
}

/// The analysis of a whole corpus: per article (in the order the articles were given) and the
/// corpus-wide tables, with articles numbered by position.
public struct CorpusAnalysis: Sendable {
    public let model: CorpusModel
    public let articleIDs: [String]
    public let articles: [ArticleAnalysis]
    public let aggregate: CorpusAggregate

    /// Tags with the number of articles they tag, most used first.
    public var tagCounts: [(term: String, articles: Int)] { aggregate.rankedTags(offset: 0, limit: .max) }

    /// Every initiative, most mentioned first.
    public var initiatives: [Initiative] { aggregate.rankedInitiatives(offset: 0, limit: .max) }

    /// Every author record, most prolific first.
    public var authors: [AuthorRecord] { aggregate.rankedAuthors(offset: 0, limit: .max) }

    /// The place table: gazetteer places and those the model accepted.
    public var places: PlaceDirectory { aggregate.places }

    /// Ids of the articles in a set of positions, in order.
    public func ids(_ articles: SlotSet) -> [String] { articles.slots.map { articleIDs[$0] } }

    /// Author ids of one article, in byline order (nil where a byline has no record).
    public func authorIDs(ofArticle index: Int) -> [String?] { aggregate.authorIDs(in: articles[index]) }

    /// Initiative ids of one article.
    public func initiativeIDs(ofArticle index: Int) -> [String] { aggregate.initiativeIDs(in: articles[index]) }

    /// How each article mentions an initiative: uses and the first sentence, in article order.
    public func mentions(of initiative: Initiative) -> [(article: String, count: Int, context: String)] {
        initiative.articles.slots.compactMap { index in
            let quotes = articles[index].quotes.filter { initiative.keys.contains($0.key) }
            guard let first = quotes.first else { return nil }
            return (articleIDs[index], quotes.reduce(0) { $0 + $1.uses }, first.context)
        }
    }
}

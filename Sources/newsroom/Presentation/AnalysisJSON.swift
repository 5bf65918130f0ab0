import Analysis
import Archive
import JSONValue
import PageParser

/// The `newsroom analyze` document: per-article results and the corpus tables, with the field
/// names of the API's shapes.
func analysisDocument(pages: [Page], analysis: CorpusAnalysis) -> JSON {
    let places = analysis.places
    var ids: [String] = []
    var names: [String] = []
    for page in pages {
        ids += ArticleDisplay.articleIDs(of: page)
        names += page.articles.map { ArticleDisplay.title(of: $0).text }
    }
    func placeJSON(_ id: String) -> JSON {
        .object([("id", .string(id)), ("name", .optional(places[id]?.name))])
    }
    var articles: [JSON] = []
    for (index, result) in analysis.articles.enumerated() {
        articles.append(.object([
            ("id", .string(ids[index])),
            ("name", .string(names[index])),
            ("authors", .array(analysis.authorIDs(ofArticle: index).map(JSON.optional))),
            ("locality", result.locality.map(placeJSON) ?? .null),
            ("places", .array(result.places.map { mention in
                .object([("id", .string(mention.place)), ("name", .optional(places[mention.place]?.name)), ("occurrences", .int(mention.count))])
            })),
            ("tags", .array(result.tags.map { .object([("id", .string($0.term)), ("score", .double($0.score))]) })),
            ("initiatives", .array(analysis.initiativeIDs(ofArticle: index).map(JSON.string))),
        ]))
    }
    let initiatives: [JSON] = analysis.initiatives.map { initiative in
        .object([
            ("id", .string(initiative.id)),
            ("name", .string(initiative.name)),
            ("aliases", .array(initiative.aliases.map(JSON.string))),
            ("type", .string(initiative.kind.rawValue)),
            ("naming_word", .optional(initiative.namingWord)),
            ("locality", initiative.locality.map(placeJSON) ?? .null),
            ("article_count", .int(initiative.articleCount)),
            ("mention_count", .int(initiative.mentionCount)),
            ("mentions", .array(analysis.mentions(of: initiative).map { mention in
                let index = analysis.articleIDs.firstIndex(of: mention.article) ?? 0
                return .object([
                    ("article", .string(ids[index])), ("name", .string(names[index])),
                    ("occurrences", .int(mention.count)), ("context", .string(mention.context)),
                ])
            })),
        ])
    }
    let authors: [JSON] = analysis.authors.map { author in
        .object([
            ("id", .string(author.id)),
            ("name", .string(author.name)),
            ("roles", .array(author.roles.map { .string($0.rawValue) })),
            ("organisations", .array(author.organisations.map(JSON.string))),
            ("positions", .array(author.positions.map(JSON.string))),
            ("article_count", .int(author.articleCount)),
            ("articles", .array(author.articles.slots.map { .string(ids[$0]) })),
        ])
    }
    return .object([
        ("articles", .array(articles)),
        ("initiatives", .array(initiatives)),
        ("tags", .array(analysis.tagCounts.map { .object([("id", .string($0.term)), ("article_count", .int($0.articles))]) })),
        ("authors", .array(authors)),
    ])
}

import Analysis
import JSONValue
import PageParser

/// The `newsroom analyze` document: per-article results and the corpus tables.
func analysisDocument(pages: [Page], analysis: CorpusAnalysis) -> JSON {
    let articles = pages.flatMap(\.articles)
    let titles = Dictionary(uniqueKeysWithValues: articles.map { ($0.id, $0.title) })
    return .object([
        ("articles", .array(zip(articles, analysis.articles).map { article, result in
            .object([
                ("id", .string(article.id)),
                ("title", .optional(article.title)),
                ("authors", .array(result.authorIDs.map(JSON.string))),
                ("locality", .optional(result.locality)),
                ("locality_name", .optional(result.locality.flatMap { analysis.places[$0]?.name })),
                ("places", .array(result.places.map { mention in
                    .object([("place", .string(mention.place)), ("name", .optional(analysis.places[mention.place]?.name)),
                             ("count", .int(mention.count))])
                })),
                ("tags", .array(result.tags.map { .object([("term", .string($0.term)), ("score", .double($0.score))]) })),
                ("initiatives", .array(result.initiatives.map(JSON.string))),
            ])
        })),
        ("initiatives", .array(analysis.initiatives.map { initiative in
            .object([
                ("id", .string(initiative.id)),
                ("name", .string(initiative.name)),
                ("aliases", .array(initiative.aliases.map(JSON.string))),
                ("type", .optional(initiative.type)),
                ("locality", .optional(initiative.locality)),
                ("locality_name", .optional(initiative.locality.flatMap { analysis.places[$0]?.name })),
                ("mentions", .int(initiative.mentionCount)),
                ("articles", .array(initiative.mentions.map { mention in
                    .object([
                        ("id", .string(mention.article)),
                        ("title", .optional(titles[mention.article] ?? nil)),
                        ("count", .int(mention.count)),
                        ("context", .string(mention.context)),
                    ])
                })),
            ])
        })),
        ("tags", .array(analysis.tagCounts.map { .object([("term", .string($0.term)), ("articles", .int($0.articles))]) })),
        ("authors", .array(analysis.authors.map { author in
            .object([
                ("id", .string(author.id)),
                ("name", .string(author.name)),
                ("roles", .array(author.roles.map { .string($0.rawValue) })),
                ("organisations", .array(author.organisations.map(JSON.string))),
                ("positions", .array(author.positions.map(JSON.string))),
                ("articles", .array(author.articleIDs.map(JSON.string))),
            ])
        })),
    ])
}

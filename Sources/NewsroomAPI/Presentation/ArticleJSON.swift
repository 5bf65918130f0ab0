import Analysis
import Archive
import Foundation
import JSONValue
import PageParser

/// The article shapes: one summary (in every list, search hit, feed entry and embedded reference)
/// made only of what the article's page says, so a page's representation changes only with the
/// page; and the full article at its own URL, with everything the analysis links to it.
enum ArticleJSON {
    static func summary(_ ref: ArchiveState.ArticleRef, in state: ArchiveState, extra: [(String, JSON)] = []) -> JSON {
        guard let article = state.articleSummary(ref) else { return .null }
        return .object(summaryFields(ref, article) + extra)
    }

    static func summaryFields(_ ref: ArchiveState.ArticleRef, _ article: Article) -> [(String, JSON)] {
        let page = ref.page
        let name = displayTitle(article)
        return [
            ("id", .string(ref.id)),
            ("url", .string(Links.article(ref.id))),
            ("name", .string(name.text)),
            ("title", .optional(article.title)),
            ("display_title_derived", .bool(name.derived)),
            ("kicker", .optional(article.kicker)),
            ("subtitle", .optional(article.subtitle)),
            ("series", .optional(article.series)),
            ("kind", .string(article.kind.rawValue)),
            ("dateline", .optional(article.dateline)),
            ("date", .optional(page.edition.date?.description)),
            ("newspaper", .optional(page.edition.newspaper)),
            ("page_label", .optional(page.edition.pageLabel)),
            ("section", .optional(page.edition.section)),
            ("page", PageJSON.summary(page)),
            ("ordinal", .int(ref.ordinal)),
            ("byline", .array(article.authors.map { .object([("name", .string($0.name)), ("role", .string($0.role.rawValue))]) })),
            ("excerpt", .string(excerpt(article))),
        ]
    }

    /// - Parameter related: how many related articles, and how many of each shared entity's
    ///   articles are weighed to find them (`APIConfiguration.relatedArticles`).
    static func full(_ ref: ArchiveState.ArticleRef, in state: ArchiveState,
                     related relatedLimits: (count: Int, candidatesPerEntity: Int)) -> JSON {
        guard let article = state.article(ref) else { return .null }
        let analysis = state.analysis(slot: ref.slot) ?? ArticleAnalysis()
        let aggregate = state.aggregate
        var body: [JSON] = []
        var next = 0
        for (index, paragraph) in article.paragraphs.enumerated() {
            while next < article.subheadings.count, article.subheadings[next].index == index {
                body.append(.object([("type", .string("subheading")), ("text", .string(article.subheadings[next].text))]))
                next += 1
            }
            body.append(.object([("type", .string("paragraph")), ("text", .string(paragraph))]))
        }
        for subheading in article.subheadings[next...] {
            body.append(.object([("type", .string("subheading")), ("text", .string(subheading.text))]))
        }
        let authorIDs = aggregate.authorIDs(in: analysis)
        let authors: [JSON] = zip(article.authors, authorIDs).map { person, id in
            guard let id, let record = aggregate.author(id: id) else {
                return .object([("id", .null), ("url", .null), ("name", .string(person.name)), ("role", .string(person.role.rawValue))])
            }
            return EntityJSON.author(record, extra: [("role", .string(person.role.rawValue))])
        }
        let places: [JSON] = analysis.places.compactMap { mention in
            aggregate.places[mention.place].map { EntityJSON.place($0, in: aggregate, extra: [("occurrences", .int(mention.count))]) }
        }
        // Looked up once: related articles weigh the same records.
        let initiativeRecords = aggregate.initiativeIDs(in: analysis).compactMap(aggregate.initiative(id:))
        let initiatives: [JSON] = initiativeRecords.map { initiative in
            let quotes = analysis.quotes.filter { initiative.keys.contains($0.key) }
            return EntityJSON.initiative(initiative, extra: [
                ("occurrences", .int(quotes.reduce(0) { $0 + $1.uses })),
                ("context", .optional(quotes.first?.context)),
            ])
        }
        let related = state.related(to: ref.slot, analysis: analysis, initiatives: initiativeRecords, limit: relatedLimits.count,
                                    candidatesPerEntity: relatedLimits.candidatesPerEntity).map { entry in
            summary(entry.article, in: state, extra: [("shared", .array(entry.shared.map(JSON.string)))])
        }
        return .object(summaryFields(ref, article) + [
            ("authors", .array(authors)),
            ("affiliation", .optional(article.affiliation)),
            ("credit", .object([
                ("organisations", .array(article.credit.organisations.map(JSON.string))),
                ("positions", .array(article.credit.positions.map(JSON.string))),
            ])),
            ("source", .optional(article.source)),
            ("created_at", .string(RFC3339.string(ref.page.createdAt))),
            ("updated_at", .string(RFC3339.string(ref.page.updatedAt))),
            ("body", .array(body)),
            ("paragraphs", .array(article.paragraphs.map(JSON.string))),
            ("subheadings", .array(article.subheadings.map { .object([("index", .int($0.index)), ("text", .string($0.text))]) })),
            ("captions", .array(article.captions.map { .object([("text", .string($0.text)), ("credit", .optional($0.credit))]) })),
            ("duplicates_removed", .int(article.duplicatesRemoved)),
            ("tags", .array(analysis.tags.map { tag in
                EntityJSON.tag(term: tag.term, articles: aggregate.articleCount(ofTag: tag.term), extra: [("score", .double(tag.score))])
            })),
            ("locality", analysis.locality.flatMap { aggregate.places[$0] }.map { EntityJSON.place($0, in: aggregate) } ?? .null),
            ("places", .array(places)),
            ("initiatives", .array(initiatives)),
            ("related", .array(related)),
            ("links", .object([("page", .string(Links.page(ref.page.id))), ("raw", .string(Links.pageRaw(ref.page.id)))])),
        ])
    }

    static func displayTitle(_ article: Article) -> (text: String, derived: Bool) { ArticleDisplay.title(of: article) }

    static func excerpt(_ article: Article) -> String { ArticleDisplay.excerpt(of: article) }
}

import Archive
import JSONValue
import PageParser

/// The `newsroom parse` document: `{"pages":[…]}`. Articles carry the field names of the API's
/// article shape (and the ids the archive gives them), so what the CLI prints and what the API
/// serves can be compared field by field.
func parseDocument(_ pages: [Page]) -> JSON {
    .object([("pages", .array(pages.map(pageJSON)))])
}

func pageJSON(_ page: Page) -> JSON {
    let ids = ArticleDisplay.articleIDs(of: page)
    return .object([
        ("id", .string(page.id)),
        ("file", .string(page.file)),
        ("newspaper", .optional(page.newspaper)),
        ("printed_date", .optional(page.printedDate)),
        ("page_label", .optional(page.pageLabel)),
        ("section", .optional(page.section)),
        ("source_format", .string(page.sourceFormat.rawValue)),
        ("source_encoding", .string(page.sourceEncoding.rawValue)),
        ("banners", .array(page.banners.map(JSON.string))),
        ("editors", .array(page.editors.map {
            .object([("role", .string($0.role)), ("normalized_role", .string($0.normalizedRole.rawValue)), ("name", .string($0.name))])
        })),
        ("emails", .array(page.emails.map(JSON.string))),
        ("page_numbers", .array(page.pageNumbers.map(JSON.string))),
        ("fragments", .array(page.fragments.map(JSON.string))),
        ("furniture", .array(page.furniture.map(JSON.string))),
        ("articles", .array(zip(page.articles, ids).enumerated().map { articleJSON($0.element.0, id: $0.element.1, ordinal: $0.offset + 1) })),
    ])
}

func articleJSON(_ article: Article, id: String, ordinal: Int) -> JSON {
    let name = ArticleDisplay.title(of: article)
    return .object([
        ("id", .string(id)),
        ("name", .string(name.text)),
        ("title", .optional(article.title)),
        ("display_title_derived", .bool(name.derived)),
        ("kicker", .optional(article.kicker)),
        ("subtitle", .optional(article.subtitle)),
        ("series", .optional(article.series)),
        ("kind", .string(article.kind.rawValue)),
        ("dateline", .optional(article.dateline)),
        ("ordinal", .int(ordinal)),
        ("byline", .array(article.authors.map { .object([("name", .string($0.name)), ("role", .string($0.role.rawValue))]) })),
        ("affiliation", .optional(article.affiliation)),
        ("credit", .object([
            ("organisations", .array(article.credit.organisations.map(JSON.string))),
            ("positions", .array(article.credit.positions.map(JSON.string))),
        ])),
        ("source", .optional(article.source)),
        ("paragraphs", .array(article.paragraphs.map(JSON.string))),
        ("subheadings", .array(article.subheadings.map { .object([("index", .int($0.index)), ("text", .string($0.text))]) })),
        ("captions", .array(article.captions.map { .object([("text", .string($0.text)), ("credit", .optional($0.credit))]) })),
        ("duplicates_removed", .int(article.duplicatesRemoved)),
    ])
}
